import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Logger } from "../common/logger";
import { runInRequestScope, type RequestScope } from "../common/request-scope";
import type { OperatingConfig } from "../config";
import type { Metrics } from "../ops/metrics";
import { clientAddressOf } from "./caller";
import type { Lifecycle } from "./lifecycle";

/**
 * HTTP plumbing: one node:http server, a request scope per request (request id, caller's address, SQL statement count),
 * hooks every request passes first (response headers such as CORS, or answering a preflight), then the route for its
 * path, else the fallback (static pages, then 404). Knows nothing of GraphQL.
 */

/** What a route gets besides Node's request and response. */
export interface IncomingRequest {
  readonly scope: RequestScope;
  /** performance.now() at arrival: deadlines run from here. */
  readonly started: number;
  /** The request target's path, as sent (not decoded or normalised). */
  readonly path: string;
  /** Its query string: "" or "?...". */
  readonly search: string;
}

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, request: IncomingRequest) => Promise<void> | void;

/**
 * Runs on every request, in order, before its route: may set response headers, or answer the request itself and return
 * true (no later hook or route then runs).
 */
export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse, request: IncomingRequest) => boolean | Promise<boolean>;

export interface HttpServerOptions {
  operating: Pick<OperatingConfig, "requestDeadlineMs" | "trustProxyHops">;
  logger: Logger;
  metrics: Metrics;
  lifecycle: Lifecycle;
  /** Handlers by exact path ("/graphql", "/livez", ...): a new endpoint is one more entry. */
  routes: ReadonlyMap<string, RouteHandler>;
  hooks?: readonly RequestHook[];
  /** Paths no route claims; answers 404 when it does not answer. */
  fallback?: (req: http.IncomingMessage, res: http.ServerResponse, request: IncomingRequest) => boolean;
}

export function createHttpServer({ operating, logger, metrics, lifecycle, routes, hooks = [], fallback }: HttpServerOptions): http.Server {
  return http.createServer(
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
      // The server names its requests; a caller's own id is kept beside it, to find its requests in our logs.
      const requestId = randomUUID();
      const correlationId = correlationIdOf(req);
      const scope: RequestScope = {
        requestId,
        ...(correlationId ? { correlationId } : {}),
        statements: 0,
        clientAddress: clientAddressOf(req, operating.trustProxyHops),
      };
      const { path, search } = splitTarget(req.url ?? "/");
      const route = routes.has(path) ? path : "other";
      const finished = metrics.requestStarted();
      lifecycle.track(res);
      res.setHeader("x-request-id", requestId);
      if (lifecycle.draining) res.setHeader("connection", "close");
      res.once("close", () => {
        finished();
        metrics.httpRequest(route, res.statusCode);
      });
      const request: IncomingRequest = { scope, started, path, search };
      void runInRequestScope(scope, () =>
        dispatch(req, res, request).catch((error: unknown) => {
          logger.error("request failed outside GraphQL", { errorName: (error as Error)?.name });
          if (!res.headersSent)
            sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] });
          else res.destroy();
        }),
      );
    },
  );

  async function dispatch(req: http.IncomingMessage, res: http.ServerResponse, request: IncomingRequest): Promise<void> {
    for (const hook of hooks) if (await hook(req, res, request)) return;
    const handler = routes.get(request.path);
    if (handler) return handler(req, res, request);
    if (fallback?.(req, res, request)) return;
    sendJson(res, 404, { error: "Not found. The GraphQL endpoint is /graphql." });
  }
}

export function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}

/** The request target's path, as sent, and its query ("" or "?..."); no URL parser reinterprets either. */
function splitTarget(target: string): { path: string; search: string } {
  const query = target.indexOf("?");
  return query < 0 ? { path: target, search: "" } : { path: target.slice(0, query), search: target.slice(query) };
}

/**
 * The caller's own X-Request-Id, when it looks like one (8 to 64 of A-Z a-z 0-9 . _ -): logged as `correlationId` beside
 * the server's request id so a caller's traces join ours. It is never the request id itself: a caller could otherwise
 * reuse another's id, or one id for every request, and muddle the logs and the audit log.
 */
export function correlationIdOf(req: Pick<http.IncomingMessage, "headers">): string | null {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : null;
}
