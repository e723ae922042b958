import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { ApolloServer } from "@apollo/server";
import type { Logger } from "../common/logger";
import { defaultOperatingConfig, type Config, type OperatingConfig, type WebConfig, type WebhookConfig } from "../config";
import type { Database } from "../db/client";
import { checkReadiness } from "../ops/health";
import { createMetricsServer, Metrics } from "../ops/metrics";
import type { Context } from "../context/context";
import { corsHook, NO_CORS } from "./cors";
import { createGraphQLHandler } from "./graphql-handler";
import { createHttpServer, sendJson, type RequestHook, type RouteHandler } from "./http-server";
import { Lifecycle, type ShutdownTiming } from "./lifecycle";
import { reportExportRoute } from "./report-export-route";
import { createStaticFiles } from "./static-files";
import { createServices, type Services } from "../context/services";
import type { SharedState } from "./shared-state";

export { MAX_BODY_BYTES } from "./graphql-handler";

export interface App {
  readonly server: http.Server;
  readonly apollo: ApolloServer<Context>;
  readonly services: Services;
  readonly metrics: Metrics;
  /** Requests answered from a prepared query, without Apollo's request pipeline (src/server/prepared-queries.ts). */
  preparedAnswers(): number;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Serves GET /metrics (Prometheus) on a listener of its own: operators keep that port inside their network. */
  listenMetrics(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Graceful stop: /readyz turns 503 and every answer closes its connection; after `drainDelayMs` no new connections
   * are accepted and idle ones close; requests still in flight get until `graceMs` after the call to finish (then their
   * connections are cut); Apollo stops. The database is the caller's to close.
   */
  shutdown(timing?: ShutdownTiming): Promise<void>;
  /** shutdown() without the grace period, for tests. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** `operating` defaults to defaultOperatingConfig (src/config.ts) when absent. */
  config: Pick<Config, "adminApiKey" | "introspection" | "environment"> & {
    personKeySecret?: string | null;
    operating?: OperatingConfig;
    webhooks?: Pick<WebhookConfig, "allowedNetworks">;
    web?: Partial<WebConfig>;
  };
  database: Database;
  logger: Logger;
  /** The clock the services read "today" from (tests inject one). */
  now?: () => Date;
  /** Milliseconds on a monotonic clock, for the rate limiter's buckets (tests pass one they move themselves). */
  clock?: () => number;
  /** Milliseconds since the epoch, for the response cache's freshness (tests pass one they move themselves). */
  wallClock?: () => number;
  /** A read replica (DATABASE_READ_URL): anonymous requests and dashboards read it. The caller opens and closes it. */
  readDatabase?: Database | null;
  /** Redis (REDIS_URL), for rate limits and the response cache shared by every process. The caller opens and closes it. */
  shared?: SharedState | null;
  /** Answer repeated anonymous queries without Apollo's pipeline (default true; tests compare with it off). */
  preparedQueries?: boolean;
}

/**
 * The service, assembled: the plain services around the database, the GraphQL handler, the operational endpoints and
 * the web pages, on one HTTP server (src/server/http-server.ts), with its lifecycle (src/server/lifecycle.ts).
 */
export async function createApp({ config, database, logger, now, clock, wallClock, readDatabase, shared, preparedQueries }: AppOptions): Promise<App> {
  const operating = config.operating ?? defaultOperatingConfig;
  const serviceOptions = {
    adminApiKey: config.adminApiKey,
    now,
    webhookAllowedNetworks: config.webhooks?.allowedNetworks,
    readDb: readDatabase?.db,
    personKeySecret: config.personKeySecret,
    dashboardCaching: operating.dashboardCache ? { maxAgeMs: operating.dashboardCache.maxAgeMs, clock } : null,
  };
  const services = createServices(database.db, serviceOptions);
  // Anonymous requests write nothing, so none of their reads must see a write of their own: they may lag with the replica.
  const publicServices = readDatabase ? createServices(readDatabase.db, serviceOptions) : services;
  const staticFiles = createStaticFiles();
  const metrics = new Metrics(database);
  const lifecycle = new Lifecycle(logger);
  const graphql = await createGraphQLHandler({
    config,
    operating,
    services,
    publicServices,
    metrics,
    logger,
    clock,
    wallClock,
    shared,
    preparedQueries,
  });

  // Every endpoint by its exact path; anything else goes to the web pages, then 404.
  const routes = new Map<string, RouteHandler>([
    ["/graphql", graphql.handle],
    ["/export/dashboard.csv", reportExportRoute(graphql, services.dashboard, "csv")],
    ["/export/dashboard.xlsx", reportExportRoute(graphql, services.dashboard, "xlsx")],
    ["/livez", (_req, res) => sendJson(res, 200, { status: "ok" })],
    [
      "/readyz",
      async (_req, res) => {
        const readiness = await checkReadiness(database, lifecycle.draining);
        sendJson(res, readiness.ready ? 200 : 503, readiness.ready ? { status: "ready" } : { status: "not ready", reason: readiness.reason });
      },
    ],
  ]);
  // Run on every request before its route, in order (response headers for every answer, such as CORS; a hook may answer
  // the request itself, as a preflight is answered).
  const explorer = config.web?.explorer ?? config.environment === "development";
  const hooks: RequestHook[] = [
    corsHook({ origins: config.web?.corsOrigins ?? NO_CORS.origins, maxAgeSeconds: config.web?.corsMaxAgeSeconds ?? NO_CORS.maxAgeSeconds }),
    // A browser opening the endpoint gets the explorer, when it is served.
    (req, res, request) => {
      if (!explorer || request.path !== "/graphql" || req.method !== "GET" || request.search || !(req.headers.accept ?? "").includes("text/html")) return false;
      res.writeHead(302, { location: "/explorer/" }).end();
      return true;
    },
  ];
  const server = createHttpServer({
    operating,
    logger,
    metrics,
    lifecycle,
    routes,
    hooks,
    fallback: (req, res, request) =>
      (explorer || !(request.path === "/explorer" || request.path.startsWith("/explorer/"))) &&
      staticFiles.serve(req, res, new URL(req.url ?? "/", "http://localhost").pathname),
  });

  const metricsServer = createMetricsServer(metrics);

  async function shutdown(timing: ShutdownTiming = { drainDelayMs: operating.shutdownDrainDelayMs, graceMs: operating.shutdownGraceMs }): Promise<void> {
    if (!(await lifecycle.drain(server, timing))) return;
    if (metricsServer.listening) await closeServer(metricsServer);
    await graphql.apollo.stop();
    metrics.close();
  }

  return {
    server,
    apollo: graphql.apollo,
    services,
    metrics,
    preparedAnswers: graphql.preparedAnswers,
    listen: (port, host) => listen(server, port, host),
    listenMetrics: (port, host) => listen(metricsServer, port, host),
    shutdown,
    close: () => shutdown({ drainDelayMs: 0, graceMs: 0 }),
  };
}

function listen(server: http.Server, port: number, host?: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
