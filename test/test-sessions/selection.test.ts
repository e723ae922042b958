import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { bookings, testSessions, vacancies } from "../../src/db/tables";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertCampaign, insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type GraphQLResponse, type TestServer } from "../helpers/test-server";

let server: TestServer;
let keys: Keys;
let dvzVacancy: string;
let cgvsVacancy: string;
let otherVacancy: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  const [a, b] = await insertVacancies(server.database.db, 2, { agencyCode: "DVZ", place: "Selorstad" });
  const [c] = await insertVacancies(server.database.db, 1, { agencyCode: "CGVS", place: "Selorstad" });
  [dvzVacancy, otherVacancy, cgvsVacancy] = [a, b, c].map((id) => toGlobalId("Vacancy", id));
});
afterAll(() => server.close());

const CREATE = `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) {
  testSession { id kind startsAt isSaturday date isoWeek place language capacity seatsLeft status vacancies { id } } userErrors { field code message } } }`;
const INVITE = `mutation($input: InviteToTestSessionInput!) { inviteToTestSession(input: $input) {
  testSession { seatsLeft } invited { id stage } userErrors { field code message } } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { application { id stage rejectionReason } userErrors { field code message } } }`;
const RESULT = `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) {
  application { id stage rejectionReason } score { decision totalPoints maxPoints percent explanation(lang: EN) parts { name points passed } } userErrors { field code message } } }`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function createSession(input: Record<string, unknown> = {}) {
  const data = await server.data(
    CREATE,
    { input: { kind: "WRITTEN", startsAt: inDays(3), place: "Selor, Brussel", capacity: 10, vacancyIds: [dvzVacancy, cgvsVacancy], ...input } },
    { key: keys.taskforce },
  );
  expect(data.createTestSession.userErrors).toEqual([]);
  return data.createTestSession.testSession;
}

/** Screened applications of a vacancy, through the API as an HR system would make them. */
async function screened(vacancyId: string, count: number, key = vacancyId === cgvsVacancy ? keys.cgvs : keys.dvz): Promise<string[]> {
  const data = await server.data(SUBMIT, { input: { applications: Array.from({ length: count }, () => submission(vacancyId)) } }, { key });
  const ids: string[] = data.submitApplications.results.map((r: any) => r.application.id);
  for (const applicationId of ids) await server.data(MOVE, { input: { applicationId, toStage: "SCREENED" } }, { key });
  return ids;
}

/** Lets time pass: the session started an hour ago. */
async function start(sessionId: string) {
  await server.database.db
    .update(testSessions)
    .set({ startsAt: new Date(Date.now() - 3_600_000) })
    .where(eq(testSessions.id, fromGlobalId("TestSession", sessionId)!));
}

describe("sessions", () => {
  test("created by the planner, public without anything about who, Saturday in Brussels time", async () => {
    // 2 July 2027 is a Friday; 23:30 UTC is 01:30 on Saturday in Brussels (summer time).
    const session = await createSession({ startsAt: "2027-07-02T23:30:00Z", kind: "WRITTEN", language: "FR", capacity: 25 });
    expect(session).toEqual({
      id: expect.any(String),
      kind: "WRITTEN",
      startsAt: "2027-07-02T23:30:00.000Z",
      isSaturday: true,
      date: "2027-07-03",
      isoWeek: "2027-W26",
      place: "Selor, Brussel",
      language: "FR",
      capacity: 25,
      seatsLeft: 25,
      status: "SCHEDULED",
      vacancies: [{ id: dvzVacancy }, { id: cgvsVacancy }],
    });
    const publicView = await server.gql(`query($id: ID!) { vacancy(id: $id) { upcomingTestSessions(first: 100) { id seatsLeft bookings { id } } } }`, {
      id: dvzVacancy,
    });
    expect(publicView.body.errors?.[0].message).toContain('Cannot query field "bookings"');
  });

  test("bad input is a userError and creates nothing", async () => {
    const before = await server.database.db.select().from(testSessions);
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: "2020-01-01T09:00:00Z" }, "STARTS_IN_PAST"],
      [{ capacity: 0 }, "INVALID_CAPACITY"],
      [{ durationMinutes: 0 }, "INVALID_DURATION"],
      [{ place: "  " }, "INVALID_PLACE"],
      [{ vacancyIds: [] }, "NO_VACANCIES"],
      [{ vacancyIds: ["nope"] }, "VACANCY_NOT_FOUND"],
    ];
    for (const [input, code] of cases) {
      const data = await server.data(
        CREATE,
        { input: { kind: "ORAL", startsAt: inDays(2), place: "X", capacity: 5, vacancyIds: [dvzVacancy], ...input } },
        { key: keys.admin },
      );
      expect([input, data.createTestSession.testSession, data.createTestSession.userErrors.map((e: any) => e.code)]).toEqual([input, null, [code]]);
    }
    expect(await server.database.db.select().from(testSessions)).toHaveLength(before.length);
    const hr = await server.gql(CREATE, { input: { kind: "ORAL", startsAt: inDays(2), place: "X", capacity: 5, vacancyIds: [dvzVacancy] } }, { key: keys.dvz });
    expect(hr.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  test("vacancies of two campaigns are VACANCIES_OF_SEVERAL_CAMPAIGNS and create nothing", async () => {
    const db = server.database.db;
    const { campaign, wave } = await insertCampaign(db, "selectie-tweede");
    const [moved] = await insertVacancies(db, 1, { agencyCode: "DVZ", place: "Selorstad" });
    await db.update(vacancies).set({ campaignId: campaign.id, waveId: wave.id }).where(eq(vacancies.id, moved));
    const before = await db.select().from(testSessions);
    const data = await server.data(
      CREATE,
      { input: { kind: "WRITTEN", startsAt: inDays(2), place: "X", capacity: 5, vacancyIds: [dvzVacancy, toGlobalId("Vacancy", moved)] } },
      { key: keys.taskforce },
    );
    expect(data.createTestSession).toEqual({
      testSession: null,
      userErrors: [
        { field: ["input", "vacancyIds"], code: "VACANCIES_OF_SEVERAL_CAMPAIGNS", message: "A session's vacancies must all belong to one campaign." },
      ],
    });
    expect(await db.select().from(testSessions)).toEqual(before);
  });

  test("reschedule keeps the bookings; capacity cannot drop below them; cancelling frees the applicants", async () => {
    const session = await createSession({ capacity: 5 });
    const apps = await screened(dvzVacancy, 3);
    await server.data(INVITE, { input: { sessionId: session.id, applicationIds: apps } }, { key: keys.dvz });
    const RESCHEDULE = `mutation($input: RescheduleTestSessionInput!) { rescheduleTestSession(input: $input) { testSession { startsAt capacity seatsLeft } userErrors { code } } }`;
    const later = inDays(40);
    const moved = await server.data(RESCHEDULE, { input: { sessionId: session.id, startsAt: later, capacity: 4 } }, { key: keys.taskforce });
    expect(moved.rescheduleTestSession).toEqual({ testSession: { startsAt: later, capacity: 4, seatsLeft: 1 }, userErrors: [] });
    const tooSmall = await server.data(RESCHEDULE, { input: { sessionId: session.id, capacity: 2 } }, { key: keys.taskforce });
    expect(tooSmall.rescheduleTestSession.userErrors).toEqual([{ code: "CAPACITY_BELOW_BOOKINGS" }]);

    const cancelled = await server.data(
      `mutation($id: ID!) { cancelTestSession(input: { sessionId: $id }) { testSession { status seatsLeft } userErrors { code } } }`,
      { id: session.id },
      { key: keys.admin },
    );
    expect(cancelled.cancelTestSession).toEqual({ testSession: { status: "CANCELLED", seatsLeft: 0 }, userErrors: [] });
    // The applicants stay INVITED and may be booked into another session.
    const next = await createSession();
    const reinvited = await server.data(INVITE, { input: { sessionId: next.id, applicationIds: apps } }, { key: keys.taskforce });
    expect(reinvited.inviteToTestSession).toEqual({ testSession: { seatsLeft: 7 }, invited: apps.map((id) => ({ id, stage: "INVITED" })), userErrors: [] });
    // The new seat is a change the agency sees: a new version (submitted 1, SCREENED 2, INVITED 3, the new seat 4).
    const versions = await Promise.all(
      apps.map(async (id) => (await server.data(`query($id: ID!) { application(id: $id) { version } }`, { id }, { key: keys.dvz })).application.version),
    );
    expect(versions).toEqual([4, 4, 4]);
  });
});

describe("invitations", () => {
  test("SCREENED applications of the session's vacancies move to INVITED, each with one seat", async () => {
    const session = await createSession();
    const apps = await screened(dvzVacancy, 4);
    const data = await server.data(INVITE, { input: { sessionId: session.id, applicationIds: apps } }, { key: keys.dvz });
    expect(data.inviteToTestSession).toEqual({ testSession: { seatsLeft: 6 }, invited: apps.map((id) => ({ id, stage: "INVITED" })), userErrors: [] });
    const history = await server.data(`query($id: ID!) { application(id: $id) { history { toStage actor { name } } } }`, { id: apps[0] }, { key: keys.dvz });
    expect(history.application.history.at(-1)).toEqual({ toStage: "INVITED", actor: { name: "AGENCY_HR DVZ test client" } });
    await expectCountersToMatchEvents(server.database.db);
  });

  test("refusals: all or nothing", async () => {
    const session = await createSession({ capacity: 3, vacancyIds: [dvzVacancy] });
    const [good] = await screened(dvzVacancy, 1);
    const [applied] = (await server.data(SUBMIT, { input: { applications: [submission(dvzVacancy)] } }, { key: keys.dvz })).submitApplications.results.map(
      (r: any) => r.application.id,
    );
    const [elsewhere] = await screened(otherVacancy, 1);
    const [cgvs] = await screened(cgvsVacancy, 1);
    const cases: [string[], string, string][] = [
      [[good, applied], "NOT_SCREENED", keys.dvz],
      [[good, elsewhere], "NOT_TESTED_BY_SESSION", keys.dvz],
      [[good, cgvs], "APPLICATION_NOT_FOUND", keys.dvz],
      [[good, good], "DUPLICATE_APPLICATION", keys.dvz],
      [[good, "garbage"], "APPLICATION_NOT_FOUND", keys.dvz],
    ];
    for (const [applicationIds, code, key] of cases) {
      const data = await server.data(INVITE, { input: { sessionId: session.id, applicationIds } }, { key });
      expect(data.inviteToTestSession.userErrors.map((e: any) => e.code)).toEqual([code]);
      expect(data.inviteToTestSession.invited).toEqual([]);
    }
    const untouched = await server.data(`query($id: ID!) { application(id: $id) { stage } }`, { id: good }, { key: keys.dvz });
    expect(untouched.application.stage).toBe("SCREENED");

    const full = await server.data(INVITE, { input: { sessionId: session.id, applicationIds: await screened(dvzVacancy, 4) } }, { key: keys.dvz });
    expect(full.inviteToTestSession.userErrors).toEqual([
      { field: ["input", "applicationIds"], code: "SESSION_FULL", message: "The session has 3 seats left; 4 were asked for." },
    ]);
    await server.data(INVITE, { input: { sessionId: session.id, applicationIds: [good] } }, { key: keys.dvz });
    const other = await createSession({ vacancyIds: [dvzVacancy] });
    const twice = await server.data(INVITE, { input: { sessionId: other.id, applicationIds: [good] } }, { key: keys.dvz });
    expect(twice.inviteToTestSession.userErrors.map((e: any) => e.code)).toEqual(["ALREADY_BOOKED"]);
    await start(session.id);
    const late = await server.data(INVITE, { input: { sessionId: session.id, applicationIds: await screened(dvzVacancy, 1) } }, { key: keys.dvz });
    expect(late.inviteToTestSession.userErrors.map((e: any) => e.code)).toEqual(["SESSION_STARTED"]);
  });

  test("withdrawing an invited application gives its seat back", async () => {
    const session = await createSession({ capacity: 2 });
    const [app] = await screened(dvzVacancy, 1);
    await server.data(INVITE, { input: { sessionId: session.id, applicationIds: [app] } }, { key: keys.dvz });
    await server.data(`mutation($id: ID!) { withdrawApplication(input: { applicationId: $id }) { userErrors { code } } }`, { id: app }, { key: keys.dvz });
    const seats = await server.data(`query($id: ID!) { vacancy(id: $id) { upcomingTestSessions(first: 100) { id seatsLeft } } }`, { id: dvzVacancy });
    expect(seats.vacancy.upcomingTestSessions.find((s: any) => s.id === session.id).seatsLeft).toBe(2);
  });

  test("rejecting an invited application through moveApplications gives its seat back too", async () => {
    const session = await createSession({ capacity: 2 });
    const [app] = await screened(dvzVacancy, 1);
    await server.data(INVITE, { input: { sessionId: session.id, applicationIds: [app] } }, { key: keys.dvz });
    const moved = await server.data(
      `mutation($id: ID!) { moveApplications(input: { moves: [{ applicationId: $id, toStage: REJECTED, reason: NO_SHOW }] }) { results { moved userErrors { code } } } }`,
      { id: app },
      { key: keys.dvz },
    );
    expect(moved.moveApplications.results).toEqual([{ moved: true, userErrors: [] }]);
    const seats = await server.data(`query($id: ID!) { vacancy(id: $id) { upcomingTestSessions(first: 100) { id seatsLeft } } }`, { id: dvzVacancy });
    expect(seats.vacancy.upcomingTestSessions.find((s: any) => s.id === session.id).seatsLeft).toBe(2);
  });

  (onPostgres ? test : test.skip)("50 concurrent invitations into a session with 10 seats leave exactly 10 booked", async () => {
    const session = await createSession({ capacity: 10, vacancyIds: [dvzVacancy] });
    const apps = await screened(dvzVacancy, 50);
    // As a client does, a request answered with the retryable DATABASE_BUSY (the pool's queue, on a loaded machine) is sent again.
    const invite = async (id: string): Promise<GraphQLResponse> => {
      const response = await server.gql(INVITE, { input: { sessionId: session.id, applicationIds: [id] } }, { key: keys.dvz });
      return response.body.errors?.[0]?.extensions?.retryable ? invite(id) : response;
    };
    const outcomes = await Promise.all(apps.map(invite));
    const invited = outcomes.filter((o) => o.body.data!.inviteToTestSession.invited.length === 1);
    const full = outcomes.filter((o) => o.body.data!.inviteToTestSession.userErrors[0]?.code === "SESSION_FULL");
    expect([invited.length, full.length]).toEqual([10, 40]);
    const key = fromGlobalId("TestSession", session.id)!;
    const [row] = await server.database.db.select().from(testSessions).where(eq(testSessions.id, key));
    const booked = await server.database.db.select().from(bookings).where(eq(bookings.sessionId, key));
    expect([row.seatsTaken, booked.length]).toEqual([10, 10]);
    const stages = await Promise.all(apps.map((id) => server.data(`query($id: ID!) { application(id: $id) { stage } }`, { id }, { key: keys.dvz })));
    expect(stages.filter((a) => a.application.stage === "INVITED")).toHaveLength(10);
    await expectCountersToMatchEvents(server.database.db);
  });
});

describe("attendance and results", () => {
  test("present to TESTED, absent to REJECTED (NO_SHOW); not before the session starts", async () => {
    const session = await createSession();
    const [present, absent, third] = await screened(dvzVacancy, 3);
    await server.data(INVITE, { input: { sessionId: session.id, applicationIds: [present, absent, third] } }, { key: keys.taskforce });
    const early = await server.data(ATTEND, { input: { applicationId: present, attended: true } }, { key: keys.dvz });
    expect(early.recordAttendance.userErrors.map((e: any) => e.code)).toEqual(["SESSION_NOT_STARTED"]);
    await start(session.id);

    expect((await server.data(ATTEND, { input: { applicationId: present, attended: true } }, { key: keys.dvz })).recordAttendance).toEqual({
      application: { id: present, stage: "TESTED", rejectionReason: null },
      userErrors: [],
    });
    const bulk = await server.data(
      `mutation($input: RecordSessionAttendanceInput!) { recordSessionAttendance(input: $input) { testSession { id } applications { id stage rejectionReason } userErrors { code field } } }`,
      { input: { sessionId: session.id, presentApplicationIds: [third], absentApplicationIds: [absent] } },
      { key: keys.taskforce },
    );
    expect(bulk.recordSessionAttendance).toEqual({
      testSession: { id: session.id },
      applications: [
        { id: absent, stage: "REJECTED", rejectionReason: "NO_SHOW" },
        { id: third, stage: "TESTED", rejectionReason: null },
      ].sort((a, b) => fromGlobalId("Application", a.id)! - fromGlobalId("Application", b.id)!),
      userErrors: [],
    });
    const again = await server.data(ATTEND, { input: { applicationId: present, attended: false } }, { key: keys.dvz });
    expect(again.recordAttendance.userErrors.map((e: any) => e.code)).toEqual(["NOT_BOOKED"]);
    const cgvs = await server.data(ATTEND, { input: { applicationId: present, attended: false } }, { key: keys.cgvs });
    expect(cgvs.recordAttendance.userErrors.map((e: any) => e.code)).toEqual(["APPLICATION_NOT_FOUND"]);
  });

  async function tested(count: number, vacancyId = dvzVacancy): Promise<string[]> {
    const session = await createSession({ capacity: count, vacancyIds: [vacancyId] });
    const apps = await screened(vacancyId, count);
    await server.data(INVITE, { input: { sessionId: session.id, applicationIds: apps } }, { key: keys.taskforce });
    await start(session.id);
    await server.data(
      `mutation($input: RecordSessionAttendanceInput!) { recordSessionAttendance(input: $input) { userErrors { code } } }`,
      { input: { sessionId: session.id, presentApplicationIds: apps, absentApplicationIds: [] } },
      { key: keys.taskforce },
    );
    return apps;
  }

  test("the procedure decides: a failed part rejects at once, all parts and 60 % make a laureate", async () => {
    const [laureate, failedPart, failedOverall] = await tested(3);
    const record = async (applicationId: string, part: string, points: number) =>
      (await server.data(RESULT, { input: { applicationId, part, points } }, { key: keys.dvz })).recordTestResult;

    expect(await record(laureate, "Schriftelijk", 25)).toMatchObject({
      application: { stage: "TESTED" },
      score: { decision: "PENDING", totalPoints: 25 },
      userErrors: [],
    });
    expect(await record(laureate, "Mondeling", 35)).toEqual({
      application: { id: laureate, stage: "LAUREATE", rejectionReason: null },
      score: {
        decision: "LAUREATE",
        totalPoints: 60,
        maxPoints: 100,
        percent: 60,
        explanation: "Passed every part and 60/100 is 60 % overall, at least the 60 % needed.",
        parts: [
          { name: "Schriftelijk", points: 25, passed: true },
          { name: "Mondeling", points: 35, passed: true },
        ],
      },
      userErrors: [],
    });
    expect(await record(failedPart, "Schriftelijk", 24.5)).toMatchObject({
      application: { stage: "REJECTED", rejectionReason: "FAILED_TEST" },
      score: { decision: "FAILED" },
    });
    await record(failedOverall, "Schriftelijk", 26);
    expect(await record(failedOverall, "Mondeling", 33)).toMatchObject({
      application: { stage: "REJECTED", rejectionReason: "FAILED_TEST" },
      score: { decision: "FAILED", percent: 59, explanation: "Passed every part, but 59/100 is 59 % overall, below the 60 % needed." },
    });
    await expectCountersToMatchEvents(server.database.db);
  });

  test("bad results are userErrors and record nothing", async () => {
    const [app] = await tested(1);
    const [notTested] = await screened(dvzVacancy, 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ applicationId: app, part: "Zingen", points: 10 }, "UNKNOWN_PART"],
      [{ applicationId: app, part: "Schriftelijk", points: 50.5 }, "POINTS_OUT_OF_RANGE"],
      [{ applicationId: app, part: "Schriftelijk", points: -1 }, "POINTS_OUT_OF_RANGE"],
      [{ applicationId: app, part: "Mondeling", points: 40 }, "PREVIOUS_PART_MISSING"],
      [{ applicationId: notTested, part: "Schriftelijk", points: 40 }, "NOT_TESTED"],
      [{ applicationId: "nope", part: "Schriftelijk", points: 40 }, "APPLICATION_NOT_FOUND"],
    ];
    for (const [input, code] of cases) {
      const outcome = (await server.data(RESULT, { input }, { key: keys.dvz })).recordTestResult;
      expect([input, outcome.application, outcome.userErrors.map((e: any) => e.code)]).toEqual([input, null, [code]]);
    }
    await server.data(RESULT, { input: { applicationId: app, part: "Schriftelijk", points: 40 } }, { key: keys.dvz });
    const twice = (await server.data(RESULT, { input: { applicationId: app, part: "Schriftelijk", points: 41 } }, { key: keys.dvz })).recordTestResult;
    expect(twice.userErrors.map((e: any) => e.code)).toEqual(["RESULT_ALREADY_RECORDED"]);
    const score = await server.data(`query($id: ID!) { application(id: $id) { stage score { decision totalPoints } } }`, { id: app }, { key: keys.dvz });
    expect(score.application).toEqual({ stage: "TESTED", score: { decision: "PENDING", totalPoints: 40 } });
  });

  test("laureates ranked by total, ties by the first part, then the earlier application; visibility", async () => {
    const [vacancy] = await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Rangstad" });
    const vacancyId = toGlobalId("Vacancy", vacancy);
    const apps = await tested(5, vacancyId);
    const scores: [number, number][] = [
      [30, 40], // 70
      [40, 40], // 80
      [35, 35], // 70, more on the first part than the first application
      [30, 40], // 70, ties the first application on both: applied later
      [20, 50], // failed the first part
    ];
    for (const [i, [written, oral]] of scores.entries()) {
      await server.data(RESULT, { input: { applicationId: apps[i], part: "Schriftelijk", points: written } }, { key: keys.dvz });
      if (written >= 25) await server.data(RESULT, { input: { applicationId: apps[i], part: "Mondeling", points: oral } }, { key: keys.dvz });
    }
    const LAUREATES = `query($id: ID!, $after: String) { vacancy(id: $id) { laureates(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { rank cursor node { id score { totalPoints } candidate { email } } } } } }`;
    const ranked: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await server.data(LAUREATES, { id: vacancyId, after }, { key: keys.dvz })).vacancy.laureates;
      expect(page.totalCount).toBe(4);
      ranked.push(...page.edges.map((e: any) => e.node.id));
      // Each edge carries its rank; the page knows whether it follows another.
      expect(page.edges.map((e: any) => e.rank)).toEqual(page.edges.map((_: unknown, i: number) => ranked.length - page.edges.length + i + 1));
      expect(page.pageInfo).toMatchObject({ hasPreviousPage: after != null, startCursor: page.edges[0].cursor });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(ranked).toEqual([apps[1], apps[2], apps[0], apps[3]]);

    const taskforce = await server.data(LAUREATES, { id: vacancyId }, { key: keys.taskforce });
    expect(taskforce.vacancy.laureates.edges.map((e: any) => e.node.candidate)).toEqual([null, null]);
    expect((await server.data(LAUREATES, { id: vacancyId }, { key: keys.cgvs })).vacancy.laureates).toBeNull();
    expect((await server.data(LAUREATES, { id: vacancyId })).vacancy.laureates).toBeNull();
    const admin = await server.data(LAUREATES, { id: vacancyId }, { key: keys.admin });
    expect(admin.vacancy.laureates.edges[0].node.candidate.email).toMatch(/@example\.be$/);
  });

  test("laureates over a list of vacancies cost a constant number of statements", async () => {
    for (const vacancy of await insertVacancies(server.database.db, 3, { agencyCode: "DVZ", place: "Lijststad" })) {
      const [app] = await tested(1, toGlobalId("Vacancy", vacancy));
      await server.data(RESULT, { input: { applicationId: app, part: "Schriftelijk", points: 40 } }, { key: keys.dvz });
      await server.data(RESULT, { input: { applicationId: app, part: "Mondeling", points: 40 } }, { key: keys.dvz });
    }
    const query = `query($first: Int) { vacancies(first: $first, filter: { places: ["Lijststad"] }) { edges { node { laureates(first: 5) { totalCount edges { node { id score { decision } } } } } } } }`;
    const one = await server.gql(query, { first: 1 }, { key: keys.admin });
    const all = await server.gql(query, { first: 10 }, { key: keys.admin });
    expect(all.body.errors).toBeUndefined();
    expect(all.statements).toBe(one.statements);
  });
});

describe("capacity planning", () => {
  test("per ISO week, weekday against Saturday, and the backlog", async () => {
    const fresh = await startTestServer();
    try {
      const k = await createKeys(fresh);
      // Sessions must fall within the campaign: this one runs until the end of 2029 here, so that its weeks of January 2030 are fixed dates.
      await fresh.database.db.execute(sql`update campaigns set ends_on = '2029-12-31'`);
      const [v] = await insertVacancies(fresh.database.db, 1, { agencyCode: "RVV", place: "Planstad" });
      const vacancyId = toGlobalId("Vacancy", v);
      const make = async (startsAt: string, capacity: number) =>
        (await fresh.data(CREATE, { input: { kind: "WRITTEN", startsAt, place: "Selor", capacity, vacancyIds: [vacancyId] } }, { key: k.taskforce }))
          .createTestSession.testSession.id;
      // Week 2030-W02: Tuesday 8 January (weekday, 30 seats) and Saturday 12 January (50 seats).
      const tuesday = await make("2030-01-08T08:00:00Z", 30);
      await make("2030-01-12T08:00:00Z", 50);
      // Week 2030-W03: Saturday 19 January, 40 seats; and a cancelled Wednesday.
      await make("2030-01-19T08:00:00Z", 40);
      const cancelled = await make("2030-01-16T08:00:00Z", 99);
      await fresh.data(`mutation($id: ID!) { cancelTestSession(input: { sessionId: $id }) { userErrors { code } } }`, { id: cancelled }, { key: k.admin });

      const items = Array.from({ length: 130 }, () => submission(vacancyId));
      const created = await fresh.data(SUBMIT, { input: { applications: items } }, { key: k.rvv });
      const apps: string[] = created.submitApplications.results.map((r: any) => r.application.id);
      for (const id of apps) await fresh.data(MOVE, { input: { applicationId: id, toStage: "SCREENED" } }, { key: k.rvv });
      await fresh.data(INVITE, { input: { sessionId: tuesday, applicationIds: apps.slice(0, 20) } }, { key: k.rvv });

      const PLAN = `query($from: Date!, $to: Date!, $slug: String) { testSessionPlanning(campaignSlug: $slug, from: $from, to: $to) {
        weeks { isoWeek weekStart cancelledSessions all { sessions seatsOffered seatsBooked seatsLeft utilisation } weekday { sessions seatsOffered } saturday { sessions seatsOffered } }
        total { sessions seatsOffered seatsBooked }
        backlog { screenedWaiting invitedWithoutSeat freeSeatsAhead shortfall averageSaturdayCapacity extraSaturdaySessionsNeeded } } }`;
      const plan = (await fresh.data(PLAN, { from: "2030-01-07", to: "2030-01-20", slug: "asiel-migratie-2021" }, { key: k.taskforce })).testSessionPlanning;
      expect(plan.weeks).toEqual([
        {
          isoWeek: "2030-W02",
          weekStart: "2030-01-07",
          cancelledSessions: 0,
          all: { sessions: 2, seatsOffered: 80, seatsBooked: 20, seatsLeft: 60, utilisation: 0.25 },
          weekday: { sessions: 1, seatsOffered: 30 },
          saturday: { sessions: 1, seatsOffered: 50 },
        },
        {
          isoWeek: "2030-W03",
          weekStart: "2030-01-14",
          cancelledSessions: 1,
          all: { sessions: 1, seatsOffered: 40, seatsBooked: 0, seatsLeft: 40, utilisation: 0 },
          weekday: { sessions: 0, seatsOffered: 0 },
          saturday: { sessions: 1, seatsOffered: 40 },
        },
      ]);
      expect(plan.total).toEqual({ sessions: 3, seatsOffered: 120, seatsBooked: 20 });
      // 110 screened wait; 100 free seats ahead; the 10 left over need one more Saturday of average capacity 45.
      expect(plan.backlog).toEqual({
        screenedWaiting: 110,
        invitedWithoutSeat: 0,
        freeSeatsAhead: 100,
        shortfall: 10,
        averageSaturdayCapacity: 45,
        extraSaturdaySessionsNeeded: 1,
      });

      const forbidden = await fresh.gql(PLAN, { from: "2030-01-07", to: "2030-01-20" }, { key: k.rvv });
      expect(forbidden.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const backwards = await fresh.gql(PLAN, { from: "2030-01-20", to: "2030-01-07" }, { key: k.taskforce });
      expect(backwards.body.errors?.[0]).toMatchObject({
        message: '"to" (2030-01-07) lies before "from" (2030-01-20).',
        extensions: { code: "BAD_USER_INPUT" },
      });
    } finally {
      await fresh.close();
    }
  });
});
