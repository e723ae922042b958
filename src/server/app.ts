import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { languageFromAcceptLanguage } from "../common/language";
import type { Logger } from "../common/logger";
import { currentRequestScope, runInRequestScope, type RequestScope } from "../common/request-scope";
import type { Config } from "../config";
import type { Database } from "../db/client";
import { buildContext, type Context } from "./context";
import { formatError } from "./format-error";
import { campaignSchema } from "./schema";
import { createServices, type Services } from "./services";

/** Largest request body accepted: a 500-application batch fits with room to spare. */
export const MAX_BODY_BYTES = 1_048_576;

export interface App {
  readonly server: http.Server;
  readonly apollo: ApolloServer<Context>;
  readonly services: Services;
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Pick<Config, "adminApiKey" | "introspection" | "environment">;
  database: Database;
  logger: Logger;
}

export async function createApp({ config, database, logger }: AppOptions): Promise<App> {
  const services = createServices(database.db, { adminApiKey: config.adminApiKey });
  const apollo = new ApolloServer<Context>({
    schema: await campaignSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (src/main.ts): Apollo would otherwise re-raise the signal and kill the process mid-drain.
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
    plugins: config.environment === "production" ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  const server = http.createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    runInRequestScope({ requestId, statements: 0 }, () =>
      route(req, res).catch((error: unknown) => {
        logger.error("request failed outside GraphQL", { errorName: (error as Error)?.name });
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] });
        else res.destroy();
      }),
    );
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    switch (url.pathname) {
      case "/graphql":
        return graphql(req, res, url);
      case "/livez":
        return sendJson(res, 200, { status: "ok" });
      case "/readyz":
        return sendJson(res, 200, { status: "ready" });
      default:
        return sendJson(res, 404, { error: "Not found. The GraphQL endpoint is /graphql." });
    }
  }

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const body = req.method === "POST" ? await readBody(req) : null;
    if (body === TOO_LARGE) return sendJson(res, 413, { errors: [{ message: "Request body too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsedBody: unknown = body;
    if (body !== null && (headers.get("content-type") ?? "").toLowerCase().includes("json")) {
      try {
        parsedBody = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
      }
    }

    const request: HTTPGraphQLRequest = { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body: parsedBody };
    const scope = currentRequestScope() as RequestScope;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () => {
        const viewer = await services.viewers.fromAuthorization(headers.get("authorization"));
        return buildContext(services, scope.requestId, viewer, languageFromAcceptLanguage(headers.get("accept-language")));
      },
    });

    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (config.environment !== "production") res.setHeader("x-sql-statements", String(scope.statements));
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    server,
    apollo,
    services,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
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

/** A caller's own request id if it looks like one (so traces join up), otherwise a new one. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}
