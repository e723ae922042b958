import { sql } from "drizzle-orm";
import { addDays } from "../../src/common/brussels-time";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies, seededCampaign } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * A past campaign loaded through the historical path: applications, screening, a session that took place, invitations,
 * attendance and results, each with its real date. The dashboard then reads the campaign's past as it happened.
 */
let server: TestServer;
let keys: Keys;
let vacancyId: string;
/** A day early in the campaign (it started weeks before today), and a time on day n after it. */
let day0: string;
const at = (n: number, time = "09:00:00") => `${addDays(day0, n)}T${time}Z`;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Historiestad" }))[0]);
  day0 = addDays((await seededCampaign(server.database.db)).campaign.startsOn, 7);
});
afterAll(() => server.close());

const CREATE = `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id startsAt } userErrors { field code } } }`;
const INVITE = `mutation($input: InviteToTestSessionInput!) { inviteToTestSession(input: $input) { invited { id stage } userErrors { field code } } }`;
const ATTENDANCE = `mutation($input: RecordSessionAttendanceInput!) { recordSessionAttendance(input: $input) { applications { id stage } userErrors { code } } }`;
const RESULT = `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { application { stage rejectionReason } userErrors { field code } } }`;
const DASHBOARD = `query($filter: DashboardFilter, $from: Date, $to: Date) { dashboard(filter: $filter) {
  laureates timeInStage { fromStage toStage count medianDays } weekly(from: $from, to: $to) { weekStart applications laureates } } }`;

const session = (startsAt: string, historical = true, key = keys.taskforce) =>
  server.gql(CREATE, { input: { kind: "WRITTEN", startsAt, place: "Selor, Brussel", capacity: 10, vacancyIds: [vacancyId], historical } }, { key });

test("a past campaign is loaded with its real dates, and the dashboard's time in stage and weekly figures are its own", async () => {
  const submitted = await server.data(
    SUBMIT,
    { input: { applications: [submission(vacancyId, { submittedAt: at(0) }), submission(vacancyId, { submittedAt: at(0, "10:00:00") })] } },
    { key: keys.dvz },
  );
  const [laureate, failed] = submitted.submitApplications.results.map((r: { application: { id: string } }) => r.application.id);
  for (const applicationId of [laureate, failed]) {
    const moved = await server.data(MOVE, { input: { applicationId, toStage: "SCREENED", occurredAt: at(2) } }, { key: keys.dvz });
    expect(moved.moveApplication.userErrors).toEqual([]);
  }
  const created = (await session(at(9, "08:00:00"))).body.data!.createTestSession;
  expect(created.userErrors).toEqual([]);
  const sessionId = created.testSession.id;
  const invited = await server.data(
    INVITE,
    { input: { sessionId, applicationIds: [laureate, failed], historical: true, invitedAt: at(4) } },
    { key: keys.taskforce },
  );
  expect(invited.inviteToTestSession.userErrors).toEqual([]);
  const attended = await server.data(
    ATTENDANCE,
    { input: { sessionId, presentApplicationIds: [laureate, failed], absentApplicationIds: [] } },
    { key: keys.taskforce },
  );
  expect(attended.recordSessionAttendance.userErrors).toEqual([]);
  const result = async (applicationId: string, part: string, points: number) =>
    (await server.data(RESULT, { input: { applicationId, part, points, decidedAt: at(16) } }, { key: keys.taskforce })).recordTestResult;
  await result(laureate, "Schriftelijk", 40);
  expect(await result(laureate, "Mondeling", 35)).toEqual({ application: { stage: "LAUREATE", rejectionReason: null }, userErrors: [] });
  expect(await result(failed, "Schriftelijk", 10)).toEqual({ application: { stage: "REJECTED", rejectionReason: "FAILED_TEST" }, userErrors: [] });

  const history = await selectRows<{ to_stage: string; occurred_at: string }>(
    server.database.db,
    sql`select to_stage::text, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at
        from stage_events where application_id = ${fromGlobalId("Application", laureate)} order by occurred_at, id`,
  );
  expect(history).toEqual([
    { to_stage: "APPLIED", occurred_at: at(0) },
    { to_stage: "SCREENED", occurred_at: at(2) },
    { to_stage: "INVITED", occurred_at: at(4) },
    { to_stage: "TESTED", occurred_at: at(9, "08:00:00") },
    { to_stage: "LAUREATE", occurred_at: at(16) },
  ]);

  const dashboard = (
    await server.data(DASHBOARD, { filter: { vacancyIds: [vacancyId] }, from: at(0).slice(0, 10), to: at(16).slice(0, 10) }, { key: keys.taskforce })
  ).dashboard;
  expect(dashboard.laureates).toBe(1);
  expect(dashboard.timeInStage.filter((d: { count: number }) => d.count > 0)).toEqual([
    { fromStage: "APPLIED", toStage: "SCREENED", count: 2, medianDays: 2 },
    { fromStage: "SCREENED", toStage: "INVITED", count: 2, medianDays: 2 },
    { fromStage: "INVITED", toStage: "TESTED", count: 2, medianDays: 5 },
    { fromStage: "TESTED", toStage: "LAUREATE", count: 1, medianDays: 7 },
  ]);
  const weeks = dashboard.weekly.filter((w: { applications: number; laureates: number }) => w.applications || w.laureates);
  const mondayOf = (n: number) => {
    const d = new Date(`${addDays(day0, n)}T12:00:00Z`);
    return addDays(addDays(day0, n), -((d.getUTCDay() + 6) % 7));
  };
  const expected = new Map<string, { applications: number; laureates: number }>();
  const add = (n: number, field: "applications" | "laureates", k: number) => {
    const week = expected.get(mondayOf(n)) ?? { applications: 0, laureates: 0 };
    week[field] += k;
    expected.set(mondayOf(n), week);
  };
  add(0, "applications", 2);
  add(16, "laureates", 1);
  expect(weeks).toEqual([...expected].sort().map(([weekStart, w]) => ({ weekStart, ...w })));
  await expectCountersToMatchEvents(server.database.db);

  // The historical path is audited as such.
  const lines = await selectRows<{ operation: string; historical: string | null }>(
    server.database.db,
    sql`select operation, coalesce(detail->>'historical', detail->>'decidedAt', detail->>'invitedAt') as historical from audit_log
        where operation in ('createTestSession', 'inviteToTestSession', 'recordTestResult') and outcome = 'OK' order by id`,
  );
  expect(lines.map((l) => [l.operation, l.historical != null])).toEqual([
    ["createTestSession", true],
    ["inviteToTestSession", true],
    ["recordTestResult", true],
    ["recordTestResult", true],
    ["recordTestResult", true],
  ]);
});

test("the historical path is explicit, the taskforce's and administrators', and refuses what cannot have happened", async () => {
  const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
  expect((await session(future)).body.data!.createTestSession.userErrors.map((e: { code: string }) => e.code)).toEqual(["HISTORICAL_IN_FUTURE"]);
  // Without the flag a past session is refused as before.
  expect((await session(at(9), false)).body.data!.createTestSession.userErrors.map((e: { code: string }) => e.code)).toEqual(["STARTS_IN_PAST"]);

  const [app] = (
    await server.data(SUBMIT, { input: { applications: [submission(vacancyId, { submittedAt: at(1) })] } }, { key: keys.dvz })
  ).submitApplications.results.map((r: { application: { id: string } }) => r.application.id);
  await server.data(MOVE, { input: { applicationId: app, toStage: "SCREENED", occurredAt: at(3) } }, { key: keys.dvz });
  const past = (await session(at(10))).body.data!.createTestSession.testSession.id;
  const upcoming = (await session(future, false)).body.data!.createTestSession.testSession.id;
  const invite = async (input: Record<string, unknown>, key = keys.taskforce) =>
    server.gql(INVITE, { input: { applicationIds: [app], historical: true, ...input } }, { key });
  const codes = async (input: Record<string, unknown>) => (await invite(input)).body.data!.inviteToTestSession.userErrors.map((e: { code: string }) => e.code);
  expect(await codes({ sessionId: upcoming, invitedAt: at(4) })).toEqual(["SESSION_NOT_STARTED"]);
  expect(await codes({ sessionId: past, invitedAt: at(11) })).toEqual(["OCCURRED_AFTER_SESSION"]);
  expect(await codes({ sessionId: past, invitedAt: at(2) })).toEqual(["OCCURRED_BEFORE_PREVIOUS_MOVE"]);
  expect((await invite({ sessionId: past })).body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  expect((await invite({ sessionId: past, invitedAt: at(4) }, keys.dvz)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  // The ordinary path still refuses a session that has started.
  const ordinary = await server.gql(INVITE, { input: { sessionId: past, applicationIds: [app] } }, { key: keys.taskforce });
  expect(ordinary.body.data!.inviteToTestSession.userErrors.map((e: { code: string }) => e.code)).toEqual(["SESSION_STARTED"]);
  expect(await selectRows(server.database.db, sql`select stage::text from applications where id = ${fromGlobalId("Application", app)}`)).toEqual([
    { stage: "SCREENED" },
  ]);

  expect(await codes({ sessionId: past, invitedAt: at(4) })).toEqual([]);
  await server.data(ATTENDANCE, { input: { sessionId: past, presentApplicationIds: [app], absentApplicationIds: [] } }, { key: keys.taskforce });
  const result = (decidedAt: string, key = keys.taskforce) =>
    server.gql(RESULT, { input: { applicationId: app, part: "Schriftelijk", points: 40, decidedAt } }, { key });
  expect((await result(at(9))).body.data!.recordTestResult.userErrors.map((e: { code: string }) => e.code)).toEqual(["OCCURRED_BEFORE_PREVIOUS_MOVE"]);
  expect((await result(future)).body.data!.recordTestResult.userErrors.map((e: { code: string }) => e.code)).toEqual(["OCCURRED_IN_FUTURE"]);
  expect((await result(at(12), keys.dvz)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(
    await selectRows(server.database.db, sql`select count(*)::int as n from test_results where application_id = ${fromGlobalId("Application", app)}`),
  ).toEqual([{ n: 0 }]);
  await expectCountersToMatchEvents(server.database.db);
});
