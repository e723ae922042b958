import { eq } from "drizzle-orm";
import { isObjectType } from "graphql";
import { toGlobalId } from "../../src/common/global-id";
import { testSessions, vacancies } from "../../src/db/tables";
import { PUBLIC_MAX_AGE } from "../../src/server/plugins/cache-policy";
import { campaignSchema } from "../../src/server/schema";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { ADMIN_KEY, startTestServer, type GraphQLResponse, type TestServer } from "../helpers/test-server";

let server: TestServer;
/** The response cache's clock: each test moves it itself. */
const clock = { now: Date.parse("2026-11-29T12:00:00Z") };
beforeAll(async () => {
  server = await startTestServer({ operating: { responseCache: { maxBytes: 8 * 1024 * 1024 } }, wallClock: () => clock.now });
});
afterAll(() => server.close());

describe("the cache policy", () => {
  test("names only public types and fields of the schema; personal and authenticated data is never listed", async () => {
    const schema = await campaignSchema();
    for (const name of Object.keys(PUBLIC_MAX_AGE.types)) expect([name, isObjectType(schema.getType(name))]).toEqual([name, true]);
    for (const path of Object.keys(PUBLIC_MAX_AGE.fields)) {
      const [type, field] = path.split(".");
      expect([path, Boolean((schema.getType(type) as any)?.getFields()[field])]).toEqual([path, true]);
    }
    for (const personal of ["Application", "Candidate", "StageEvent", "TestResult", "ApiClient", "AuditEntry", "Dashboard", "Viewer", "Query", "Mutation"]) {
      expect(PUBLIC_MAX_AGE.types[personal]).toBeUndefined();
    }
    expect(Object.values(PUBLIC_MAX_AGE.types).every((maxAge) => maxAge >= 10 && maxAge <= 60)).toBe(true);
    expect(PUBLIC_MAX_AGE.fields).toEqual({ "TestSession.seatsLeft": 5 });
  });

  test.each([
    ["vacancy data: 20 s", `{ vacancies(first: 2) { totalCount edges { node { title headcountTarget agency { code } } } } }`, "max-age=20, public"],
    ["reference data only: 60 s", `{ agencies { code name } }`, "max-age=60, public"],
    [
      "with seats left: 5 s",
      `{ testSessions(first: 2, filter: { from: "2021-01-01T00:00:00Z" }) { edges { node { place seatsLeft } } } }`,
      "max-age=5, public",
    ],
    ["nothing cacheable asked: no-store", `{ __typename }`, "no-store"],
  ])("anonymous %s", async (_name, query, cacheControl) => {
    const response = await server.gql(query);
    expect(response.body.errors).toBeUndefined();
    expect(response.headers.get("cache-control")).toBe(cacheControl);
    expect(response.headers.get("vary")).toBe("accept, accept-language");
  });

  test("authenticated answers are no-store, whatever they read", async () => {
    const response = await server.gql(`{ agencies { code } }`, undefined, { key: ADMIN_KEY });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  test("errors are not cacheable", async () => {
    const response = await server.gql(`{ vacancies(first: 101) { totalCount } }`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the response cache", () => {
  const DRAFTS = `query Drafts { vacancies(filter: { statuses: [DRAFT] }) { totalCount } }`;
  const drafts = (response: GraphQLResponse) => response.body.data?.vacancies.totalCount;

  test("an authenticated request is never answered from the cache, nor does it fill it", async () => {
    const anonymous = await server.gql(DRAFTS);
    expect(drafts(anonymous)).toBe(0);
    expect(anonymous.headers.get("age")).toBeNull();
    const cached = await server.gql(DRAFTS);
    expect(drafts(cached)).toBe(0);
    expect(cached.headers.get("age")).not.toBeNull();

    for (let i = 0; i < 2; i++) {
      const admin = await server.gql(DRAFTS, undefined, { key: ADMIN_KEY });
      expect(drafts(admin)).toBe(1);
      expect(admin.headers.get("age")).toBeNull();
      expect(admin.headers.get("cache-control")).toBe("no-store");
    }
    // The administrator's answer (1 draft) did not reach anonymous readers.
    expect(drafts(await server.gql(DRAFTS))).toBe(0);
  });

  test("an invalid key is refused, never served a cached public answer", async () => {
    await server.gql(`{ agencies { code } }`);
    const response = await server.gql(`{ agencies { code } }`, undefined, { key: "amk_not-a-key-of-anyone-at-all" });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  test("entries are kept per language", async () => {
    const query = `{ agencies { code name } }`;
    const name = (response: GraphQLResponse) => response.body.data?.agencies.find((a: any) => a.code === "DVZ").name;
    expect(name(await server.gql(query, undefined, { headers: { "accept-language": "nl" } }))).toBe("Dienst Vreemdelingenzaken");
    const french = await server.gql(query, undefined, { headers: { "accept-language": "fr-BE" } });
    expect(name(french)).toBe("Office des Étrangers");
    expect(name(await server.gql(query, undefined, { headers: { "accept-language": "fr-BE" } }))).toBe("Office des Étrangers");
  });

  test("a change to a vacancy reaches anonymous readers within 20 s, and seats left within 5 s", async () => {
    const [vacancyKey] = await insertVacancies(server.database.db, 1, { headcountTarget: 3, place: "Cachestad" });
    const sessionKey = await insertTestSession(server.database.db, [vacancyKey], { startsAt: new Date("2027-03-01T08:00:00Z"), capacity: 30, seatsTaken: 10 });
    const vacancyQuery = `query($id: ID!) { vacancy(id: $id) { headcountTarget } }`;
    const seatsQuery = `query($ids: [ID!]) { testSessions(filter: { vacancyIds: $ids }) { edges { node { seatsLeft } } } }`;
    const headcount = async () => (await server.gql(vacancyQuery, { id: toGlobalId("Vacancy", vacancyKey) })).body.data?.vacancy.headcountTarget;
    const seats = async () => (await server.gql(seatsQuery, { ids: [toGlobalId("Vacancy", vacancyKey)] })).body.data?.testSessions.edges[0].node.seatsLeft;

    // Fill the cache, so that each entry is as young as it can be when the rows change: the worst case.
    const primed = clock.now;
    expect([await headcount(), await seats()]).toEqual([3, 20]);
    await server.database.db.update(vacancies).set({ headcountTarget: 7 }).where(eq(vacancies.id, vacancyKey));
    await server.database.db.update(testSessions).set({ seatsTaken: 25 }).where(eq(testSessions.id, sessionKey));

    // Nobody read them in their refresh window (the last quarter), so each is served until its max-age, and not after.
    clock.now = primed + 3_749;
    expect([await headcount(), await seats()]).toEqual([3, 20]);
    clock.now = primed + 5_000;
    expect([await headcount(), await seats()]).toEqual([3, 5]);
    clock.now = primed + 14_999;
    expect(await headcount()).toBe(3);
    clock.now = primed + 20_000;
    expect(await headcount()).toBe(7);
  });
});

describe("the response cache at the edge (answered before Apollo parses the document)", () => {
  /** The answer as a client sees it: status, the headers the pipeline sets, and the body's bytes. */
  async function send(body: string, headers: Record<string, string> = {}, method = "POST", search = "") {
    const response = await fetch(server.url + search, {
      method,
      headers: method === "POST" ? { "content-type": "application/json", ...headers } : headers,
      ...(method === "POST" ? { body } : {}),
    });
    const pick = (name: string) => response.headers.get(name);
    const shown = ["content-type", "cache-control", "content-language", "vary", "access-control-allow-origin"].map((name) => [name, pick(name)]);
    return {
      status: response.status,
      headers: Object.fromEntries(shown),
      age: pick("age"),
      statements: Number(pick("x-sql-statements")),
      text: await response.text(),
    };
  }
  const hits = async () => Number(/graphql_response_cache_total\{result="hit"\} (\d+)/.exec(await server.app.metrics.registry.metrics())?.[1] ?? 0);

  test("a hit is the computed answer byte for byte, with the same headers and its Age, and counts as a hit", async () => {
    const body = JSON.stringify({ query: `query EdgeAgencies { agencies { code name } }` });
    const headers = { "accept-language": "fr-BE", origin: "https://jobs.example.be" };
    const computed = await send(body, headers);
    expect([computed.status, computed.age, computed.statements > 0]).toEqual([200, null, true]);
    expect(computed.headers).toEqual({
      "content-type": "application/json; charset=utf-8",
      "cache-control": "max-age=60, public",
      "content-language": "fr",
      vary: "accept, accept-language",
      "access-control-allow-origin": null,
    });
    const before = await hits();
    clock.now += 2_400;
    const cached = await send(body, headers);
    expect(cached).toEqual({ ...computed, age: "2", statements: 0 });
    expect(await hits()).toBe(before + 1);
  });

  test("answers are kept apart by the media type Accept negotiates", async () => {
    const body = JSON.stringify({ query: `query EdgeMedia { agencies { code } }` });
    const graphqlJson = { accept: "application/graphql-response+json" };
    const first = await send(body, graphqlJson);
    const json = await send(body);
    const again = await send(body, graphqlJson);
    expect([first.headers["content-type"], json.headers["content-type"], again.headers["content-type"]]).toEqual([
      "application/graphql-response+json; charset=utf-8",
      "application/json; charset=utf-8",
      "application/graphql-response+json; charset=utf-8",
    ]);
    expect([first.statements > 0, json.statements > 0, again.statements]).toEqual([true, true, 0]);
  });

  test("a cached answer does not let a request past the checks it would fail: CSRF, validation, a bad key", async () => {
    const query = `query EdgeChecks { agencies { code } }`;
    const cached = await send(JSON.stringify({ query }));
    expect(cached.status).toBe(200);
    expect((await send(JSON.stringify({ query }))).statements).toBe(0);
    // The same operation as a simple GET (no preflight header): Apollo's CSRF prevention refuses it.
    const simple = await send("", {}, "GET", `?query=${encodeURIComponent(query)}`);
    expect([simple.status, JSON.parse(simple.text).errors[0].extensions.code]).toEqual([400, "BAD_REQUEST"]);
    // As text/plain (a simple POST): refused too.
    const plain = await send(JSON.stringify({ query }), { "content-type": "text/plain" });
    expect(plain.status).toBe(400);
    // An invalid key is refused, never served the anonymous entry.
    const badKey = await send(JSON.stringify({ query }), { authorization: "Bearer amk_not-a-key-of-anyone-at-all" });
    expect(badKey.status).toBe(401);
  });
});

describe("the response cache under a crowd", () => {
  const PAGE = `query Crowd($first: Int) { vacancies(first: $first) { totalCount edges { node { title agency { code } } } } }`;

  test("concurrent readers of a page nobody has cached yet run its query once between them", async () => {
    // A page of its own (no other test asks for 7 vacancies), asked by 16 readers at once.
    const answers = await Promise.all(Array.from({ length: 16 }, () => server.gql(PAGE, { first: 7 })));
    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const computed = answers.filter((a) => a.statements > 0);
    expect(computed).toHaveLength(1);
    expect(answers.reduce((sum, a) => sum + a.statements, 0)).toBe(computed[0].statements);
  });

  test("in the last quarter of its max-age, one reader refreshes a page while the others are still served it", async () => {
    const [vacancyKey] = await insertVacancies(server.database.db, 1, { headcountTarget: 4, place: "Drukstad" });
    const query = `query Crowded($id: ID!) { vacancy(id: $id) { headcountTarget } }`;
    const read = () => server.gql(query, { id: toGlobalId("Vacancy", vacancyKey) });
    const primed = clock.now;
    expect((await read()).body.data).toEqual({ vacancy: { headcountTarget: 4 } });
    await server.database.db.update(vacancies).set({ headcountTarget: 9 }).where(eq(vacancies.id, vacancyKey));

    clock.now = primed + 15_000;
    const crowd = await Promise.all(Array.from({ length: 12 }, read));
    const computed = crowd.filter((a) => a.statements > 0);
    expect(computed).toHaveLength(1);
    expect(computed[0].body.data).toEqual({ vacancy: { headcountTarget: 9 } });
    // Everyone else got the entry, old or refreshed, from the cache.
    for (const answer of crowd) expect([4, 9]).toContain(answer.body.data?.vacancy.headcountTarget);
    const after = await read();
    expect([after.body.data, after.statements]).toEqual([{ vacancy: { headcountTarget: 9 } }, 0]);
  });

  test("an answer that is not kept (an error) lets the readers waiting for it run the query themselves", async () => {
    const query = `query Refused { vacancies(first: 101) { totalCount } }`;
    const answers = await Promise.all(Array.from({ length: 4 }, () => server.gql(query)));
    for (const answer of answers) expect(answer.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
