import { sql } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKeys, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const MOVE_MANY = `mutation MoveMany($input: MoveApplicationsInput!) {
  moveApplications(input: $input) {
    movedCount unchangedCount refusedCount userErrors { code }
    results { applicationId moved application { id stage version rejectionReason } userErrors { field code } }
  }
}`;

let server: TestServer;
let keys: Keys;
let dvzVacancy: string;
let cgvsVacancy: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  const [dvz, cgvs] = await insertVacancies(server.database.db, 2, (i) => ({ agencyCode: i === 0 ? "DVZ" : "CGVS", place: "Bulkstad" }));
  dvzVacancy = toGlobalId("Vacancy", dvz);
  cgvsVacancy = toGlobalId("Vacancy", cgvs);
});
afterAll(() => server.close());

async function newApplications(n: number, key = keys.dvz, vacancyId = dvzVacancy): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 500) {
    const items = Array.from({ length: Math.min(500, n - i) }, () => submission(vacancyId));
    const data = await server.data(SUBMIT, { input: { applications: items } }, { key });
    ids.push(...data.submitApplications.results.map((r: { application: { id: string } }) => r.application.id));
  }
  return ids;
}

/** Everything a batch may change, for "nothing changed" checks. */
async function snapshot() {
  const db = server.database.db;
  return {
    applications: await selectRows(
      db,
      sql`select id, stage::text, version, rejection_reason::text, stage_entered_at, updated_at from applications order by id`,
    ),
    stageEvents: await selectRows(db, sql`select count(*)::int as n from stage_events`),
    outbox: await selectRows(db, sql`select count(*)::int as n from events`),
  };
}

async function moveMany(moves: Record<string, unknown>[], key = keys.dvz): Promise<any> {
  const response = await server.gql(MOVE_MANY, { input: { moves } }, { key });
  // As a client does: a retryable DATABASE_BUSY (the pool's queue, on a loaded machine) is sent again; resends are safe.
  if (response.body.errors?.[0]?.extensions?.retryable) return moveMany(moves, key);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.moveApplications;
}

const codes = (result: { results: { userErrors: { code: string }[] }[] }) => result.results.map((r) => r.userErrors.map((e) => e.code).join(",") || null);

test("each move is checked on its own, in order; refused ones change nothing; a resend changes nothing", async () => {
  const [a, b, c, d, e, f] = await newApplications(6);
  const [other] = await newApplications(1, keys.cgvs, cgvsVacancy);
  const outboxBefore = (await snapshot()).outbox[0] as { n: number };
  const batch = [
    { applicationId: a, toStage: "SCREENED" },
    { applicationId: b, toStage: "HIRED" },
    { applicationId: "not-an-id", toStage: "SCREENED" },
    { applicationId: other, toStage: "SCREENED" },
    { applicationId: c, toStage: "REJECTED" },
    { applicationId: d, toStage: "SCREENED" },
    { applicationId: d, toStage: "REJECTED", reason: "INELIGIBLE" },
    { applicationId: e, toStage: "SCREENED", occurredAt: "2999-01-01T00:00:00Z" },
    { applicationId: f, toStage: "SCREENED", expectedVersion: 7 },
    { applicationId: `${a}\u0000`, toStage: "SCREENED" },
    { applicationId: "\ud800", toStage: "SCREENED" },
  ];
  const first = await moveMany(batch);
  expect(codes(first)).toEqual([
    null,
    "STAGE_SKIPPED",
    "APPLICATION_NOT_FOUND",
    "APPLICATION_NOT_FOUND",
    "REASON_REQUIRED",
    null,
    null,
    "OCCURRED_IN_FUTURE",
    "VERSION_CONFLICT",
    "INVALID_TEXT",
    "INVALID_TEXT",
  ]);
  expect(first.results[4].userErrors[0].field).toEqual(["input", "moves", "4", "reason"]);
  expect(first.results.map((r: { moved: boolean }) => r.moved)).toEqual([true, false, false, false, false, true, true, false, false, false, false]);
  expect([first.movedCount, first.unchangedCount, first.refusedCount]).toEqual([3, 0, 8]);
  expect(first.results[0].application).toEqual({ id: a, stage: "SCREENED", version: 2, rejectionReason: null });
  // Both moves of d were made, in turn: the result shows the application after the batch.
  expect(first.results[5].application).toEqual({ id: d, stage: "REJECTED", version: 3, rejectionReason: "INELIGIBLE" });
  expect(first.results[6].application).toEqual(first.results[5].application);

  const db = server.database.db;
  const dKey = fromGlobalId("Application", d)!;
  expect(await selectRows(db, sql`select from_stage::text, to_stage::text, reason::text from stage_events where application_id = ${dKey} order by id`)).toEqual(
    [
      { from_stage: null, to_stage: "APPLIED", reason: null },
      { from_stage: "APPLIED", to_stage: "SCREENED", reason: null },
      { from_stage: "SCREENED", to_stage: "REJECTED", reason: "INELIGIBLE" },
    ],
  );
  // One outbox event per move made, each with the version that move gave.
  const events = await selectRows<{ type: string; subject: string; version: number; stage: string }>(
    db,
    sql`select type, subject, (payload->>'version')::int as version, payload->>'stage' as stage from events where id > (select max(id) - 3 from events) order by id`,
  );
  expect(events).toEqual([
    { type: "application.moved", subject: `Application:${fromGlobalId("Application", a)}`, version: 2, stage: "SCREENED" },
    { type: "application.moved", subject: `Application:${dKey}`, version: 2, stage: "SCREENED" },
    { type: "application.moved", subject: `Application:${dKey}`, version: 3, stage: "REJECTED" },
  ]);
  expect(((await snapshot()).outbox[0] as { n: number }).n).toBe(outboxBefore.n + 3);
  await expectCountersToMatchEvents(db);

  // The same batch again: what was done is done (moved: false, no error), what was refused is refused again.
  const before = await snapshot();
  const again = await moveMany(batch);
  expect(codes(again)).toEqual(codes(first));
  expect(again.results.map((r: { moved: boolean }) => r.moved)).toEqual(batch.map(() => false));
  expect([again.movedCount, again.unchangedCount, again.refusedCount]).toEqual([0, 3, 8]);
  expect(await snapshot()).toEqual(before);
});

test("more than 500 moves, or a caller without the role, is refused as a whole and changes nothing", async () => {
  const [a] = await newApplications(1);
  const before = await snapshot();
  const tooMany = await server.gql(
    MOVE_MANY,
    { input: { moves: Array.from({ length: 501 }, () => ({ applicationId: a, toStage: "SCREENED" })) } },
    { key: keys.dvz },
  );
  expect(tooMany.status).toBeLessThan(500);
  expect(tooMany.body.errors?.[0]).toMatchObject({ message: "input.moves holds 501 moves; at most 500 per call.", extensions: { code: "BAD_USER_INPUT" } });
  const taskforce = await server.gql(MOVE_MANY, { input: { moves: [{ applicationId: a, toStage: "SCREENED" }] } }, { key: keys.taskforce });
  expect(taskforce.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  const badStage = await server.gql(MOVE_MANY, { input: { moves: [{ applicationId: a, toStage: "NOWHERE" }] } }, { key: keys.dvz });
  expect(badStage.status).toBeLessThan(500);
  expect(badStage.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(await snapshot()).toEqual(before);
});

test("a batch of 500 writes 500 stage events and 500 outbox events, and is audited in its own transaction", async () => {
  const ids = await newApplications(500);
  const before = await snapshot();
  const result = await moveMany(ids.map((applicationId) => ({ applicationId, toStage: "SCREENED" })));
  expect([result.movedCount, result.unchangedCount, result.refusedCount]).toEqual([500, 0, 0]);
  const after = await snapshot();
  expect((after.stageEvents[0] as { n: number }).n - (before.stageEvents[0] as { n: number }).n).toBe(500);
  expect((after.outbox[0] as { n: number }).n - (before.outbox[0] as { n: number }).n).toBe(500);
  const [audit] = await selectRows<{ outcome: string; detail: unknown; same_tx: boolean }>(
    server.database.db,
    sql`select outcome::text, detail, xmin = (select xmin from applications where id = ${fromGlobalId("Application", ids[0])}) as same_tx
        from audit_log where operation = 'moveApplications' order by id desc limit 1`,
  );
  expect(audit).toEqual({ outcome: "OK", detail: { submitted: 500, refused: 0 }, same_tx: true });
  await expectCountersToMatchEvents(server.database.db);
});

(onPostgres ? test : test.skip)("concurrent batches over the same applications, in any order, make each move once", async () => {
  const ids = await newApplications(200);
  const forward = ids.map((applicationId) => ({ applicationId, toStage: "SCREENED" }));
  const batches = Array.from({ length: 4 }, (_, i) => (i % 2 ? [...forward].reverse() : forward));
  const results = await Promise.all(batches.map((b) => moveMany(b)));
  expect(results.reduce((n, r) => n + r.movedCount, 0)).toBe(200);
  expect(results.reduce((n, r) => n + r.unchangedCount, 0)).toBe(3 * 200);
  expect(results.every((r) => r.refusedCount === 0)).toBe(true);
  const keysList = ids.map((id) => fromGlobalId("Application", id)!);
  const rows = await selectRows<{ stage: string; version: number; n: number }>(
    server.database.db,
    sql`select a.stage::text, a.version, count(*)::int as n from applications a where a.id in ${sql.raw(`(${keysList.join(",")})`)} group by 1, 2`,
  );
  expect(rows).toEqual([{ stage: "SCREENED", version: 2, n: 200 }]);
  await expectCountersToMatchEvents(server.database.db);
});
