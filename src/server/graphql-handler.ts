import type http from "node:http";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { languageFromAcceptLanguage } from "../common/language";
import { describeError, type Logger } from "../common/logger";
import { runInRequestScope } from "../common/request-scope";
import type { Config, OperatingConfig } from "../config";
import type { Metrics } from "../ops/metrics";
import { identifyCaller } from "./caller";
import { buildContext, type Context } from "../context/context";
import { asClientError, databaseUnavailablePlugin } from "./database-errors";
import { DEADLINE_EXCEEDED, DEADLINE_MESSAGE, formatError, PAYLOAD_TOO_LARGE } from "./format-error";
import { sendJson, type IncomingRequest, type RouteHandler } from "./http-server";
import { answerMediaType } from "./media-type";
import { cacheControl, cachePlugins, PUBLIC_MAX_AGE } from "./plugins/cache-policy";
import { holdsBadString, inputStringsPlugin } from "./plugins/input-strings";
import { introspectionCachePlugin } from "./plugins/introspection-cache";
import { contentLanguagePlugin, servedLanguage } from "./plugins/content-language";
import { observePlugin } from "./plugins/observe";
import { bucketKeyOf, chargedRequests, costAndRateLimitPlugin, LeakyBuckets, rateLimitedError, type BucketKey } from "./plugins/rate-limit";
import { coercedVariables } from "./plugins/coerced-variables";
import { operationCost } from "./plugins/query-cost";
import { PreparedQueries, type PreparedQuery } from "./prepared-queries";
import { ADMISSION, bodyPoints, jsonDepth, maxBodyBytes } from "./admission";
import { RefusalPacer } from "./refusal-pacing";
import { REQUEST_LIMITS, requestLimitRules } from "./plugins/request-limits";
import { campaignSchema } from "./schema";
import { compiledExecution } from "./compiled-execution";
import { tracingConfigured } from "../ops/tracing";
import { ResponseCache } from "./response-cache";
import { RedisBuckets, RedisResponseCache, type SharedState } from "./shared-state";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { Services } from "../context/services";
import { createReferenceData, type ReferenceBounds } from "../context/reference-data";

/** Largest request body accepted (from an API client; anonymous callers get far less: src/server/admission.ts). */
export const MAX_BODY_BYTES = ADMISSION.maxBodyBytes;

export interface GraphQLHandler {
  readonly apollo: ApolloServer<Context>;
  /** The /graphql route. */
  readonly handle: RouteHandler;
  /**
   * An operation of the service's own (an export) run through the same pipeline for the request's caller (admission,
   * cost and rate limit, deadline, log line), its answer handed to `write` instead of being sent.
   */
  readonly run: (req: http.IncomingMessage, res: http.ServerResponse, request: IncomingRequest, own: OwnOperation) => Promise<void>;
  /** Requests answered from a prepared query, without Apollo's request pipeline (tests). */
  readonly preparedAnswers: () => number;
}

export interface OwnOperation {
  body: { query: string; variables?: Record<string, unknown>; operationName?: string };
  write(status: number, json: string): Promise<void>;
}

export interface GraphQLHandlerOptions {
  config: Pick<Config, "introspection" | "environment">;
  operating: OperatingConfig;
  services: Services;
  /** The services anonymous requests use: on the read replica when there is one (they never read their own writes). */
  publicServices?: Services;
  metrics: Metrics;
  logger: Logger;
  clock?: () => number;
  /** Milliseconds since the epoch, for the response cache's entries (tests pass a clock they move themselves). */
  wallClock?: () => number;
  /** Redis, when REDIS_URL is set: the rate-limit buckets and the response cache are kept there, shared by every process. */
  shared?: SharedState | null;
  /**
   * Answer anonymous queries Apollo has already answered from their prepared form, without Apollo's request pipeline
   * (src/server/prepared-queries.ts). Default true; tests turn it off to compare both paths' answers.
   */
  preparedQueries?: boolean;
}

/**
 * The GraphQL request pipeline: admission (the caller's bucket), the body, Apollo (parse, validate, price, execute), the
 * request deadline, and the request's log line and metrics once answered.
 */
export async function createGraphQLHandler(options: GraphQLHandlerOptions): Promise<GraphQLHandler> {
  const { config, operating, services, metrics, logger, clock, wallClock, shared } = options;
  const publicServices = options.publicServices ?? services;
  const inProcessBuckets = operating.rateLimit ? new LeakyBuckets(operating.rateLimit, clock) : null;
  const buckets =
    shared && operating.rateLimit && inProcessBuckets ? new RedisBuckets(shared, operating.rateLimit, inProcessBuckets, metrics) : inProcessBuckets;
  const responseCache = operating.responseCache
    ? new ResponseCache({
        maxBytes: operating.responseCache.maxBytes,
        store: shared ? new RedisResponseCache(shared, new InMemoryLRUCache<string>({ maxSize: operating.responseCache.maxBytes }), metrics) : undefined,
        now: wallClock ?? Date.now,
        maxWaitMs: operating.requestDeadlineMs,
      })
    : null;
  // Anonymous readers only: they may already hold these tables' data for as long (src/context/reference-data.ts).
  const bound = (type: keyof ReferenceBounds) => PUBLIC_MAX_AGE.types[type] * 1000;
  const reference = createReferenceData(publicServices, wallClock ?? Date.now, {
    Agency: bound("Agency"),
    Wave: bound("Wave"),
    JobProfile: bound("JobProfile"),
    ResultArea: bound("ResultArea"),
    RequiredCompetency: bound("RequiredCompetency"),
    SalaryScale: bound("SalaryScale"),
    Place: bound("Place"),
  });
  const schema = await campaignSchema();
  const compiledQueries = compiledExecution(schema, { compile: !tracingConfigured() });
  // Without compiled queries (tracing on) there is nothing prepared to run: every request goes through Apollo.
  const prepared = options.preparedQueries !== false && !tracingConfigured() ? new PreparedQueries(compiledQueries) : null;
  let preparedAnswers = 0;
  const apollo = new ApolloServer<Context>({
    // The schema, executed by compiled queries (src/server/compiled-execution.ts).
    gateway: compiledQueries.gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // "Did you mean ...?" spells out the schema to whoever probes it; developers still get the hints locally.
    hideSchemaDetailsFromClientErrors: config.environment !== "development",
    // Shutdown is ours (src/main.ts): Apollo would otherwise re-raise the signal and kill the process mid-drain.
    stopOnTerminationSignals: false,
    // Apollo's defaults, stated because the operating notes promise them: one operation per request, and no
    // simple (CSRF-able) request may run an operation.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: REQUEST_LIMITS.maxTokens },
    validationRules: requestLimitRules(),
    formatError: formatError(logger, { hideSuggestions: config.environment !== "development" }),
    plugins: [
      // No Apollo landing page (Sandbox loads its code from Apollo's hosts): the bundled explorer at /explorer/ serves.
      ApolloServerPluginLandingPageDisabled(),
      observePlugin(metrics, operating.responseCache !== null),
      contentLanguagePlugin(),
      databaseUnavailablePlugin(),
      ...cachePlugins(),
      // Before the operation is priced or run: a NUL or a lone surrogate in any string argument is BAD_USER_INPUT.
      inputStringsPlugin(),
      // After the response caches: an answer from one costs no more than reading the request did.
      costAndRateLimitPlugin({ maxQueryCost: operating.maxQueryCost, buckets, metrics }),
      // After the price: a cached introspection answer (about 100 KB to write) pays it like a fresh one, so the cache
      // spares the CPU without making the largest answer the cheapest one to ask for.
      introspectionCachePlugin(),
      ...(prepared ? [prepared.plugin()] : []),
    ],
  });
  await apollo.start();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, { scope, started, search }: IncomingRequest, own?: OwnOperation): Promise<void> {
    res.once("close", () => logRequest(res, scope, started));
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    if (own) headers.set("content-type", "application/json");
    // Who is asking, before anything else: a bad key is answered by Apollo (401) through the context below, and charged
    // to its address.
    const caller = await identifyCaller(services.viewers, headers.get("authorization"), scope.clientAddress ?? "unknown");
    const bucket = bucketKeyOf(caller.viewer, caller.address);
    if (!(await admit(req, res, scope, bucket, ADMISSION.arrivalPoints))) return;

    // An answer the client cannot read is refused before the operation runs (Apollo would run it, then answer 406).
    // The media type of the answer, as Apollo would choose it (negotiated once: the prepared answers below use it).
    const mediaType = own ? null : answerMediaType(headers.get("accept"));
    if (!own && mediaType === null) {
      scope.outcome = "bad_request";
      return sendJson(res, 406, {
        errors: [
          {
            message: "The Accept header allows no answer in application/json or application/graphql-response+json; nothing was run.",
            extensions: { code: "BAD_REQUEST", reason: "NOT_ACCEPTABLE" },
          },
        ],
      });
    }
    // Reading the body is priced by its size and nesting, before it is parsed into objects.
    const limit = maxBodyBytes(caller.viewer?.kind === "client");
    const body = !own && req.method === "POST" ? await readBody(req, limit) : null;
    if (typeof body === "object" && body !== null) {
      await buckets?.pourUpTo(bucket, bodyPoints(body.declared, 0));
      scope.outcome = "payload_too_large";
      // The rest of the upload is not worth reading: answer, then close the connection.
      res.setHeader("connection", "close");
      return sendJson(res, 413, { errors: [{ message: "Request body too large.", extensions: { code: PAYLOAD_TOO_LARGE } }] });
    }
    // A GET carries its variables and extensions as JSON in the query string (its document is not JSON).
    const params = body === null ? new URLSearchParams(search) : null;
    const text = body ?? `[${params!.get("variables") ?? ""},${params!.get("extensions") ?? ""}]`;
    const depth = jsonDepth(text);
    if (!(await admit(req, res, scope, bucket, bodyPoints(Buffer.byteLength(body ?? search), depth)))) return;
    if (depth > ADMISSION.maxJsonDepth) {
      scope.outcome = "bad_request";
      return sendJson(res, 400, { errors: [{ message: "The request nests JSON too deeply.", extensions: { code: "BAD_REQUEST", reason: "MAX_JSON_DEPTH" } }] });
    }
    const language = languageFromAcceptLanguage(headers.get("accept-language"));

    // The deadline runs from the request's arrival. Past it the client gets 503 and the request's remaining statements
    // are refused (src/db/query-instrumentation.ts); those already running end by the database's statement timeout.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), Math.max(0, operating.requestDeadlineMs - (performance.now() - started)));
    });
    // An anonymous read may be answered from the response cache here, before anything is parsed
    // (src/server/response-cache.ts); a miss leads the computation of its answer, which ends in write() or release().
    const cacheKey =
      responseCache && !own && caller.viewer?.kind === "anonymous" && !headers.has("authorization")
        ? responseCache.key({ method: (req.method ?? "GET").toUpperCase(), search, body, headers, language })
        : null;
    let written = false;
    try {
      if (responseCache && cacheKey !== null) {
        const cached = await Promise.race([responseCache.read(cacheKey), deadline]);
        if (cached === "deadline") return deadlineExceeded(res, scope);
        if (cached) {
          metrics.responseCacheResult(true);
          scope.operationName = cached.operationName ?? undefined;
          scope.outcome = "success";
          responseCache.send(res, cached);
          edgeHeaders(res, scope);
          res.end(cached.body);
          return;
        }
      }
      let parsedBody: unknown = own ? own.body : body;
      if (body !== null && (headers.get("content-type") ?? "").toLowerCase().includes("json")) {
        try {
          parsedBody = body.length ? JSON.parse(body) : {};
        } catch {
          scope.outcome = "bad_request";
          return sendJson(res, 400, { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
        }
      }

      // An anonymous query Apollo already answered: answered here, unless a check would make Apollo answer otherwise.
      let preparedContext: Context | undefined;
      const preparedQuery = prepared && !own ? preparedFor(req, headers, caller.viewer, parsedBody) : undefined;
      if (preparedQuery) {
        const outcome = await Promise.race([answerPrepared(preparedQuery, parsedBody as PreparedBody, mediaType!, scope, caller.viewer!, language), deadline]);
        if (outcome === "deadline") return deadlineExceeded(res, scope);
        if ("response" in outcome) {
          preparedAnswers++;
          if (responseCache && cacheKey !== null) {
            written = true;
            responseCache.write(cacheKey, 200, outcome.response, scope.operationName ?? null).catch((error: unknown) => {
              logger.warn("response cache write failed", describeError(error));
            });
          }
          for (const [name, value] of outcome.response.headers) res.setHeader(name, value);
          edgeHeaders(res, scope);
          res.statusCode = 200;
          res.end(outcome.body);
          return;
        }
        preparedContext = outcome.context;
      }

      const request: HTTPGraphQLRequest = own
        ? { method: "POST", headers, search: "", body: parsedBody }
        : { method: (req.method ?? "GET").toUpperCase(), headers, search, body: parsedBody };
      const execution = apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: async () => {
          if (preparedContext) return preparedContext;
          if (!caller.viewer) throw asClientError(caller.refusal);
          const anonymous = caller.viewer.kind === "anonymous";
          return buildContext(anonymous ? publicServices : services, logger, scope.requestId, caller.viewer, language, anonymous ? reference : null);
        },
      });

      const response = await Promise.race([execution, deadline]);
      if (response === "deadline") return deadlineExceeded(res, scope);

      if (own) {
        let json = response.body.kind === "complete" ? response.body.string : "";
        if (response.body.kind === "chunked") for await (const chunk of response.body.asyncIterator) json += chunk;
        const retryAfter = response.headers.get("retry-after");
        if (retryAfter) res.setHeader("retry-after", retryAfter);
        return own.write(response.status ?? 200, json);
      }
      if (responseCache && cacheKey !== null) {
        // Readers waiting for this answer get it at once; the store's own write (Redis) goes on after it is sent.
        written = true;
        responseCache.write(cacheKey, response.status ?? 200, response, scope.operationName ?? null).catch((error: unknown) => {
          logger.warn("response cache write failed", describeError(error));
        });
      }
      for (const [name, value] of response.headers) res.setHeader(name, value);
      edgeHeaders(res, scope);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === "complete") {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } finally {
      clearTimeout(timer);
      if (responseCache && cacheKey !== null && !written) responseCache.release();
    }
  }

  /**
   * The prepared query for a request, when the request is one Apollo would take through the same steps: anonymous (no
   * Authorization header at all), a POST of JSON (which passes Apollo's CSRF check), and a body holding only `query`,
   * `variables` (an object, or null or absent) and `operationName` (a string, or null or absent).
   */
  function preparedFor(req: http.IncomingMessage, headers: HeaderMap, viewer: Context["viewer"] | null, body: unknown): PreparedQuery | undefined {
    if (viewer?.kind !== "anonymous" || headers.has("authorization") || req.method !== "POST") return undefined;
    const contentType = headers.get("content-type");
    if (!contentType || contentType.split(";")[0].trim().toLowerCase() !== "application/json") return undefined;
    if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
    const { query, variables, operationName } = body as Record<string, unknown>;
    if (typeof query !== "string") return undefined;
    if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) return undefined;
    if (operationName != null && typeof operationName !== "string") return undefined;
    for (const key in body) if (key !== "query" && key !== "variables" && key !== "operationName") return undefined;
    return prepared!.get(query, operationName);
  }

  /**
   * Runs a prepared query as Apollo's pipeline would, with the same checks in the same order (the plugins'), and
   * answers as Apollo would: same status, headers and body. Whenever one of the checks would make Apollo answer
   * otherwise (a bad string, a price over the maximum, a full bucket, variables that do not coerce), nothing is
   * charged and Apollo answers instead; when the result holds an error (a database fault, the deadline), it goes to
   * Apollo as it is, already run and charged, so that Apollo words and sets the answer (context and result handed
   * over: src/server/compiled-execution.ts's `precomputed`, src/server/plugins/rate-limit.ts's `chargedRequests`).
   */
  async function answerPrepared(
    query: PreparedQuery,
    body: PreparedBody,
    mediaType: string,
    scope: IncomingRequest["scope"],
    viewer: Context["viewer"],
    language: Context["language"],
  ): Promise<{ response: HTTPGraphQLResponse; body: string } | { context?: Context }> {
    const variables = body.variables ?? undefined;
    const coerced = coercedVariables(schema, query.operation, variables);
    if ("errors" in coerced && coerced.errors) return {};
    if (query.badLiterals || holdsBadString(variables)) return {};
    const cost = operationCost(schema, query.document, query.operation, variables);
    if (cost > operating.maxQueryCost) return {};
    if (buckets) {
      const poured = await buckets.pour(bucketKeyOf(viewer, scope.clientAddress), Math.max(0, cost - ADMISSION.arrivalPoints));
      if (!poured.ok) return {};
    }
    metrics.observeCost(cost);
    const context = buildContext(publicServices, logger, scope.requestId, viewer, language, reference);
    const result = await query.compiled.query(undefined, context, variables ?? {});
    if (!("data" in result) || result.errors) {
      chargedRequests.add(scope);
      compiledQueries.precomputed.set(scope, result);
      return { context };
    }
    const { contentLanguage, fallbacks } = servedLanguage(context);
    const extensions = fallbacks ? { ...result.extensions, languageFallbacks: fallbacks } : result.extensions;
    // Apollo's headers, in the order it sets them; its body: errors, data, extensions, then a newline.
    const responseHeaders = new HeaderMap([
      ["content-language", contentLanguage],
      ["cache-control", cacheControl(query.maxAge)],
      ["content-type", mediaType],
    ]);
    const json = JSON.stringify({ data: result.data, extensions }) + "\n";
    scope.operationName = query.operationName;
    scope.outcome = "success";
    if (operating.responseCache !== null) metrics.responseCacheResult(false);
    return { response: { status: 200, headers: responseHeaders, body: { kind: "complete", string: json } }, body: json };
  }

  /** Headers every GraphQL answer carries, computed or cached. */
  function edgeHeaders(res: http.ServerResponse, scope: IncomingRequest["scope"]): void {
    // Answers differ by language and by negotiated media type: a shared cache must keep one copy per combination.
    // Appended: a CORS answer already varies by Origin.
    res.appendHeader("vary", "accept, accept-language");
    if (config.environment !== "production") res.setHeader("x-sql-statements", String(scope.statements));
  }

  function deadlineExceeded(res: http.ServerResponse, scope: IncomingRequest["scope"]): void {
    scope.abandoned = true;
    scope.outcome = "deadline_exceeded";
    logger.warn("request deadline exceeded", { deadlineMs: operating.requestDeadlineMs });
    sendJson(res, 503, { errors: [{ message: DEADLINE_MESSAGE, extensions: { code: DEADLINE_EXCEEDED, requestId: scope.requestId } }] });
  }

  const refusals = new RefusalPacer();

  /**
   * Pours `points` into the caller's bucket; when they do not fit, answers 429 RATE_LIMITED without reading the body, and
   * false. An anonymous caller's refusal is held back first, paced per address (src/server/refusal-pacing.ts): no CPU
   * is spent meanwhile, and a client sending as fast as it can on as many connections as it likes gets a few answers a
   * second instead of thousands.
   */
  async function admit(req: http.IncomingMessage, res: http.ServerResponse, scope: IncomingRequest["scope"], key: BucketKey, points: number): Promise<boolean> {
    if (!buckets || points <= 0) return true;
    const admitted = await buckets.pour(key, points);
    if (admitted.ok) return true;
    scope.outcome = "rate_limited";
    metrics.rateLimited(key.kind);
    res.setHeader("retry-after", String(admitted.retryAfterSeconds));
    // Whatever of the body is still coming is not read: the connection closes after the answer.
    res.setHeader("connection", "close");
    if (key.kind === "anonymous") {
      const holdMs = refusals.hold(key.id, performance.now(), admitted.retryAfterSeconds * 1000);
      if (holdMs === null) {
        req.socket.destroy();
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      refusals.release(key.id);
    }
    if (!res.destroyed) sendJson(res, 429, { errors: [rateLimitedError(admitted.retryAfterSeconds)] });
    return false;
  }

  /** One log line and the GraphQL metrics per request, once its answer is sent. */
  function logRequest(res: http.ServerResponse, scope: IncomingRequest["scope"], started: number): void {
    const seconds = (performance.now() - started) / 1000;
    const operation = metrics.operationLabel(scope.operationName);
    const outcome = scope.outcome ?? (res.statusCode < 400 ? "success" : res.statusCode < 500 ? "bad_request" : "internal_server_error");
    metrics.graphqlRequest(operation, outcome, seconds);
    runInRequestScope(scope, () =>
      logger.info("graphql request", {
        operation,
        outcome,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1000),
        statements: scope.statements,
        databaseMs: Math.round((scope.databaseSeconds ?? 0) * 1000),
      }),
    );
  }

  return { apollo, handle, run: handle, preparedAnswers: () => preparedAnswers };
}

interface PreparedBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * The body as text, or what was declared (or received) when it is over `limit`: a declared Content-Length over it is
 * refused before reading; a chunked upload is cut off at the limit.
 */
async function readBody(req: http.IncomingMessage, limit: number): Promise<string | { declared: number }> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return { declared: Math.min(declared, ADMISSION.maxBodyBytes) };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return { declared: size };
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
