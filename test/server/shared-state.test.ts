import { randomUUID } from "node:crypto";
import { createClient } from "@redis/client";
import { createLogger } from "../../src/common/logger";
import { defaultOperatingConfig, type OperatingConfig } from "../../src/config";
import { seedCampaign } from "../../src/seeding/seed-campaign";
import { SharedState } from "../../src/server/shared-state";
import { insertVacancies } from "../helpers/factories";
import { createTestDatabase } from "../helpers/test-database";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";

/** The machine's Redis (docs/operating.md); every test writes under a key prefix of its own and deletes only those keys. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Deletes every key under `prefix` (and no other). */
async function deleteKeys(prefix: string): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await client.del(keys);
  await client.close();
}

jest.setTimeout(180_000);

const silent = createLogger("silent");
/** A bucket as big as the costliest operation allowed, leaking so slowly that nothing leaks while a test runs. */
const TIGHT: Partial<OperatingConfig> = {
  maxQueryCost: 100,
  rateLimit: { client: { capacity: 100, refillPerSecond: 0.001 }, anonymous: { capacity: 100, refillPerSecond: 0.001 } },
  responseCache: null,
};
/** Priced like any list, answered without rows where the database is not seeded (most servers here: quicker to start). */
const AGENCIES = `{ agencies { code } }`;

/** Requests `query` anonymously through the servers in turn until one is refused; how many were answered before. */
async function answeredUntilRefused(servers: TestServer[]): Promise<{ answered: number; refusal: Record<string, unknown> | undefined }> {
  for (let i = 0; i < 500; i++) {
    const response = await servers[i % servers.length].gql(AGENCIES);
    if (response.status === 429) return { answered: i, refusal: response.body.errors?.[0].extensions };
    expect(response.status).toBe(200);
  }
  throw new Error("never refused");
}

describe("several processes behave as one through Redis (REDIS_URL)", () => {
  const prefix = `test:${randomUUID()}:`;
  let shared: SharedState[] = [];
  let servers: TestServer[] = [];
  const open = () => SharedState.open({ url: REDIS_URL, keyPrefix: prefix }, silent).then((s) => (shared.push(s), s));

  afterEach(async () => {
    for (const server of servers.slice(1).reverse()) await server.app.close();
    await servers[0]?.close();
    for (const s of shared) await s.close();
    servers = [];
    shared = [];
    await deleteKeys(prefix);
  });

  /** Two servers (two processes, as far as the service can tell) on one database, each with its own Redis connection. */
  async function twoServers(
    operating: Partial<OperatingConfig>,
    options: { wallClock?: () => number; seed?: boolean } = {},
  ): Promise<[TestServer, TestServer]> {
    const { wallClock, seed = false } = options;
    const first = await startTestServer({ operating, shared: await open(), wallClock, seed });
    servers.push(first);
    const second = await startTestServer({ operating, shared: await open(), wallClock, testDatabase: first.testDatabase, seed: false });
    servers.push(second);
    return [first, second];
  }

  test("a caller's rate limit is the same over two servers as on one server keeping its buckets in memory", async () => {
    const alone = await startTestServer({ operating: TIGHT, clock: () => 0, seed: false });
    const inMemory = await answeredUntilRefused([alone]);
    await alone.close();

    const together = await answeredUntilRefused(await twoServers(TIGHT));
    expect(inMemory.answered).toBeGreaterThan(1);
    expect(together.answered).toBe(inMemory.answered);
    expect(together.refusal?.code).toBe("RATE_LIMITED");
    expect(inMemory.refusal?.code).toBe("RATE_LIMITED");
  });

  test("an API client's bucket is shared too, and each client has its own", async () => {
    const [first, second] = await twoServers(TIGHT);
    let answered = 0;
    for (; answered < 500; answered++) {
      const response = await [first, second][answered % 2].gql(AGENCIES, undefined, { key: ADMIN_KEY });
      if (response.status === 429) break;
    }
    expect(answered).toBeLessThan(500);
    // Anonymous callers from the same address still have their whole bucket.
    expect((await second.gql(AGENCIES)).status).toBe(200);
  });

  test("an answer cached by one server is served by the other, within the same bounds", async () => {
    const clock = { now: Date.parse("2026-11-29T12:00:00Z") };
    const [first, second] = await twoServers({ responseCache: { maxBytes: 1024 * 1024 } }, { wallClock: () => clock.now, seed: true });
    const [vacancyKey] = await insertVacancies(first.database.db, 1, { headcountTarget: 2, place: "Gedeeldstad" });
    const query = `query Shared($places: [String!]) { vacancies(filter: { places: $places }) { totalCount } }`;
    const computed = await first.gql(query, { places: ["Gedeeldstad"] });
    expect([computed.body.data, computed.statements > 0]).toEqual([{ vacancies: { totalCount: 1 } }, true]);
    const fromRedis = await second.gql(query, { places: ["Gedeeldstad"] });
    expect([fromRedis.body.data, fromRedis.statements, fromRedis.headers.get("age")]).toEqual([{ vacancies: { totalCount: 1 } }, 0, "0"]);
    expect(vacancyKey).toBeGreaterThan(0);
    // Past the 20 s bound, neither serves it.
    clock.now += 20_000;
    expect((await second.gql(query, { places: ["Gedeeldstad"] })).statements).toBeGreaterThan(0);
  });
});

describe("when Redis does not answer", () => {
  test("rate limits and the response cache are kept in the process, with one log line and a metric; never an open door", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", (line) => lines.push(line));
    // Nothing listens on port 1: every connection is refused. connectTimeoutMs 0: start without waiting for it.
    const shared = await SharedState.open({ url: "redis://127.0.0.1:1", keyPrefix: "test:unreachable:" }, logger, 0);
    const server = await startTestServer({ operating: { ...TIGHT, responseCache: null }, shared, clock: () => 0, logger, seed: false });
    const alone = await startTestServer({ operating: TIGHT, clock: () => 0, seed: false });
    try {
      const fallback = await answeredUntilRefused([server]);
      expect(fallback.answered).toBe((await answeredUntilRefused([alone])).answered);
      expect(fallback.refusal?.code).toBe("RATE_LIMITED");
      const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.msg.startsWith("redis unreachable"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].level).toBe("warn");
      const metrics = await server.app.metrics.registry.metrics();
      const pours = Number(/shared_state_fallback_total\{what="rate_limit"\} (\d+)/.exec(metrics)?.[1]);
      expect(pours).toBeGreaterThanOrEqual(fallback.answered);
    } finally {
      await server.close();
      await alone.close();
      await shared.close();
    }
  });

  test("the response cache falls back to this process's memory", async () => {
    const shared = await SharedState.open({ url: "redis://127.0.0.1:1", keyPrefix: "test:unreachable:" }, silent, 0);
    const server = await startTestServer({
      operating: { ...defaultOperatingConfig, rateLimit: null, responseCache: { maxBytes: 1024 * 1024 } },
      shared,
      seed: false,
    });
    try {
      const first = await server.gql(AGENCIES);
      const second = await server.gql(AGENCIES);
      expect([first.status, first.statements > 0, second.status, second.statements, second.body]).toEqual([200, true, 200, 0, first.body]);
      expect(await server.app.metrics.registry.metrics()).toMatch(/shared_state_fallback_total\{what="response_cache"\} [1-9]/);
    } finally {
      await server.close();
      await shared.close();
    }
  });
});

describe("a read replica (DATABASE_READ_URL)", () => {
  // The "replica" is a second database that never receives the primary's writes: the worst lag there is.
  test("anonymous reads and dashboards read the replica; a caller's reads after its own writes read the primary", async () => {
    const replica = await createTestDatabase();
    await seedCampaign(replica.database.db);
    const server = await startTestServer({ readDatabase: replica.database });
    try {
      await insertVacancies(server.database.db, 1, { place: "Primairstad", status: "OPEN" });
      const query = `{ vacancies(filter: { places: ["Primairstad"] }) { totalCount } }`;
      expect((await server.data(query, undefined, { key: ADMIN_KEY })).vacancies.totalCount).toBe(1);
      expect((await server.data(query)).vacancies.totalCount).toBe(0);

      const openVacancies = `{ dashboard { openVacancies } }`;
      const fromReplica = await server.data(openVacancies, undefined, { key: ADMIN_KEY });
      await insertVacancies(replica.database.db, 2, { place: "Replicastad", status: "OPEN" });
      expect((await server.data(openVacancies, undefined, { key: ADMIN_KEY })).dashboard.openVacancies).toBe(fromReplica.dashboard.openVacancies + 2);
    } finally {
      await server.close();
      await replica.drop();
    }
  });
});
