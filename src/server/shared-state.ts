import { createClient, type RedisClientType } from "@redis/client";
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { describeError, type Logger } from "../common/logger";
import type { BucketPolicy, RedisConfig } from "../config";
import type { Metrics } from "../ops/metrics";
import { LeakyBuckets, type BucketKey, type Buckets, type PourOutcome } from "./plugins/rate-limit";

/** A Redis command not answered within this time counts as Redis unreachable: the request goes on with this process's state. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/**
 * The connection to Redis that the processes of one service share, and what happens when it fails: each rate-limit
 * pour and each response-cache read or write that Redis does not answer (refused, lost, or slower than
 * REDIS_COMMAND_TIMEOUT_MS) is done in this process instead, counted in shared_state_fallback_total, and the first one
 * of each outage is logged (warn), as is the recovery (info). The client reconnects by itself.
 */
export class SharedState {
  private unreachableSince: number | null = null;

  private constructor(
    readonly client: RedisClientType,
    readonly keyPrefix: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Connects (waiting at most `connectTimeoutMs`). Redis not answering does not stop the service from starting: it runs
   * on its own state, as it would during any outage, until Redis answers.
   */
  static async open(config: RedisConfig, logger: Logger, connectTimeoutMs = 2_000): Promise<SharedState> {
    const client: RedisClientType = createClient({
      url: config.url,
      // A command sent while disconnected fails at once (and falls back) instead of waiting for the connection.
      disableOfflineQueue: true,
      socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000) },
    });
    const state = new SharedState(client, config.keyPrefix, logger);
    client.on("error", (error: unknown) => state.failed(error));
    client.on("ready", () => state.recovered());
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      client.connect().catch((error: unknown) => state.failed(error)),
      new Promise((resolve) => (timer = setTimeout(resolve, connectTimeoutMs))),
    ]).finally(() => clearTimeout(timer));
    if (!client.isReady) state.failed(new Error("Redis did not answer at start-up"));
    return state;
  }

  /** Runs a Redis command, failing it after REDIS_COMMAND_TIMEOUT_MS. */
  async command<T>(run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        run(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("Redis command timed out")), REDIS_COMMAND_TIMEOUT_MS))),
      ]);
      this.recovered();
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A command failed: the caller falls back; the first failure of an outage is logged. */
  failed(error: unknown): void {
    if (this.unreachableSince !== null) return;
    this.unreachableSince = Date.now();
    this.logger.warn("redis unreachable: rate limits and the response cache are kept in this process until it answers", describeError(error));
  }

  private recovered(): void {
    if (this.unreachableSince === null) return;
    this.logger.info("redis reachable again: rate limits and the response cache are shared again", { outageMs: Date.now() - this.unreachableSince });
    this.unreachableSince = null;
  }

  async close(): Promise<void> {
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy();
  }
}

/**
 * The leaky-bucket arithmetic of LeakyBuckets, as one Lua script run atomically by Redis on a string per caller
 * ("<level> <ms>"), on Redis's own clock, so every process sees one bucket per caller. rate-limiter-flexible runs it
 * (its script hook), and supplies the key naming and the result type; `upTo` pours whatever fits instead of refusing.
 * Returns {level, ms}: a level over the capacity means refused, and ms is then the wait until the points fit.
 */
function leakyBucketScript(policy: BucketPolicy, upTo: boolean): string {
  return `
local capacity = ${policy.capacity}
local perMs = ${policy.refillPerSecond} / 1000
local points = tonumber(ARGV[1])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local level = 0
local stored = redis.call('GET', KEYS[1])
if stored then
  local was, at = string.match(stored, '^(%S+) (%S+)$')
  level = math.max(0, tonumber(was) - (now - tonumber(at)) * perMs)
end
local after = level + points
if after > capacity then
  ${upTo ? "after = capacity" : "return {capacity + 1, math.ceil((after - capacity) / perMs)}"}
end
local drained = math.ceil(after / perMs) + 1000
redis.call('SET', KEYS[1], string.format('%.17g %d', after, now), 'PX', drained)
return {math.floor(after), drained}`;
}

/**
 * The callers' buckets in Redis (rate-limiter-flexible's RateLimiterRedis running leakyBucketScript), with the same
 * policies and answers as LeakyBuckets; a pour that Redis does not answer is made in `fallback`, this process's own
 * buckets, so a caller is never let through unmetered.
 */
export class RedisBuckets implements Buckets {
  private readonly limiters: Record<BucketKey["kind"], { pour: RateLimiterRedis; upTo: RateLimiterRedis }>;

  constructor(
    private readonly shared: SharedState,
    policies: { client: BucketPolicy; anonymous: BucketPolicy },
    private readonly fallback: LeakyBuckets,
    private readonly metrics: Metrics,
  ) {
    const limiter = (kind: BucketKey["kind"], upTo: boolean) =>
      new RateLimiterRedis({
        storeClient: shared.client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${shared.keyPrefix}bucket:${kind}`,
        points: policies[kind].capacity,
        // Unused by the script; a positive duration makes the library run it.
        duration: 1,
        customIncrTtlLuaScript: leakyBucketScript(policies[kind], upTo),
      });
    this.limiters = {
      client: { pour: limiter("client", false), upTo: limiter("client", true) },
      anonymous: { pour: limiter("anonymous", false), upTo: limiter("anonymous", true) },
    };
  }

  async pour(key: BucketKey, points: number): Promise<PourOutcome> {
    if (points <= 0) return { ok: true };
    try {
      await this.shared.command(() => this.limiters[key.kind].pour.consume(key.id, points));
      return { ok: true };
    } catch (error) {
      if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      this.fellBack(error);
      return this.fallback.pour(key, points);
    }
  }

  async pourUpTo(key: BucketKey, points: number): Promise<void> {
    if (points <= 0) return;
    try {
      await this.shared.command(() => this.limiters[key.kind].upTo.consume(key.id, points));
    } catch (error) {
      this.fellBack(error);
      this.fallback.pourUpTo(key, points);
    }
  }

  private fellBack(error: unknown): void {
    this.shared.failed(error);
    this.metrics.sharedStateFallback("rate_limit");
  }
}

/**
 * Whole answers in Redis, as Apollo's KeyValueCache (what the response cache's store reads and writes,
 * src/server/response-cache.ts), stored as they are: a string per key with its time to live. When Redis does not answer, entries go to and come from this process's
 * own cache (`fallback`) until it does; the bounds hold either way.
 */
export class RedisResponseCache implements KeyValueCache<string> {
  constructor(
    private readonly shared: SharedState,
    private readonly fallback: InMemoryLRUCache<string>,
    private readonly metrics: Metrics,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.shared.command(() => this.shared.client.get(this.shared.keyPrefix + "answer:" + key))) ?? undefined;
    } catch (error) {
      this.fellBack(error);
      return this.fallback.get(key);
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    if (!ttl || ttl <= 0) return;
    try {
      await this.shared.command(() =>
        this.shared.client.set(this.shared.keyPrefix + "answer:" + key, value, { expiration: { type: "PX", value: ttl * 1000 } }),
      );
    } catch (error) {
      this.fellBack(error);
      await this.fallback.set(key, value, { ttl });
    }
  }

  async delete(key: string): Promise<boolean | void> {
    try {
      await this.shared.command(() => this.shared.client.del(this.shared.keyPrefix + "answer:" + key));
    } catch (error) {
      this.fellBack(error);
    }
    return this.fallback.delete(key);
  }

  private fellBack(error: unknown): void {
    this.shared.failed(error);
    this.metrics.sharedStateFallback("response_cache");
  }
}
