import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "../../src/common/logger";
import { loadConfig } from "../../src/config";
import type { Database } from "../../src/db/client";
import { createApp } from "../../src/server/app";
import { WebhookWorker } from "../../src/webhooks/webhook-worker";

export interface RunningServer {
  /** The endpoint to POST to. */
  url: string;
  close(): Promise<void>;
}

export interface RunningService extends RunningServer {
  /** Starts the webhook worker main.ts runs in the service (stopped again by close). */
  startWebhookWorker(): void;
}

export interface ServiceOptions {
  /** The in-process cache of anonymous responses, on as deployed; off to measure what the resolvers and SQL cost. */
  responseCache: boolean;
  /** The dashboard's figures shared for DASHBOARD_CACHE_S (default: on, as deployed); off to measure computing them. */
  dashboardCache?: boolean;
  /** Webhook receivers' ranges allowed although private (WEBHOOK_ALLOWED_NETWORKS). */
  webhookAllowedNetworks?: string;
}

/**
 * The real service, in this process, on the given database: createApp as main.ts builds it, listening on a free port.
 * Configured the way an operator does, through the environment loadConfig reads, with two departures:
 * - rate limiting off: the load comes from one address, which the limiter would rightly throttle, and capacity is the point;
 * - environment "development", only so the service reports its SQL statements per request (x-sql-statements); run.ts
 *   sets NODE_ENV=production, so graphql-js itself runs as in production. Logging at "warn": no line per request.
 */
export async function startService(database: Database, options: ServiceOptions): Promise<RunningService> {
  const config = loadConfig({
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    GRAPHQL_INTROSPECTION: "false",
    RATE_LIMIT_ENABLED: "false",
    RESPONSE_CACHE_ENABLED: options.responseCache ? "true" : "false",
    ...(options.dashboardCache === false ? { DASHBOARD_CACHE_S: "0" } : {}),
    WEBHOOK_ALLOWED_NETWORKS: options.webhookAllowedNetworks ?? "",
  });
  const logger = createLogger("warn");
  const app = await createApp({ config, database, logger });
  const address = await app.listen(0, "127.0.0.1");
  let worker: WebhookWorker | null = null;
  return {
    url: `http://127.0.0.1:${address.port}/graphql`,
    startWebhookWorker() {
      worker ??= new WebhookWorker(database.db, app.services.sequencer, { ...config.webhooks, logger });
      worker.start();
    },
    close: async () => {
      await Promise.all([app.close(), worker?.stop(1_000)]);
    },
  };
}

/**
 * A bare node:http JSON endpoint around a handler: what serving hand-written SQL over HTTP costs without GraphQL.
 * POST a JSON body, get the handler's result as JSON.
 */
export async function startJsonServer(handler: (body: unknown) => Promise<unknown>): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 400, { error: "body is not JSON" });
      }
      handler(body).then(
        (result) => send(res, 200, result),
        (error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : String(error) }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}

/** One JSON POST for set-up and checks (not measured). */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
