import { getIntrospectionQuery } from "graphql";
import { openDatabase } from "../../src/db/client";
import { MAX_BODY_BYTES } from "../../src/server/app";
import { REQUEST_LIMITS } from "../../src/server/plugins/request-limits";
import { defaultOperatingConfig } from "../../src/config";
import { holdTableLock, waitUntilBlockedOn } from "../helpers/locks";
import { onPostgres } from "../helpers/test-database";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { postJson, rawRequest } from "./http";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The file's database, served by a second app with other settings (closing that app leaves the database open). */
const sharedDatabase = () => ({ ...server.testDatabase, drop: async () => {} });

const fields = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(" ");

/** A limit's refusal: 400, GRAPHQL_VALIDATION_FAILED, a message without the limit's value, and the reason. */
async function expectRefused(query: string, reason: string, message: string, variables?: Record<string, unknown>) {
  const response = await server.gql(query, variables);
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ errors: [{ message, extensions: { code: "GRAPHQL_VALIDATION_FAILED", reason } }] });
  return response;
}

async function expectAnswered(query: string, variables?: Record<string, unknown>) {
  const response = await server.gql(query, variables);
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body.data!;
}

test("the limits are the documented ones", () => {
  expect(REQUEST_LIMITS).toEqual({ maxDepth: 8, maxAliases: 15, maxDirectives: 5, maxTokens: 2000 });
  expect(defaultOperatingConfig.maxQueryCost).toBe(5000);
  expect(defaultOperatingConfig.requestDeadlineMs).toBe(10_000);
  expect(MAX_BODY_BYTES).toBe(1_048_576);
});

describe("depth: 8 levels", () => {
  test("8 levels are answered", async () => {
    const data = await expectAnswered(`{ vacancies(first: 1) { edges { node { wave { campaign { vacancies(first: 1) { edges { cursor } } } } } } } }`);
    expect(data.vacancies.edges[0].node.wave.campaign.vacancies.edges).toHaveLength(1);
  });

  test("9 levels are refused", async () => {
    await expectRefused(
      `{ vacancies(first: 1) { edges { node { wave { campaign { vacancies(first: 1) { edges { node { id } } } } } } } } }`,
      "MAX_DEPTH",
      "The query nests fields too deeply.",
    );
  });

  test("fragments count as the fields they hold", async () => {
    await expectRefused(
      `{ vacancies(first: 1) { edges { node { ...W } } } } fragment W on Vacancy { wave { campaign { vacancies(first: 1) { edges { node { id } } } } } }`,
      "MAX_DEPTH",
      "The query nests fields too deeply.",
    );
  });
});

describe("aliases: 15, __typename included", () => {
  test("15 aliases are answered", async () => {
    const data = await expectAnswered(`{ ${fields(10, (i) => `t${i}: __typename`)} ${fields(5, (i) => `a${i}: agencies { code }`)} }`);
    expect(data.t9).toBe("Query");
    expect(data.a4).toHaveLength(4);
  });

  test("16 aliases are refused, even when they only rename __typename", async () => {
    await expectRefused(`{ ${fields(16, (i) => `t${i}: __typename`)} }`, "MAX_ALIASES", "The query uses too many aliases.");
  });
});

describe("directives: 5", () => {
  test("5 directives are answered", async () => {
    const data = await expectAnswered(`query($yes: Boolean = true) { ${fields(5, (i) => `a${i}: agencies @include(if: $yes) { code }`)} }`);
    expect(Object.keys(data)).toHaveLength(5);
  });

  test("6 directives are refused", async () => {
    await expectRefused(
      `{ agencies @skip(if: false) { ${fields(5, (i) => `c${i}: code @include(if: true)`)} } }`,
      "MAX_DIRECTIVES",
      "The query uses too many directives.",
    );
  });
});

describe("tokens: 2,000", () => {
  // 16 tokens around the list, one per place (commas are not tokens); short places, so that the document fits in an
  // anonymous body (16 KiB).
  const withPlaces = (n: number) => `{ vacancies(filter: { places: [${fields(n, () => `"p"`)}] }) { totalCount } }`;

  test("2,000 tokens are answered", async () => {
    const data = await expectAnswered(withPlaces(REQUEST_LIMITS.maxTokens - 16));
    expect(data).toEqual({ vacancies: { totalCount: 0 } });
  });

  test("2,001 tokens are refused before parsing goes further", async () => {
    const response = await server.gql(withPlaces(REQUEST_LIMITS.maxTokens - 15));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ message: "The document is too long.", extensions: { code: "GRAPHQL_PARSE_FAILED", reason: "MAX_TOKENS" } }] });
  });
});

describe("cost: 5,000 points, multiplied by first", () => {
  // 1 + 100 × (edges 1 + node 1 + upcomingTestSessions (1 + 46 × vacancies 1)) = 4,901, and the alias adds 1 + 49 × 2 = 99.
  const costing5000 = `query($sessions: Int!) {
    vacancies(first: 100) { edges { node { upcomingTestSessions(first: $sessions) { vacancies { id } } } } }
    more: vacancies(first: 49) { edges { node { id } } }
  }`;

  test("an operation costing exactly 5,000 is answered", async () => {
    const data = await expectAnswered(costing5000, { sessions: 46 });
    expect(data.vacancies.edges.length).toBeGreaterThan(30);
  });

  test("one point more (the agencies list) is refused", async () => {
    await expectRefused(
      costing5000.replace("more:", "agencies { code } more:"),
      "MAX_COST",
      "The query asks for too much at once: request fewer items (a lower `first`) or fewer nested lists.",
      { sessions: 46 },
    );
  });

  test("the cost follows first given in variables: 47 sessions per vacancy is 100 points more", async () => {
    await expectRefused(costing5000, "MAX_COST", "The query asks for too much at once: request fewer items (a lower `first`) or fewer nested lists.", {
      sessions: 47,
    });
  });

  test("first above 100 is refused by the resolver as bad input, not priced beyond 100", async () => {
    const response = await server.gql(`{ vacancies(first: 101) { totalCount } }`);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ message: '"first" must be between 0 and 100, got 101.', extensions: { code: "BAD_USER_INPUT", argumentName: "first" } }),
    ]);
  });
});

describe("introspection stays cheap", () => {
  test("the standard introspection query (GraphiQL, codegen) is answered", async () => {
    const data = await expectAnswered(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(data.__schema.queryType).toMatchObject({ name: "Query" });
  });

  test("nesting an introspection list inside itself is refused", async () => {
    await expectRefused(
      `{ __schema { types { fields { type { fields { name } } } } } }`,
      "INTROSPECTION_CYCLE",
      "An introspection query may not nest the same list field (fields, types, args...) inside itself.",
    );
    await expectRefused(
      `{ __type(name: "Vacancy") { ...F } } fragment F on __Type { fields { type { ofType { fields { name } } } } }`,
      "INTROSPECTION_CYCLE",
      "An introspection query may not nest the same list field (fields, types, args...) inside itself.",
    );
  });
});

describe("field suggestions", () => {
  const typo = `{ vacancie { totalCount } }`;

  test("are hidden outside development", async () => {
    const response = await server.gql(typo);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "vacancie" on type "Query".', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    ]);
  });

  test("are hidden from errors about variable values too", async () => {
    const response = await server.gql(`query($filter: VacancyFilter) { vacancies(filter: $filter) { totalCount } }`, {
      filter: { statuses: ["OPN"], placs: ["Brussel"] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.message)).toEqual([
      'Variable "$filter" got invalid value "OPN" at "filter.statuses[0]"; Value "OPN" does not exist in "VacancyStatus" enum.',
      'Variable "$filter" got invalid value { statuses: ["OPN"], placs: ["Brussel"] }; Field "placs" is not defined by type "VacancyFilter".',
    ]);
  });

  test("are shown in development", async () => {
    const development = await startTestServer({ seed: false, environment: "development", testDatabase: sharedDatabase() });
    try {
      const response = await development.gql(typo);
      expect(response.body.errors?.[0].message).toBe('Cannot query field "vacancie" on type "Query". Did you mean "vacancies", "vacancy", or "agencies"?');
      const variables = await development.gql(`query($filter: VacancyFilter) { vacancies(filter: $filter) { totalCount } }`, {
        filter: { placs: ["Brussel"] },
      });
      expect(variables.body.errors?.[0].message).toBe(
        'Variable "$filter" got invalid value { placs: ["Brussel"] }; Field "placs" is not defined by type "VacancyFilter". Did you mean "places" or "placeIds"?',
      );
    } finally {
      await development.close();
    }
  });
});

describe("request body: 1 MiB from an API client (anonymous callers: 16 KiB, test/server/hostile-input.test.ts)", () => {
  const fromClient = { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}` };
  /** A valid request body of exactly `size` bytes: an unused variable pads it. */
  function bodyOf(size: number): string {
    const empty = JSON.stringify({ query: "{ __typename }", variables: { padding: "" } });
    return JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(size - empty.length) } });
  }

  test("exactly 1,048,576 bytes are answered", async () => {
    const body = bodyOf(MAX_BODY_BYTES);
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    const response = await rawRequest(server.url, { headers: fromClient, body });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ data: { __typename: "Query" } });
  });

  test("one byte more is answered 413", async () => {
    const response = await rawRequest(server.url, { headers: fromClient, body: bodyOf(MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(response.json()).toEqual({ errors: [{ message: "Request body too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  test("a chunked upload without Content-Length is cut off at the limit too", async () => {
    const body = bodyOf(MAX_BODY_BYTES + 1);
    const chunks = Array.from({ length: 9 }, (_, i) => body.slice(i * 131_072, (i + 1) * 131_072));
    const response = await rawRequest(server.url, { headers: { ...fromClient, "transfer-encoding": "chunked" }, chunks });
    expect(response.status).toBe(413);
  });
});

describe("HTTP batching is off", () => {
  test("one operation per request is answered", async () => {
    const response = await postJson(server.url, { query: "{ __typename }" });
    expect(response.status).toBe(200);
  });

  test("an array of operations is refused", async () => {
    const response = await postJson(server.url, [{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ errors: [{ message: "Operation batching disabled.", extensions: { code: "BAD_REQUEST" } }] });
  });
});

describe("CSRF prevention", () => {
  const csrfMessage = expect.stringMatching(/^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\./);

  test("a POST with a JSON content type runs", async () => {
    expect((await postJson(server.url, { query: "{ __typename }" })).status).toBe(200);
  });

  test("a POST a browser could send cross-site without preflight (text/plain) is refused", async () => {
    const response = await rawRequest(server.url, { headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(response.status).toBe(400);
    expect(response.json().errors[0]).toEqual({ message: csrfMessage, extensions: { code: "BAD_REQUEST" } });
  });

  test("a GET without a preflight-forcing header is refused, with one it runs", async () => {
    const url = `${server.url}?query=${encodeURIComponent("{ __typename }")}`;
    const simple = await rawRequest(url, { method: "GET" });
    expect(simple.status).toBe(400);
    expect(simple.json().errors[0].message).toEqual(csrfMessage);
    const preflighted = await rawRequest(url, { method: "GET", headers: { "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("request deadline", () => {
  const query = `{ campaign { name } }`;

  test("a request that waits for a lock and gets it within the deadline is served", async () => {
    const quick = await startTestServer({ seed: false, testDatabase: sharedDatabase(), operating: { requestDeadlineMs: 60_000 } });
    try {
      const lock = await holdTableLock(quick.database.db, "campaigns");
      const pending = quick.gql(query);
      await waitUntilBlockedOn(quick.database.db, "campaigns");
      await lock.release();
      const response = await pending;
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { campaign: { name: "Werken bij asiel en migratie 2021" } } });
    } finally {
      await quick.close();
    }
  });

  test("past the deadline the client gets 503 DEADLINE_EXCEEDED while the lock is still held", async () => {
    const quick = await startTestServer({ seed: false, testDatabase: sharedDatabase(), operating: { requestDeadlineMs: 200 } });
    const lock = await holdTableLock(quick.database.db, "campaigns");
    try {
      const response = await quick.gql(query);
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        errors: [
          {
            message: "The request took too long and was abandoned; try again, or ask for less at once.",
            extensions: { code: "DEADLINE_EXCEEDED", requestId: response.headers.get("x-request-id") },
          },
        ],
      });
    } finally {
      await lock.release();
      await quick.close();
    }
  });
});

(onPostgres ? describe : describe.skip)("statement timeout (PostgreSQL; PGlite has none)", () => {
  test("a statement within DATABASE_STATEMENT_TIMEOUT_MS runs, one that waits past it is cancelled by PostgreSQL", async () => {
    const url = server.testDatabase.url!;
    const database = await openDatabase({ driver: "postgres", url, poolMax: 2, statementTimeoutMs: 500, connectTimeoutSeconds: 5 });
    const short = await startTestServer({ seed: false, testDatabase: { database, url, drop: () => database.close() } });
    try {
      const under = await short.gql(`{ campaign { name } }`);
      expect(under.body).toEqual({ data: { campaign: { name: "Werken bij asiel en migratie 2021" } } });

      // Held until the answer is in: only PostgreSQL's statement timeout can end the wait.
      const lock = await holdTableLock(server.database.db, "campaigns");
      const over = await short.gql(`{ campaign { name } }`).finally(() => lock.release());
      expect(over.status).toBe(200);
      expect(over.body).toEqual({
        data: { campaign: null },
        errors: [
          {
            message: "The request took too long and was abandoned; try again, or ask for less at once.",
            path: ["campaign"],
            extensions: { code: "DEADLINE_EXCEEDED", requestId: over.headers.get("x-request-id") },
          },
        ],
      });
    } finally {
      await short.close();
    }
  });
});
