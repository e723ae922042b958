import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { Viewer } from "../auth/viewer";
import { languageFromAcceptLanguage } from "../common/language";
import type { Logger } from "../common/logger";
import { runInRequestScope, type RequestScope } from "../common/request-scope";
import { defaultOperatingConfig, type Config, type OperatingConfig } from "../config";
import type { Database } from "../db/client";
import { checkReadiness } from "../ops/health";
import { Metrics } from "../ops/metrics";
import { buildContext, type Context } from "../context/context";
import { DEADLINE_EXCEEDED, DEADLINE_MESSAGE, formatError, PAYLOAD_TOO_LARGE } from "./format-error";
import { cachePlugins } from "./plugins/cache-policy";
import { observePlugin } from "./plugins/observe";
import { ADMISSION_POINTS, bucketKeyOf, costAndRateLimitPlugin, LeakyBuckets, rateLimitedError } from "./plugins/rate-limit";
import { REQUEST_LIMITS, requestLimitRules } from "./plugins/request-limits";
import { campaignSchema } from "./schema";
import { createStaticFiles } from "./static-files";
import { createServices, type Services } from "../context/services";

/** Largest request body accepted: a 500-application batch fits with room to spare. */
export const MAX_BODY_BYTES = 1_048_576;

export interface App {
  readonly server: http.Server;
  readonly apollo: ApolloServer<Context>;
  readonly services: Services;
  readonly metrics: Metrics;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Graceful stop: /readyz turns 503 and every answer closes its connection; after `drainDelayMs` no new connections
   * are accepted and idle ones close; requests still in flight get until `graceMs` after the call to finish (then their
   * connections are cut); Apollo stops. The database is the caller's to close.
   */
  shutdown(timing?: { drainDelayMs: number; graceMs: number }): Promise<void>;
  /** shutdown() without the grace period, for tests. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** `operating` defaults to defaultOperatingConfig (src/config.ts) when absent. */
  config: Pick<Config, "adminApiKey" | "introspection" | "environment"> & { operating?: OperatingConfig };
  database: Database;
  logger: Logger;
  /** The clock the services read "today" from (tests inject one). */
  now?: () => Date;
}

export async function createApp({ config, database, logger, now }: AppOptions): Promise<App> {
  const operating = config.operating ?? defaultOperatingConfig;
  const services = createServices(database.db, { adminApiKey: config.adminApiKey, now });
  const staticFiles = createStaticFiles();
  const metrics = new Metrics(database);
  const buckets = operating.rateLimit ? new LeakyBuckets(operating.rateLimit) : null;
  const apollo = new ApolloServer<Context>({
    schema: await campaignSchema(),
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
      // Apollo's Sandbox page (HTML, scripts from Apollo's CDN) is a development convenience: elsewhere a GET from a
      // browser gets a GraphQL answer like any other client.
      ...(config.environment === "development" ? [] : [ApolloServerPluginLandingPageDisabled()]),
      observePlugin(metrics, operating.responseCache !== null),
      ...cachePlugins(operating.responseCache),
      // After the response cache: an answer from the cache costs no more than its admission point.
      costAndRateLimitPlugin({ maxQueryCost: operating.maxQueryCost, buckets, metrics }),
    ],
  });
  await apollo.start();

  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;

  const server = http.createServer(
    {
      // Node's own limits on receiving a request (slow headers or body): answered with 408 by Node itself.
      requestTimeout: operating.requestDeadlineMs,
      headersTimeout: Math.min(operating.requestDeadlineMs, 60_000),
      connectionsCheckingInterval: Math.min(1_000, operating.requestDeadlineMs),
      // Idle keep-alive connections stay open longer than a load balancer's idle timeout (60 s on the common ones), so it
      // is always the client side that closes them: a server closing first races the client's next request (ECONNRESET).
      keepAliveTimeout: 65_000,
    },
    (req, res) => {
      const started = performance.now();
      const requestId = requestIdOf(req);
      const scope: RequestScope = { requestId, statements: 0, clientAddress: clientAddressOf(req, operating.trustProxyHops) };
      const route = routeOf(req.url);
      const finished = metrics.requestStarted();
      inFlight++;
      res.setHeader("x-request-id", requestId);
      if (draining) res.setHeader("connection", "close");
      res.once("close", () => {
        finished();
        inFlight--;
        if (inFlight === 0) idle?.();
        const seconds = (performance.now() - started) / 1000;
        metrics.httpRequest(route, res.statusCode);
        if (route !== "/graphql") return;
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
      });
      runInRequestScope(scope, () =>
        handle(req, res, route, scope, started).catch((error: unknown) => {
          logger.error("request failed outside GraphQL", { errorName: (error as Error)?.name });
          if (!res.headersSent)
            sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] });
          else res.destroy();
        }),
      );
    },
  );

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, route: string, scope: RequestScope, started: number): Promise<void> {
    switch (route) {
      case "/graphql":
        return graphql(req, res, scope, started);
      case "/livez":
        return sendJson(res, 200, { status: "ok" });
      case "/readyz": {
        const readiness = await checkReadiness(database, draining);
        return sendJson(res, readiness.ready ? 200 : 503, readiness.ready ? { status: "ready" } : { status: "not ready", reason: readiness.reason });
      }
      case "/metrics": {
        const { contentType, body } = await metrics.render();
        res.statusCode = 200;
        res.setHeader("content-type", contentType);
        res.end(body);
        return;
      }
      default:
        if (staticFiles.serve(req, res, new URL(req.url ?? "/", "http://localhost").pathname)) return;
        return sendJson(res, 404, { error: "Not found. The GraphQL endpoint is /graphql." });
    }
  }

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, scope: RequestScope, started: number): Promise<void> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    // Who is asking, before anything else: a bad key is answered by Apollo (401) through the context below.
    let viewer: Viewer | null = null;
    let viewerError: unknown = null;
    try {
      viewer = await services.viewers.fromAuthorization(headers.get("authorization"));
    } catch (error) {
      viewerError = error;
    }
    if (buckets) {
      const admitted = buckets.pour(bucketKeyOf(viewer, scope.clientAddress), ADMISSION_POINTS);
      if (!admitted.ok) {
        req.resume();
        scope.outcome = "rate_limited";
        metrics.rateLimited(viewer?.kind === "client" ? "client" : "anonymous");
        res.setHeader("retry-after", String(admitted.retryAfterSeconds));
        return sendJson(res, 429, { errors: [rateLimitedError(admitted.retryAfterSeconds)] });
      }
    }

    const body = req.method === "POST" ? await readBody(req) : null;
    if (body === TOO_LARGE) {
      scope.outcome = "payload_too_large";
      // The rest of the upload is not worth reading: answer, then close the connection.
      res.setHeader("connection", "close");
      return sendJson(res, 413, { errors: [{ message: "Request body too large.", extensions: { code: PAYLOAD_TOO_LARGE } }] });
    }
    let parsedBody: unknown = body;
    if (body !== null && (headers.get("content-type") ?? "").toLowerCase().includes("json")) {
      try {
        parsedBody = body.length ? JSON.parse(body) : {};
      } catch {
        scope.outcome = "bad_request";
        return sendJson(res, 400, { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
      }
    }

    const url = new URL(req.url ?? "/", "http://localhost");
    const request: HTTPGraphQLRequest = { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body: parsedBody };
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () => {
        if (viewerError) throw viewerError;
        return buildContext(services, logger, scope.requestId, viewer as Viewer, languageFromAcceptLanguage(headers.get("accept-language")));
      },
    });

    // The deadline runs from the request's arrival. Past it the client gets 503 and the request's remaining statements
    // are refused (src/db/query-instrumentation.ts); those already running end by the database's statement timeout.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), Math.max(0, operating.requestDeadlineMs - (performance.now() - started)));
    });
    const response = await Promise.race([execution, deadline]).finally(() => clearTimeout(timer));
    if (response === "deadline") {
      scope.abandoned = true;
      scope.outcome = "deadline_exceeded";
      logger.warn("request deadline exceeded", { deadlineMs: operating.requestDeadlineMs });
      return sendJson(res, 503, { errors: [{ message: DEADLINE_MESSAGE, extensions: { code: DEADLINE_EXCEEDED, requestId: scope.requestId } }] });
    }

    for (const [name, value] of response.headers) res.setHeader(name, value);
    // Answers differ by language and by negotiated media type: a shared cache must keep one copy per combination.
    res.setHeader("vary", "accept, accept-language");
    if (config.environment !== "production") res.setHeader("x-sql-statements", String(scope.statements));
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function shutdown(timing = { drainDelayMs: operating.shutdownDrainDelayMs, graceMs: operating.shutdownGraceMs }): Promise<void> {
    if (draining) return;
    draining = true;
    const cutOffAt = performance.now() + timing.graceMs;
    if (timing.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(timing.drainDelayMs, timing.graceMs)));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (idle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, cutOffAt - performance.now())))),
      ]);
      clearTimeout(timer);
      if (inFlight > 0) logger.warn("shutdown grace period over, cutting requests still in flight", { inFlight });
    }
    server.closeAllConnections();
    await closed;
    await apollo.stop();
    metrics.close();
  }

  return {
    server,
    apollo,
    services,
    metrics,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    shutdown,
    close: () => shutdown({ drainDelayMs: 0, graceMs: 0 }),
  };
}

const TOO_LARGE = Symbol("too large");

async function readBody(req: http.IncomingMessage): Promise<string | typeof TOO_LARGE> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return TOO_LARGE;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      return TOO_LARGE;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}

const ROUTES = new Set(["/graphql", "/livez", "/readyz", "/metrics"]);

/** The path as a metrics label: one of the known routes, or "other" (paths are chosen by clients). */
function routeOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0];
  return ROUTES.has(path) ? path : "other";
}

/** A caller's own request id if it looks like one (so traces join up), otherwise a new one. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}

/**
 * The caller's address: the socket's, or behind `hops` trusted reverse proxies, the address the outermost of them saw
 * (X-Forwarded-For entries further left were written by the client and prove nothing).
 */
export function clientAddressOf(req: http.IncomingMessage, hops: number): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  if (hops === 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - hops)];
}
