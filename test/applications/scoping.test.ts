import { readFileSync } from "node:fs";
import { toGlobalId } from "../../src/common/global-id";
import { campaignSchema } from "../../src/server/schema";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertCampaign, insertVacancies, seededCampaign } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Walks every query and mutation with each kind of caller and asserts what each may see and do. Another agency's
 * record behaves exactly like an unknown id; the taskforce gets pipeline data without personal data.
 */
type Who = "anonymous" | "dvz" | "cgvs" | "taskforce" | "admin";
const EVERYONE: Who[] = ["anonymous", "dvz", "cgvs", "taskforce", "admin"];

let server: TestServer;
let keys: Keys;
let ids: { vacancy: string; draft: string; dvzApplication: string; cgvsApplication: string; candidate: string; profile: string; wave: string; client: string };

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  const db = server.database.db;
  const [vacancy] = await insertVacancies(db, 1, { agencyCode: "DVZ", place: "Scopestad" });
  const [draft] = await insertVacancies(db, 1, { agencyCode: "DVZ", place: "Scopestad", status: "DRAFT" });
  const [cgvsVacancy] = await insertVacancies(db, 1, { agencyCode: "CGVS", place: "Scopestad" });
  const dvz = await server.data(
    SUBMIT,
    { input: { applications: [submission(toGlobalId("Vacancy", vacancy), {}, { email: "scope@example.be", birthDate: "1990-04-01" })] } },
    { key: keys.dvz },
  );
  const cgvs = await server.data(
    SUBMIT,
    { input: { applications: [submission(toGlobalId("Vacancy", cgvsVacancy), {}, { email: "scope@example.be" })] } },
    { key: keys.cgvs },
  );
  const dvzApplication = dvz.submitApplications.results[0].application.id;
  const candidate = await server.data(`query($id: ID!) { application(id: $id) { candidate { id } } }`, { id: dvzApplication }, { key: keys.admin });
  const { campaign } = await insertCampaign(db, "scoping-test");
  const wave = await server.data(`query { campaign(slug: "scoping-test") { waves { id } } }`);
  const seeded = await seededCampaign(db);
  const clients = await server.data(`{ apiClients(first: 1) { edges { node { id } } } }`, {}, { key: keys.admin });
  ids = {
    vacancy: toGlobalId("Vacancy", vacancy),
    draft: toGlobalId("Vacancy", draft),
    dvzApplication,
    cgvsApplication: cgvs.submitApplications.results[0].application.id,
    candidate: candidate.application.candidate.id,
    profile: toGlobalId("JobProfile", seeded.profile("NBV001").id),
    wave: wave.campaign.waves[0].id,
    client: clients.apiClients.edges[0].node.id,
  };
  expect(campaign.slug).toBe("scoping-test");
});
afterAll(() => server.close());

function keyOf(who: Who): string | undefined {
  return who === "anonymous" ? undefined : keys[who];
}

async function ask(who: Who, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.gql(query, variables, { key: keyOf(who) });
  const code = response.body.errors?.[0]?.extensions?.code as string | undefined;
  return { code, data: response.body.data };
}

test.each(EVERYONE)("public reads work for %s", async (who) => {
  const { code, data } = await ask(
    who,
    `query($id: ID!) { campaign(slug: "asiel-migratie-2021") { targetHeadcount } agencies { code } vacancies(first: 1) { totalCount } vacancy(id: $id) { place } jobProfile(functionCode: "NBV001") { level } jobProfiles { functionCode } competenceAreas { number } testSessions(first: 1) { totalCount } places { name } vacancyFacets { agencies { count } } }`,
    { id: ids.vacancy },
  );
  expect(code).toBeUndefined();
  expect(data).toMatchObject({ campaign: { targetHeadcount: 700 }, vacancy: { place: "Scopestad" }, jobProfile: { level: "A" } });
  expect(data!.places.length).toBeGreaterThan(0);
  expect(data!.vacancyFacets.agencies.length).toBe(4);
});

test("node and nodes show an object only to whom its own field shows it", async () => {
  const seen: Record<string, unknown> = {};
  for (const who of EVERYONE) {
    const { code, data } = await ask(who, `query($ids: [ID!]!, $id: ID!) { node(id: $id) { __typename } nodes(ids: $ids) { __typename } }`, {
      id: ids.dvzApplication,
      ids: [ids.vacancy, ids.draft, ids.dvzApplication],
    });
    expect(code).toBeUndefined();
    seen[who] = [data!.node?.__typename ?? null, data!.nodes.map((n: any) => n?.__typename ?? null)];
  }
  expect(seen).toEqual({
    anonymous: [null, ["Vacancy", null, null]],
    dvz: ["Application", ["Vacancy", "Vacancy", "Application"]],
    cgvs: [null, ["Vacancy", null, null]],
    taskforce: ["Application", ["Vacancy", "Vacancy", "Application"]],
    admin: ["Application", ["Vacancy", "Vacancy", "Application"]],
  });
});

test("viewer tells who is calling", async () => {
  const seen: Record<string, unknown> = {};
  for (const who of EVERYONE) seen[who] = (await ask(who, `{ viewer { anonymous role agency { code } } }`)).data!.viewer;
  expect(seen).toEqual({
    anonymous: { anonymous: true, role: null, agency: null },
    dvz: { anonymous: false, role: "AGENCY_HR", agency: { code: "DVZ" } },
    cgvs: { anonymous: false, role: "AGENCY_HR", agency: { code: "CGVS" } },
    taskforce: { anonymous: false, role: "TASKFORCE", agency: null },
    admin: { anonymous: false, role: "ADMIN", agency: null },
  });
});

test("a draft: its agency, the taskforce and administrators", async () => {
  const seen: Record<string, unknown> = {};
  for (const who of EVERYONE) seen[who] = (await ask(who, `query($id: ID!) { vacancy(id: $id) { status } }`, { id: ids.draft })).data!.vacancy;
  expect(seen).toEqual({ anonymous: null, dvz: { status: "DRAFT" }, cgvs: null, taskforce: { status: "DRAFT" }, admin: { status: "DRAFT" } });
});

test("one application: its agency with the candidate, the taskforce without, another agency as if unknown", async () => {
  const seen: Record<string, unknown> = {};
  for (const who of EVERYONE) {
    const { code, data } = await ask(who, `query($id: ID!) { application(id: $id) { stage candidate { email birthDate } } }`, { id: ids.dvzApplication });
    seen[who] = code ?? data!.application;
  }
  expect(seen).toEqual({
    anonymous: "UNAUTHENTICATED",
    dvz: { stage: "APPLIED", candidate: { email: "scope@example.be", birthDate: "1990-04-01" } },
    cgvs: null,
    taskforce: { stage: "APPLIED", candidate: null },
    admin: { stage: "APPLIED", candidate: { email: "scope@example.be", birthDate: "1990-04-01" } },
  });
});

test("application lists: each agency its own, the taskforce and administrators all, no personal data for the taskforce", async () => {
  const seen: Record<string, unknown> = {};
  for (const who of EVERYONE) {
    const { code, data } = await ask(who, `{ applications(first: 100) { totalCount edges { node { id candidate { lastName } } } } }`);
    seen[who] = code ?? {
      ids: data!.applications.edges.map((e: any) => e.node.id).sort(),
      names: data!.applications.edges.filter((e: any) => e.node.candidate).length,
    };
  }
  const both = [ids.dvzApplication, ids.cgvsApplication].sort();
  expect(seen).toEqual({
    anonymous: "UNAUTHENTICATED",
    dvz: { ids: [ids.dvzApplication], names: 1 },
    cgvs: { ids: [ids.cgvsApplication], names: 1 },
    taskforce: { ids: both, names: 0 },
    admin: { ids: both, names: 2 },
  });
});

test("administrative reads are for administrators only", async () => {
  for (const query of [`{ auditLog(first: 1) { totalCount } }`, `{ apiClients(first: 1) { totalCount } }`]) {
    const codes: Record<string, unknown> = {};
    for (const who of EVERYONE) codes[who] = (await ask(who, query)).code ?? "ok";
    expect(codes).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "FORBIDDEN", cgvs: "FORBIDDEN", taskforce: "FORBIDDEN", admin: "ok" });
  }
});

/** Runs a mutation as each caller on fresh data and returns its GraphQL error code or its first userError code. */
async function mutationOutcomes(run: (who: Who) => Promise<{ code?: string; data?: any }>, pick: (data: any) => { userErrors: { code: string }[] }) {
  const outcomes: Record<string, string> = {};
  for (const who of EVERYONE) {
    const { code, data } = await run(who);
    outcomes[who] = code ?? (pick(data).userErrors[0]?.code || "ok");
  }
  return outcomes;
}

test("submitApplications: agency HR keys only, each to its own agency's vacancies", async () => {
  const outcomes = await mutationOutcomes(
    (who) => ask(who, SUBMIT, { input: { applications: [submission(ids.vacancy)] } }),
    (d) => d.submitApplications.results[0],
  );
  expect(outcomes).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "VACANCY_NOT_FOUND", taskforce: "FORBIDDEN", admin: "FORBIDDEN" });
});

test("moveApplication and withdrawApplication: the agency's HR key and administrators", async () => {
  const moves: Record<string, string> = {};
  for (const who of EVERYONE) {
    const fresh = await server.data(SUBMIT, { input: { applications: [submission(ids.vacancy)] } }, { key: keys.dvz });
    const applicationId = fresh.submitApplications.results[0].application.id;
    const { code, data } = await ask(who, MOVE, { input: { applicationId, toStage: "SCREENED" } });
    moves[who] = code ?? (data!.moveApplication.userErrors[0]?.code || "ok");
    const withdraw = await ask(who, `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { userErrors { code } } }`, {
      input: { applicationId },
    });
    moves[`${who} withdraw`] = withdraw.code ?? (withdraw.data!.withdrawApplication.userErrors[0]?.code || "ok");
  }
  expect(moves).toEqual({
    anonymous: "UNAUTHENTICATED",
    "anonymous withdraw": "UNAUTHENTICATED",
    dvz: "ok",
    "dvz withdraw": "ok",
    cgvs: "APPLICATION_NOT_FOUND",
    "cgvs withdraw": "APPLICATION_NOT_FOUND",
    taskforce: "FORBIDDEN",
    "taskforce withdraw": "FORBIDDEN",
    admin: "ok",
    "admin withdraw": "ok",
  });
});

test("moveApplications: the agency's HR key and administrators, each move scoped to the caller's agency", async () => {
  const outcomes = await mutationOutcomes(
    async (who) => {
      const fresh = await server.data(SUBMIT, { input: { applications: [submission(ids.vacancy)] } }, { key: keys.dvz });
      const applicationId = fresh.submitApplications.results[0].application.id;
      return ask(who, `mutation($input: MoveApplicationsInput!) { moveApplications(input: $input) { results { userErrors { code } } } }`, {
        input: { moves: [{ applicationId, toStage: "SCREENED" }] },
      });
    },
    (d) => d.moveApplications.results[0],
  );
  expect(outcomes).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "APPLICATION_NOT_FOUND", taskforce: "FORBIDDEN", admin: "ok" });
});

test("vacancy management: the agency's HR key for its own vacancies, administrators for all", async () => {
  const create = await mutationOutcomes(
    (who) =>
      ask(who, `mutation($input: CreateVacancyInput!) { createVacancy(input: $input) { vacancy { id } userErrors { code } } }`, {
        input: { agency: "DVZ", jobProfileId: ids.profile, waveId: ids.wave, headcountTarget: 2 },
      }),
    (d) => d.createVacancy,
  );
  expect(create).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "AGENCY_NOT_ALLOWED", taskforce: "FORBIDDEN", admin: "ok" });

  for (const [mutation, inputType, extra] of [
    ["updateVacancy", "UpdateVacancyInput", { headcountTarget: 1 }],
    ["publishVacancy", "PublishVacancyInput", {}],
    ["closeVacancy", "CloseVacancyInput", { status: "CANCELLED" }],
  ] as const) {
    const outcomes: Record<string, string> = {};
    for (const who of EVERYONE) {
      const draft = await server.data(
        `mutation($input: CreateVacancyInput!) { createVacancy(input: $input) { vacancy { id } userErrors { code } } }`,
        { input: { agency: "DVZ", jobProfileId: ids.profile, waveId: ids.wave, headcountTarget: 1 } },
        { key: keys.admin },
      );
      const { code, data } = await ask(who, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { vacancy { id } userErrors { code } } }`, {
        input: { vacancyId: draft.createVacancy.vacancy.id, ...extra },
      });
      outcomes[who] = code ?? (data![mutation].userErrors[0]?.code || "ok");
    }
    expect([mutation, outcomes]).toEqual([
      mutation,
      { anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "VACANCY_NOT_FOUND", taskforce: "FORBIDDEN", admin: "ok" },
    ]);
  }
});

test("API clients: administrators only; erasure: administrators, and an agency of its own candidates", async () => {
  const create = await mutationOutcomes(
    (who) => ask(who, `mutation { createApiClient(input: { name: "x", role: TASKFORCE }) { apiKey userErrors { code } } }`),
    (d) => d.createApiClient,
  );
  expect(create).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "FORBIDDEN", cgvs: "FORBIDDEN", taskforce: "FORBIDDEN", admin: "ok" });
  const revoke = await mutationOutcomes(
    (who) => ask(who, `mutation($id: ID!) { revokeApiClient(input: { apiClientId: $id }) { userErrors { code } } }`, { id: toGlobalId("ApiClient", 999999) }),
    (d) => d.revokeApiClient,
  );
  expect(revoke).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "FORBIDDEN", cgvs: "FORBIDDEN", taskforce: "FORBIDDEN", admin: "API_CLIENT_NOT_FOUND" });
  const erase = await mutationOutcomes(
    (who) => ask(who, `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`, { id: toGlobalId("Candidate", 999999) }),
    (d) => d.eraseCandidate,
  );
  expect(erase).toEqual({
    anonymous: "UNAUTHENTICATED",
    dvz: "CANDIDATE_NOT_FOUND",
    cgvs: "CANDIDATE_NOT_FOUND",
    taskforce: "FORBIDDEN",
    admin: "CANDIDATE_NOT_FOUND",
  });
  // DVZ's candidate: CGVS reads it as unknown (test/candidates/persons.test.ts erases for real).
  const ofDvz = await ask("cgvs", `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`, { id: ids.candidate });
  expect(ofDvz.data!.eraseCandidate.userErrors).toEqual([{ code: "CANDIDATE_NOT_FOUND" }]);
});

test("test sessions: the planner schedules; the planner and the vacancy's agency invite, record attendance and results", async () => {
  const CREATE = `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } userErrors { code } } }`;
  const sessionInput = { kind: "WRITTEN", startsAt: new Date(Date.now() + 86_400_000).toISOString(), place: "Selor", capacity: 50, vacancyIds: [ids.vacancy] };
  const create = await mutationOutcomes(
    (who) => ask(who, CREATE, { input: sessionInput }),
    (d) => d.createTestSession,
  );
  expect(create).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "FORBIDDEN", cgvs: "FORBIDDEN", taskforce: "ok", admin: "ok" });

  for (const mutation of ["rescheduleTestSession", "cancelTestSession"]) {
    const outcomes: Record<string, string> = {};
    for (const who of EVERYONE) {
      const session = (await server.data(CREATE, { input: sessionInput }, { key: keys.taskforce })).createTestSession.testSession.id;
      const input = mutation === "cancelTestSession" ? { sessionId: session } : { sessionId: session, capacity: 40 };
      const type = mutation === "cancelTestSession" ? "CancelTestSessionInput" : "RescheduleTestSessionInput";
      const { code, data } = await ask(who, `mutation($input: ${type}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input });
      outcomes[who] = code ?? (data![mutation].userErrors[0]?.code || "ok");
    }
    expect([mutation, outcomes]).toEqual([mutation, { anonymous: "UNAUTHENTICATED", dvz: "FORBIDDEN", cgvs: "FORBIDDEN", taskforce: "ok", admin: "ok" }]);
  }

  const session = (await server.data(CREATE, { input: sessionInput }, { key: keys.taskforce })).createTestSession.testSession.id;
  const invite = await mutationOutcomes(
    async (who) => {
      const fresh = await server.data(SUBMIT, { input: { applications: [submission(ids.vacancy)] } }, { key: keys.dvz });
      const applicationId = fresh.submitApplications.results[0].application.id;
      await server.data(MOVE, { input: { applicationId, toStage: "SCREENED" } }, { key: keys.dvz });
      return ask(who, `mutation($input: InviteToTestSessionInput!) { inviteToTestSession(input: $input) { userErrors { code } } }`, {
        input: { sessionId: session, applicationIds: [applicationId] },
      });
    },
    (d) => d.inviteToTestSession,
  );
  expect(invite).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "APPLICATION_NOT_FOUND", taskforce: "ok", admin: "ok" });

  for (const [mutation, type, input] of [
    ["recordAttendance", "RecordAttendanceInput", { applicationId: ids.dvzApplication, attended: true }],
    ["recordTestResult", "RecordTestResultInput", { applicationId: ids.dvzApplication, part: "Schriftelijk", points: 30 }],
  ] as const) {
    // The application is APPLIED: whoever may act gets the rule's refusal, whoever may not gets FORBIDDEN or "not found".
    const outcomes = await mutationOutcomes(
      (who) => ask(who, `mutation($input: ${type}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input }),
      (d) => d[mutation],
    );
    const refusal = mutation === "recordAttendance" ? "NOT_BOOKED" : "NOT_TESTED";
    expect([mutation, outcomes]).toEqual([
      mutation,
      { anonymous: "UNAUTHENTICATED", dvz: refusal, cgvs: "APPLICATION_NOT_FOUND", taskforce: refusal, admin: refusal },
    ]);
  }
  // In bulk, per item: the same roles and scoping as one at a time.
  const bulkResults = await mutationOutcomes(
    (who) =>
      ask(who, `mutation($input: RecordTestResultsInput!) { recordTestResults(input: $input) { results { userErrors { code } } } }`, {
        input: { results: [{ applicationId: ids.dvzApplication, part: "Schriftelijk", points: 30 }] },
      }),
    (d) => d.recordTestResults.results[0],
  );
  expect(bulkResults).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "NOT_TESTED", cgvs: "APPLICATION_NOT_FOUND", taskforce: "NOT_TESTED", admin: "NOT_TESTED" });
  // Corrections are the taskforce's and administrators': the application has no result yet.
  const corrections = await mutationOutcomes(
    (who) =>
      ask(who, `mutation($input: CorrectTestResultInput!) { correctTestResult(input: $input) { userErrors { code } } }`, {
        input: { applicationId: ids.dvzApplication, part: "Schriftelijk", points: 30, correctionReason: "ENTRY_ERROR" },
      }),
    (d) => d.correctTestResult,
  );
  expect(corrections).toEqual({
    anonymous: "UNAUTHENTICATED",
    dvz: "FORBIDDEN",
    cgvs: "FORBIDDEN",
    taskforce: "RESULT_NOT_RECORDED",
    admin: "RESULT_NOT_RECORDED",
  });
  const sessionAttendance = await mutationOutcomes(
    (who) =>
      ask(who, `mutation($input: RecordSessionAttendanceInput!) { recordSessionAttendance(input: $input) { userErrors { code } } }`, {
        input: { sessionId: session, presentApplicationIds: [ids.dvzApplication], absentApplicationIds: [] },
      }),
    (d) => d.recordSessionAttendance,
  );
  expect(sessionAttendance).toEqual({
    anonymous: "UNAUTHENTICATED",
    dvz: "NOT_BOOKED",
    cgvs: "APPLICATION_NOT_FOUND",
    taskforce: "NOT_BOOKED",
    admin: "NOT_BOOKED",
  });
});

test("dashboard and capacity planning: the taskforce and administrators", async () => {
  for (const query of [`{ dashboard { target hired } }`, `{ testSessionPlanning(from: "2030-01-01", to: "2030-01-31") { total { sessions } } }`]) {
    const codes: Record<string, unknown> = {};
    for (const who of EVERYONE) codes[who] = (await ask(who, query)).code ?? "ok";
    expect([query, codes]).toEqual([query, { anonymous: "UNAUTHENTICATED", dvz: "FORBIDDEN", cgvs: "FORBIDDEN", taskforce: "ok", admin: "ok" }]);
  }
});

test("laureate lists: the vacancy's agency, the taskforce and administrators", async () => {
  const seen: Record<string, unknown> = {};
  for (const who of EVERYONE)
    seen[who] = (await ask(who, `query($id: ID!) { vacancy(id: $id) { laureates { totalCount } } }`, { id: ids.vacancy })).data!.vacancy.laureates;
  expect(seen).toEqual({ anonymous: null, dvz: { totalCount: 0 }, cgvs: null, taskforce: { totalCount: 0 }, admin: { totalCount: 0 } });
});

test("the events feed: each reader its own; webhook endpoints: any key, each its own", async () => {
  const apps: Record<string, unknown> = {};
  for (const who of EVERYONE) {
    const { code, data } = await ask(who, `{ events(first: 100, types: [APPLICATION_SUBMITTED]) { edges { node { payload } } } }`);
    const seen = code ? [code] : data!.events.edges.map((e: any) => e.node.payload.applicationId);
    apps[who] = seen.filter((id: string) => id === ids.dvzApplication || id === ids.cgvsApplication || id === code);
  }
  expect(apps).toEqual({
    anonymous: [],
    dvz: [ids.dvzApplication],
    cgvs: [ids.cgvsApplication],
    taskforce: [],
    admin: [ids.dvzApplication, ids.cgvsApplication],
  });

  const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { webhookEndpoint { id } userErrors { code } } }`;
  const created = await mutationOutcomes(
    (who) => ask(who, CREATE_ENDPOINT, { input: { url: "http://127.0.0.1:9/hooks", eventTypes: ["VACANCY_PUBLISHED"] } }),
    (d) => d.createWebhookEndpoint,
  );
  expect(created).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "ok", taskforce: "ok", admin: "ok" });
  const listed: Record<string, unknown> = {};
  for (const who of EVERYONE) {
    const { code, data } = await ask(who, `{ webhookEndpoints { totalCount } }`);
    listed[who] = code ?? data!.webhookEndpoints.totalCount;
  }
  expect(listed).toEqual({ anonymous: "UNAUTHENTICATED", dvz: 1, cgvs: 1, taskforce: 1, admin: 4 });

  for (const [mutation, input] of [
    ["disableWebhookEndpoint", "WebhookEndpointInput"],
    ["enableWebhookEndpoint", "WebhookEndpointInput"],
    ["rotateWebhookSecret", "WebhookEndpointInput"],
    ["redeliverWebhook", "RedeliverWebhookInput"],
    ["deleteWebhookEndpoint", "WebhookEndpointInput"],
  ] as const) {
    const outcomes: Record<string, string> = {};
    for (const who of EVERYONE) {
      const endpointId = (await server.data(CREATE_ENDPOINT, { input: { url: "http://127.0.0.1:9/hooks" } }, { key: keys.dvz })).createWebhookEndpoint
        .webhookEndpoint.id;
      if (mutation === "enableWebhookEndpoint")
        await ask("dvz", `mutation($id: ID!) { disableWebhookEndpoint(input: { endpointId: $id }) { userErrors { code } } }`, { id: endpointId });
      const extra = mutation === "redeliverWebhook" ? { fromSequence: 1, toSequence: 1 } : {};
      const { code, data } = await ask(who, `mutation($input: ${input}!) { ${mutation}(input: $input) { userErrors { code } } }`, {
        input: { endpointId, ...extra },
      });
      outcomes[who] = code ?? (data![mutation].userErrors[0]?.code || "ok");
      await server.data(
        `mutation($id: ID!) { deleteWebhookEndpoint(input: { endpointId: $id }) { userErrors { code } } }`,
        { id: endpointId },
        { key: keys.admin },
      );
    }
    expect([mutation, outcomes]).toEqual([
      mutation,
      { anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "ENDPOINT_NOT_FOUND", taskforce: "ENDPOINT_NOT_FOUND", admin: "ok" },
    ]);
  }
  const deliveries: Record<string, unknown> = {};
  const endpointId = (await server.data(CREATE_ENDPOINT, { input: { url: "http://127.0.0.1:9/hooks" } }, { key: keys.dvz })).createWebhookEndpoint
    .webhookEndpoint.id;
  for (const who of EVERYONE)
    deliveries[who] = (await ask(who, `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`, { id: endpointId })).code ?? "ok";
  expect(deliveries).toEqual({ anonymous: "UNAUTHENTICATED", dvz: "ok", cgvs: "BAD_USER_INPUT", taskforce: "BAD_USER_INPUT", admin: "ok" });
});

/** The tests above, by what they walk. */
const WALKS = {
  public: "public reads work for %s",
  node: "node and nodes show an object only to whom its own field shows it",
  viewer: "viewer tells who is calling",
  one: "one application: its agency with the candidate, the taskforce without, another agency as if unknown",
  lists: "application lists: each agency its own, the taskforce and administrators all, no personal data for the taskforce",
  admin: "administrative reads are for administrators only",
  submit: "submitApplications: agency HR keys only, each to its own agency's vacancies",
  move: "moveApplication and withdrawApplication: the agency's HR key and administrators",
  bulk: "moveApplications: the agency's HR key and administrators, each move scoped to the caller's agency",
  vacancyManagement: "vacancy management: the agency's HR key for its own vacancies, administrators for all",
  clients: "API clients: administrators only; erasure: administrators, and an agency of its own candidates",
  sessions: "test sessions: the planner schedules; the planner and the vacancy's agency invite, record attendance and results",
  dashboard: "dashboard and capacity planning: the taskforce and administrators",
  feed: "the events feed: each reader its own; webhook endpoints: any key, each its own",
} as const;

/** Every root field and the test above that walks it with each kind of caller: a new one fails below until it is walked. */
const WALKED_BY: { Query: Record<string, string>; Mutation: Record<string, string> } = {
  Query: {
    agencies: WALKS.public,
    apiClients: WALKS.admin,
    application: WALKS.one,
    applications: WALKS.lists,
    auditLog: WALKS.admin,
    campaign: WALKS.public,
    competenceAreas: WALKS.public,
    dashboard: WALKS.dashboard,
    events: WALKS.feed,
    jobProfile: WALKS.public,
    jobProfiles: WALKS.public,
    node: WALKS.node,
    nodes: WALKS.node,
    places: WALKS.public,
    testSessionPlanning: WALKS.dashboard,
    testSessions: WALKS.public,
    vacancies: WALKS.public,
    vacancy: WALKS.public,
    vacancyFacets: WALKS.public,
    viewer: WALKS.viewer,
    webhookDeliveries: WALKS.feed,
    webhookEndpoints: WALKS.feed,
  },
  Mutation: {
    cancelTestSession: WALKS.sessions,
    closeVacancy: WALKS.vacancyManagement,
    correctTestResult: WALKS.sessions,
    createApiClient: WALKS.clients,
    createTestSession: WALKS.sessions,
    createVacancy: WALKS.vacancyManagement,
    createWebhookEndpoint: WALKS.feed,
    deleteWebhookEndpoint: WALKS.feed,
    disableWebhookEndpoint: WALKS.feed,
    enableWebhookEndpoint: WALKS.feed,
    eraseCandidate: WALKS.clients,
    inviteToTestSession: WALKS.sessions,
    moveApplication: WALKS.move,
    moveApplications: WALKS.bulk,
    publishVacancy: WALKS.vacancyManagement,
    recordAttendance: WALKS.sessions,
    recordSessionAttendance: WALKS.sessions,
    recordTestResult: WALKS.sessions,
    recordTestResults: WALKS.sessions,
    redeliverWebhook: WALKS.feed,
    rescheduleTestSession: WALKS.sessions,
    revokeApiClient: WALKS.clients,
    rotateWebhookSecret: WALKS.feed,
    submitApplications: WALKS.submit,
    updateVacancy: WALKS.vacancyManagement,
    withdrawApplication: WALKS.move,
  },
};

describe("every root field is walked: the schema's own fields, each named with its test here", () => {
  const fieldsOf = async (root: "Query" | "Mutation") => {
    const schema = await campaignSchema();
    const type = root === "Query" ? schema.getQueryType() : schema.getMutationType();
    return Object.keys(type!.getFields()).sort();
  };

  test.each(["Query", "Mutation"] as const)("each %s field of the schema names the test that walks it", async (root) => {
    const unwalked = (await fieldsOf(root)).filter((field) => !(field in WALKED_BY[root]));
    expect(unwalked).toEqual([]);
  });

  test.each(["Query", "Mutation"] as const)("no %s field named here is gone from the schema", async (root) => {
    const fields = new Set(await fieldsOf(root));
    expect(Object.keys(WALKED_BY[root]).filter((field) => !fields.has(field))).toEqual([]);
  });

  test("each test named is a test of this file", () => {
    const source = readFileSync(__filename, "utf8");
    expect(Object.values(WALKS).filter((title) => !source.includes(`("${title}"`))).toEqual([]);
  });
});
