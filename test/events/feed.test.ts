import { eq } from "drizzle-orm";
import pg from "pg";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { testSessions } from "../../src/db/tables";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { FEED, FeedFollower, type FeedEvent } from "../helpers/events";
import { insertCampaign, insertVacancies } from "../helpers/factories";
import { onPostgres } from "../helpers/test-database";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let keys: Keys;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
});
afterAll(() => server.close());

/** Followers for every kind of reader, positioned at the end of the feed as it stands. */
async function followers() {
  const all = {
    dvz: new FeedFollower(server, keys.dvz),
    cgvs: new FeedFollower(server, keys.cgvs),
    taskforce: new FeedFollower(server, keys.taskforce),
    admin: new FeedFollower(server, keys.admin),
    anonymous: new FeedFollower(server, undefined),
  };
  for (const f of Object.values(all)) await f.poll();
  return all;
}

const summary = (events: FeedEvent[]) => events.map((e) => [e.typeName, e.payload.stage ?? e.payload.status ?? null]);

describe("every change writes its event, and each reader sees its own", () => {
  test("vacancies, applications, candidates and test sessions, through the API", async () => {
    const f = await followers();
    const { wave } = await insertCampaign(server.database.db, "events-feed");
    const profileId = toGlobalId("JobProfile", (await server.database.db.query.jobProfiles.findFirst())!.id);
    const created = await server.data(
      `mutation($input: CreateVacancyInput!) { createVacancy(input: $input) { vacancy { id } userErrors { code } } }`,
      {
        input: {
          agency: "DVZ",
          waveId: toGlobalId("Wave", wave.id),
          jobProfileId: profileId,
          headcountTarget: 3,
          place: "Brussel",
          languageRegime: "NL",
          contractType: "STATUTORY",
        },
      },
      { key: keys.dvz },
    );
    const vacancyId = created.createVacancy.vacancy.id;
    const UPDATE = `mutation($input: UpdateVacancyInput!) { updateVacancy(input: $input) { userErrors { code } } }`;
    await server.data(UPDATE, { input: { vacancyId, place: "Antwerpen" } }, { key: keys.dvz });
    await server.data(`mutation($id: ID!) { publishVacancy(input: { vacancyId: $id }) { userErrors { code } } }`, { id: vacancyId }, { key: keys.dvz });
    await server.data(UPDATE, { input: { vacancyId, headcountTarget: 4, applicationDeadline: null } }, { key: keys.dvz });

    const first = submission(vacancyId);
    const second = submission(vacancyId);
    const submitted = await server.data(SUBMIT, { input: { applications: [first, second] } }, { key: keys.dvz });
    const [appA, appB] = submitted.submitApplications.results.map((r: any) => r.application.id);
    await server.data(SUBMIT, { input: { applications: [{ ...second, candidate: { ...second.candidate, lastName: "Anders" } }] } }, { key: keys.dvz });
    await server.data(MOVE, { input: { applicationId: appA, toStage: "SCREENED" } }, { key: keys.dvz });

    const SESSION = `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } userErrors { code } } }`;
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const sessionId = (
      await server.data(SESSION, { input: { kind: "WRITTEN", startsAt, place: "Selor", capacity: 5, vacancyIds: [vacancyId] } }, { key: keys.taskforce })
    ).createTestSession.testSession.id;
    await server.data(
      `mutation($input: RescheduleTestSessionInput!) { rescheduleTestSession(input: $input) { userErrors { code } } }`,
      { input: { sessionId, capacity: 6 } },
      { key: keys.taskforce },
    );
    await server.data(
      `mutation($input: InviteToTestSessionInput!) { inviteToTestSession(input: $input) { userErrors { code } } }`,
      { input: { sessionId, applicationIds: [appA] } },
      { key: keys.dvz },
    );
    await server.database.db
      .update(testSessions)
      .set({ startsAt: new Date(Date.now() - 3_600_000) })
      .where(eq(testSessions.id, fromGlobalId("TestSession", sessionId)!));
    await server.data(
      `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { userErrors { code } } }`,
      { input: { applicationId: appA, attended: true } },
      { key: keys.dvz },
    );
    const RESULT = `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { userErrors { code } } }`;
    await server.data(RESULT, { input: { applicationId: appA, part: "Schriftelijk", points: 40 } }, { key: keys.dvz });
    await server.data(RESULT, { input: { applicationId: appA, part: "Mondeling", points: 35 } }, { key: keys.dvz });
    await server.data(`mutation($id: ID!) { withdrawApplication(input: { applicationId: $id }) { userErrors { code } } }`, { id: appB }, { key: keys.dvz });
    const candidateId = (await server.data(`query($id: ID!) { application(id: $id) { candidate { id } } }`, { id: appB }, { key: keys.dvz })).application
      .candidate.id;
    await server.data(`mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`, { id: candidateId }, { key: ADMIN_KEY });
    const other = (
      await server.data(SESSION, { input: { kind: "ORAL", startsAt, place: "Selor", capacity: 5, vacancyIds: [vacancyId] } }, { key: keys.taskforce })
    ).createTestSession.testSession.id;
    await server.data(`mutation($id: ID!) { cancelTestSession(input: { sessionId: $id }) { userErrors { code } } }`, { id: other }, { key: keys.taskforce });
    await server.data(
      `mutation($id: ID!) { closeVacancy(input: { vacancyId: $id, status: FILLED }) { userErrors { code } } }`,
      { id: vacancyId },
      { key: keys.dvz },
    );

    const dvz = await f.dvz.poll();
    expect(summary(dvz)).toEqual([
      ["vacancy.updated", "DRAFT"],
      ["vacancy.published", "OPEN"],
      ["vacancy.updated", "OPEN"],
      ["application.submitted", "APPLIED"],
      ["application.submitted", "APPLIED"],
      ["candidate.updated", null],
      ["application.moved", "SCREENED"],
      ["test_session.scheduled", "SCHEDULED"],
      ["test_session.moved", "SCHEDULED"],
      ["application.invited", "INVITED"],
      ["application.attendance_recorded", "TESTED"],
      ["application.result_recorded", "TESTED"],
      ["application.result_recorded", "LAUREATE"],
      ["application.withdrawn", "WITHDRAWN"],
      ["candidate.erased", null],
      ["test_session.scheduled", "SCHEDULED"],
      ["test_session.cancelled", "CANCELLED"],
      ["vacancy.closed", "FILLED"],
    ]);
    expect(dvz.map((e) => e.type)).toContain("APPLICATION_ATTENDANCE_RECORDED");
    // Ids, codes and stages only: nothing of the candidate's name or address.
    const serialized = JSON.stringify(dvz);
    for (const personal of [first.candidate.email, first.candidate.lastName, second.candidate.email, "Anders"]) expect(serialized).not.toContain(personal);
    const byType = (type: string) => dvz.filter((e) => e.typeName === type);
    expect(byType("application.moved")[0]).toMatchObject({
      agencyCode: "DVZ",
      payload: {
        applicationId: appA,
        externalId: first.externalId,
        agency: "DVZ",
        vacancyId,
        fromStage: "APPLIED",
        stage: "SCREENED",
        rejectionReason: null,
        version: 2,
      },
    });
    expect(Object.keys(byType("application.moved")[0].payload).sort()).toEqual(
      ["agency", "applicationId", "candidateId", "externalId", "fromStage", "occurredAt", "rejectionReason", "stage", "vacancyId", "version"].sort(),
    );
    expect(byType("application.invited")[0].payload).toMatchObject({ fromStage: "SCREENED", stage: "INVITED", testSessionId: sessionId, version: 3 });
    expect(byType("application.attendance_recorded")[0].payload).toMatchObject({ testSessionId: sessionId, attended: true, stage: "TESTED" });
    expect(byType("application.result_recorded").map((e) => [e.payload.part, e.payload.fromStage, e.payload.stage])).toEqual([
      ["Schriftelijk", "TESTED", "TESTED"],
      ["Mondeling", "TESTED", "LAUREATE"],
    ]);
    expect(byType("candidate.updated")[0].payload).toEqual({ candidateId, agency: "DVZ", applicationIds: [appB] });
    expect(byType("candidate.erased")[0].payload).toEqual({ candidateId, agency: "DVZ", applicationIds: [appB] });
    expect(byType("vacancy.updated").map((e) => e.payload.changed)).toEqual([["place"], ["headcountTarget", "applicationDeadline"]]);
    expect(byType("vacancy.closed")[0].payload).toEqual({ vacancyId, agency: "DVZ", status: "FILLED", fromStatus: "OPEN" });
    expect(byType("test_session.moved")[0].payload).toEqual({ testSessionId: sessionId, status: "SCHEDULED", startsAt, changed: ["capacity"] });

    const publicOnes = [
      ["vacancy.published", "OPEN"],
      ["vacancy.updated", "OPEN"],
      ["test_session.scheduled", "SCHEDULED"],
      ["test_session.moved", "SCHEDULED"],
      ["test_session.scheduled", "SCHEDULED"],
      ["test_session.cancelled", "CANCELLED"],
      ["vacancy.closed", "FILLED"],
    ];
    // Another agency and the public: what the campaign pages show, nothing of DVZ's draft or its candidates.
    expect(summary(await f.cgvs.poll())).toEqual(publicOnes);
    expect(summary(await f.anonymous.poll())).toEqual(publicOnes);
    // The taskforce: no candidate references, but the draft's change too.
    expect(summary(await f.taskforce.poll())).toEqual([["vacancy.updated", "DRAFT"], ...publicOnes]);
    expect((await f.admin.poll()).map((e) => e.id)).toEqual(dvz.map((e) => e.id));
  });

  test("a batch of 500 writes 500 events; refused items and refused moves write none", async () => {
    const f = await followers();
    const [vacancyKey] = await insertVacancies(server.database.db, 1, { agencyCode: "DVZ" });
    const vacancyId = toGlobalId("Vacancy", vacancyKey);
    const batch = Array.from({ length: 500 }, () => submission(vacancyId));
    batch[7] = submission(vacancyId, {}, { email: "not an address" });
    const result = await server.data(SUBMIT, { input: { applications: batch } }, { key: keys.dvz });
    expect(result.submitApplications.createdCount).toBe(499);
    const ids = result.submitApplications.results.filter((r: any) => r.created).map((r: any) => r.application.id);
    const refused = await server.data(MOVE, { input: { applicationId: ids[0], toStage: "HIRED" } }, { key: keys.dvz });
    expect(refused.moveApplication.userErrors[0].code).toBe("STAGE_SKIPPED");
    // A resend changes nothing and records nothing.
    await server.data(SUBMIT, { input: { applications: batch.slice(0, 3) } }, { key: keys.dvz });

    const events = await f.dvz.poll();
    expect(events).toHaveLength(499);
    expect(new Set(events.map((e) => e.typeName))).toEqual(new Set(["application.submitted"]));
    expect(events.map((e) => e.payload.applicationId).sort()).toEqual([...ids].sort());
    // Application ids in the batch's order, and so are the events.
    expect(events.map((e) => fromGlobalId("Application", e.payload.applicationId))).toEqual(
      [...events.map((e) => fromGlobalId("Application", e.payload.applicationId)!)].sort((a, b) => a - b),
    );
    expect(await f.cgvs.poll()).toEqual([]);
    expect(await f.taskforce.poll()).toEqual([]);
  });

  test("types filter the feed; bad cursors and sizes are BAD_USER_INPUT; the page's statements do not grow with it", async () => {
    const f = new FeedFollower(server, keys.dvz, ["APPLICATION_MOVED"]);
    await f.poll();
    const [vacancyKey] = await insertVacancies(server.database.db, 1, { agencyCode: "DVZ" });
    const batch = Array.from({ length: 3 }, () => submission(toGlobalId("Vacancy", vacancyKey)));
    const ids = (await server.data(SUBMIT, { input: { applications: batch } }, { key: keys.dvz })).submitApplications.results.map((r: any) => r.application.id);
    for (const id of ids) await server.data(MOVE, { input: { applicationId: id, toStage: "SCREENED" } }, { key: keys.dvz });
    expect((await f.poll()).map((e) => [e.typeName, e.payload.applicationId])).toEqual(ids.map((id: string) => ["application.moved", id]));

    const badCursor = await server.gql(FEED, { after: "bm9wZQ" }, { key: keys.dvz });
    expect(badCursor.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const otherList = await server.gql(FEED, { after: Buffer.from(JSON.stringify(["applications", "position:ASC", 1])).toString("base64url") });
    expect(otherList.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await server.gql(FEED, { first: 101 }, { key: keys.dvz });
    expect(tooMany.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    const badType = await server.gql(FEED, { types: ["APPLICATION_EXPLODED"] }, { key: keys.dvz });
    expect(badType.status).toBe(400);

    const small = await server.gql(FEED, { first: 2 }, { key: keys.admin });
    const large = await server.gql(FEED, { first: 100 }, { key: keys.admin });
    expect(large.body.data!.events.edges).toHaveLength(100);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(3);
  });
});

(onPostgres ? describe : describe.skip)("the outbox-ordering trap (PostgreSQL)", () => {
  test("an event whose transaction commits after a later one became visible is still read, once", async () => {
    const follower = new FeedFollower(server, keys.dvz);
    await follower.poll();
    const [vacancyKey] = await insertVacancies(server.database.db, 1, { agencyCode: "DVZ" });
    const [item] = (await server.data(SUBMIT, { input: { applications: [submission(toGlobalId("Vacancy", vacancyKey))] } }, { key: keys.dvz }))
      .submitApplications.results;
    await follower.poll();

    // A slow writer takes an event id and holds its transaction open...
    const slow = new pg.Client({ connectionString: server.testDatabase.url! });
    await slow.connect();
    try {
      await slow.query("begin");
      await slow.query(
        `insert into events (type, subject, agency_code, audience, payload) values ('candidate.updated', 'Candidate:0', 'DVZ', 'PERSONAL', '{"late": true}')`,
      );
      // ...while a later writer commits, and the reader moves past it.
      await server.data(MOVE, { input: { applicationId: item.application.id, toStage: "SCREENED" } }, { key: keys.dvz });
      expect((await follower.poll()).map((e) => e.typeName)).toEqual(["application.moved"]);
      await slow.query("commit");
    } finally {
      await slow.end();
    }
    expect((await follower.poll()).map((e) => e.payload)).toEqual([{ late: true }]);
    expect(await follower.poll()).toEqual([]);
    const ids = follower.seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
