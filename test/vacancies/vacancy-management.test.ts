import { eq } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { vacancies } from "../../src/db/tables";
import { createKeys, type Keys } from "../helpers/clients";
import { insertCampaign, seededCampaign } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let keys: Keys;
let waveId: string;
let seededWaveId: string;
let profileId: string;
/** The services' clock: deadlines are checked against it, and a test moves it past one instead of waiting. */
let clock = new Date("2026-11-25T10:00:00Z");

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  keys = await createKeys(server);
  const { wave } = await insertCampaign(server.database.db, "beheer-test", 20);
  waveId = toGlobalId("Wave", wave.id);
  const seeded = await seededCampaign(server.database.db);
  seededWaveId = toGlobalId("Wave", seeded.wave(2).id);
  profileId = toGlobalId("JobProfile", seeded.profile("NBV104").id);
});
afterAll(() => server.close());

const FIELDS = `vacancy { id status title(lang: EN) place headcountTarget languageRegime contractType applicationDeadline publishedAt agency { code } wave { number } procedure { overallPassPercent parts { name maxPoints passPercent } } } userErrors { field code message }`;
const CREATE = `mutation($input: CreateVacancyInput!) { createVacancy(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateVacancyInput!) { updateVacancy(input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($input: PublishVacancyInput!) { publishVacancy(input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation($input: CloseVacancyInput!) { closeVacancy(input: $input) { ${FIELDS} } }`;

async function create(input: Record<string, unknown>, key = keys.fedasil) {
  return (await server.data(CREATE, { input: { agency: "FEDASIL", jobProfileId: profileId, waveId, headcountTarget: 2, ...input } }, { key })).createVacancy;
}

test("create a draft, publish it, update it, close it", async () => {
  const created = await create({
    place: "Kapellen",
    languageRegime: "NL",
    contractType: "FIXED_TERM_CONTRACT",
    title: { nl: "Maatschappelijk assistent Kapellen", en: "Social assistant Kapellen" },
    procedure: {
      parts: [
        { name: "Casus", maxPoints: 40 },
        { name: "Gesprek", maxPoints: 60, passPercent: 55 },
      ],
      overallPassPercent: 65,
    },
  });
  expect(created).toEqual({
    vacancy: {
      id: expect.any(String),
      status: "DRAFT",
      title: "Social assistant Kapellen",
      place: "Kapellen",
      headcountTarget: 2,
      languageRegime: "NL",
      contractType: "FIXED_TERM_CONTRACT",
      applicationDeadline: null,
      publishedAt: null,
      agency: { code: "FEDASIL" },
      wave: { number: 1 },
      procedure: {
        overallPassPercent: 65,
        parts: [
          { name: "Casus", maxPoints: 40, passPercent: 50 },
          { name: "Gesprek", maxPoints: 60, passPercent: 55 },
        ],
      },
    },
    userErrors: [],
  });
  const vacancyId = created.vacancy.id;
  // A draft is not public.
  expect(await server.data(`query($id: ID!) { vacancy(id: $id) { id } }`, { id: vacancyId })).toEqual({ vacancy: null });

  const published = (await server.data(PUBLISH, { input: { vacancyId } }, { key: keys.fedasil })).publishVacancy;
  expect(published.vacancy).toMatchObject({ status: "OPEN", publishedAt: expect.any(String) });
  expect((await server.data(`query($id: ID!) { vacancy(id: $id) { status } }`, { id: vacancyId })).vacancy).toEqual({ status: "OPEN" });
  expect((await server.data(PUBLISH, { input: { vacancyId } }, { key: keys.fedasil })).publishVacancy.userErrors.map((e: any) => e.code)).toEqual([
    "NOT_DRAFT",
  ]);

  const deadline = new Date(clock.getTime() + 30 * 86_400_000).toISOString();
  const updated = (
    await server.data(UPDATE, { input: { vacancyId, headcountTarget: 3, place: "Kalmthout", applicationDeadline: deadline } }, { key: keys.fedasil })
  ).updateVacancy;
  expect(updated.vacancy).toMatchObject({ headcountTarget: 3, place: "Kalmthout", applicationDeadline: deadline, status: "OPEN" });
  const continuous = (await server.data(UPDATE, { input: { vacancyId, applicationDeadline: null } }, { key: keys.fedasil })).updateVacancy;
  expect(continuous.vacancy.applicationDeadline).toBeNull();
  // The free-text search follows a title change.
  await server.data(UPDATE, { input: { vacancyId, title: { nl: "Sociaal werker Kalmthout" } } }, { key: keys.fedasil });
  const found = await server.data(`{ vacancies(filter: { search: "sociaal werker" }) { edges { node { id } } } }`);
  expect(found.vacancies.edges.map((e: any) => e.node.id)).toEqual([vacancyId]);

  const closed = (await server.data(CLOSE, { input: { vacancyId } }, { key: keys.fedasil })).closeVacancy;
  expect(closed.vacancy.status).toBe("CLOSED");
  const filled = (await server.data(CLOSE, { input: { vacancyId, status: "FILLED" } }, { key: keys.fedasil })).closeVacancy;
  expect(filled.vacancy.status).toBe("FILLED");
  expect((await server.data(CLOSE, { input: { vacancyId, status: "CLOSED" } }, { key: keys.fedasil })).closeVacancy.userErrors).toEqual([
    { field: ["input", "status"], code: "INVALID_STATUS_CHANGE", message: "A FILLED vacancy cannot become CLOSED." },
  ]);
});

test("bad input is a userError and writes nothing", async () => {
  const before = await server.database.db.select().from(vacancies);
  const cases: [Record<string, unknown>, string, string[]][] = [
    [{ headcountTarget: 0 }, "HEADCOUNT_NOT_POSITIVE", ["input", "headcountTarget"]],
    [{ headcountTarget: -3 }, "HEADCOUNT_NOT_POSITIVE", ["input", "headcountTarget"]],
    [{ applicationDeadline: "2020-01-01T00:00:00Z" }, "DEADLINE_IN_PAST", ["input", "applicationDeadline"]],
    [{ place: " " }, "INVALID_TEXT", ["input", "place"]],
    [{ title: { nl: "" } }, "INVALID_TEXT", ["input", "title"]],
    [{ jobProfileId: "x" }, "JOB_PROFILE_NOT_FOUND", ["input", "jobProfileId"]],
    [{ waveId: toGlobalId("Wave", 99999) }, "WAVE_NOT_FOUND", ["input", "waveId"]],
    [{ procedure: { parts: [] } }, "INVALID_PROCEDURE", ["input", "procedure"]],
    [{ procedure: { parts: [{ name: "A", maxPoints: 0 }] } }, "INVALID_PROCEDURE", ["input", "procedure"]],
    [
      {
        procedure: {
          parts: [
            { name: "A", maxPoints: 10 },
            { name: "a", maxPoints: 10 },
          ],
        },
      },
      "INVALID_PROCEDURE",
      ["input", "procedure"],
    ],
    [{ procedure: { parts: [{ name: "A", maxPoints: 10, passPercent: 120 }] } }, "INVALID_PROCEDURE", ["input", "procedure"]],
    [{ agency: "DVZ" }, "AGENCY_NOT_ALLOWED", ["input", "agency"]],
  ];
  for (const [input, code, field] of cases) {
    const outcome = await create(input);
    expect([input, outcome.vacancy, outcome.userErrors.map((e: any) => [e.code, e.field])]).toEqual([input, null, [[code, field]]]);
  }
  expect(await server.database.db.select().from(vacancies)).toEqual(before);
});

test("a campaign's vacancies cannot together exceed its target", async () => {
  // The seeded campaign's 37 vacancies target exactly its 700.
  const full = await create({ waveId: seededWaveId, headcountTarget: 1 }, keys.admin);
  expect(full.userErrors).toEqual([
    {
      field: ["input", "headcountTarget"],
      code: "CAMPAIGN_TARGET_EXCEEDED",
      message: "The campaign's vacancies would then target 701 posts, more than the campaign's 700 (0 left).",
    },
  ]);

  const [room] = await server.database.db.select().from(vacancies).where(eq(vacancies.place, "Kalmthout"));
  const used = room ? 3 : 0;
  const tooMany = await create({ headcountTarget: 20 - used + 1 });
  expect(tooMany.userErrors[0].code).toBe("CAMPAIGN_TARGET_EXCEEDED");
  const fits = await create({ headcountTarget: 20 - used - 1 });
  expect(fits.userErrors).toEqual([]);
  const grow = (await server.data(UPDATE, { input: { vacancyId: fits.vacancy.id, headcountTarget: 20 - used + 5 } }, { key: keys.fedasil })).updateVacancy;
  expect(grow.userErrors[0].code).toBe("CAMPAIGN_TARGET_EXCEEDED");
  // Cancelling a vacancy frees its share of the target.
  await server.data(CLOSE, { input: { vacancyId: fits.vacancy.id, status: "CANCELLED" } }, { key: keys.fedasil });
  expect((await create({ headcountTarget: 20 - used })).userErrors).toEqual([]);
});

test("publishing refuses a passed deadline; another agency's vacancy reads as unknown", async () => {
  const { wave } = await insertCampaign(server.database.db, "beheer-test-deadline", 5);
  const draft = await create(
    { waveId: toGlobalId("Wave", wave.id), headcountTarget: 1, applicationDeadline: new Date(clock.getTime() + 60_000).toISOString() },
    keys.admin,
  );
  expect(draft.userErrors).toEqual([]);
  clock = new Date(clock.getTime() + 60_001);
  const late = (await server.data(PUBLISH, { input: { vacancyId: draft.vacancy.id } }, { key: keys.fedasil })).publishVacancy;
  expect(late.userErrors.map((e: any) => e.code)).toEqual(["DEADLINE_IN_PAST"]);
  const foreign = (await server.data(UPDATE, { input: { vacancyId: draft.vacancy.id, place: "X" } }, { key: keys.dvz })).updateVacancy;
  expect(foreign).toEqual({
    vacancy: null,
    userErrors: [{ field: ["input", "vacancyId"], code: "VACANCY_NOT_FOUND", message: "No vacancy of yours has this id." }],
  });
  const [row] = await server.database.db
    .select()
    .from(vacancies)
    .where(eq(vacancies.id, fromGlobalId("Vacancy", draft.vacancy.id)!));
  expect(row.status).toBe("DRAFT");
});
