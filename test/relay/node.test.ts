import { toGlobalId } from "../../src/common/global-id";
import { createKeys, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { CREATE_ENDPOINT } from "../helpers/webhooks";

/** Relay's refetch by id, with each object shown only to whom its own field shows it. */
let server: TestServer;
let keys: Keys;
let vacancy: string;
let draft: string;
let session: string;
let application: string;
beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  const [open, hidden] = await insertVacancies(server.database.db, 2, (i) => ({ agencyCode: "DVZ", place: "Knooppunt", status: i === 0 ? "OPEN" : "DRAFT" }));
  [vacancy, draft] = [open, hidden].map((k) => toGlobalId("Vacancy", k));
  session = toGlobalId("TestSession", await insertTestSession(server.database.db, [open], { startsAt: new Date(Date.now() + 86_400_000) }));
  const pushed = await server.data(SUBMIT, { input: { applications: [submission(vacancy)] } }, { key: keys.dvz });
  application = pushed.submitApplications.results[0].application.id;
});
afterAll(() => server.close());

const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on Campaign { slug } ... on Wave { number } ... on JobProfile { functionCode } ... on Vacancy { place }
  ... on Place { name(lang: FR) } ... on TestSession { kind } ... on Application { stage } ... on Candidate { erased }
  ... on ApiClient { role } ... on AuditEntry { operation } } }`;

test("every public type comes back by its id, with its own fields", async () => {
  const ids = await server.data(`{ campaign { id waves { id } } jobProfile(functionCode: "NBV001") { id } places { id name } }`);
  const brussels = ids.places.find((p: any) => p.name === "Brussel").id;
  const cases: [string, Record<string, unknown>][] = [
    [ids.campaign.id, { __typename: "Campaign", slug: "asiel-migratie-2021" }],
    [ids.campaign.waves[1].id, { __typename: "Wave", number: 2 }],
    [ids.jobProfile.id, { __typename: "JobProfile", functionCode: "NBV001" }],
    [vacancy, { __typename: "Vacancy", place: "Knooppunt" }],
    [brussels, { __typename: "Place", name: "Bruxelles" }],
    [session, { __typename: "TestSession", kind: "COMPUTER_TEST" }],
  ];
  for (const [id, expected] of cases) expect((await server.data(NODE, { id })).node).toEqual({ id, ...expected });
});

test("private objects only for whom their own fields are: drafts, applications, candidates, API clients, audit entries", async () => {
  const read = async (id: string, key?: string) => (await server.data(NODE, { id }, { key })).node;
  expect(await read(draft)).toBeNull();
  expect(await read(draft, keys.dvz)).toMatchObject({ __typename: "Vacancy" });
  expect(await read(draft, keys.cgvs)).toBeNull();
  expect(await read(application)).toBeNull();
  expect(await read(application, keys.cgvs)).toBeNull();
  expect(await read(application, keys.dvz)).toEqual({ __typename: "Application", id: application, stage: "APPLIED" });
  expect(await read(application, keys.taskforce)).toMatchObject({ stage: "APPLIED" });
  const admin = await server.data(
    `query($id: ID!) { application(id: $id) { candidate { id } } apiClients(first: 1) { edges { node { id } } } auditLog(first: 1) { edges { node { id } } } }`,
    { id: application },
    { key: ADMIN_KEY },
  );
  const candidate = admin.application.candidate.id;
  const client = admin.apiClients.edges[0].node.id;
  const entry = admin.auditLog.edges[0].node.id;
  for (const id of [candidate, client, entry]) {
    expect(await read(id, keys.dvz)).toBeNull();
    expect(await read(id, keys.taskforce)).toBeNull();
  }
  expect(await read(candidate, ADMIN_KEY)).toEqual({ __typename: "Candidate", id: candidate, erased: false });
  expect(await read(client, ADMIN_KEY)).toMatchObject({ __typename: "ApiClient", id: client });
  expect(await read(entry, ADMIN_KEY)).toMatchObject({ __typename: "AuditEntry", id: entry, operation: expect.any(String) });
});

test("events, webhook endpoints and deliveries come back by id to whom their own fields show them", async () => {
  const read = async (id: string, key?: string) => (await server.data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id }, { key })).node;
  const created = await server.data(CREATE_ENDPOINT, { input: { url: "http://127.0.0.1:9/hooks", eventTypes: ["APPLICATION_SUBMITTED"] } }, { key: keys.dvz });
  const endpoint = created.createWebhookEndpoint.webhookEndpoint.id;
  await server.data(SUBMIT, { input: { applications: [submission(vacancy)] } }, { key: keys.dvz });
  // Reading the feed sequences what has committed, which fans the new event out to the endpoint.
  const feed = await server.data(`{ events(types: [APPLICATION_SUBMITTED], first: 100) { edges { node { id } } } }`, {}, { key: keys.dvz });
  const event = feed.events.edges.at(-1).node.id;
  const listed = await server.data(`query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { node { id } } } }`, { id: endpoint }, { key: keys.dvz });
  const [delivery] = listed.webhookDeliveries.edges.map((e: any) => e.node.id);
  expect(delivery).toEqual(expect.any(String));
  const expectations: [string, string, Record<string, boolean>][] = [
    // An application's event: its agency and administrators; not the taskforce (it names a candidate), not others.
    [event, "Event", { dvz: true, cgvs: false, taskforce: false, anonymous: false, admin: true }],
    // Webhook objects: their API client and administrators only.
    [endpoint, "WebhookEndpoint", { dvz: true, cgvs: false, taskforce: false, anonymous: false, admin: true }],
    [delivery, "WebhookDelivery", { dvz: true, cgvs: false, taskforce: false, anonymous: false, admin: true }],
  ];
  const callers: Record<string, string | undefined> = { dvz: keys.dvz, cgvs: keys.cgvs, taskforce: keys.taskforce, anonymous: undefined, admin: ADMIN_KEY };
  for (const [id, type, visible] of expectations) {
    const seen = Object.fromEntries(await Promise.all(Object.keys(visible).map(async (who) => [who, (await read(id, callers[who])) !== null])));
    expect([type, seen]).toEqual([type, visible]);
    expect(await read(id, keys.dvz)).toEqual({ __typename: type, id });
  }
});

test("nodes(ids:) answers in the order asked, null for unknown, malformed or invisible ids, at a constant cost", async () => {
  const { vacancies } = await server.data(`{ vacancies(first: 30) { edges { node { id } } } }`);
  const many = vacancies.edges.map((e: any) => e.node.id);
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Vacancy { title agency { code } wave { number } } } }`;
  const asked = [many[0], "nope", draft, toGlobalId("Vacancy", 999_999), many[1]];
  const answer = await server.gql(NODES, { ids: asked });
  expect(answer.body.data!.nodes.map((n: any) => n?.id ?? null)).toEqual([many[0], null, null, null, many[1]]);
  const few = await server.gql(NODES, { ids: many.slice(0, 2) });
  const lots = await server.gql(NODES, { ids: many });
  expect(lots.body.data!.nodes).toHaveLength(30);
  expect(lots.statements).toBe(few.statements);
  const tooMany = await server.gql(NODES, { ids: Array.from({ length: 101 }, () => many[0]) });
  expect(tooMany.body.errors?.[0]).toMatchObject({ message: '"ids" may hold at most 100 ids, got 101.', extensions: { code: "BAD_USER_INPUT" } });
});

test("PageInfo tells where a page sits: startCursor, endCursor, hasPreviousPage after a cursor", async () => {
  const PAGE = `query($after: String) { vacancies(first: 2, after: $after) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } }`;
  const first = (await server.data(PAGE)).vacancies;
  expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });
  const second = (await server.data(PAGE, { after: first.pageInfo.endCursor })).vacancies;
  expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: second.edges[0].cursor });
  const empty = (await server.data(`{ vacancies(first: 0) { pageInfo { hasPreviousPage startCursor endCursor } } }`)).vacancies;
  expect(empty.pageInfo).toEqual({ hasPreviousPage: false, startCursor: null, endCursor: null });
});
