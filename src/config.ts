import { OperatorError } from "./common/operator-error";
import { DEFAULT_POOL_MAX, DEFAULT_POOL_QUEUE_TIMEOUT_MS, type DatabaseConfig } from "./db/client";
import { parseAllowedNetworks, type AllowedNetworks } from "./webhooks/webhook-url";

/** Where several processes keep what they must agree on: REDIS_URL, and a prefix for every key they write there. */
export interface RedisConfig {
  url: string;
  /** Every key starts with it (default "campaign:"), so several installs (or tests) can share one Redis. */
  keyPrefix: string;
}

/** Everything the service reads from its environment, with the defaults a fresh machine needs. */
export interface Config {
  port: number;
  host: string;
  /** Prometheus metrics (GET /metrics) on a listener of their own, never on the public port; null: not served. */
  metrics: { port: number; host: string } | null;
  database: DatabaseConfig;
  /**
   * A read replica of the PostgreSQL primary (DATABASE_READ_URL): anonymous requests and the dashboards read from it;
   * null: everything reads the primary.
   */
  readDatabase: DatabaseConfig | null;
  /** Redis shared by every process of the service (REDIS_URL): rate-limit buckets and the response cache; null: kept in each process. */
  redis: RedisConfig | null;
  /** Bootstrap administrator key, so a fresh install can create its first API clients. Never stored. */
  adminApiKey: string | null;
  /**
   * The secret behind the keyed hashes that link one person's candidates across agencies (src/candidates/person-keys.ts).
   * null: a fresh install generates one and keeps it in the database.
   */
  personKeySecret: string | null;
  /** Serve the schema to introspection queries (on by default: this is a public API whose SDL is published anyway). */
  introspection: boolean;
  /** development shows field suggestions and stack traces; production hides them. */
  environment: "development" | "production" | "test";
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Skip loading the campaign's seed data at start-up. */
  skipSeed: boolean;
  /** Deadlines, rate limits, caching and shutdown: the README's "Operating" section explains each. */
  operating: OperatingConfig;
  /** Browsers: which other origins' pages may call the API (CORS), and whether /explorer/ is served. */
  web: WebConfig;
  webhooks: WebhookConfig;
}

/** Webhook delivery (docs/events.md). */
export interface WebhookConfig {
  /** Run the delivery worker in this process (the default, so the embedded set-up delivers too). */
  worker: boolean;
  /** Deliveries in flight at once per worker. */
  concurrency: number;
  /** How long a receiver gets to answer. */
  timeoutMs: number;
  /** Ranges endpoints may point into although private or loopback. */
  allowedNetworks: AllowedNetworks;
}

export interface WebConfig {
  /** Exact origins allowed to call the API from a browser; empty: none. */
  corsOrigins: string[];
  /** How long a browser may cache a preflight's answer. */
  corsMaxAgeSeconds: number;
  /** Serve the GraphiQL explorer at /explorer/ (and send browsers asking GET /graphql there). */
  explorer: boolean;
}

/** One bucket of the cost-based rate limiter: how many points it holds and how many flow back per second. */
export interface BucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

export interface OperatingConfig {
  /** A request not answered within this time gets 503 DEADLINE_EXCEEDED. */
  requestDeadlineMs: number;
  /** The most a single operation may cost (see src/server/plugins/query-cost.ts). */
  maxQueryCost: number;
  /** null turns rate limiting off. */
  rateLimit: { client: BucketPolicy; anonymous: BucketPolicy } | null;
  /** How many reverse proxies in front of the service append to X-Forwarded-For (0: use the socket's address). */
  trustProxyHops: number;
  /** The in-process cache of anonymous responses; null turns it off (Cache-Control headers are still sent). */
  responseCache: { maxBytes: number } | null;
  /** How long the dashboard's figures of one selection are shared by the requests asking for it; null: not shared. */
  dashboardCache: { maxAgeMs: number } | null;
  /**
   * On SIGTERM, how long the process keeps accepting requests while /readyz answers 503, so that load balancers stop
   * sending traffic before the listener closes.
   */
  shutdownDrainDelayMs: number;
  /** On SIGTERM, how long (from the signal) in-flight requests get before their connections are cut; exit follows within 2 s. */
  shutdownGraceMs: number;
}

export const defaultOperatingConfig: OperatingConfig = {
  requestDeadlineMs: 10_000,
  maxQueryCost: 5_000,
  rateLimit: {
    client: { capacity: 20_000, refillPerSecond: 400 },
    anonymous: { capacity: 5_000, refillPerSecond: 100 },
  },
  trustProxyHops: 0,
  responseCache: { maxBytes: 32 * 1024 * 1024 },
  dashboardCache: { maxAgeMs: 5_000 },
  shutdownDrainDelayMs: 1_000,
  shutdownGraceMs: 8_000,
};

export class ConfigError extends OperatorError {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const environment = oneOf(env.NODE_ENV ?? "development", ["development", "production", "test"] as const, "NODE_ENV");
  return {
    port: integer(env.PORT ?? "4000", "PORT", 0, 65535),
    host: env.HOST ?? "0.0.0.0",
    metrics: env.METRICS_PORT ? { port: integer(env.METRICS_PORT, "METRICS_PORT", 0, 65535), host: env.METRICS_HOST ?? "127.0.0.1" } : null,
    database: env.DATABASE_URL ? postgres(env, env.DATABASE_URL) : { driver: "pglite", dataDir: env.PGLITE_DIR ?? "data/pglite" },
    readDatabase: readDatabase(env),
    redis: env.REDIS_URL ? { url: redisUrl(env.REDIS_URL), keyPrefix: env.REDIS_KEY_PREFIX ?? "campaign:" } : null,
    adminApiKey: env.ADMIN_API_KEY ? minLength(env.ADMIN_API_KEY, 24, "ADMIN_API_KEY") : null,
    personKeySecret: env.PERSON_KEY_SECRET ? minLength(env.PERSON_KEY_SECRET, 32, "PERSON_KEY_SECRET") : null,
    introspection: boolean(env.GRAPHQL_INTROSPECTION ?? "true", "GRAPHQL_INTROSPECTION"),
    environment,
    logLevel: oneOf(env.LOG_LEVEL ?? (environment === "test" ? "silent" : "info"), ["debug", "info", "warn", "error", "silent"] as const, "LOG_LEVEL"),
    skipSeed: boolean(env.SKIP_SEED ?? "false", "SKIP_SEED"),
    operating: operatingConfig(env),
    webhooks: {
      worker: boolean(env.WEBHOOK_WORKER ?? "true", "WEBHOOK_WORKER"),
      concurrency: integer(env.WEBHOOK_CONCURRENCY ?? "64", "WEBHOOK_CONCURRENCY", 1, 1024),
      timeoutMs: integer(env.WEBHOOK_TIMEOUT_MS ?? "10000", "WEBHOOK_TIMEOUT_MS", 100, 60_000),
      allowedNetworks: networks(env.WEBHOOK_ALLOWED_NETWORKS ?? "", "WEBHOOK_ALLOWED_NETWORKS"),
    },
    web: {
      corsOrigins: origins(env.CORS_ALLOWED_ORIGINS ?? ""),
      corsMaxAgeSeconds: integer(env.CORS_MAX_AGE_S ?? "600", "CORS_MAX_AGE_S", 0, 86_400),
      explorer: boolean(env.EXPLORER_ENABLED ?? String(environment === "development"), "EXPLORER_ENABLED"),
    },
  };
}

function postgres(env: NodeJS.ProcessEnv, url: string): DatabaseConfig {
  return {
    driver: "postgres",
    url,
    poolMax: integer(env.DATABASE_POOL_MAX ?? String(DEFAULT_POOL_MAX), "DATABASE_POOL_MAX", 1, 1000),
    statementTimeoutMs: integer(env.DATABASE_STATEMENT_TIMEOUT_MS ?? "5000", "DATABASE_STATEMENT_TIMEOUT_MS", 0, 3_600_000),
    connectTimeoutSeconds: integer(env.DATABASE_CONNECT_TIMEOUT_S ?? "5", "DATABASE_CONNECT_TIMEOUT_S", 1, 600),
    poolQueueTimeoutMs: integer(env.DATABASE_POOL_QUEUE_TIMEOUT_MS ?? String(DEFAULT_POOL_QUEUE_TIMEOUT_MS), "DATABASE_POOL_QUEUE_TIMEOUT_MS", 1, 60_000),
  };
}

/** DATABASE_READ_URL: a replica of DATABASE_URL's database, with the same pool settings; only beside DATABASE_URL. */
function readDatabase(env: NodeJS.ProcessEnv): DatabaseConfig | null {
  if (!env.DATABASE_READ_URL) return null;
  if (!env.DATABASE_URL) throw new ConfigError("DATABASE_READ_URL needs DATABASE_URL: a read replica is of a PostgreSQL primary");
  return postgres(env, env.DATABASE_READ_URL);
}

function redisUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError("REDIS_URL must be a URL such as redis://host:6379");
  }
  if (!["redis:", "rediss:"].includes(url.protocol)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}"`);
  return value;
}

function networks(value: string, name: string): AllowedNetworks {
  try {
    return parseAllowedNetworks(value);
  } catch (error) {
    throw new ConfigError(`${name}: ${(error as Error).message}`);
  }
}

/** CORS_ALLOWED_ORIGINS: origins separated by commas, each scheme://host[:port] with nothing after it. */
function origins(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => {
      let origin: string | null = null;
      try {
        const url = new URL(v);
        if (["http:", "https:"].includes(url.protocol) && url.origin === v) origin = url.origin;
      } catch {
        origin = null;
      }
      if (!origin) throw new ConfigError(`CORS_ALLOWED_ORIGINS: "${v}" is not an origin (scheme://host[:port], no path, no trailing slash)`);
      return origin;
    });
}

function operatingConfig(env: NodeJS.ProcessEnv): OperatingConfig {
  const d = defaultOperatingConfig;
  const maxQueryCost = integer(env.MAX_QUERY_COST ?? String(d.maxQueryCost), "MAX_QUERY_COST", 1, 1_000_000);
  const bucket = (prefix: string, fallback: BucketPolicy): BucketPolicy => {
    const capacity = integer(env[`${prefix}_CAPACITY`] ?? String(fallback.capacity), `${prefix}_CAPACITY`, 1, 100_000_000);
    // A bucket smaller than the costliest allowed query would refuse that query forever instead of asking to retry.
    if (capacity < maxQueryCost) throw new ConfigError(`${prefix}_CAPACITY (${capacity}) must be at least MAX_QUERY_COST (${maxQueryCost})`);
    return {
      capacity,
      refillPerSecond: integer(env[`${prefix}_REFILL_PER_SECOND`] ?? String(fallback.refillPerSecond), `${prefix}_REFILL_PER_SECOND`, 1, 10_000_000),
    };
  };
  const rateLimited = boolean(env.RATE_LIMIT_ENABLED ?? "true", "RATE_LIMIT_ENABLED");
  const cached = boolean(env.RESPONSE_CACHE_ENABLED ?? "true", "RESPONSE_CACHE_ENABLED");
  const dashboardSeconds = integer(env.DASHBOARD_CACHE_S ?? String(d.dashboardCache!.maxAgeMs / 1000), "DASHBOARD_CACHE_S", 0, 300);
  return {
    requestDeadlineMs: integer(env.REQUEST_DEADLINE_MS ?? String(d.requestDeadlineMs), "REQUEST_DEADLINE_MS", 100, 600_000),
    maxQueryCost,
    rateLimit: rateLimited
      ? { client: bucket("RATE_LIMIT_CLIENT", d.rateLimit!.client), anonymous: bucket("RATE_LIMIT_ANONYMOUS", d.rateLimit!.anonymous) }
      : null,
    trustProxyHops: integer(env.TRUST_PROXY_HOPS ?? String(d.trustProxyHops), "TRUST_PROXY_HOPS", 0, 10),
    responseCache: cached ? { maxBytes: integer(env.RESPONSE_CACHE_MAX_MB ?? "32", "RESPONSE_CACHE_MAX_MB", 1, 4096) * 1024 * 1024 } : null,
    dashboardCache: dashboardSeconds > 0 ? { maxAgeMs: dashboardSeconds * 1000 } : null,
    shutdownDrainDelayMs: integer(env.SHUTDOWN_DRAIN_DELAY_MS ?? String(d.shutdownDrainDelayMs), "SHUTDOWN_DRAIN_DELAY_MS", 0, 60_000),
    shutdownGraceMs: integer(env.SHUTDOWN_GRACE_MS ?? String(d.shutdownGraceMs), "SHUTDOWN_GRACE_MS", 0, 60_000),
  };
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

function boolean(value: string, name: string): boolean {
  if (["true", "1", "yes"].includes(value.toLowerCase())) return true;
  if (["false", "0", "no"].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(`${name} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

function minLength(value: string, length: number, name: string): string {
  if (value.length < length) throw new ConfigError(`${name} must be at least ${length} characters long`);
  return value;
}
