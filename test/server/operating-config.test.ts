import { loadConfig } from "../../src/config";

describe("operating configuration (the README lists the variables)", () => {
  test("defaults", () => {
    expect(loadConfig({}).operating).toEqual({
      requestDeadlineMs: 10_000,
      maxQueryCost: 5_000,
      rateLimit: { client: { capacity: 20_000, refillPerSecond: 400 }, anonymous: { capacity: 5_000, refillPerSecond: 100 } },
      trustProxyHops: 0,
      responseCache: { maxBytes: 33_554_432 },
      dashboardCache: { maxAgeMs: 5_000 },
      shutdownDrainDelayMs: 1_000,
      shutdownGraceMs: 8_000,
    });
  });

  test("environment variables", () => {
    const operating = loadConfig({
      RATE_LIMIT_CLIENT_CAPACITY: "9000",
      RATE_LIMIT_CLIENT_REFILL_PER_SECOND: "90",
      RATE_LIMIT_ANONYMOUS_CAPACITY: "6000",
      RATE_LIMIT_ANONYMOUS_REFILL_PER_SECOND: "60",
      MAX_QUERY_COST: "6000",
      TRUST_PROXY_HOPS: "1",
      REQUEST_DEADLINE_MS: "5000",
      RESPONSE_CACHE_MAX_MB: "8",
      DASHBOARD_CACHE_S: "30",
      SHUTDOWN_DRAIN_DELAY_MS: "0",
      SHUTDOWN_GRACE_MS: "3000",
    }).operating;
    expect(operating).toEqual({
      requestDeadlineMs: 5_000,
      maxQueryCost: 6_000,
      rateLimit: { client: { capacity: 9_000, refillPerSecond: 90 }, anonymous: { capacity: 6_000, refillPerSecond: 60 } },
      trustProxyHops: 1,
      responseCache: { maxBytes: 8_388_608 },
      dashboardCache: { maxAgeMs: 30_000 },
      shutdownDrainDelayMs: 0,
      shutdownGraceMs: 3_000,
    });
    expect(loadConfig({ RATE_LIMIT_ENABLED: "false", RESPONSE_CACHE_ENABLED: "false", DASHBOARD_CACHE_S: "0" }).operating).toMatchObject({
      rateLimit: null,
      responseCache: null,
      dashboardCache: null,
    });
    expect(() => loadConfig({ DASHBOARD_CACHE_S: "-1" })).toThrow('DASHBOARD_CACHE_S must be an integer from 0 to 300, got "-1"');
  });

  test("a bucket smaller than the costliest allowed query is refused at start-up", () => {
    expect(() => loadConfig({ RATE_LIMIT_ANONYMOUS_CAPACITY: "4999" })).toThrow("RATE_LIMIT_ANONYMOUS_CAPACITY (4999) must be at least MAX_QUERY_COST (5000)");
  });
});
