import { eq } from "drizzle-orm";
import { isObjectType } from "graphql";
import { toGlobalId } from "../../src/common/global-id";
import { testSessions, vacancies } from "../../src/db/tables";
import { PUBLIC_MAX_AGE } from "../../src/server/plugins/cache-policy";
import { campaignSchema } from "../../src/server/schema";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { ADMIN_KEY, startTestServer, type GraphQLResponse, type TestServer } from "../helpers/test-server";
import { sleep } from "./http";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ operating: { responseCache: { maxBytes: 8 * 1024 * 1024 } } });
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

  /** Polls until `read` returns `expected`; returns the seconds it took from `since`. */
  async function secondsUntil(read: () => Promise<GraphQLResponse>, expected: (r: GraphQLResponse) => boolean, since: number, limitSeconds: number) {
    for (;;) {
      const response = await read();
      const elapsed = (Date.now() - since) / 1000;
      if (expected(response)) return elapsed;
      if (elapsed > limitSeconds) throw new Error(`still stale after ${elapsed} s: ${JSON.stringify(response.body)}`);
      await sleep(250);
    }
  }

  test("a change to a vacancy reaches anonymous readers within 20 s, and seats left within 5 s", async () => {
    const [vacancyKey] = await insertVacancies(server.database.db, 1, { headcountTarget: 3, place: "Cachestad" });
    const sessionKey = await insertTestSession(server.database.db, [vacancyKey], { startsAt: new Date("2027-03-01T08:00:00Z"), capacity: 30, seatsTaken: 10 });
    const vacancyQuery = `query($id: ID!) { vacancy(id: $id) { headcountTarget } }`;
    const seatsQuery = `query($ids: [ID!]) { testSessions(filter: { vacancyIds: $ids }) { edges { node { seatsLeft } } } }`;
    const readVacancy = () => server.gql(vacancyQuery, { id: toGlobalId("Vacancy", vacancyKey) });
    const readSeats = () => server.gql(seatsQuery, { ids: [toGlobalId("Vacancy", vacancyKey)] });

    // Fill the cache, so that each entry is as young as it can be when the rows change: the worst case.
    const primedVacancy = await readVacancy();
    expect(primedVacancy.body.data).toEqual({ vacancy: { headcountTarget: 3 } });
    expect(primedVacancy.headers.get("cache-control")).toBe("max-age=20, public");
    const primedSeats = await readSeats();
    expect(primedSeats.body.data).toEqual({ testSessions: { edges: [{ node: { seatsLeft: 20 } }] } });
    expect(primedSeats.headers.get("cache-control")).toBe("max-age=5, public");
    const changed = Date.now();
    await server.database.db.update(vacancies).set({ headcountTarget: 7 }).where(eq(vacancies.id, vacancyKey));
    await server.database.db.update(testSessions).set({ seatsTaken: 25 }).where(eq(testSessions.id, sessionKey));

    // Right after the write readers still get the cached answer, so the bound is what the cache really gives.
    const stale = await readVacancy();
    expect(stale.body.data).toEqual({ vacancy: { headcountTarget: 3 } });
    expect(Number(stale.headers.get("age"))).toBeLessThanOrEqual(1);

    const [vacancySeconds, seatsSeconds] = await Promise.all([
      secondsUntil(readVacancy, (r) => r.body.data?.vacancy.headcountTarget === 7, changed, 21),
      secondsUntil(readSeats, (r) => r.body.data?.testSessions.edges[0].node.seatsLeft === 5, changed, 6),
    ]);
    expect(vacancySeconds).toBeLessThanOrEqual(21);
    expect(vacancySeconds).toBeGreaterThan(15);
    expect(seatsSeconds).toBeLessThanOrEqual(6);
    expect(seatsSeconds).toBeGreaterThan(3);
  }, 40_000);
});
