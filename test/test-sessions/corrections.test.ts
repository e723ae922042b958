import { sql } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKeys, MOVE, testedApplications, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let keys: Keys;
let vacancyId: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Correctiestad" }))[0]);
});
afterAll(() => server.close());

const RESULT = `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { application { stage } userErrors { code } } }`;
const CORRECT = `mutation($input: CorrectTestResultInput!) { correctTestResult(input: $input) {
  application { id stage rejectionReason version } score { decision totalPoints } previousPoints userErrors { field code } } }`;
const LAUREATES = `query($id: ID!) { vacancy(id: $id) { laureates(first: 50) { totalCount edges { node { id } } } } }`;

/** TESTED applications of the vacancy (see testedApplications). */
const tested = (count: number) => testedApplications(server, keys, vacancyId, count);

const record = (applicationId: string, part: string, points: number) => server.data(RESULT, { input: { applicationId, part, points } }, { key: keys.dvz });
const correct = async (applicationId: string, part: string, points: number, key = keys.taskforce) =>
  (await server.data(CORRECT, { input: { applicationId, part, points, correctionReason: "ENTRY_ERROR" } }, { key })).correctTestResult;

async function historyOf(applicationId: string) {
  return selectRows<{ from_stage: string | null; to_stage: string; reason: string | null }>(
    server.database.db,
    sql`select from_stage::text, to_stage::text, reason::text from stage_events where application_id = ${fromGlobalId("Application", applicationId)} order by occurred_at, id`,
  );
}

async function correctionEvents(applicationId: string) {
  return selectRows<{ type: string; from_stage: string; stage: string; version: number; part: string }>(
    server.database.db,
    sql`select type, payload->>'fromStage' as from_stage, payload->>'stage' as stage, (payload->>'version')::int as version, payload->>'part' as part
        from events where subject = ${`Application:${fromGlobalId("Application", applicationId)}`} and type = 'application.result_corrected' order by id`,
  );
}

test("a mistyped score that failed a laureate-to-be is corrected: the rejection is replaced by LAUREATE, as if scored right", async () => {
  const [app] = await tested(1);
  await record(app, "Schriftelijk", 40);
  expect((await record(app, "Mondeling", 12)).recordTestResult.application.stage).toBe("REJECTED");
  const fixed = await correct(app, "Mondeling", 42);
  expect(fixed).toEqual({
    application: { id: app, stage: "LAUREATE", rejectionReason: null, version: 7 },
    score: { decision: "LAUREATE", totalPoints: 82 },
    previousPoints: 12,
    userErrors: [],
  });
  // The rejection is gone from the history; the laureate decision stands in its place.
  expect((await historyOf(app)).map((e) => e.to_stage)).toEqual(["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE"]);
  expect(await correctionEvents(app)).toEqual([
    { type: "application.result_corrected", from_stage: "REJECTED", stage: "LAUREATE", version: 7, part: "Mondeling" },
  ]);
  const laureates = (await server.data(LAUREATES, { id: vacancyId }, { key: keys.taskforce })).vacancy.laureates;
  expect(laureates.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(app);
  await expectCountersToMatchEvents(server.database.db);

  // Audited, with the reason and the points before.
  const [line] = await selectRows<{ outcome: string; detail: Record<string, unknown>; same_tx: boolean }>(
    server.database.db,
    sql`select outcome::text, detail, xmin = (select xmin from applications where id = ${fromGlobalId("Application", app)}) as same_tx
        from audit_log where operation = 'correctTestResult' order by id desc limit 1`,
  );
  expect(line).toEqual({
    outcome: "OK",
    detail: { part: "Mondeling", points: 42, correctionReason: "ENTRY_ERROR", previousPoints: 12 },
    same_tx: true,
  });

  // Back the other way: the laureate fails after all.
  const undone = await correct(app, "Mondeling", 12);
  expect(undone.application).toEqual({ id: app, stage: "REJECTED", rejectionReason: "FAILED_TEST", version: 8 });
  expect((await historyOf(app)).map((e) => e.to_stage)).toEqual(["APPLIED", "SCREENED", "INVITED", "TESTED", "REJECTED"]);
  expect((await server.data(LAUREATES, { id: vacancyId }, { key: keys.taskforce })).vacancy.laureates.edges.map((e: any) => e.node.id)).not.toContain(app);
  await expectCountersToMatchEvents(server.database.db);
});

test("a correction that keeps the decision changes the points and the rank, bumps the version, moves nothing", async () => {
  const [app] = await tested(1);
  await record(app, "Schriftelijk", 30);
  await record(app, "Mondeling", 30);
  const before = await historyOf(app);
  const fixed = await correct(app, "Schriftelijk", 45);
  expect(fixed).toMatchObject({ application: { stage: "LAUREATE", version: 7 }, score: { decision: "LAUREATE", totalPoints: 75 }, previousPoints: 30 });
  expect(await historyOf(app)).toEqual(before);
  expect(await correctionEvents(app)).toEqual([
    { type: "application.result_corrected", from_stage: "LAUREATE", stage: "LAUREATE", version: 7, part: "Schriftelijk" },
  ]);
  // The same points again: nothing to do, nothing written.
  const again = await correct(app, "Schriftelijk", 45);
  expect(again).toMatchObject({ application: { version: 7 }, previousPoints: 45, userErrors: [] });
  expect(await correctionEvents(app)).toHaveLength(1);
});

test("a pending score corrected to a fail rejects now; a first-part fail corrected to a pass reopens the procedure", async () => {
  const [pending, failedFirst] = await tested(2);
  await record(pending, "Schriftelijk", 40);
  expect((await correct(pending, "Schriftelijk", 10)).application).toMatchObject({ stage: "REJECTED", rejectionReason: "FAILED_TEST" });
  await record(failedFirst, "Schriftelijk", 10);
  const reopened = await correct(failedFirst, "Schriftelijk", 40);
  expect(reopened).toMatchObject({ application: { stage: "TESTED", rejectionReason: null }, score: { decision: "PENDING" } });
  expect((await record(failedFirst, "Mondeling", 40)).recordTestResult.application.stage).toBe("LAUREATE");
  await expectCountersToMatchEvents(server.database.db);
});

test("refusals: unknown part, no result yet, points out of range, a decision acted on, another agency, the wrong role; nothing changes", async () => {
  const [offered, fresh] = await tested(2);
  await record(offered, "Schriftelijk", 40);
  await record(offered, "Mondeling", 40);
  await server.data(MOVE, { input: { applicationId: offered, toStage: "OFFERED" } }, { key: keys.dvz });
  const snapshot = () =>
    selectRows(
      server.database.db,
      sql`select (select count(*) from stage_events)::int as e, (select count(*) from events)::int as o, (select sum(points)::text from test_results) as p, (select sum(version)::int from applications) as v`,
    );
  const before = await snapshot();
  const codes = async (applicationId: string, part: string, points: number, key = keys.taskforce) =>
    (await correct(applicationId, part, points, key)).userErrors.map((e: { code: string }) => e.code);
  expect(await codes(offered, "Praktijk", 10)).toEqual(["UNKNOWN_PART"]);
  expect(await codes(fresh, "Schriftelijk", 10)).toEqual(["RESULT_NOT_RECORDED"]);
  expect(await codes(offered, "Schriftelijk", 50.001)).toEqual(["POINTS_OUT_OF_RANGE"]);
  expect(await codes(offered, "Schriftelijk", 51)).toEqual(["POINTS_OUT_OF_RANGE"]);
  expect(await codes(offered, "Schriftelijk", 5)).toEqual(["DECISION_ACTED_ON"]);
  expect(await codes("bm9wZQ", "Schriftelijk", 5)).toEqual(["APPLICATION_NOT_FOUND"]);
  const hr = await server.gql(CORRECT, { input: { applicationId: offered, part: "Schriftelijk", points: 45, correctionReason: "REVIEW" } }, { key: keys.dvz });
  expect(hr.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(await snapshot()).toEqual(before);
  // Keeping the decision is fine even once acted on: the rank follows.
  expect((await correct(offered, "Schriftelijk", 45)).application).toMatchObject({ stage: "OFFERED" });
});
