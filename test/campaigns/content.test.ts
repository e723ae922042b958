import { sql } from "drizzle-orm";
import { campaign2021, jobProfiles as profileSeeds, salaryScales as scaleSeeds } from "../../seeds";
import { addDays, isoWeekday } from "../../src/common/brussels-time";
import { selectRows } from "../../src/db/client";
import { calendarShift, seedCampaign } from "../../src/seeding/seed-campaign";
import { explainScore } from "../../src/test-sessions/score-explanation";
import { score } from "../../src/test-sessions/scoring";
import { createKeys, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** The seeded campaign's content, checked against the source documents' facts, in every language the public reads. */
let server: TestServer;
let keys: Keys;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  // Seeded as on its standing day: the calendar is exactly the 2021 one.
  await seedCampaign(server.database.db, "2021-10-20");
  keys = await createKeys(server);
});
afterAll(() => server.close());

test("the calendar moves by whole weeks, so the install day falls in the seed's standing week", () => {
  expect(calendarShift("2021-10-18", "2021-10-18")).toBe(0);
  expect(calendarShift("2021-10-18", "2021-10-24")).toBe(0);
  expect(calendarShift("2021-10-18", "2021-10-25")).toBe(7);
  expect(calendarShift("2021-10-18", "2026-11-29")).toBe(1862);
  const today = "2026-11-29";
  const monday = addDays("2021-10-18", calendarShift("2021-10-18", today));
  expect(monday <= today && today < addDays(monday, 7)).toBe(true);
  expect(isoWeekday(addDays("2021-10-30", calendarShift("2021-10-18", today)))).toBe(6);
});

test("the timeline is whole: start, waves, publication, deadlines, sessions and end in order", async () => {
  const db = server.database.db;
  const [campaign] = await selectRows<{ starts_on: string; ends_on: string }>(db, sql`select starts_on::text, ends_on::text from campaigns`);
  expect(campaign).toEqual({ starts_on: "2021-06-14", ends_on: "2022-06-30" });
  const [broken] = await selectRows<{ n: number }>(
    db,
    sql`select
          (select count(*) from waves w join campaigns c on c.id = w.campaign_id where w.opens_on not between c.starts_on and c.ends_on)
        + (select count(*) from vacancies v join waves w on w.id = v.wave_id join campaigns c on c.id = v.campaign_id
             where v.published_at < (w.opens_on::timestamp at time zone 'Europe/Brussels')
                or v.application_deadline <= v.published_at
                or (v.application_deadline at time zone 'Europe/Brussels')::date > c.ends_on)
        + (select count(*) from test_sessions s join campaigns c on c.id = s.campaign_id
             where (s.starts_at at time zone 'Europe/Brussels')::date not between '2021-10-25' and c.ends_on
                or extract(isodow from s.starts_at at time zone 'Europe/Brussels') = 7) as n`,
  );
  expect(Number(broken.n)).toBe(0);
});

test("every session tests only vacancies whose procedure has a part of its kind", async () => {
  const [mismatch] = await selectRows<{ n: number; links: number }>(
    server.database.db,
    sql`select count(*) filter (where not exists (select 1 from exam_parts p where p.vacancy_id = l.vacancy_id and p.kind = s.kind))::int as n,
               count(*)::int as links
        from test_session_vacancies l join test_sessions s on s.id = l.session_id`,
  );
  expect(mismatch.n).toBe(0);
  expect(mismatch.links).toBeGreaterThan(0);
  const sessions = await selectRows<{ kind: string; vacancies: number }>(
    server.database.db,
    sql`select s.kind::text, count(l.vacancy_id)::int as vacancies from test_sessions s left join test_session_vacancies l on l.session_id = s.id group by s.id order by s.id`,
  );
  expect(sessions.length).toBe(campaign2021.testSessions.length);
  // No session is left without a vacancy to test.
  expect(sessions.filter((s) => s.vacancies === 0)).toEqual([]);
});

test("createTestSession refuses a kind that a vacancy's procedure does not have, and writes nothing", async () => {
  const [vacancy] = await insertVacancies(server.database.db, 1, { place: "Soortstad" }); // two written parts
  const id = Buffer.from(`Vacancy:${vacancy}`).toString("base64url");
  const CREATE = `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id place(lang: FR) } userErrors { field code message } } }`;
  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  // This file's campaign stands in 2021; sessions are scheduled from today, so let the campaign run on meanwhile.
  await server.database.db.execute(sql`update campaigns set ends_on = '2030-12-31'`);
  const before = await selectRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from test_sessions`);
  const refused = await server.data(
    CREATE,
    { input: { kind: "COMPUTER_TEST", startsAt, place: "Selor", capacity: 10, vacancyIds: [id] } },
    { key: keys.taskforce },
  );
  expect(refused.createTestSession).toEqual({
    testSession: null,
    userErrors: [
      {
        field: ["input", "vacancyIds", "0"],
        code: "KIND_NOT_IN_PROCEDURE",
        message: "The vacancy's selection procedure has no COMPUTER_TEST part: a COMPUTER_TEST session cannot test it.",
      },
    ],
  });
  expect(await selectRows(server.database.db, sql`select count(*)::int as n from test_sessions`)).toEqual(before);
  const created = await server.data(
    CREATE,
    {
      input: {
        kind: "WRITTEN",
        startsAt,
        place: "Selor, Brussel",
        placeNames: { nl: "Selor, Brussel", fr: "Selor, Bruxelles" },
        capacity: 10,
        vacancyIds: [id],
      },
    },
    { key: keys.taskforce },
  );
  expect(created.createTestSession).toMatchObject({ testSession: { place: "Selor, Bruxelles" }, userErrors: [] });
  await server.database.db.execute(sql`update campaigns set ends_on = '2022-06-30'`);
});

test("each profile has its own professional category; only NBV001's comes from the document", async () => {
  const data = await server.data(`{ jobProfiles { functionCode professionalCategory(lang: NL) } }`);
  const categories = Object.fromEntries(data.jobProfiles.map((p: any) => [p.functionCode, p.professionalCategory]));
  expect(categories).toEqual({
    NBV001: "11. Bevolking en Veiligheid (BV)",
    NBV101: "Veiligheid en toezicht",
    NBV102: "Dossierbehandeling asiel en migratie",
    NBV103: "Dossierbehandeling asiel en migratie",
    NBV104: "Sociaal werk",
    NBV105: "Psychologie en psychosociale begeleiding",
    NBV106: "Juridische expertise",
    NBV107: "Juridische expertise",
  });
  expect(profileSeeds.map((p) => JSON.stringify(p)).join(" ")).not.toMatch(/Arabisch|rijbewijs|Perfect Nederlands/);
});

test("a post's language requirement follows its language regime, in the asked language", async () => {
  const data = await server.data(`{ vacancies(filter: { places: ["Florennes", "Poelkapelle", "Brussel"], functionCodes: ["NBV104"] }, first: 10) {
    edges { node { place languageRegime nl: languageRequirement(lang: NL) fr: languageRequirement(lang: FR) jobProfile { languageRequirement(lang: FR) } } } } }`);
  const byPlace = Object.fromEntries(data.vacancies.edges.map((e: any) => [e.node.place, e.node]));
  expect(byPlace.Florennes).toMatchObject({
    languageRegime: "FR",
    fr: "Emploi francophone : vous travaillez en français (diplôme en français ou certificat linguistique).",
  });
  expect(byPlace.Poelkapelle).toMatchObject({
    languageRegime: "NL",
    nl: "Nederlandstalige betrekking: je werkt in het Nederlands (diploma in het Nederlands of een taalbewijs).",
  });
  expect(byPlace.Brussel.languageRegime).toBe("BILINGUAL");
  expect(byPlace.Florennes.jobProfile.languageRequirement).toBe(
    "Néerlandais ou français (rôle linguistique) ; la connaissance de l'autre langue nationale et de l'anglais est un atout",
  );
});

test("salary scales say where their amounts come from and whether they are illustrative", async () => {
  const data = await server.data(`{ jobProfiles { functionCode salaryScale { code level illustrative source(lang: EN) minMonthlyGrossEur } } }`);
  for (const profile of data.jobProfiles) {
    expect(profile.salaryScale).toMatchObject({ illustrative: true, source: expect.stringMatching(/^Illustrative: no source gives the federal amounts/) });
  }
  expect(data.jobProfiles.find((p: any) => p.functionCode === "NBV104").salaryScale).toMatchObject({ code: "B11", level: "B", minMonthlyGrossEur: 3000 });
  expect(scaleSeeds.filter((s) => !s.illustrative).map((s) => s.code)).toEqual(["ASSE-B1", "ASSE-B2", "ASSE-B3"]);
});

test("every public text of a vacancy exists in nl, fr and en: descriptions, exam parts, session places", async () => {
  for (const lang of ["NL", "FR", "EN"]) {
    const response = await server.gql(
      `query($lang: Language, $places: [String!]) { vacancies(first: 100, filter: { places: $places }) { edges { node { title(lang: $lang) description(lang: $lang) languageRequirement(lang: $lang)
        procedure { parts { name kind title(lang: $lang) } } upcomingTestSessions(first: 3) { place(lang: $lang) }
        jobProfile { title(lang: $lang) purpose(lang: $lang) professionalCategory(lang: $lang) functionFamily(lang: $lang) } } } } }`,
      { lang, places: [...new Set(campaign2021.vacancies.map((v) => v.place))] },
    );
    expect(response.body.errors).toBeUndefined();
    expect((response.body as { extensions?: unknown }).extensions).toBeUndefined();
    expect(response.headers.get("content-language")).toBe(lang.toLowerCase());
    expect(response.body.data!.vacancies.edges.length).toBe(campaign2021.vacancies.filter((v) => v.status !== "DRAFT").length);
    for (const { node } of response.body.data!.vacancies.edges) expect(node.description).toEqual(expect.any(String));
  }
  const fr = await server.data(
    `{ vacancies(filter: { places: ["Tubize"] }) { edges { node { description(lang: FR) procedure { parts { name kind title(lang: FR) } } } } } }`,
  );
  expect(fr.vacancies.edges[0].node).toEqual({
    description:
      "Office des Étrangers recrute 21 personnes à Tubize, sous contrat à durée indéterminée. Il s'agit d'un emploi francophone. Vous pouvez postuler jusqu'à la date limite. Selor organise les épreuves, également le samedi.",
    procedure: {
      parts: [
        { name: "Computertest", kind: "COMPUTER_TEST", title: "Test informatisé" },
        { name: "Assessment", kind: "ASSESSMENT", title: "Assessment (jeu de rôle)" },
        { name: "Mondeling", kind: "ORAL", title: "Épreuve orale" },
      ],
    },
  });
});

test("a text missing in the asked language falls back to Dutch, and the response says so", async () => {
  const response = await server.gql(`{ campaign { name description } }`, undefined, { headers: { "accept-language": "de-DE,de;q=0.9" } });
  expect(response.body.data).toEqual({
    campaign: { name: "Arbeiten im Bereich Asyl und Migration 2021", description: campaign2021.description.nl },
  });
  expect(response.headers.get("content-language")).toBe("de, nl");
  expect((response.body as { extensions?: unknown }).extensions).toEqual({
    languageFallbacks: [{ path: ["campaign", "description"], requested: "DE", served: "NL" }],
  });
});

test("score explanations in every language", async () => {
  const outcome = score(
    {
      parts: [
        { name: "Schriftelijk", maxPoints: 50, passPercent: 50 },
        { name: "Mondeling", maxPoints: 50, passPercent: 50 },
      ],
      overallPassPercent: 60,
    },
    new Map([["Schriftelijk", 24.5]]),
  );
  expect(["nl", "fr", "en", "de"].map((l) => explainScore(outcome, l as "nl"))).toEqual([
    'Niet geslaagd voor "Schriftelijk": 24,5/50 is 49 %, minder dan de 50 % die dat onderdeel vraagt.',
    "Échec à « Schriftelijk » : 24,5/50 font 49 %, moins que les 50 % requis pour cette épreuve.",
    'Failed part "Schriftelijk": 24.5/50 is 49 %, below the 50 % needed for the part.',
    "Nicht bestanden in „Schriftelijk“: 24,5/50 sind 49 %, weniger als die für diesen Teil nötigen 50 %.",
  ]);
});
