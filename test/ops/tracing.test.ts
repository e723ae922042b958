import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { tracingConfigured } from "../../src/ops/tracing";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/test-database";

const MAIN = path.join(__dirname, "../../dist/src/main.js");

describe("tracing is off unless an OTLP endpoint is configured", () => {
  test.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "" }, false],
  ])("%j: %p", (env, on) => {
    expect(tracingConfigured(env)).toBe(on);
  });
});

interface Span {
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** An OTLP/HTTP receiver in this process: it keeps every export's raw body and its spans. */
async function startReceiver() {
  const bodies: string[] = [];
  const spans: (Span & { scope: string })[] = [];
  let arrived: () => void = () => {};
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      bodies.push(body);
      if (request.url === "/v1/traces") {
        const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { scope: { name: string }; spans: Span[] }[] }[] };
        for (const resource of parsed.resourceSpans)
          for (const scope of resource.scopeSpans) for (const span of scope.spans) spans.push({ ...span, scope: scope.scope.name });
        arrived();
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    spans,
    /** Resolves once a span satisfying the test has arrived (the test's timeout bounds the wait). */
    async until(found: () => boolean): Promise<void> {
      while (!found()) await new Promise<void>((resolve) => (arrived = resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attribute = (span: Span, key: string) => span.attributes.find((a) => a.key === key)?.value;

describe("with OTEL_EXPORTER_OTLP_ENDPOINT set, the service's spans reach the OTLP receiver", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let database: TestDatabase | null = null;
  let child: ChildProcess;
  let base = "";

  beforeAll(async () => {
    receiver = await startReceiver();
    database = onPostgres ? await createTestDatabase({ migrate: false }) : null;
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? "",
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        RATE_LIMIT_ENABLED: "false",
        RESPONSE_CACHE_ENABLED: "false",
        ...(database?.url ? { DATABASE_URL: database.url } : { PGLITE_DIR: "memory://" }),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: "50",
        OTEL_SERVICE_NAME: "campaign-api-test",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    base = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /GraphQL API ready at http:\/\/localhost:(\d+)\/graphql/.exec(output);
        if (ready) resolve(`http://127.0.0.1:${ready[1]}`);
      });
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => reject(new Error(`the service exited (${code}) before it was ready: ${output}`)));
    });
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await receiver.close();
    await database?.drop();
  });

  test("an HTTP server span and a GraphQL span per request (and node-postgres statements on PostgreSQL), nothing personal", async () => {
    const marker = "Griselda-Vanderlogboek";
    const query = encodeURIComponent(`query Campaign($q: String) { campaign { name } vacancies(filter: { search: $q }) { totalCount } }`);
    const variables = encodeURIComponent(JSON.stringify({ q: marker }));
    const response = await fetch(`${base}/graphql?query=${query}&variables=${variables}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(200);

    const server = () => receiver.spans.find((s) => s.kind === 2 && s.scope === "@opentelemetry/instrumentation-http" && s.name.startsWith("GET"));
    const graphql = () =>
      receiver.spans.find((s) => s.scope === "@opentelemetry/instrumentation-graphql" && attribute(s, "graphql.operation.name")?.stringValue === "Campaign");
    const pg = () => receiver.spans.find((s) => s.scope === "@opentelemetry/instrumentation-pg");
    await receiver.until(() => Boolean(server() && graphql() && (!onPostgres || pg())));

    expect(attribute(graphql()!, "graphql.operation.type")).toEqual({ stringValue: "query" });
    if (onPostgres) expect(attribute(pg()!, "db.system") ?? attribute(pg()!, "db.system.name")).toEqual({ stringValue: "postgresql" });
    // The GET's variables never leave the service: not in the URL attributes, not in the GraphQL document.
    expect(receiver.bodies.some((body) => body.includes(marker))).toBe(false);
  });
});
