import { sql } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKeys, testedApplications, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let keys: Keys;
let vacancyId: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Resultatenstad" }))[0]);
});
afterAll(() => server.close());

const RESULTS = `mutation($input: RecordTestResultsInput!) { recordTestResults(input: $input) {
  recordedCount unchangedCount refusedCount userErrors { code }
  results { applicationId part recorded application { id stage version } score { decision totalPoints } userErrors { field code } } } }`;

/** TESTED applications of the vacancy (see testedApplications). */
const tested = (count: number) => testedApplications(server, keys, vacancyId, count);

async function send(results: Record<string, unknown>[], key = keys.dvz): Promise<any> {
  const response = await server.gql(RESULTS, { input: { results } }, { key });
  // As a client does: a retryable DATABASE_BUSY (the pool's queue, on a loaded machine) is sent again; resends are safe.
  if (response.body.errors?.[0]?.extensions?.retryable) return send(results, key);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.recordTestResults;
}

const snapshot = () =>
  selectRows(
    server.database.db,
    sql`select (select count(*) from stage_events)::int as stage_events, (select count(*) from events)::int as events,
               (select count(*) from test_results)::int as results, (select sum(version)::int from applications) as versions`,
  );

test("each result is recorded on its own, in order; refused ones change nothing; a resend changes nothing", async () => {
  const [a, b, c, d] = await tested(4);
  const before = await snapshot();
  const batch = [
    { applicationId: a, part: "Schriftelijk", points: 40 },
    { applicationId: a, part: "Mondeling", points: 35 },
    { applicationId: b, part: "Schriftelijk", points: 10 },
    { applicationId: c, part: "Mondeling", points: 30 },
    { applicationId: c, part: "Praktijk", points: 30 },
    { applicationId: "bm9wZQ", part: "Schriftelijk", points: 30 },
    { applicationId: c, part: "Schriftelijk", points: 51 },
    { applicationId: c, part: "Schrift\u0000elijk", points: 30 },
    { applicationId: d, part: "Schriftelijk", points: 30 },
  ];
  const first = await send(batch);
  const codes = (r: { results: { userErrors: { code: string }[] }[] }) => r.results.map((x) => x.userErrors.map((e) => e.code).join(",") || null);
  expect(codes(first)).toEqual([
    null,
    null,
    null,
    "PREVIOUS_PART_MISSING",
    "UNKNOWN_PART",
    "APPLICATION_NOT_FOUND",
    "POINTS_OUT_OF_RANGE",
    "INVALID_TEXT",
    null,
  ]);
  expect(first.results[7].userErrors[0].field).toEqual(["input", "results", "7", "part"]);
  expect([first.recordedCount, first.unchangedCount, first.refusedCount]).toEqual([4, 0, 5]);
  expect(first.results.map((r: { application: { stage: string } | null }) => r.application?.stage ?? null)).toEqual([
    "TESTED",
    "LAUREATE",
    "REJECTED",
    null,
    null,
    null,
    null,
    null,
    "TESTED",
  ]);
  expect(first.results[1].score).toEqual({ decision: "LAUREATE", totalPoints: 75 });
  const after = (await snapshot())[0] as Record<string, number>;
  const was = before[0] as Record<string, number>;
  // Two decisions (two stage events), four results, four outbox events, four new versions.
  expect([after.stage_events - was.stage_events, after.results - was.results, after.events - was.events, after.versions - was.versions]).toEqual([2, 4, 4, 4]);
  await expectCountersToMatchEvents(server.database.db);

  const resent = await send(batch);
  expect(codes(resent)).toEqual(codes(first));
  expect([resent.recordedCount, resent.unchangedCount, resent.refusedCount]).toEqual([0, 4, 5]);
  expect(await snapshot()).toEqual([after]);
});

test("over 500 results, or a past date from an HR key, is refused as a whole and changes nothing", async () => {
  const [a] = await tested(1);
  const before = await snapshot();
  const tooMany = await server.gql(
    RESULTS,
    { input: { results: Array.from({ length: 501 }, () => ({ applicationId: a, part: "Schriftelijk", points: 30 })) } },
    { key: keys.dvz },
  );
  expect(tooMany.body.errors?.[0]).toMatchObject({ message: "input.results holds 501 results; at most 500 per call.", extensions: { code: "BAD_USER_INPUT" } });
  const historical = await server.gql(
    RESULTS,
    { input: { results: [{ applicationId: a, part: "Schriftelijk", points: 30, decidedAt: "2021-09-01T09:00:00Z" }] } },
    { key: keys.dvz },
  );
  expect(historical.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(await snapshot()).toEqual(before);
});

(onPostgres ? test : test.skip)("concurrent identical batches record each result once", async () => {
  const apps = await tested(20);
  const batch = apps.flatMap((applicationId) => [
    { applicationId, part: "Schriftelijk", points: 40 },
    { applicationId, part: "Mondeling", points: 40 },
  ]);
  const outcomes = await Promise.all(Array.from({ length: 4 }, (_, i) => send(i % 2 ? [...batch].reverse() : batch)));
  // Reversed batches meet Mondeling before Schriftelijk: those wait for an earlier batch or are refused, never doubled.
  expect(outcomes.reduce((n, o) => n + o.recordedCount, 0)).toBe(40);
  const rows = await selectRows<{ stage: string; n: number }>(
    server.database.db,
    sql`select stage::text, count(*)::int as n from applications where id in ${sql.raw(`(${apps.map((id) => fromGlobalId("Application", id)).join(",")})`)} group by 1`,
  );
  expect(rows).toEqual([{ stage: "LAUREATE", n: 20 }]);
  await expectCountersToMatchEvents(server.database.db);
});

test("a result the database refuses is NOT_STORED; the others in the batch stand", async () => {
  const [a, b, c] = await tested(3);
  const db = server.database.db;
  // The fault, injected: a trigger refuses one application's result (nothing in the code reaches NOT_STORED on purpose).
  const refused = fromGlobalId("Application", b)!;
  await db.execute(sql`create function refuse_result() returns trigger language plpgsql as $$
    begin raise exception 'injected refusal of a result'; end $$`);
  await db.execute(
    sql`create trigger refuse_one_result before insert on test_results for each row when (new.application_id = ${sql.raw(String(refused))}) execute function refuse_result()`,
  );
  const before = (await snapshot())[0] as Record<string, number>;
  let outcome: any;
  try {
    outcome = await send([
      { applicationId: a, part: "Schriftelijk", points: 30 },
      { applicationId: b, part: "Schriftelijk", points: 30 },
      { applicationId: c, part: "Schriftelijk", points: 30 },
    ]);
  } finally {
    await db.execute(sql`drop trigger refuse_one_result on test_results`);
    await db.execute(sql`drop function refuse_result()`);
  }
  expect(outcome.results.map((r: any) => [r.recorded, r.application?.id ?? null, r.userErrors])).toEqual([
    [true, a, []],
    [false, null, [{ field: ["input", "results", "1", "points"], code: "NOT_STORED" }]],
    [true, c, []],
  ]);
  expect([outcome.recordedCount, outcome.unchangedCount, outcome.refusedCount]).toEqual([2, 0, 1]);
  const after = (await snapshot())[0] as Record<string, number>;
  // Two results, two events, two new versions; nothing of b's.
  expect([after.results - before.results, after.events - before.events, after.versions - before.versions, after.stage_events - before.stage_events]).toEqual([
    2, 2, 2, 0,
  ]);
  const [row] = await selectRows<{ n: number; version: number }>(
    db,
    sql`select (select count(*)::int from test_results where application_id = ${refused}) as n, (select version from applications where id = ${refused}) as version`,
  );
  expect(row.n).toBe(0);
  await expectCountersToMatchEvents(db);
  // Sent again once the fault is gone, it is recorded.
  const retried = await send([{ applicationId: b, part: "Schriftelijk", points: 30 }]);
  expect([retried.recordedCount, retried.results[0].userErrors]).toEqual([1, []]);
});
