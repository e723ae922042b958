import { toGlobalId } from "../../src/common/global-id";
import { applications, bookings, examParts, testResults, testSessions, vacancies } from "../../src/db/tables";
import { APPLICATION_OPERATION_CODES } from "../../src/applications/application.errors";
import { SELECTION_OPERATION_CODES, SESSION_OPERATION_CODES } from "../../src/test-sessions/test-session.errors";
import { createKeys, MOVE, submission, SUBMIT, testedApplications, type Keys } from "../helpers/clients";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

// Every code in the lists of these operations, reached through the API (the lists: src/*/*.errors.ts; the schema test
// holds the payloads' descriptions to them). Each refusal changes nothing.

let server: TestServer;
let keys: Keys;
let vacancy: number;
let vacancyId: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  [vacancy] = await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Codestad" });
  vacancyId = toGlobalId("Vacancy", vacancy);
});
afterAll(() => server.close());

const HOUR = 3_600_000;
const UNKNOWN_SESSION = toGlobalId("TestSession", 2_000_000_000);
const UNKNOWN_APPLICATION = toGlobalId("Application", 2_000_000_000);

/** A session of the test's vacancy: SCHEDULED or CANCELLED, starting `hours` from now (negative: it has started). */
async function session(hours: number, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED"): Promise<string> {
  const id = await insertTestSession(server.database.db, [vacancy], { startsAt: new Date(Date.now() + hours * HOUR), status, kind: "WRITTEN" });
  return toGlobalId("TestSession", id);
}

async function submitted(count: number, toStage?: "SCREENED"): Promise<string[]> {
  const data = await server.data(SUBMIT, { input: { applications: Array.from({ length: count }, () => submission(vacancyId)) } }, { key: keys.dvz });
  const ids: string[] = data.submitApplications.results.map((r: { application: { id: string } }) => r.application.id);
  if (toStage) for (const applicationId of ids) await server.data(MOVE, { input: { applicationId, toStage } }, { key: keys.dvz });
  return ids;
}

/** The codes one call answered, after checking it changed nothing it was asked for. */
async function codes(operation: string, query: string, input: Record<string, unknown>, key = keys.taskforce): Promise<string[]> {
  const db = server.database.db;
  const before = [await db.select().from(testSessions), await db.select().from(bookings), await db.select().from(applications)];
  const data = await server.data(query, { input }, { key });
  expect([await db.select().from(testSessions), await db.select().from(bookings), await db.select().from(applications)]).toEqual(before);
  return data[operation].userErrors.map((e: { code: string }) => e.code);
}

const CANCEL = `mutation($input: CancelTestSessionInput!) { cancelTestSession(input: $input) { testSession { id } userErrors { code } } }`;
const RESCHEDULE = `mutation($input: RescheduleTestSessionInput!) { rescheduleTestSession(input: $input) { testSession { id } userErrors { code } } }`;
const INVITE = `mutation($input: InviteToTestSessionInput!) { inviteToTestSession(input: $input) { invited { id } userErrors { code } } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { application { id } userErrors { code } } }`;
const ATTEND_SESSION = `mutation($input: RecordSessionAttendanceInput!) { recordSessionAttendance(input: $input) { applications { id } userErrors { code } } }`;
const WITHDRAW = `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { application { id } userErrors { code } } }`;

test("cancelTestSession: an unknown, a cancelled and a started session, each code of its list", async () => {
  const seen = [
    ...(await codes("cancelTestSession", CANCEL, { sessionId: UNKNOWN_SESSION })),
    ...(await codes("cancelTestSession", CANCEL, { sessionId: await session(24, "CANCELLED") })),
    ...(await codes("cancelTestSession", CANCEL, { sessionId: await session(-1) })),
  ];
  expect(seen).toEqual([...SESSION_OPERATION_CODES.cancelTestSession]);
});

test("rescheduleTestSession and inviteToTestSession: an unknown, a cancelled, a started session; no applications", async () => {
  const cancelled = await session(24, "CANCELLED");
  expect([
    await codes("rescheduleTestSession", RESCHEDULE, { sessionId: UNKNOWN_SESSION, capacity: 5 }),
    await codes("rescheduleTestSession", RESCHEDULE, { sessionId: cancelled, capacity: 5 }),
    await codes("rescheduleTestSession", RESCHEDULE, { sessionId: await session(-1), capacity: 5 }),
  ]).toEqual([["SESSION_NOT_FOUND"], ["SESSION_CANCELLED"], ["SESSION_STARTED"]]);
  const [app] = await submitted(1, "SCREENED");
  expect([
    await codes("inviteToTestSession", INVITE, { sessionId: UNKNOWN_SESSION, applicationIds: [app] }),
    await codes("inviteToTestSession", INVITE, { sessionId: cancelled, applicationIds: [app] }),
    await codes("inviteToTestSession", INVITE, { sessionId: await session(24), applicationIds: [] }),
  ]).toEqual([["SESSION_NOT_FOUND"], ["SESSION_CANCELLED"], ["TOO_MANY"]]);
});

test("recordAttendance: each code of its list, and nothing of the session-wide call's", async () => {
  const [unbooked, waiting] = await submitted(2, "SCREENED");
  const future = await session(24);
  expect((await server.data(INVITE, { input: { sessionId: future, applicationIds: [waiting] } }, { key: keys.dvz })).inviteToTestSession.userErrors).toEqual(
    [],
  );
  const seen = [
    ...(await codes("recordAttendance", ATTEND, { applicationId: UNKNOWN_APPLICATION, attended: true }, keys.dvz)),
    ...(await codes("recordAttendance", ATTEND, { applicationId: unbooked, attended: true }, keys.dvz)),
    ...(await codes("recordAttendance", ATTEND, { applicationId: waiting, attended: false }, keys.dvz)),
  ];
  expect(seen).toEqual([...SELECTION_OPERATION_CODES.recordAttendance]);
});

test("recordSessionAttendance: each code of its list", async () => {
  const [unbooked, waiting] = await submitted(2, "SCREENED");
  const future = await session(24);
  expect((await server.data(INVITE, { input: { sessionId: future, applicationIds: [waiting] } }, { key: keys.dvz })).inviteToTestSession.userErrors).toEqual(
    [],
  );
  const seen = [
    ...(await codes("recordSessionAttendance", ATTEND_SESSION, { sessionId: UNKNOWN_SESSION, presentApplicationIds: [waiting], absentApplicationIds: [] })),
    ...(await codes("recordSessionAttendance", ATTEND_SESSION, {
      sessionId: future,
      presentApplicationIds: [UNKNOWN_APPLICATION, waiting, unbooked],
      absentApplicationIds: [waiting],
    })),
  ];
  expect([...new Set(seen)].sort()).toEqual([...SELECTION_OPERATION_CODES.recordSessionAttendance].sort());
});

test("withdrawApplication: each code of its list", async () => {
  const [app, other] = await submitted(2);
  const withdrawn = await server.data(WITHDRAW, { input: { applicationId: other } }, { key: keys.dvz });
  expect(withdrawn.withdrawApplication.userErrors).toEqual([]);
  const [rejected] = await submitted(1);
  expect(
    (await server.data(MOVE, { input: { applicationId: rejected, toStage: "REJECTED", reason: "INELIGIBLE" } }, { key: keys.dvz })).moveApplication.userErrors,
  ).toEqual([]);
  const seen = [
    ...(await codes("withdrawApplication", WITHDRAW, { applicationId: UNKNOWN_APPLICATION }, keys.dvz)),
    ...(await codes("withdrawApplication", WITHDRAW, { applicationId: app, occurredAt: new Date(Date.now() + 24 * HOUR).toISOString() }, keys.dvz)),
    ...(await codes("withdrawApplication", WITHDRAW, { applicationId: app, expectedVersion: 99 }, keys.dvz)),
    ...(await codes("withdrawApplication", WITHDRAW, { applicationId: other }, keys.dvz)),
    ...(await codes("withdrawApplication", WITHDRAW, { applicationId: rejected }, keys.dvz)),
    ...(await codes("withdrawApplication", WITHDRAW, { applicationId: app, occurredAt: "2021-01-01T00:00:00Z" }, keys.dvz)),
  ];
  expect(seen).toEqual([...APPLICATION_OPERATION_CODES.withdrawApplication]);
});

const RESULT = `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { userErrors { code } } }`;
const UPDATE_VACANCY = `mutation($input: UpdateVacancyInput!) { updateVacancy(input: $input) { vacancy { id } userErrors { field code message } } }`;

test("updateVacancy: a procedure with a result recorded against it is PROCEDURE_LOCKED; nothing of the update is written", async () => {
  const [scoredVacancy] = await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Codestad" });
  const id = toGlobalId("Vacancy", scoredVacancy);
  const [app] = await testedApplications(server, keys, id, 1);
  expect((await server.data(RESULT, { input: { applicationId: app, part: "Schriftelijk", points: 30 } }, { key: keys.dvz })).recordTestResult.userErrors).toEqual([]);
  const db = server.database.db;
  const state = async () => [await db.select().from(vacancies), await db.select().from(examParts), await db.select().from(testResults)];
  const before = await state();
  const data = await server.data(
    UPDATE_VACANCY,
    { input: { vacancyId: id, place: "Elders", procedure: { parts: [{ name: "Enig deel", maxPoints: 20 }], overallPassPercent: 50 } } },
    { key: keys.dvz },
  );
  expect(data.updateVacancy).toEqual({
    vacancy: null,
    userErrors: [
      { field: ["input", "procedure"], code: "PROCEDURE_LOCKED", message: "Test results have been recorded against this procedure: it can no longer change." },
    ],
  });
  expect(await state()).toEqual(before);
});
