import { CAMPAIGN_PAGE_QUERY } from "../../bench/campaign-page";
import { toGlobalId } from "../../src/common/global-id";
import { defaultOperatingConfig } from "../../src/config";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { postJson, type RawResponse } from "./http";

/**
 * Anonymous queries answered from their prepared form (src/server/prepared-queries.ts) get the answer Apollo's pipeline
 * gives: the same requests go to a service with prepared queries and to one without, on the same database.
 */
let prepared: TestServer;
let apolloOnly: TestServer;
beforeAll(async () => {
  prepared = await startTestServer();
  apolloOnly = await startTestServer({ testDatabase: prepared.testDatabase, seed: false, preparedQueries: false });
  const vacancies = await insertVacancies(prepared.database.db, 12, (i) => ({ place: i % 2 ? "Brussel" : "Antwerpen" }));
  await insertTestSession(prepared.database.db, vacancies.slice(0, 4), { startsAt: new Date("2027-03-01T08:00:00Z"), capacity: 30, seatsTaken: 10 });
});
afterAll(async () => {
  await apolloOnly.app.close();
  await prepared.close();
});

const COMPARED_HEADERS = ["content-type", "cache-control", "content-language", "vary", "x-sql-statements", "retry-after"];

function answer(response: RawResponse) {
  return { status: response.status, headers: COMPARED_HEADERS.map((name) => [name, response.headers[name]]), body: response.text };
}

/** Sends the request to both services and expects the same answer; returns it, and whether a prepared query answered. */
async function same(payload: unknown, headers: Record<string, string> = {}): Promise<{ response: RawResponse; fast: boolean }> {
  const before = prepared.app.preparedAnswers();
  const fast = await postJson(prepared.url, payload, headers);
  const answered = prepared.app.preparedAnswers() - before;
  const slow = await postJson(apolloOnly.url, payload, headers);
  expect(answer(fast)).toEqual(answer(slow));
  expect(apolloOnly.app.preparedAnswers()).toBe(0);
  return { response: fast, fast: answered === 1 };
}

/** The first time through Apollo (which prepares the query), then again, prepared. */
async function twice(payload: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  await same(payload, headers);
  const again = await same(payload, headers);
  expect(again.fast).toBe(true);
  return again.response;
}

const page = (after: string | null, agency?: string) => ({
  query: CAMPAIGN_PAGE_QUERY,
  variables: { first: 5, after, filter: agency ? { statuses: ["OPEN"], agencies: [agency] } : { statuses: ["OPEN"] } },
});

describe("prepared queries answer as Apollo does", () => {
  test("the campaign page, its next pages by cursor, and another filter", async () => {
    const first = await twice(page(null));
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("max-age=5, public");
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(Number(first.headers["x-sql-statements"])).toBeGreaterThan(0);
    const cursor = JSON.parse(first.text).data.vacancies.pageInfo.endCursor as string;
    // Same text, other variables: prepared from the first request.
    expect((await same(page(cursor))).fast).toBe(true);
    expect((await same(page(cursor, "DVZ"))).fast).toBe(true);
    expect((await same({ ...page(null), operationName: "CampaignPage" })).fast).toBe(false);
    expect((await same({ ...page(null), operationName: "CampaignPage" })).fast).toBe(true);
  });

  test("in French, with Dutch fallbacks in extensions and Content-Language", async () => {
    await twice(page(null), { "accept-language": "fr-BE" });
    const [key] = await insertVacancies(prepared.database.db, 1, { title: { nl: "Enkel in het Nederlands", en: "Dutch only" } });
    const single = { query: `query One($id: ID!) { vacancy(id: $id) { title place } }`, variables: { id: toGlobalId("Vacancy", key) } };
    const response = await twice(single, { "accept-language": "fr-BE" });
    expect(response.headers["content-language"]).toBe("nl");
    expect(JSON.parse(response.text).extensions.languageFallbacks).toEqual([{ path: ["vacancy", "title"], requested: "FR", served: "NL" }]);
  });

  test("in application/graphql-response+json, and under Accept headers with preferences", async () => {
    const response = await twice(page(null), { accept: "application/graphql-response+json" });
    expect(response.headers["content-type"]).toBe("application/graphql-response+json; charset=utf-8");
    expect((await same(page(null), { accept: "application/graphql-response+json;q=0.5, application/json" })).fast).toBe(true);
    expect((await same(page(null), { accept: "*/*" })).fast).toBe(true);
    // A parameter in Accept: negotiated as Apollo negotiates (its media types carry charset=utf-8).
    expect((await same(page(null), { accept: "application/json; charset=utf-8" })).response.status).toBe(200);
    expect((await same(page(null), { accept: "application/json; charset=latin1" })).response.status).toBe(406);
  });

  test("an uncacheable query: no-store", async () => {
    const response = await twice({ query: "query Mixed { __typename agencies { code } }" });
    expect(response.headers["cache-control"]).toBe("max-age=60, public");
    const none = await twice({ query: "{ __typename }" });
    expect(none.headers["cache-control"]).toBe("no-store");
  });

  test("variables that do not coerce, a NUL in a variable, a price over the maximum: Apollo's answers", async () => {
    await twice(page(null));
    const wrong = await same({ query: CAMPAIGN_PAGE_QUERY, variables: { first: "five" } });
    expect([wrong.response.status, wrong.fast]).toEqual([400, false]);
    const nul = await same({ query: CAMPAIGN_PAGE_QUERY, variables: { first: 5, after: "a\u0000b" } });
    expect([nul.response.status, nul.fast, JSON.parse(nul.response.text).errors[0].extensions.code]).toEqual([400, false, "BAD_USER_INPUT"]);

    const list = `vacancies(first: $first) { edges { node { upcomingTestSessions { place } jobProfile { title } agency { code } wave { number } } } }`;
    const costly = `query Costly($first: Int!) { ${Array.from({ length: 10 }, (_, i) => `v${i}: ${list}`).join(" ")} }`;
    await twice({ query: costly, variables: { first: 2 } });
    const over = await same({ query: costly, variables: { first: 100 } });
    // Priced over the maximum (the production one): refused as Apollo refuses it.
    expect(defaultOperatingConfig.maxQueryCost).toBe(5_000);
    expect([over.response.status, over.fast, JSON.parse(over.response.text).errors[0].extensions.reason]).toEqual([400, false, "MAX_COST"]);
  });

  test("an error while running (a cursor that is not one): Apollo words the answer, from the run already made", async () => {
    await twice(page(null));
    const bad = await same(page("not-a-cursor"));
    expect(bad.fast).toBe(false);
    expect(JSON.parse(bad.response.text).errors.length).toBe(1);
    expect(bad.response.headers["cache-control"]).toBe("no-store");
  });

  test("introspection is never prepared", async () => {
    const query = { query: '{ __type(name: "Vacancy") { name } }' };
    await same(query);
    expect((await same(query)).fast).toBe(false);
  });

  test("a caller with a key is never answered from a prepared query", async () => {
    await twice(page(null));
    const before = prepared.app.preparedAnswers();
    await postJson(prepared.url, page(null), { authorization: "Bearer test-admin-key-0123456789abcdef" });
    expect(prepared.app.preparedAnswers()).toBe(before);
  });
});

describe("prepared queries and the rate limit", () => {
  test("each answer pours the same into the bucket, and the refusal is Apollo's", async () => {
    // Buckets that never leak (the clock stands still): how many pages fit shows what each one poured.
    const operating = { rateLimit: { client: { capacity: 100_000, refillPerSecond: 1 }, anonymous: { capacity: 400, refillPerSecond: 1 } } };
    const fastServer = await startTestServer({ testDatabase: prepared.testDatabase, seed: false, clock: () => 0, operating });
    const slowServer = await startTestServer({ testDatabase: prepared.testDatabase, seed: false, clock: () => 0, operating, preparedQueries: false });
    try {
      const run = async (server: TestServer) => {
        const answers: ReturnType<typeof answer>[] = [];
        for (let i = 0; i < 40; i++) {
          // Every third request fails while running: handed to Apollo after it was charged, and not charged again.
          const response = await postJson(server.url, page(i % 3 === 2 ? "not-a-cursor" : null));
          answers.push(answer(response));
          if (response.status !== 200) break;
        }
        return answers;
      };
      const fast = await run(fastServer);
      const slow = await run(slowServer);
      expect(fastServer.app.preparedAnswers()).toBe(fast.filter((a) => a.status === 200 && !a.body.includes('"errors"')).length - 1);
      expect(fast).toEqual(slow);
      expect(fast.length).toBeGreaterThan(2);
      expect(fast.at(-1)?.status).toBe(429);
    } finally {
      await fastServer.app.close();
      await slowServer.app.close();
    }
  });
});

describe("prepared queries and the response cache", () => {
  test("a prepared answer is kept and served again as Apollo's would be", async () => {
    const operating = { responseCache: { maxBytes: 1024 * 1024 } };
    const fastServer = await startTestServer({ testDatabase: prepared.testDatabase, seed: false, operating });
    const slowServer = await startTestServer({ testDatabase: prepared.testDatabase, seed: false, operating, preparedQueries: false });
    try {
      const both = async (payload: unknown) => {
        const [fast, slow] = [await postJson(fastServer.url, payload), await postJson(slowServer.url, payload)];
        expect(answer(fast)).toEqual(answer(slow));
        expect(fast.headers.age).toEqual(slow.headers.age);
        return fast;
      };
      await both(page(null));
      const before = fastServer.app.preparedAnswers();
      expect((await both(page(null, "CGVS"))).headers.age).toBeUndefined();
      expect(fastServer.app.preparedAnswers()).toBe(before + 1);
      expect((await both(page(null, "CGVS"))).headers.age).toBeDefined();
      expect(fastServer.app.preparedAnswers()).toBe(before + 1);
    } finally {
      await fastServer.app.close();
      await slowServer.app.close();
    }
  });
});
