import { createLogger } from "../../src/common/logger";
import { Metrics } from "../../src/ops/metrics";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { rawRequest } from "./http";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: TestServer;
let base: string;
const lines: string[] = [];
beforeAll(async () => {
  server = await startTestServer({ logger: createLogger("info", (line) => lines.push(line)) });
  base = server.url.replace("/graphql", "");
});
afterAll(() => server.close());

describe("health", () => {
  test("/livez: the process is up", async () => {
    const response = await rawRequest(`${base}/livez`, { method: "GET" });
    expect([response.status, response.json()]).toEqual([200, { status: "ok" }]);
  });

  test("/readyz: the database answers select 1", async () => {
    const response = await rawRequest(`${base}/readyz`, { method: "GET" });
    expect([response.status, response.json()]).toEqual([200, { status: "ready" }]);
  });
});

describe("/metrics, on a port of its own", () => {
  let text: string;
  let metricsBase: string;
  beforeAll(async () => {
    const address = await server.app.listenMetrics(0, "127.0.0.1");
    metricsBase = `http://127.0.0.1:${address.port}`;
    for (let i = 0; i < 2; i++) await server.gql(`query Agencies { agencies { code } }`);
    await server.gql(`query Broken { agencies { nope } }`);
    await server.gql(`{ vacancies(first: 500) { totalCount } }`);
    const response = await rawRequest(`${metricsBase}/metrics`, { method: "GET" });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
    text = response.text;
  });

  const value = (series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(series + " "));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  test("the public port does not serve them, the metrics port serves nothing else", async () => {
    const publicAnswer = await rawRequest(`${base}/metrics`, { method: "GET" });
    expect([publicAnswer.status, publicAnswer.json()]).toEqual([404, { error: "Not found. The GraphQL endpoint is /graphql." }]);
    const elsewhere = await rawRequest(`${metricsBase}/graphql`, { method: "GET" });
    expect([elsewhere.status, elsewhere.text]).toEqual([404, "Not found. Metrics are at /metrics.\n"]);
  });

  test("requests by operation name and outcome", () => {
    expect(value('graphql_requests_total{operation="Agencies",outcome="success"}')).toBe(2);
    // A document that fails validation never resolves to an operation.
    expect(value('graphql_requests_total{operation="unknown",outcome="graphql_validation_failed"}')).toBe(1);
    expect(value('graphql_requests_total{operation="anonymous",outcome="bad_user_input"}')).toBe(1);
    expect(value('http_requests_total{route="/graphql",status="200"}')).toBe(3);
    expect(value('http_requests_total{route="/graphql",status="400"}')).toBe(1);
  });

  test("a latency histogram per operation", () => {
    expect(value('graphql_request_duration_seconds_count{operation="Agencies"}')).toBe(2);
    expect(value('graphql_request_duration_seconds_bucket{le="10",operation="Agencies"}')).toBe(2);
    expect(value('graphql_request_duration_seconds_bucket{le="+Inf",operation="Agencies"}')).toBe(2);
  });

  test("operation cost, database pool and statement timing", () => {
    expect(value("graphql_operation_cost_count")).toBe(3);
    expect(value("db_pool_max_connections" + (onPostgres ? '{driver="postgres"}' : '{driver="pglite"}'))).toBe(onPostgres ? 10 : 1);
    expect(value("db_queries_in_flight")).toBe(0);
    expect(value('db_queries_total{outcome="ok"}')).toBeGreaterThanOrEqual(3);
    expect(value("db_query_duration_seconds_count")).toBeGreaterThanOrEqual(3);
    expect(value("process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  test("operation names are capped, so clients cannot blow up the label set", () => {
    const metrics = new Metrics({ driver: "pglite", poolSize: 1 });
    try {
      const labels = Array.from({ length: 201 }, (_, i) => metrics.operationLabel(`Op${i}`));
      expect(labels[199]).toBe("Op199");
      expect(labels[200]).toBe("other");
      expect(metrics.operationLabel("Op5")).toBe("Op5");
      expect(metrics.operationLabel(null)).toBe("anonymous");
      expect(metrics.operationLabel(undefined)).toBe("unknown");
    } finally {
      metrics.close();
    }
  });
});

describe("logs", () => {
  test("one JSON line per GraphQL request, with the server's request id, the caller's as correlationId, and no personal data", async () => {
    const secret = "jan.peeters@example.be";
    const correlationId = "trace-0123456789";
    const response = await server.gql(
      `query Search($q: String) { vacancies(filter: { search: $q }) { totalCount } }`,
      { q: secret },
      { headers: { "x-request-id": correlationId } },
    );
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(UUID);
    const entries = lines.map((line) => JSON.parse(line));
    for (const entry of entries)
      expect(entry).toMatchObject({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: expect.any(String), msg: expect.any(String) });
    expect(entries.filter((entry) => entry.correlationId === correlationId)).toEqual([
      {
        time: expect.any(String),
        level: "info",
        msg: "graphql request",
        requestId,
        correlationId,
        operation: "Search",
        outcome: "success",
        status: 200,
        durationMs: expect.any(Number),
        statements: expect.any(Number),
        databaseMs: expect.any(Number),
      },
    ]);
    expect(lines.join("\n")).not.toContain(secret);
    expect(lines.join("\n")).not.toContain("127.0.0.1");
  });

  test("the server names every request itself: two requests sending the same id get two ids, and a malformed one is not logged", async () => {
    const first = await server.gql(`{ __typename }`, undefined, { headers: { "x-request-id": "same-id-for-all" } });
    const second = await server.gql(`{ __typename }`, undefined, { headers: { "x-request-id": "same-id-for-all" } });
    expect(first.headers.get("x-request-id")).toMatch(UUID);
    expect(second.headers.get("x-request-id")).toMatch(UUID);
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
    const malformed = await server.gql(`{ __typename }`, undefined, { headers: { "x-request-id": "bad id with spaces" } });
    const line = lines.map((l) => JSON.parse(l)).find((entry) => entry.requestId === malformed.headers.get("x-request-id"));
    expect(line).toMatchObject({ msg: "graphql request", status: 200 });
    expect(line).not.toHaveProperty("correlationId");
  });
});
