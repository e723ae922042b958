import { getIntrospectionQuery } from "graphql";
import { sql } from "drizzle-orm";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { ADMISSION, bodyPoints, jsonDepth } from "../../src/server/admission";
import { stringProblem } from "../../src/common/string-problem";
import { INTROSPECTION_SCHEMA_COST } from "../../src/server/plugins/query-cost";
import { sessionWindow } from "../../src/test-sessions/session-management.service";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { rawRequest } from "./http";

/**
 * What a hostile (or merely broken) client sends, against the real server: oversized and deeply nested bodies,
 * unsupported operations, badly encoded strings, dates far outside the campaign, drafts' ids. Every answer is a 4xx or a
 * userError naming what is wrong, nothing is written, and reading a request is charged to the caller's bucket.
 */

describe("pure rules", () => {
  test.each([
    ["{}", "{}", 1],
    ["[]", "[]", 1],
    ["nested object and array", '{"a":[{"b":1}]}', 3],
    ["brackets inside a string", '{"a":"[[[[{{{{"}', 1],
    ["an escaped quote inside a string", '{"a":"\\"[[["}', 1],
    ["an escaped backslash before the closing quote", '{"a":"\\\\","b":[{}]}', 3],
    ["an unterminated string", '{"a":[{"b":"[[[', 3],
    ["400,000 opening brackets (counting stops past the bound)", "[".repeat(400_000), ADMISSION.maxJsonDepth + 1],
    ["16 levels", "[".repeat(16) + "]".repeat(16), 16],
    ["empty", "", 0],
    ["not JSON", "not json at all", 0],
  ])("jsonDepth: %s", (_name, text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  test.each([
    [0, 0, 0],
    [1024, 8, 0],
    [1025, 8, 1],
    [16_384, 0, 15],
    [1_048_576, 0, 1023],
    [10, 12, 4],
  ])("bodyPoints(%i bytes, depth %i) = %i", (bytes, depth, points) => {
    expect(bodyPoints(bytes, depth)).toBe(points);
  });

  test.each([
    ["plain", null],
    ["é🙂 emoji pairs are fine", null],
    ["ls\ud83d@x.be", "is not well-formed Unicode (a lone surrogate)"],
    ["\udc00 low half alone", "is not well-formed Unicode (a lone surrogate)"],
    ["a\u0000b", "contains a NUL character"],
  ])("stringProblem(%j)", (value, problem) => {
    expect(stringProblem(value)).toBe(problem);
  });

  test("a campaign's test sessions may start from its first day to 90 days after its last", () => {
    expect(sessionWindow({ startsOn: "2021-06-14", endsOn: "2022-06-13" })).toEqual({ first: "2021-06-14", last: "2022-09-11" });
  });
});

let server: TestServer;
let campaign: { slug: string; startsOn: string; endsOn: string };
const statementsOf = (response: { headers: Record<string, unknown> }) => Number(response.headers["x-sql-statements"]);

beforeAll(async () => {
  server = await startTestServer();
  campaign = (await server.data(`{ campaign { slug startsOn endsOn } }`)).campaign;
});
afterAll(() => server.close());

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  rawRequest(server.url, { headers: { "content-type": "application/json", ...headers }, body });
const admin = { authorization: `Bearer ${ADMIN_KEY}` };

describe("bodies are priced and bounded before they are parsed", () => {
  test("an anonymous body over 16 KiB is refused with 413 and the connection closed, without a statement", async () => {
    const padding = "x".repeat(ADMISSION.maxAnonymousBodyBytes);
    const response = await post(JSON.stringify({ query: "{ __typename }", variables: { padding } }));
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe("close");
    expect(response.json()).toEqual({ errors: [{ message: "Request body too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  test("an API client may send up to 1 MiB", async () => {
    const padding = "x".repeat(ADMISSION.maxAnonymousBodyBytes * 4);
    const response = await post(JSON.stringify({ query: "{ __typename }", variables: { padding } }), admin);
    expect([response.status, response.json()]).toEqual([200, { data: { __typename: "Query" } }]);
  });

  test("JSON nested deeper than 16 levels is refused with 400 before parsing, even from an API client (the 500 of a 400,000-level body)", async () => {
    for (const [levels, headers] of [
      [17, {}],
      [10_000, {}],
      [400_000, admin],
    ] as const) {
      const body = `{"query":"{ __typename }","variables":{"zz":${"[".repeat(levels - 2)}${"]".repeat(levels - 2)}}}`;
      const response = await post(body, headers);
      expect([levels, response.status, response.json()]).toEqual([
        levels,
        levels === 10_000 ? 413 : 400,
        levels === 10_000
          ? { errors: [{ message: "Request body too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }
          : { errors: [{ message: "The request nests JSON too deeply.", extensions: { code: "BAD_REQUEST", reason: "MAX_JSON_DEPTH" } }] },
      ]);
    }
    const fits = `{"query":"{ __typename }","variables":{"zz":${"[".repeat(14)}${"]".repeat(14)}}}`;
    expect(jsonDepth(fits)).toBe(16);
    expect((await post(fits)).json()).toEqual({ data: { __typename: "Query" } });
  });

  test("a GET's variables are held to the same nesting bound", async () => {
    const params = new URLSearchParams({ query: "{ __typename }", variables: `{"zz":${"[".repeat(40)}${"]".repeat(40)}}` });
    const response = await rawRequest(`${server.url}?${params.toString()}`, { method: "GET", headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(400);
    expect(response.json().errors[0].extensions).toEqual({ code: "BAD_REQUEST", reason: "MAX_JSON_DEPTH" });
  });
});

describe("no 500 from any input", () => {
  test("a subscription is refused as a client error (there are none)", async () => {
    const response = await post(JSON.stringify({ query: "subscription { __typename }" }));
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({
      errors: [
        {
          message: "This API has no subscriptions: send a query or a mutation.",
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", reason: "UNSUPPORTED_OPERATION" },
        },
      ],
    });
  });

  test.each([
    [
      "a lone surrogate in a variable",
      { query: "query($q: String) { vacancies(filter: { search: $q }) { totalCount } }", variables: { q: "ls\ud83d@x" } },
      "is not well-formed Unicode (a lone surrogate)",
    ],
    [
      "a NUL in a variable",
      { query: "query($q: String) { vacancies(filter: { search: $q }) { totalCount } }", variables: { q: "a\u0000b" } },
      "contains a NUL character",
    ],
    ["a NUL in a literal", { query: '{ vacancies(filter: { search: "a\\u0000b" }) { totalCount } }' }, "contains a NUL character"],
  ])("%s is BAD_USER_INPUT naming the argument path, before any statement", async (_name, body, problem) => {
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(statementsOf(response)).toBe(0);
    expect(response.json()).toEqual({
      errors: [
        {
          message: `Argument "filter.search" of "vacancies" ${problem}.`,
          locations: [{ line: 1, column: expect.any(Number) }],
          extensions: { code: "BAD_USER_INPUT", field: "vacancies", argumentPath: ["filter", "search"] },
        },
      ],
    });
  });

  test("more than 50 wrong values in the variables (graphql-js gives up counting) are BAD_USER_INPUT, not an internal error", async () => {
    const response = await post(
      JSON.stringify({ query: "query($f: VacancyFilter) { vacancies(filter: $f) { totalCount } }", variables: { f: { agencies: Array(60).fill("NOPE") } } }),
    );
    expect(response.status).toBe(400);
    const errors = response.json().errors;
    expect(errors.at(-1)).toEqual({
      message: "Too many errors processing variables, error limit reached. Execution aborted.",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(errors.every((e: any) => e.extensions.code === "BAD_USER_INPUT")).toBe(true);
  });

  test("a bad string in a mutation's input refuses the mutation and writes nothing (but its audit line)", async () => {
    const [vacancy] = await insertVacancies(server.database.db, 1, { place: "Onleesbaar" });
    const before = await countSessions();
    const response = await post(
      JSON.stringify({
        query: `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } userErrors { code } } }`,
        variables: { input: { kind: "WRITTEN", startsAt: inCampaign(10), place: "Selor \ud800", capacity: 5, vacancyIds: [toGlobalId("Vacancy", vacancy)] } },
      }),
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argumentPath: ["input", "place"] } });
    expect(await countSessions()).toBe(before);
  });
});

describe("an answer the client cannot read", () => {
  test("a mutation whose Accept header allows no JSON is refused with 406 before it runs, and writes nothing", async () => {
    const [vacancy] = await insertVacancies(server.database.db, 1, { place: "Onleesbaar antwoord" });
    const before = await countSessions();
    const body = JSON.stringify({
      query: `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } userErrors { code } } }`,
      variables: { input: { kind: "WRITTEN", startsAt: inCampaign(11), place: "Selor", capacity: 5, vacancyIds: [toGlobalId("Vacancy", vacancy)] } },
    });
    const refused = await post(body, { ...admin, accept: "text/html" });
    expect(refused.status).toBe(406);
    expect(refused.json()).toEqual({
      errors: [
        {
          message: "The Accept header allows no answer in application/json or application/graphql-response+json; nothing was run.",
          extensions: { code: "BAD_REQUEST", reason: "NOT_ACCEPTABLE" },
        },
      ],
    });
    expect(await countSessions()).toBe(before);
    // The same request with an Accept a GraphQL client sends is carried out.
    for (const accept of ["application/graphql-response+json, application/json;q=0.9", "*/*"]) {
      const accepted = await post(body, { ...admin, accept });
      expect([accepted.status, accepted.json().data.createTestSession.userErrors]).toEqual([200, []]);
    }
    expect(await countSessions()).toBe(before + 2);
  });
});

describe("the audit log records every attempt", () => {
  test("a mutation refused at the edge for a NUL in its target id and a lone surrogate in a part name leaves its line, rendered safely", async () => {
    const target = "QXBwbGljYXRpb246MQ\u0000";
    const response = await post(
      JSON.stringify({
        query: `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { userErrors { code } } }`,
        variables: { input: { applicationId: target, part: "Redeneren \ud83d", points: 12 } },
      }),
      admin,
    );
    expect(response.status).toBe(400);
    const audit = await server.data(
      `{ auditLog(first: 1, filter: { operation: "recordTestResult" }) { edges { node { outcome targetType targetId detail requestId } } } }`,
      {},
      { key: ADMIN_KEY },
    );
    expect(audit.auditLog.edges.map((e: any) => e.node)).toEqual([
      {
        outcome: "FAILED",
        targetType: "Application",
        targetId: "QXBwbGljYXRpb246MQ\\u0000",
        detail: { part: "Redeneren \\ud83d", points: 12, error: "BAD_USER_INPUT" },
        requestId: response.headers["x-request-id"],
      },
    ]);
  });

  test("an overlong value is kept cut, with an ellipsis", async () => {
    const response = await post(
      JSON.stringify({
        query: `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { userErrors { code } } }`,
        variables: { input: { applicationId: "x".repeat(5_000), part: "\u0000", points: 1 } },
      }),
      admin,
    );
    expect(response.status).toBe(400);
    const audit = await server.data(
      `{ auditLog(first: 1, filter: { operation: "recordTestResult" }) { edges { node { targetId detail } } } }`,
      {},
      { key: ADMIN_KEY },
    );
    expect(audit.auditLog.edges[0].node).toEqual({ targetId: `${"x".repeat(199)}…`, detail: { part: "\\u0000", points: 1, error: "BAD_USER_INPUT" } });
  });
});

describe("introspection is priced, and served from a cache", () => {
  test("the standard introspection query pays its price every time, from the cache too; once the bucket cannot take it, 429", async () => {
    const query = getIntrospectionQuery();
    const body = JSON.stringify({ query });
    const reading = ADMISSION.arrivalPoints + bodyPoints(Buffer.byteLength(body), jsonDepth(body));
    // An introspection costs reading it plus its price (the arrival point counts towards the price). Room for two, and
    // for reading a third but not for its price.
    const capacity = 3 * reading + 2 * INTROSPECTION_SCHEMA_COST;
    const limited = await startTestServer({
      seed: false,
      testDatabase: { ...server.testDatabase, drop: async () => {} },
      clock: () => 0,
      operating: { maxQueryCost: capacity, rateLimit: { client: { capacity, refillPerSecond: 1 }, anonymous: { capacity, refillPerSecond: 1 } } },
    });
    try {
      const first = await rawRequest(limited.url, { headers: { "content-type": "application/json" }, body });
      expect(first.status).toBe(200);
      const cached = await rawRequest(limited.url, { headers: { "content-type": "application/json" }, body });
      expect([cached.status, cached.text]).toEqual([200, first.text]);
      // The same document again: read (it fits), then refused for its price, cache or not.
      const refused = await rawRequest(limited.url, { headers: { "content-type": "application/json" }, body });
      expect(refused.status).toBe(429);
      // Two points were left after reading it; the price less the arrival point, 99, leaks in at 1 a second.
      const wait = INTROSPECTION_SCHEMA_COST - ADMISSION.arrivalPoints - 2;
      expect(JSON.parse(refused.text)).toEqual({
        errors: [
          {
            message: `Too many requests for your rate limit: retry in ${wait} s (or ask for less per request).`,
            extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait },
          },
        ],
      });
    } finally {
      await limited.close();
    }
  });
});

describe("dates are bounded by the campaign", () => {
  test("a test session far outside the campaign is OUTSIDE_CAMPAIGN, and nothing is written", async () => {
    const [vacancy] = await insertVacancies(server.database.db, 1, { place: "Toekomststad" });
    const window = sessionWindow(campaign);
    const before = await countSessions();
    for (const startsAt of ["9999-12-31T23:59:00Z", `${addDaysIso(window.last, 1)}T09:00:00Z`]) {
      const response = await createSession({ startsAt, vacancyIds: [toGlobalId("Vacancy", vacancy)] });
      expect(response.body).toEqual({
        data: {
          createTestSession: {
            testSession: null,
            userErrors: [
              {
                field: ["input", "startsAt"],
                code: "OUTSIDE_CAMPAIGN",
                message: `startsAt must fall within the campaign, from ${window.first} to ${window.last} (its last day, ${campaign.endsOn}, and 90 days more).`,
              },
            ],
          },
        },
      });
    }
    expect(await countSessions()).toBe(before);
    // The last day of the margin is still allowed.
    const fits = await createSession({ startsAt: `${window.last}T09:00:00Z`, vacancyIds: [toGlobalId("Vacancy", vacancy)] });
    expect(fits.body.data?.createTestSession.userErrors).toEqual([]);
    // The public list still reads every session's date and week.
    const listed = await server.gql(`{ testSessions(first: 100, filter: { from: "2021-01-01T00:00:00Z" }) { edges { node { date isoWeek } } } }`);
    expect(listed.body.errors).toBeUndefined();
  });

  test.each([
    [{ asOf: "2020-12-31" }, "asOf", "asOf (2020-12-31)"],
    [{ filter: { from: "0001-01-01" } }, "filter", "filter.from (0001-01-01)"],
    [{ filter: { to: "2999-01-01" } }, "filter", "filter.to (2999-01-01)"],
  ])("dashboard %j is BAD_USER_INPUT, before any figure is counted", async (args, argumentName, what) => {
    const response = await server.gql(`query($asOf: Date, $filter: DashboardFilter) { dashboard(asOf: $asOf, filter: $filter) { target } }`, args, {
      key: ADMIN_KEY,
    });
    expect(response.body).toEqual({
      data: { dashboard: null },
      errors: [
        expect.objectContaining({
          message: `${what} lies outside the campaign: the campaign runs from ${campaign.startsOn} to ${campaign.endsOn}.`,
          extensions: { code: "BAD_USER_INPUT", argumentName },
        }),
      ],
    });
  });
});

describe("drafts stay private", () => {
  test("a session cannot be linked to a draft vacancy", async () => {
    const [open] = await insertVacancies(server.database.db, 1, { place: "Openstad" });
    const [draft] = await insertVacancies(server.database.db, 1, { place: "Geheimstad", status: "DRAFT" });
    const before = await countSessions();
    const response = await createSession({ startsAt: inCampaign(5), vacancyIds: [toGlobalId("Vacancy", open), toGlobalId("Vacancy", draft)] });
    expect(response.body.data?.createTestSession).toEqual({
      testSession: null,
      userErrors: [
        {
          field: ["input", "vacancyIds", "1"],
          code: "VACANCY_NOT_PUBLISHED",
          message: "This vacancy is a draft: publish it before scheduling a test session for it.",
        },
      ],
    });
    expect(await countSessions()).toBe(before);
  });

  test("the public session filter answers a draft's id as it answers an unknown one", async () => {
    const [draft] = await insertVacancies(server.database.db, 1, { place: "Verborgen", status: "DRAFT" });
    const [open] = await insertVacancies(server.database.db, 1, { place: "Zichtbaar" });
    // A link made before drafts were refused (straight into the table).
    await insertTestSession(server.database.db, [open, draft], { startsAt: new Date(Date.now() + 3 * 86_400_000), place: "Selor" });
    const count = async (id: string) =>
      (await server.data(`query($f: TestSessionFilter) { testSessions(filter: $f) { totalCount } }`, { f: { vacancyIds: [id] } })).testSessions.totalCount;
    expect(await count(toGlobalId("Vacancy", draft))).toBe(0);
    expect(await count(toGlobalId("Vacancy", 2_000_000_000))).toBe(0);
    expect(await count(toGlobalId("Vacancy", open))).toBe(1);
  });
});

async function countSessions(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from test_sessions`);
  return row.n;
}

function createSession(input: { startsAt: string; vacancyIds: string[] }) {
  return server.gql(
    `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } userErrors { field code message } } }`,
    { input: { kind: "WRITTEN", place: "Selor, Brussel", capacity: 10, ...input } },
    { key: ADMIN_KEY },
  );
}

/** A moment `days` from now, which lies within the seeded campaign (it ends in the future). */
function inCampaign(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
