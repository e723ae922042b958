import { Kind, parse } from "graphql";
import { displayPrefix, generateApiKey, hashApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import type { Db } from "../../src/db/client";
import { apiClients } from "../../src/db/tables";
import { ADMISSION } from "../../src/server/admission";
import { campaignSchema } from "../../src/server/schema";
import { operationCost } from "../../src/server/plugins/query-cost";
import { bucketKeyOf, LeakyBuckets } from "../../src/server/plugins/rate-limit";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { postJson } from "./http";

/** API clients are rows: the createApiClient mutation is not needed to test what a key may spend. */
async function insertApiClient(db: Db, name: string): Promise<string> {
  const key = generateApiKey();
  await db.insert(apiClients).values({ name, role: Role.TASKFORCE, keyHash: hashApiKey(key), keyPrefix: displayPrefix(key) });
  return key;
}

async function costOf(query: string): Promise<number> {
  const document = parse(query);
  const operation = document.definitions[0];
  if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error("not an operation");
  return operationCost(await campaignSchema(), document, operation, {});
}

describe("leaky buckets", () => {
  let now = 0;
  const buckets = new LeakyBuckets({ client: { capacity: 100, refillPerSecond: 10 }, anonymous: { capacity: 50, refillPerSecond: 5 } }, () => now);
  const client = { kind: "client" as const, id: "client:1" };

  test("fill up to capacity, refuse the point beyond, and say when it fits", () => {
    expect(buckets.pour(client, 60)).toEqual({ ok: true });
    expect(buckets.pour(client, 40)).toEqual({ ok: true });
    expect(buckets.pour(client, 1)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.pour(client, 55)).toEqual({ ok: false, retryAfterSeconds: 6 });
  });

  test("leak at refillPerSecond: after 2.5 s, 25 points fit and the 26th does not", () => {
    now += 2_500;
    expect(buckets.pour(client, 26)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.pour(client, 25)).toEqual({ ok: true });
  });

  test("other callers have their own buckets and policies", () => {
    expect(buckets.pour({ kind: "anonymous", id: "ip:192.0.2.1" }, 50)).toEqual({ ok: true });
    expect(buckets.pour({ kind: "anonymous", id: "ip:192.0.2.1" }, 10)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(buckets.pour({ kind: "anonymous", id: "ip:192.0.2.2" }, 50)).toEqual({ ok: true });
  });

  test("keys: per client id, per IPv4 address, per IPv6 /64", () => {
    expect(bucketKeyOf({ kind: "client", clientId: 7, name: "x", role: Role.TASKFORCE, agencyCode: null }, "192.0.2.1")).toEqual({
      kind: "client",
      id: "client:7",
    });
    expect(bucketKeyOf({ kind: "anonymous" }, "192.0.2.1")).toEqual({ kind: "anonymous", id: "ip:192.0.2.1" });
    expect(bucketKeyOf({ kind: "anonymous" }, "::ffff:192.0.2.1")).toEqual({ kind: "anonymous", id: "ip:192.0.2.1" });
    expect(bucketKeyOf(null, "2001:db8:0a:b::1")).toEqual({ kind: "anonymous", id: "ip:2001:db8:a:b::/64" });
    expect(bucketKeyOf(null, "2001:db8:a:b:ffff::2")).toEqual({ kind: "anonymous", id: "ip:2001:db8:a:b::/64" });
    expect(bucketKeyOf(null, "::1")).toEqual({ kind: "anonymous", id: "ip:0:0:0:0::/64" });
  });
});

describe("over HTTP", () => {
  // 1 + 100 × (edges 1 + node 1 + sessions (1 + 3 × vacancies 1)) = 601
  const COSTS_601 = `{ vacancies(first: 100) { edges { node { upcomingTestSessions(first: 3) { vacancies { id } } } } } }`;
  // 1 + 57 × (3 + 4) = 400
  const COSTS_400 = `{ vacancies(first: 57) { edges { node { upcomingTestSessions(first: 4) { vacancies { id } } } } } }`;
  // 1 + 99 × 4 + agencies 1 = 398
  const COSTS_398 = `{ vacancies(first: 99) { edges { node { upcomingTestSessions(first: 1) { vacancies { id } } } } } agencies { code } }`;

  let server: TestServer;
  let keys: string[];
  beforeAll(async () => {
    server = await startTestServer({
      // A clock that stands still: nothing leaks while a test runs, however slow the machine.
      clock: () => 0,
      operating: {
        maxQueryCost: 1_000,
        rateLimit: { client: { capacity: 1_000, refillPerSecond: 1 }, anonymous: { capacity: 1_000, refillPerSecond: 1 } },
        trustProxyHops: 1,
      },
    });
    keys = [await insertApiClient(server.database.db, "HR system one"), await insertApiClient(server.database.db, "HR system two")];
  });
  afterAll(() => server.close());

  test("the test queries cost what their comments say", async () => {
    expect(await Promise.all([COSTS_601, COSTS_400, COSTS_398].map(costOf))).toEqual([601, 400, 398]);
  });

  async function expectRateLimited(response: Awaited<ReturnType<TestServer["gql"]>>, retryAfterSeconds: number) {
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(String(retryAfterSeconds));
    expect(response.body).toEqual({
      errors: [
        {
          message: `Too many requests for your rate limit: retry in ${retryAfterSeconds} s (or ask for less per request).`,
          extensions: { code: "RATE_LIMITED", retryAfterSeconds },
        },
      ],
    });
  }

  test("an API client spends its own bucket: a query that fits runs, one point more is refused with retry information", async () => {
    const key = keys[0];
    expect((await server.gql(COSTS_601, undefined, { key })).status).toBe(200);
    // 601 + 400 = 1,001: one point over; the refused query pours nothing but its admission point.
    await expectRateLimited(await server.gql(COSTS_400, undefined, { key }), 1);
    // 601 + 1 + 398 = 1,000: exactly full.
    const fits = await server.gql(COSTS_398, undefined, { key });
    expect(fits.status).toBe(200);
    expect(fits.body.errors).toBeUndefined();
    // Full: even the cheapest request is turned away on arrival, before its body is read.
    await expectRateLimited(await server.gql(`{ __typename }`, undefined, { key }), 1);
  });

  test("a document refused by parsing, validation or as too costly pays for that work, on top of reading it", async () => {
    const key = await insertApiClient(server.database.db, "HR system with typos");
    expect((await server.gql(COSTS_601, undefined, { key })).status).toBe(200);
    const unsupported = await server.gql(`subscription { __typename }`, undefined, { key });
    expect([unsupported.status, unsupported.body.errors?.[0].extensions?.code]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    const unparsable = await server.gql(`{ vacancies(`, undefined, { key });
    expect([unparsable.status, unparsable.body.errors?.[0].extensions?.code]).toEqual([400, "GRAPHQL_PARSE_FAILED"]);
    const tooCostly = await server.gql(`{ vacancies(first: 100) { edges { node { upcomingTestSessions(first: 8) { vacancies { id } } } } } }`, undefined, {
      key,
    });
    expect([tooCostly.status, tooCostly.body.errors?.[0].extensions?.reason]).toEqual([400, "MAX_COST"]);
    // 601 + 3 × (1 + 10) + 398 = 1,032: 32 points over, where free refusals would have left it 2 over.
    await expectRateLimited(await server.gql(COSTS_398, undefined, { key }), 2 + 3 * ADMISSION.refusedDocumentPoints);
  });

  test("another client, and anonymous callers, are not affected by a client's full bucket", async () => {
    expect((await server.gql(COSTS_601, undefined, { key: keys[1] })).status).toBe(200);
    expect((await server.gql(COSTS_601, undefined, { headers: { "x-forwarded-for": "198.51.100.1" } })).status).toBe(200);
  });

  test("anonymous callers are limited per address (behind one trusted proxy: the address it saw)", async () => {
    const from = (address: string) => ({ headers: { "x-forwarded-for": `203.0.113.250, ${address}` } });
    expect((await server.gql(COSTS_601, undefined, from("198.51.100.7"))).status).toBe(200);
    const refused = await server.gql(COSTS_601, undefined, from("198.51.100.7"));
    // It would take the bucket to 601 + 1 + 600 = 1,202 points: 202 s until that fits.
    await expectRateLimited(refused, 202);
    expect((await server.gql(COSTS_601, undefined, from("198.51.100.8"))).status).toBe(200);
  });

  test("an operation over the per-query maximum is refused as too costly, whatever the bucket holds", async () => {
    const response = await postJson(
      server.url,
      { query: `{ vacancies(first: 100) { edges { node { upcomingTestSessions(first: 8) { vacancies { id } } } } } }` },
      { "x-forwarded-for": "198.51.100.9" },
    );
    expect(response.status).toBe(400);
    expect(response.json().errors[0].extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", reason: "MAX_COST" });
  });
});

describe("answers from the response cache cost one point", () => {
  test("the same anonymous query twice costs 601 + 1", async () => {
    const server = await startTestServer({
      clock: () => 0,
      operating: {
        maxQueryCost: 1_000,
        responseCache: { maxBytes: 1_000_000 },
        rateLimit: { client: { capacity: 1_000, refillPerSecond: 1 }, anonymous: { capacity: 1_000, refillPerSecond: 1 } },
      },
    });
    try {
      const query = `{ vacancies(first: 100) { edges { node { upcomingTestSessions(first: 3) { vacancies { id } } } } } }`;
      expect((await server.gql(query)).headers.get("age")).toBeNull();
      const cached = await server.gql(query);
      expect(cached.status).toBe(200);
      expect(cached.headers.get("age")).not.toBeNull();
      // 601 + 1 + 398 = 1,000 fits: the cached answer cost its admission point only.
      const fits = await server.gql(`{ vacancies(first: 99) { edges { node { upcomingTestSessions(first: 1) { vacancies { id } } } } } agencies { code } }`);
      expect(fits.status).toBe(200);
      expect((await server.gql(`{ __typename }`)).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
