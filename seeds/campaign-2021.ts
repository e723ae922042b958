/**
 * The 2021 joint recruitment campaign of the asylum and migration services (werkenbijasielenmigratie.be).
 *
 * From the source documents (003: press release; 004: Asse exam rules):
 * - 700 hires in waves, across DVZ, CGVS, RvV and Fedasil; Selor tests, also on Saturdays.
 * - Wave 1: security escorts 55, migration and protection officers 85, return coaches 43 (183 posts).
 * - Wave 2 from 16 July 2021: social and psychological assistants.
 * - Later (wave 3): lawyers to help write the Migration Code.
 * - Exam parts and pass rule: written 50 points, oral 50 points; at least 50 % per part and 60 % overall.
 *
 * Filled in plausibly, because the documents leave them open:
 * - Wave 1's opening date (14 June 2021) and wave 3's (4 October 2021); the documents say "mid-2021" and "later".
 * - How the 85 migration and protection officers split: 40 CGVS protection officers, 30 DVZ Dublin officers and 15 DVZ
 *   labour-migration officers (the press release's 55 / 33 / 15 needs are then completed in waves 2 and 3).
 * - Everything beyond wave 1: 270 posts in wave 2 and 247 in wave 3, so that the targets sum to exactly 700, and the
 *   places, language regimes and contract types of every vacancy.
 * - Dates that keep a fresh install usable: the campaign starts on wave 1's date but ends 365 days after the day the seed
 *   runs (the documents give no end date); open vacancies either recruit continuously (no deadline) or close a number of
 *   days after the seed runs; Selor sessions are scheduled in the weeks after the seed runs, on weekdays and Saturdays.
 *   A few wave-1 vacancies are CLOSED with their 2021 deadline, and one wave-3 vacancy is still a DRAFT.
 * - Places of the test sessions (Selor's Brussels test centre and regional centres) and their capacities.
 */
import type { CampaignSeed, ExamPartSeed, TestSessionSeed, VacancySeed } from "./types";

const written50: ExamPartSeed = { name: "Schriftelijk", maxPoints: 50 };
const oral50: ExamPartSeed = { name: "Mondeling", maxPoints: 50 };

const vacancies: VacancySeed[] = [
  // Wave 1: 55 security escorts (DVZ).
  { key: "w1-dvz-escort-nl", agency: "DVZ", wave: 1, functionCode: "NBV101", headcountTarget: 20, place: "Steenokkerzeel", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true },
    examParts: [{ name: "Computertest", maxPoints: 40 }, oral50] },
  { key: "w1-dvz-escort-fr", agency: "DVZ", wave: 1, functionCode: "NBV101", headcountTarget: 20, place: "Vottem", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true },
    examParts: [{ name: "Computertest", maxPoints: 40 }, oral50] },
  { key: "w1-dvz-escort-merksplas", agency: "DVZ", wave: 1, functionCode: "NBV101", headcountTarget: 15, place: "Merksplas", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "CLOSED", deadline: { at: "2021-07-31T21:59:00Z" },
    examParts: [{ name: "Computertest", maxPoints: 40 }, oral50] },
  // Wave 1: 85 migration and protection officers.
  { key: "w1-cgvs-protection-nl", agency: "CGVS", wave: 1, functionCode: "NBV103", headcountTarget: 20, place: "Brussel", languageRegime: "NL", contractType: "STATUTORY", status: "OPEN", deadline: { daysAfterSeed: 45 } },
  { key: "w1-cgvs-protection-fr", agency: "CGVS", wave: 1, functionCode: "NBV103", headcountTarget: 20, place: "Brussel", languageRegime: "FR", contractType: "STATUTORY", status: "OPEN", deadline: { daysAfterSeed: 45 } },
  { key: "w1-dvz-dublin-nl", agency: "DVZ", wave: 1, functionCode: "NBV102", headcountTarget: 15, place: "Brussel", languageRegime: "NL", contractType: "STATUTORY", status: "OPEN", deadline: { daysAfterSeed: 30 } },
  { key: "w1-dvz-dublin-fr", agency: "DVZ", wave: 1, functionCode: "NBV102", headcountTarget: 15, place: "Brussel", languageRegime: "FR", contractType: "STATUTORY", status: "CLOSED", deadline: { at: "2021-08-15T21:59:00Z" } },
  { key: "w1-dvz-labour-nl", agency: "DVZ", wave: 1, functionCode: "NBV102", headcountTarget: 8, place: "Brussel", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true },
    title: { nl: "Attaché migration officer arbeidsmigratie", fr: "Attaché migration officer migration économique", en: "Migration officer, labour migration" } },
  { key: "w1-dvz-labour-fr", agency: "DVZ", wave: 1, functionCode: "NBV102", headcountTarget: 7, place: "Brussel", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true },
    title: { nl: "Attaché migration officer arbeidsmigratie", fr: "Attaché migration officer migration économique", en: "Migration officer, labour migration" } },
  // Wave 1: 43 return coaches (DVZ, NBV001 from document 000).
  { key: "w1-dvz-return-coach-nl", agency: "DVZ", wave: 1, functionCode: "NBV001", headcountTarget: 22, place: "Zulte", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 60 } },
  { key: "w1-dvz-return-coach-fr", agency: "DVZ", wave: 1, functionCode: "NBV001", headcountTarget: 21, place: "Tubize", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 60 } },

  // Wave 2 (from 16 July 2021): social and psychological assistants, and the rest of the protection and Dublin needs.
  { key: "w2-fedasil-social-brussel", agency: "FEDASIL", wave: 2, functionCode: "NBV104", headcountTarget: 40, place: "Brussel", languageRegime: "BILINGUAL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true } },
  { key: "w2-fedasil-social-poelkapelle", agency: "FEDASIL", wave: 2, functionCode: "NBV104", headcountTarget: 25, place: "Poelkapelle", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true } },
  { key: "w2-fedasil-social-sint-truiden", agency: "FEDASIL", wave: 2, functionCode: "NBV104", headcountTarget: 25, place: "Sint-Truiden", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 30 } },
  { key: "w2-fedasil-social-jabbeke", agency: "FEDASIL", wave: 2, functionCode: "NBV104", headcountTarget: 20, place: "Jabbeke", languageRegime: "NL", contractType: "FIXED_TERM_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 30 } },
  { key: "w2-fedasil-social-florennes", agency: "FEDASIL", wave: 2, functionCode: "NBV104", headcountTarget: 25, place: "Florennes", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true } },
  { key: "w2-fedasil-social-jumet", agency: "FEDASIL", wave: 2, functionCode: "NBV104", headcountTarget: 25, place: "Jumet", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 30 } },
  { key: "w2-fedasil-social-mouscron", agency: "FEDASIL", wave: 2, functionCode: "NBV104", headcountTarget: 20, place: "Mouscron", languageRegime: "FR", contractType: "FIXED_TERM_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 30 } },
  { key: "w2-fedasil-psych-brussel", agency: "FEDASIL", wave: 2, functionCode: "NBV105", headcountTarget: 20, place: "Brussel", languageRegime: "BILINGUAL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true } },
  { key: "w2-fedasil-psych-arendonk", agency: "FEDASIL", wave: 2, functionCode: "NBV105", headcountTarget: 20, place: "Arendonk", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 45 } },
  { key: "w2-fedasil-psych-bierset", agency: "FEDASIL", wave: 2, functionCode: "NBV105", headcountTarget: 20, place: "Bierset", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 45 } },
  { key: "w2-cgvs-psych-nl", agency: "CGVS", wave: 2, functionCode: "NBV105", headcountTarget: 6, place: "Brussel", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 45 } },
  { key: "w2-cgvs-psych-fr", agency: "CGVS", wave: 2, functionCode: "NBV105", headcountTarget: 6, place: "Brussel", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 45 } },
  { key: "w2-cgvs-protection-nl", agency: "CGVS", wave: 2, functionCode: "NBV103", headcountTarget: 8, place: "Brussel", languageRegime: "NL", contractType: "STATUTORY", status: "OPEN", deadline: { continuous: true } },
  { key: "w2-cgvs-protection-fr", agency: "CGVS", wave: 2, functionCode: "NBV103", headcountTarget: 7, place: "Brussel", languageRegime: "FR", contractType: "STATUTORY", status: "OPEN", deadline: { continuous: true } },
  { key: "w2-dvz-dublin-bilingual", agency: "DVZ", wave: 2, functionCode: "NBV102", headcountTarget: 3, place: "Brussel", languageRegime: "BILINGUAL", contractType: "STATUTORY", status: "OPEN", deadline: { continuous: true } },

  // Wave 3 (later): lawyers for the Migration Code, RvV clerks, and second rounds of the largest needs.
  { key: "w3-dvz-lawyer-nl", agency: "DVZ", wave: 3, functionCode: "NBV106", headcountTarget: 18, place: "Brussel", languageRegime: "NL", contractType: "STATUTORY", status: "OPEN", deadline: { daysAfterSeed: 60 } },
  { key: "w3-dvz-lawyer-fr", agency: "DVZ", wave: 3, functionCode: "NBV106", headcountTarget: 17, place: "Brussel", languageRegime: "FR", contractType: "STATUTORY", status: "OPEN", deadline: { daysAfterSeed: 60 } },
  { key: "w3-rvv-clerk-nl", agency: "RVV", wave: 3, functionCode: "NBV107", headcountTarget: 30, place: "Brussel", languageRegime: "NL", contractType: "STATUTORY", status: "OPEN", deadline: { continuous: true } },
  { key: "w3-rvv-clerk-fr", agency: "RVV", wave: 3, functionCode: "NBV107", headcountTarget: 30, place: "Brussel", languageRegime: "FR", contractType: "STATUTORY", status: "OPEN", deadline: { daysAfterSeed: 60 } },
  { key: "w3-dvz-return-coach-nl", agency: "DVZ", wave: 3, functionCode: "NBV001", headcountTarget: 15, place: "Sint-Gillis-Waas", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true } },
  { key: "w3-dvz-return-coach-fr", agency: "DVZ", wave: 3, functionCode: "NBV001", headcountTarget: 15, place: "Beauvechain", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "DRAFT", deadline: { continuous: true } },
  { key: "w3-dvz-escort-bilingual", agency: "DVZ", wave: 3, functionCode: "NBV101", headcountTarget: 40, place: "Brussel", languageRegime: "BILINGUAL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true },
    examParts: [{ name: "Computertest", maxPoints: 40 }, oral50] },
  { key: "w3-fedasil-social-nl", agency: "FEDASIL", wave: 3, functionCode: "NBV104", headcountTarget: 30, place: "Mechelen", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true } },
  { key: "w3-fedasil-social-fr", agency: "FEDASIL", wave: 3, functionCode: "NBV104", headcountTarget: 30, place: "Namur", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { continuous: true } },
  { key: "w3-cgvs-case-handler-nl", agency: "CGVS", wave: 3, functionCode: "NBV103", headcountTarget: 11, place: "Brussel", languageRegime: "NL", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 90 } },
  { key: "w3-cgvs-case-handler-fr", agency: "CGVS", wave: 3, functionCode: "NBV103", headcountTarget: 11, place: "Brussel", languageRegime: "FR", contractType: "PERMANENT_CONTRACT", status: "OPEN", deadline: { daysAfterSeed: 90 } },
];

const everyProfile = ["NBV001", "NBV101", "NBV102", "NBV103", "NBV104", "NBV105", "NBV106", "NBV107"];
const selorBrussel = "Selor, testcentrum Brussel (WTC III)";

/** Computer tests on weekdays and Saturdays, written and oral exams after them; the Saturday sessions keep pace. */
// weekday: 2 Tuesday, 3 Wednesday, 4 Thursday, 5 Friday, 6 Saturday.
const testSessions: TestSessionSeed[] = [
  { week: 1, weekday: 2, startsAtLocal: "09:00", durationMinutes: 180, kind: "COMPUTER_TEST", place: selorBrussel, language: "NL", capacity: 60, functionCodes: everyProfile },
  { week: 1, weekday: 2, startsAtLocal: "13:30", durationMinutes: 180, kind: "COMPUTER_TEST", place: selorBrussel, language: "FR", capacity: 60, functionCodes: everyProfile },
  { week: 1, weekday: 6, startsAtLocal: "09:00", durationMinutes: 180, kind: "COMPUTER_TEST", place: "Selor, testcentrum Gent", language: "NL", capacity: 40, functionCodes: everyProfile },
  { week: 1, weekday: 6, startsAtLocal: "09:00", durationMinutes: 180, kind: "COMPUTER_TEST", place: "Selor, centre de test Namur", language: "FR", capacity: 40, functionCodes: everyProfile },
  { week: 2, weekday: 4, startsAtLocal: "17:00", durationMinutes: 150, kind: "WRITTEN", place: selorBrussel, language: "NL", capacity: 80, functionCodes: ["NBV001", "NBV102", "NBV103", "NBV106", "NBV107"] },
  { week: 2, weekday: 4, startsAtLocal: "17:00", durationMinutes: 150, kind: "WRITTEN", place: selorBrussel, language: "FR", capacity: 80, functionCodes: ["NBV001", "NBV102", "NBV103", "NBV106", "NBV107"] },
  { week: 2, weekday: 6, startsAtLocal: "09:30", durationMinutes: 150, kind: "WRITTEN", place: selorBrussel, language: "NL", capacity: 100, functionCodes: ["NBV104", "NBV105"] },
  { week: 2, weekday: 6, startsAtLocal: "13:30", durationMinutes: 150, kind: "WRITTEN", place: selorBrussel, language: "FR", capacity: 100, functionCodes: ["NBV104", "NBV105"] },
  { week: 3, weekday: 2, startsAtLocal: "09:00", durationMinutes: 480, kind: "ORAL", place: selorBrussel, language: "NL", capacity: 16, functionCodes: everyProfile },
  { week: 3, weekday: 3, startsAtLocal: "09:00", durationMinutes: 480, kind: "ORAL", place: selorBrussel, language: "FR", capacity: 16, functionCodes: everyProfile },
  { week: 3, weekday: 5, startsAtLocal: "09:00", durationMinutes: 480, kind: "ASSESSMENT", place: "Selor, assessment centre Brussel", language: "NL", capacity: 12, functionCodes: ["NBV001", "NBV101"] },
  { week: 4, weekday: 6, startsAtLocal: "09:00", durationMinutes: 180, kind: "COMPUTER_TEST", place: selorBrussel, language: "NL", capacity: 60, functionCodes: everyProfile },
  { week: 4, weekday: 6, startsAtLocal: "13:30", durationMinutes: 180, kind: "COMPUTER_TEST", place: selorBrussel, language: "FR", capacity: 60, functionCodes: everyProfile },
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
  endsDaysAfterSeed: 365,
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

export const DEFAULT_EXAM_PARTS: ExamPartSeed[] = [written50, oral50];
export const DEFAULT_OVERALL_PASS_PERCENT = 60;
