import { isIP } from "node:net";
import type { GraphQLFormattedError } from "graphql";
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import type { Viewer } from "../../auth/viewer";
import { ErrorCode } from "../../common/errors";
import { currentRequestScope, type RequestScope } from "../../common/request-scope";
import type { BucketPolicy } from "../../config";
import type { Context } from "../../context/context";
import type { Metrics } from "../../ops/metrics";
import { ADMISSION } from "../admission";
import { operationCost, tooCostly } from "./query-cost";

export type PourOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The callers' buckets, wherever they are kept: in this process (LeakyBuckets) or in Redis (src/server/shared-state.ts). */
export interface Buckets {
  /** Pours `points` into the bucket if they fit; otherwise pours nothing and says when they would. */
  pour(key: BucketKey, points: number): PourOutcome | Promise<PourOutcome>;
  /** Pours `points`, or as many as fit: for work already done (a refused upload), whose cost is owed either way. */
  pourUpTo(key: BucketKey, points: number): void | Promise<void>;
}

/**
 * Cost-based leaky buckets, one per API client and one per anonymous network address, kept in this process.
 *
 * Each operation pours its cost (src/server/plugins/query-cost.ts) into its caller's bucket; the bucket leaks
 * `refillPerSecond` points every second; an operation that would make it overflow `capacity` is refused with
 * RATE_LIMITED and told how many seconds until it fits. Refused operations pour nothing in.
 *
 * With N processes each would keep its own buckets, so a caller spread over them by the load balancer would get up to N
 * times the configured rate: with REDIS_URL set, RedisBuckets (src/server/shared-state.ts) does the same arithmetic in
 * Redis, shared by every process, and falls back to these when Redis does not answer.
 */
export class LeakyBuckets implements Buckets {
  /** key -> water level at `at` (ms). Map order is least recently used first, which is what pruning needs. */
  private readonly levels = new Map<string, { level: number; at: number }>();

  constructor(
    private readonly policies: { client: BucketPolicy; anonymous: BucketPolicy },
    private readonly now: () => number = () => performance.now(),
    /** Beyond this many callers, the least recently seen (their buckets nearly empty by then) are forgotten. */
    private readonly maxKeys = 100_000,
  ) {}

  pour(key: BucketKey, points: number): PourOutcome {
    const policy = this.policies[key.kind];
    const now = this.now();
    const entry = this.levels.get(key.id);
    const level = entry ? Math.max(0, entry.level - ((now - entry.at) / 1000) * policy.refillPerSecond) : 0;
    if (level + points > policy.capacity) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((level + points - policy.capacity) / policy.refillPerSecond)) };
    }
    this.levels.delete(key.id);
    this.levels.set(key.id, { level: level + points, at: now });
    if (this.levels.size > this.maxKeys) this.levels.delete(this.levels.keys().next().value as string);
    return { ok: true };
  }

  pourUpTo(key: BucketKey, points: number): void {
    const policy = this.policies[key.kind];
    const now = this.now();
    const entry = this.levels.get(key.id);
    const level = entry ? Math.max(0, entry.level - ((now - entry.at) / 1000) * policy.refillPerSecond) : 0;
    this.levels.delete(key.id);
    this.levels.set(key.id, { level: Math.min(policy.capacity, level + points), at: now });
    if (this.levels.size > this.maxKeys) this.levels.delete(this.levels.keys().next().value as string);
  }
}

export interface BucketKey {
  kind: "client" | "anonymous";
  id: string;
}

/**
 * Clients are limited per API client; anonymous callers per network address, IPv6 per /64 (one subscriber's usual
 * allocation, so hopping between addresses of one network does not buy a fresh bucket).
 */
export function bucketKeyOf(viewer: Viewer | null, address: string | undefined): BucketKey {
  if (viewer?.kind === "client") return { kind: "client", id: `client:${viewer.clientId ?? "bootstrap-admin"}` };
  return { kind: "anonymous", id: `ip:${networkOf(address ?? "unknown")}` };
}

function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return (
    groups
      .slice(0, 4)
      .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
      .join(":") + "::/64"
  );
}

/** The RATE_LIMITED error as clients get it (with HTTP 429 and a Retry-After header of the same number of seconds). */
export function rateLimitedError(retryAfterSeconds: number): GraphQLFormattedError {
  return {
    message: `Too many requests for your rate limit: retry in ${retryAfterSeconds} s (or ask for less per request).`,
    extensions: { code: ErrorCode.RateLimited, retryAfterSeconds },
  };
}

/**
 * Requests (by their scope) whose operation the edge has already priced, observed and poured into the caller's bucket
 * before handing it to Apollo (src/server/graphql-handler.ts, answerPrepared): the plugin charges them nothing more.
 */
export const chargedRequests = new WeakSet<RequestScope>();

function charged(): boolean {
  const scope = currentRequestScope();
  return scope !== undefined && chargedRequests.has(scope);
}

/**
 * Prices each operation once it is known (after validation, before any resolver) and refuses it over the per-operation
 * maximum; then, unless the response cache answers it, pours its cost into the caller's bucket or refuses it with
 * RATE_LIMITED (429, Retry-After). The HTTP layer has already taken the arrival point and the body's price
 * (src/server/graphql-handler.ts), which is all that answers from the response cache pay; a document refused by parsing
 * or validation, or as too costly, pays ADMISSION.refusedDocumentPoints more.
 *
 * Must come after any plugin that answers from a cache (introspectionCachePlugin comes after it on purpose): Apollo asks
 * responseForOperation hooks in plugin order and stops at the first answer. Response-cache hits never reach Apollo.
 */
export function costAndRateLimitPlugin(options: { maxQueryCost: number; buckets: Buckets | null; metrics: Metrics }): ApolloServerPlugin<Context> {
  const { maxQueryCost, buckets, metrics } = options;
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        // A document refused by parsing or validation pays for the work, which Apollo does again each time it is sent.
        async parsingDidStart(requestContext) {
          return async (error) => {
            if (error && buckets) await buckets.pourUpTo(callerKey(requestContext.contextValue), ADMISSION.refusedDocumentPoints);
          };
        },
        async validationDidStart(requestContext) {
          return async (errors) => {
            if (errors?.length && buckets) await buckets.pourUpTo(callerKey(requestContext.contextValue), ADMISSION.refusedDocumentPoints);
          };
        },
        async didResolveOperation(requestContext) {
          const { operation, document, schema, request } = requestContext;
          if (!operation || charged()) return;
          cost = operationCost(schema, document, operation, request.variables);
          metrics.observeCost(cost);
          if (cost > maxQueryCost) {
            // Refused like an invalid document, and priced like one: it was read, and its cost worked out.
            if (buckets) await buckets.pourUpTo(callerKey(requestContext.contextValue), ADMISSION.refusedDocumentPoints);
            throw tooCostly();
          }
        },
        async responseForOperation(requestContext) {
          if (!buckets || charged()) return null;
          const key = callerKey(requestContext.contextValue);
          const outcome = await buckets.pour(key, Math.max(0, cost - ADMISSION.arrivalPoints));
          if (outcome.ok) return null;
          metrics.rateLimited(key.kind);
          return {
            body: { kind: "single", singleResult: { errors: [rateLimitedError(outcome.retryAfterSeconds)] } },
            http: { status: 429, headers: new HeaderMap([["retry-after", String(outcome.retryAfterSeconds)]]) },
          };
        },
      };
    },
  };
}

function callerKey(context: Context): BucketKey {
  return bucketKeyOf(context.viewer, currentRequestScope()?.clientAddress);
}
