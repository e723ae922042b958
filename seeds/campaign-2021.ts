/**
 * The 2021 joint recruitment campaign of the asylum and migration services (werkenbijasielenmigratie.be).
 *
 * From the source documents (003: press release; 004: Asse exam rules):
 * - 700 hires in waves, across DVZ, CGVS, RvV and Fedasil; Selor tests, also on Saturdays.
 * - Wave 1: security escorts 55, migration and protection officers 85, return coaches 43 (183 posts).
 * - Wave 2 from 16 July 2021: social and psychological assistants.
 * - Later (wave 3): lawyers to help write the Migration Code.
 * - The pass rule: at least 50 % on each exam part and 60 % overall, and only those who pass a part go on to the next;
 *   the written and oral parts of 50 points each.
 *
 * Filled in plausibly (illustrative), because the documents leave them open:
 * - The calendar: wave 1 opens on 14 June 2021, wave 3 on 4 October 2021 (the documents say "mid-2021" and "later"); the
 *   campaign ends on 30 June 2022; the deadlines and the Selor sessions (autumn 2021, weekdays and Saturdays). The
 *   calendar is whole: every date lies between the campaign's start and end, publication before deadline, and the
 *   sessions after the seed's standing day (18 October 2021), when two wave-1 vacancies have closed and one wave-3
 *   vacancy is still a draft. src/seeding/seed-campaign.ts moves the whole calendar by whole weeks to the install day.
 * - How the 85 migration and protection officers split: 40 CGVS protection officers, 30 DVZ Dublin officers and 15 DVZ
 *   labour-migration officers (the press release's 55 / 33 / 15 needs are then completed in waves 2 and 3).
 * - Everything beyond wave 1: 270 posts in wave 2 and 247 in wave 3, so that the targets sum to exactly 700, and the
 *   places, language regimes and contract types of every vacancy.
 * - The exam parts beyond the written and oral ones (a computer test of 40 points, an assessment of 50) and which
 *   profile takes which; the places and capacities of the sessions.
 * - The vacancies' descriptions, written from each vacancy's own facts (agency, posts, place, contract, language).
 */
import { agencies } from "./agencies";
import { places } from "./places";
import type { CampaignSeed, ExamPartSeed, LocalizedText, TestSessionSeed, VacancySeed } from "./types";

const computerTest: ExamPartSeed = {
  name: "Computertest",
  kind: "COMPUTER_TEST",
  title: { nl: "Computergestuurde test", fr: "Test informatisé", en: "Computer-based test", de: "Computergestützter Test" },
  maxPoints: 40,
};
const written50: ExamPartSeed = {
  name: "Schriftelijk",
  kind: "WRITTEN",
  title: { nl: "Schriftelijke proef (casus)", fr: "Épreuve écrite (étude de cas)", en: "Written exam (case study)", de: "Schriftliche Prüfung (Fallstudie)" },
  maxPoints: 50,
};
const oral50: ExamPartSeed = {
  name: "Mondeling",
  kind: "ORAL",
  title: { nl: "Mondelinge proef", fr: "Épreuve orale", en: "Oral exam", de: "Mündliche Prüfung" },
  maxPoints: 50,
};
const assessment50: ExamPartSeed = {
  name: "Assessment",
  kind: "ASSESSMENT",
  title: { nl: "Assessment (rollenspel)", fr: "Assessment (jeu de rôle)", en: "Assessment (role play)", de: "Assessment (Rollenspiel)" },
  maxPoints: 50,
};

/** Each profile's selection procedure: the parts in the order they are taken. */
const PROCEDURES: Record<string, ExamPartSeed[]> = {
  NBV001: [computerTest, assessment50, oral50],
  NBV101: [computerTest, oral50],
  NBV102: [computerTest, written50, oral50],
  NBV103: [computerTest, written50, oral50],
  NBV104: [written50, oral50],
  NBV105: [written50, oral50],
  NBV106: [computerTest, written50, oral50],
  NBV107: [computerTest, written50, oral50],
};

type VacancyFacts = Omit<VacancySeed, "description" | "examParts">;

const CONTRACT: Record<VacancyFacts["contractType"], Required<Pick<LocalizedText, "nl" | "fr" | "en">>> = {
  STATUTORY: { nl: "als statutair ambtenaar", fr: "comme agent statutaire", en: "as statutory civil servants" },
  PERMANENT_CONTRACT: { nl: "met een contract van onbepaalde duur", fr: "sous contrat à durée indéterminée", en: "on open-ended contracts" },
  FIXED_TERM_CONTRACT: { nl: "met een contract van bepaalde duur", fr: "sous contrat à durée déterminée", en: "on fixed-term contracts" },
};
const REGIME: Record<VacancyFacts["languageRegime"], Required<Pick<LocalizedText, "nl" | "fr" | "en">>> = {
  NL: { nl: "Het is een Nederlandstalige betrekking.", fr: "Il s'agit d'un emploi néerlandophone.", en: "The post is Dutch-speaking." },
  FR: { nl: "Het is een Franstalige betrekking.", fr: "Il s'agit d'un emploi francophone.", en: "The post is French-speaking." },
  DE: { nl: "Het is een Duitstalige betrekking.", fr: "Il s'agit d'un emploi germanophone.", en: "The post is German-speaking." },
  BILINGUAL: {
    nl: "Het is een tweetalige betrekking: je werkt in het Nederlands en het Frans.",
    fr: "Il s'agit d'un emploi bilingue : vous travaillez en néerlandais et en français.",
    en: "The post is bilingual: you work in Dutch and French.",
  },
};

/** A vacancy's description, in the project's words, from its own facts. */
function describe(v: VacancyFacts): LocalizedText {
  const agency = agencies.find((a) => a.code === v.agency)!.name;
  const place = places.find((p) => Object.values(p.name).includes(v.place))?.name;
  if (!place) throw new Error(`seed vacancy ${v.key}: unknown place ${v.place}`);
  const contract = CONTRACT[v.contractType];
  const regime = REGIME[v.languageRegime];
  const continuous = "continuous" in v.deadline;
  return {
    nl: `${agency.nl} werft ${v.headcountTarget} mensen aan in ${place.nl}, ${contract.nl}. ${regime.nl} ${
      continuous ? "Je kunt doorlopend solliciteren." : "Solliciteren kan tot de uiterste datum."
    } Selor organiseert de proeven, ook op zaterdag.`,
    fr: `${agency.fr} recrute ${v.headcountTarget} personnes à ${place.fr}, ${contract.fr}. ${regime.fr} ${
      continuous ? "Vous pouvez postuler à tout moment." : "Vous pouvez postuler jusqu'à la date limite."
    } Selor organise les épreuves, également le samedi.`,
    en: `The ${agency.en} is hiring ${v.headcountTarget} people in ${place.en}, ${contract.en}. ${regime.en} ${
      continuous ? "Applications are open continuously." : "Applications are open until the deadline."
    } Selor runs the tests, on Saturdays too.`,
  };
}

const vacancyFacts: VacancyFacts[] = [
  // Wave 1: 55 security escorts (DVZ).
  {
    key: "w1-dvz-escort-nl",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV101",
    headcountTarget: 20,
    place: "Steenokkerzeel",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w1-dvz-escort-fr",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV101",
    headcountTarget: 20,
    place: "Vottem",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w1-dvz-escort-merksplas",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV101",
    headcountTarget: 15,
    place: "Merksplas",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "CLOSED",
    deadline: { on: "2021-07-31" },
  },
  // Wave 1: 85 migration and protection officers.
  {
    key: "w1-cgvs-protection-nl",
    agency: "CGVS",
    wave: 1,
    functionCode: "NBV103",
    headcountTarget: 20,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { on: "2021-12-03" },
  },
  {
    key: "w1-cgvs-protection-fr",
    agency: "CGVS",
    wave: 1,
    functionCode: "NBV103",
    headcountTarget: 20,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { on: "2021-12-03" },
  },
  {
    key: "w1-dvz-dublin-nl",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV102",
    headcountTarget: 15,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { on: "2021-11-19" },
  },
  {
    key: "w1-dvz-dublin-fr",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV102",
    headcountTarget: 15,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "STATUTORY",
    status: "CLOSED",
    deadline: { on: "2021-08-15" },
  },
  {
    key: "w1-dvz-labour-nl",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV102",
    headcountTarget: 8,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
    title: { nl: "Attaché migration officer arbeidsmigratie", fr: "Attaché migration officer migration économique", en: "Migration officer, labour migration" },
  },
  {
    key: "w1-dvz-labour-fr",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV102",
    headcountTarget: 7,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
    title: { nl: "Attaché migration officer arbeidsmigratie", fr: "Attaché migration officer migration économique", en: "Migration officer, labour migration" },
  },
  // Wave 1: 43 return coaches (DVZ, NBV001 from document 000).
  {
    key: "w1-dvz-return-coach-nl",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV001",
    headcountTarget: 22,
    place: "Zulte",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-12-17" },
  },
  {
    key: "w1-dvz-return-coach-fr",
    agency: "DVZ",
    wave: 1,
    functionCode: "NBV001",
    headcountTarget: 21,
    place: "Tubize",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-12-17" },
  },

  // Wave 2 (from 16 July 2021): social and psychological assistants, and the rest of the protection and Dublin needs.
  {
    key: "w2-fedasil-social-brussel",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV104",
    headcountTarget: 40,
    place: "Brussel",
    languageRegime: "BILINGUAL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w2-fedasil-social-poelkapelle",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV104",
    headcountTarget: 25,
    place: "Poelkapelle",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w2-fedasil-social-sint-truiden",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV104",
    headcountTarget: 25,
    place: "Sint-Truiden",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-11-19" },
  },
  {
    key: "w2-fedasil-social-jabbeke",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV104",
    headcountTarget: 20,
    place: "Jabbeke",
    languageRegime: "NL",
    contractType: "FIXED_TERM_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-11-19" },
  },
  {
    key: "w2-fedasil-social-florennes",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV104",
    headcountTarget: 25,
    place: "Florennes",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w2-fedasil-social-jumet",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV104",
    headcountTarget: 25,
    place: "Jumet",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-11-19" },
  },
  {
    key: "w2-fedasil-social-mouscron",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV104",
    headcountTarget: 20,
    place: "Mouscron",
    languageRegime: "FR",
    contractType: "FIXED_TERM_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-11-19" },
  },
  {
    key: "w2-fedasil-psych-brussel",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV105",
    headcountTarget: 20,
    place: "Brussel",
    languageRegime: "BILINGUAL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w2-fedasil-psych-arendonk",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV105",
    headcountTarget: 20,
    place: "Arendonk",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-12-03" },
  },
  {
    key: "w2-fedasil-psych-bierset",
    agency: "FEDASIL",
    wave: 2,
    functionCode: "NBV105",
    headcountTarget: 20,
    place: "Bierset",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-12-03" },
  },
  {
    key: "w2-cgvs-psych-nl",
    agency: "CGVS",
    wave: 2,
    functionCode: "NBV105",
    headcountTarget: 6,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-12-03" },
  },
  {
    key: "w2-cgvs-psych-fr",
    agency: "CGVS",
    wave: 2,
    functionCode: "NBV105",
    headcountTarget: 6,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2021-12-03" },
  },
  {
    key: "w2-cgvs-protection-nl",
    agency: "CGVS",
    wave: 2,
    functionCode: "NBV103",
    headcountTarget: 8,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w2-cgvs-protection-fr",
    agency: "CGVS",
    wave: 2,
    functionCode: "NBV103",
    headcountTarget: 7,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w2-dvz-dublin-bilingual",
    agency: "DVZ",
    wave: 2,
    functionCode: "NBV102",
    headcountTarget: 3,
    place: "Brussel",
    languageRegime: "BILINGUAL",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { continuous: true },
  },

  // Wave 3 (later): lawyers for the Migration Code, RvV clerks, and second rounds of the largest needs.
  {
    key: "w3-dvz-lawyer-nl",
    agency: "DVZ",
    wave: 3,
    functionCode: "NBV106",
    headcountTarget: 18,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { on: "2021-12-17" },
  },
  {
    key: "w3-dvz-lawyer-fr",
    agency: "DVZ",
    wave: 3,
    functionCode: "NBV106",
    headcountTarget: 17,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { on: "2021-12-17" },
  },
  {
    key: "w3-rvv-clerk-nl",
    agency: "RVV",
    wave: 3,
    functionCode: "NBV107",
    headcountTarget: 30,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w3-rvv-clerk-fr",
    agency: "RVV",
    wave: 3,
    functionCode: "NBV107",
    headcountTarget: 30,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "STATUTORY",
    status: "OPEN",
    deadline: { on: "2021-12-17" },
  },
  {
    key: "w3-dvz-return-coach-nl",
    agency: "DVZ",
    wave: 3,
    functionCode: "NBV001",
    headcountTarget: 15,
    place: "Sint-Gillis-Waas",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w3-dvz-return-coach-fr",
    agency: "DVZ",
    wave: 3,
    functionCode: "NBV001",
    headcountTarget: 15,
    place: "Beauvechain",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "DRAFT",
    deadline: { continuous: true },
  },
  {
    key: "w3-dvz-escort-bilingual",
    agency: "DVZ",
    wave: 3,
    functionCode: "NBV101",
    headcountTarget: 40,
    place: "Brussel",
    languageRegime: "BILINGUAL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w3-fedasil-social-nl",
    agency: "FEDASIL",
    wave: 3,
    functionCode: "NBV104",
    headcountTarget: 30,
    place: "Mechelen",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w3-fedasil-social-fr",
    agency: "FEDASIL",
    wave: 3,
    functionCode: "NBV104",
    headcountTarget: 30,
    place: "Namur",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { continuous: true },
  },
  {
    key: "w3-cgvs-case-handler-nl",
    agency: "CGVS",
    wave: 3,
    functionCode: "NBV103",
    headcountTarget: 11,
    place: "Brussel",
    languageRegime: "NL",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2022-01-14" },
  },
  {
    key: "w3-cgvs-case-handler-fr",
    agency: "CGVS",
    wave: 3,
    functionCode: "NBV103",
    headcountTarget: 11,
    place: "Brussel",
    languageRegime: "FR",
    contractType: "PERMANENT_CONTRACT",
    status: "OPEN",
    deadline: { on: "2022-01-14" },
  },
];

const vacancies: VacancySeed[] = vacancyFacts.map((v) => ({ ...v, examParts: PROCEDURES[v.functionCode], description: describe(v) }));

const everyProfile = ["NBV001", "NBV101", "NBV102", "NBV103", "NBV104", "NBV105", "NBV106", "NBV107"];
const withComputerTest = everyProfile.filter((code) => PROCEDURES[code].some((part) => part.kind === "COMPUTER_TEST"));
const selorBrussel: LocalizedText = {
  nl: "Selor, testcentrum Brussel (WTC III)",
  fr: "Selor, centre de test Bruxelles (WTC III)",
  en: "Selor, Brussels test centre (WTC III)",
  de: "Selor, Testzentrum Brüssel (WTC III)",
};

/** Computer tests on weekdays and Saturdays, written and oral exams after them; the Saturday sessions keep pace. */
const testSessions: TestSessionSeed[] = [
  {
    on: "2021-10-26",
    startsAtLocal: "09:00",
    durationMinutes: 180,
    kind: "COMPUTER_TEST",
    place: selorBrussel,
    language: "NL",
    capacity: 60,
    functionCodes: withComputerTest,
  },
  {
    on: "2021-10-26",
    startsAtLocal: "13:30",
    durationMinutes: 180,
    kind: "COMPUTER_TEST",
    place: selorBrussel,
    language: "FR",
    capacity: 60,
    functionCodes: withComputerTest,
  },
  {
    on: "2021-10-30",
    startsAtLocal: "09:00",
    durationMinutes: 180,
    kind: "COMPUTER_TEST",
    place: { nl: "Selor, testcentrum Gent", fr: "Selor, centre de test Gand", en: "Selor, Ghent test centre", de: "Selor, Testzentrum Gent" },
    language: "NL",
    capacity: 40,
    functionCodes: withComputerTest,
  },
  {
    on: "2021-10-30",
    startsAtLocal: "09:00",
    durationMinutes: 180,
    kind: "COMPUTER_TEST",
    place: { nl: "Selor, testcentrum Namen", fr: "Selor, centre de test Namur", en: "Selor, Namur test centre", de: "Selor, Testzentrum Namür" },
    language: "FR",
    capacity: 40,
    functionCodes: withComputerTest,
  },
  {
    on: "2021-11-04",
    startsAtLocal: "17:00",
    durationMinutes: 150,
    kind: "WRITTEN",
    place: selorBrussel,
    language: "NL",
    capacity: 80,
    functionCodes: ["NBV102", "NBV103", "NBV106", "NBV107"],
  },
  {
    on: "2021-11-04",
    startsAtLocal: "17:00",
    durationMinutes: 150,
    kind: "WRITTEN",
    place: selorBrussel,
    language: "FR",
    capacity: 80,
    functionCodes: ["NBV102", "NBV103", "NBV106", "NBV107"],
  },
  {
    on: "2021-11-06",
    startsAtLocal: "09:30",
    durationMinutes: 150,
    kind: "WRITTEN",
    place: selorBrussel,
    language: "NL",
    capacity: 100,
    functionCodes: ["NBV104", "NBV105"],
  },
  {
    on: "2021-11-06",
    startsAtLocal: "13:30",
    durationMinutes: 150,
    kind: "WRITTEN",
    place: selorBrussel,
    language: "FR",
    capacity: 100,
    functionCodes: ["NBV104", "NBV105"],
  },
  {
    on: "2021-11-09",
    startsAtLocal: "09:00",
    durationMinutes: 480,
    kind: "ORAL",
    place: selorBrussel,
    language: "NL",
    capacity: 16,
    functionCodes: everyProfile,
  },
  {
    on: "2021-11-10",
    startsAtLocal: "09:00",
    durationMinutes: 480,
    kind: "ORAL",
    place: selorBrussel,
    language: "FR",
    capacity: 16,
    functionCodes: everyProfile,
  },
  {
    on: "2021-11-12",
    startsAtLocal: "09:00",
    durationMinutes: 480,
    kind: "ASSESSMENT",
    place: {
      nl: "Selor, assessmentcentrum Brussel",
      fr: "Selor, centre d'assessment Bruxelles",
      en: "Selor, Brussels assessment centre",
      de: "Selor, Assessment-Center Brüssel",
    },
    language: "NL",
    capacity: 12,
    functionCodes: ["NBV001"],
  },
  {
    on: "2021-11-20",
    startsAtLocal: "09:00",
    durationMinutes: 180,
    kind: "COMPUTER_TEST",
    place: selorBrussel,
    language: "NL",
    capacity: 60,
    functionCodes: withComputerTest,
  },
  {
    on: "2021-11-20",
    startsAtLocal: "13:30",
    durationMinutes: 180,
    kind: "COMPUTER_TEST",
    place: selorBrussel,
    language: "FR",
    capacity: 60,
    functionCodes: withComputerTest,
  },
];

export const campaign2021: CampaignSeed = {
  slug: "asiel-migratie-2021",
  name: {
    nl: "Werken bij asiel en migratie 2021",
    fr: "Travailler dans l'asile et la migration 2021",
    en: "Working in asylum and migration 2021",
    de: "Arbeiten im Bereich Asyl und Migration 2021",
  },
  description: {
    nl: "Gezamenlijke aanwervingscampagne van DVZ, CGVS, RvV en Fedasil: 700 nieuwe collega's, in golven, om procedures sneller en beter te laten verlopen, de achterstand in asieldossiers weg te werken en een aanklampend terugkeerbeleid mogelijk te maken.",
    fr: "Campagne de recrutement commune de l'OE, du CGRA, du CCE et de Fedasil : 700 nouveaux collègues, par vagues, pour des procédures plus rapides et de meilleure qualité, résorber l'arriéré des dossiers d'asile et rendre possible une politique de retour proactive.",
    en: "Joint recruitment campaign of the Immigration Office, the CGRS, the Council for Alien Law Litigation and Fedasil: 700 new colleagues, hired in waves, to make procedures faster and better, clear the asylum backlog and make a persistent return policy possible.",
  },
  targetHeadcount: 700,
  startsOn: "2021-06-14",
  endsOn: "2022-06-30",
  standsOn: "2021-10-18",
  siteUrl: "https://werkenbijasielenmigratie.be",
  agencies: ["DVZ", "CGVS", "RVV", "FEDASIL"],
  waves: [
    {
      number: 1,
      opensOn: "2021-06-14",
      name: { nl: "Golf 1", fr: "Vague 1", en: "Wave 1", de: "Welle 1" },
      description: {
        nl: "Veiligheidsbegeleiders, migration en protection officers en terugkeercoaches.",
        fr: "Accompagnateurs de sécurité, migration et protection officers, et coachs retour.",
        en: "Security escorts, migration and protection officers, and return coaches.",
      },
    },
    {
      number: 2,
      opensOn: "2021-07-16",
      name: { nl: "Golf 2", fr: "Vague 2", en: "Wave 2", de: "Welle 2" },
      description: {
        nl: "Maatschappelijk en psychologisch assistenten, en extra protection en Dublin officers.",
        fr: "Assistants sociaux et psychologiques, et des protection et Dublin officers supplémentaires.",
        en: "Social and psychological assistants, and more protection and Dublin officers.",
      },
    },
    {
      number: 3,
      opensOn: "2021-10-04",
      name: { nl: "Golf 3", fr: "Vague 3", en: "Wave 3", de: "Welle 3" },
      description: {
        nl: "Juristen voor het Migratiewetboek, attachés bij de RvV, en tweede rondes voor de grootste noden.",
        fr: "Juristes pour le Code de la migration, attachés au CCE, et secondes rondes pour les besoins les plus importants.",
        en: "Lawyers for the Migration Code, Council attachés, and second rounds for the largest needs.",
      },
    },
  ],
  vacancies,
  testSessions,
};

/** The pass rule of 004 (Asse): every part at least 50 %, all parts together at least 60 %. */
export const DEFAULT_OVERALL_PASS_PERCENT = 60;
