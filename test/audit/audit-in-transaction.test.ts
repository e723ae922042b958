import { sql } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * The audit line commits with the change it records: both in one transaction (the same xmin), or neither. A failure is
 * injected inside the move's transaction, after the change, by a trigger that refuses the audit line.
 */
let server: TestServer;
let keys: Keys;
let vacancyId: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Auditstad" }))[0]);
});
afterAll(() => server.close());

async function newApplication(): Promise<string> {
  const data = await server.data(SUBMIT, { input: { applications: [submission(vacancyId)] } }, { key: keys.dvz });
  return data.submitApplications.results[0].application.id;
}

/** What a move leaves behind for one application: its row (with the transaction that wrote it), its events, its audit lines. */
async function traces(applicationId: string) {
  const key = fromGlobalId("Application", applicationId)!;
  const db = server.database.db;
  const [row] = await selectRows<{ stage: string; version: number; xmin: string }>(
    db,
    sql`select stage::text, version, xmin::text from applications where id = ${key}`,
  );
  const stageEvents = await selectRows<{ to_stage: string }>(db, sql`select to_stage::text from stage_events where application_id = ${key} order by id`);
  const outbox = await selectRows<{ type: string }>(db, sql`select type from events where subject = ${`Application:${key}`} order by id`);
  const audit = await selectRows<{ operation: string; outcome: string; user_error_codes: string[]; xmin: string }>(
    db,
    sql`select operation, outcome::text, user_error_codes, xmin::text from audit_log where target_id = ${applicationId} and operation = 'moveApplication' order by id`,
  );
  return { row, stageEvents: stageEvents.map((e) => e.to_stage), outbox: outbox.map((e) => e.type), audit };
}

test("a move and its audit line are written by one transaction", async () => {
  const id = await newApplication();
  const moved = await server.data(MOVE, { input: { applicationId: id, toStage: "SCREENED" } }, { key: keys.dvz });
  expect(moved.moveApplication.userErrors).toEqual([]);
  const after = await traces(id);
  expect(after.row.stage).toBe("SCREENED");
  expect(after.audit).toEqual([{ operation: "moveApplication", outcome: "OK", user_error_codes: [], xmin: after.row.xmin }]);
});

test("a refused move leaves its USER_ERROR line and nothing else", async () => {
  const id = await newApplication();
  const before = await traces(id);
  const refused = await server.data(MOVE, { input: { applicationId: id, toStage: "HIRED" } }, { key: keys.dvz });
  expect(refused.moveApplication.userErrors.map((e: { code: string }) => e.code)).toEqual(["STAGE_SKIPPED"]);
  const after = await traces(id);
  expect({ ...after, audit: [] }).toEqual({ ...before, audit: [] });
  expect(after.audit.map((a) => [a.outcome, a.user_error_codes])).toEqual([["USER_ERROR", ["STAGE_SKIPPED"]]]);
});

test("a failure inside the transaction after the change leaves neither the change nor its audit line", async () => {
  const id = await newApplication();
  const before = await traces(id);
  const db = server.database.db;
  await db.execute(sql`create function refuse_audit() returns trigger language plpgsql as $$
    begin raise exception 'injected failure after the change'; end $$`);
  await db.execute(
    sql`create trigger refuse_move_audit before insert on audit_log for each row when (new.operation = 'moveApplication') execute function refuse_audit()`,
  );
  try {
    const response = await server.gql(MOVE, { input: { applicationId: id, toStage: "SCREENED" } }, { key: keys.dvz });
    expect(response.body.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  } finally {
    await db.execute(sql`drop trigger refuse_move_audit on audit_log`);
    await db.execute(sql`drop function refuse_audit()`);
  }
  expect(await traces(id)).toEqual(before);
  expect(before.row).toMatchObject({ stage: "APPLIED", version: 1 });
  expect(before.audit).toEqual([]);
  await expectCountersToMatchEvents(db);

  // Once the fault is gone the same move goes through, with its line.
  await server.data(MOVE, { input: { applicationId: id, toStage: "SCREENED" } }, { key: keys.dvz });
  const after = await traces(id);
  expect(after.stageEvents).toEqual(["APPLIED", "SCREENED"]);
  expect(after.audit.map((a) => a.outcome)).toEqual(["OK"]);
});
