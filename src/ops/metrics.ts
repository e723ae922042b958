import http from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { observeQueries, queriesInFlight } from "../db/query-instrumentation";

/** Error codes that become outcome labels as they are; any other code is counted as "other_error". */
const KNOWN_OUTCOMES = new Set([
  "success",
  "bad_user_input",
  "unauthenticated",
  "forbidden",
  "rate_limited",
  "service_unavailable",
  "internal_server_error",
  "deadline_exceeded",
  "graphql_parse_failed",
  "graphql_validation_failed",
  "operation_resolution_failure",
  "persisted_query_not_found",
  "persisted_query_not_supported",
  "bad_request",
  "payload_too_large",
]);

/** Operation names are chosen by clients: past this many distinct ones, new names are counted as "other". */
const MAX_OPERATION_NAMES = 200;

/**
 * The service's Prometheus metrics, in a registry of its own (GET /metrics). Labels are bounded: operation names are
 * capped, outcomes are a fixed set, and nothing about the caller (key, address) becomes a label.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly graphqlRequests: Counter<"operation" | "outcome">;
  private readonly graphqlDuration: Histogram<"operation">;
  private readonly httpRequests: Counter<"route" | "status">;
  private readonly httpInFlight: Gauge;
  private readonly queryCost: Histogram;
  private readonly rateLimitedTotal: Counter<"caller">;
  private readonly responseCache: Counter<"result">;
  private readonly sharedStateFallbacks: Counter<"what">;
  private readonly dbQueries: Counter<"outcome">;
  private readonly dbDuration: Histogram;
  private readonly stopObservingQueries: () => void;

  constructor(database: { driver: string; poolSize: number }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.graphqlRequests = new Counter({
      name: "graphql_requests_total",
      help: "GraphQL requests by operation name and outcome (success, or the first error code in lower case).",
      labelNames: ["operation", "outcome"],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time from a GraphQL request's arrival to its answer, by operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.httpRequests = new Counter({
      name: "http_requests_total",
      help: "HTTP requests by route and status code.",
      labelNames: ["route", "status"],
      registers,
    });
    this.httpInFlight = new Gauge({ name: "http_requests_in_flight", help: "HTTP requests being handled now.", registers });
    this.queryCost = new Histogram({
      name: "graphql_operation_cost",
      help: "Computed cost of each operation, in rate-limit points.",
      buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
      registers,
    });
    this.rateLimitedTotal = new Counter({
      name: "graphql_rate_limited_total",
      help: "Operations refused with RATE_LIMITED, by kind of caller (client or anonymous).",
      labelNames: ["caller"],
      registers,
    });
    this.sharedStateFallbacks = new Counter({
      name: "shared_state_fallback_total",
      help: "Rate-limit pours (what=rate_limit) and response-cache reads or writes (what=response_cache) done in this process because Redis did not answer.",
      labelNames: ["what"],
      registers,
    });
    this.responseCache = new Counter({
      name: "graphql_response_cache_total",
      help: "Anonymous queries answered from the response cache (hit) or executed (miss).",
      labelNames: ["result"],
      registers,
    });
    this.dbQueries = new Counter({ name: "db_queries_total", help: "SQL statements run, by outcome (ok or error).", labelNames: ["outcome"], registers });
    this.dbDuration = new Histogram({
      name: "db_query_duration_seconds",
      help: "Time each SQL statement took, including the wait for a pool connection.",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    const poolSize = new Gauge({ name: "db_pool_max_connections", help: "Connections the database pool may open.", labelNames: ["driver"], registers });
    poolSize.set({ driver: database.driver }, database.poolSize);
    new Gauge({
      name: "db_queries_in_flight",
      help: "SQL statements waiting on the database now; above db_pool_max_connections, requests queue for a connection.",
      registers,
      collect() {
        this.set(queriesInFlight());
      },
    });
    this.stopObservingQueries = observeQueries(({ seconds, ok }) => {
      this.dbQueries.inc({ outcome: ok ? "ok" : "error" });
      this.dbDuration.observe(seconds);
    });
  }

  /** An operation name as a label: the name itself while the set of names stays small. */
  operationLabel(name: string | null | undefined): string {
    if (name === undefined) return "unknown";
    if (name === null || name === "") return "anonymous";
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return "other";
    this.operationNames.add(name);
    return name;
  }

  graphqlRequest(operation: string, outcome: string, seconds: number): void {
    const label = KNOWN_OUTCOMES.has(outcome) ? outcome : "other_error";
    this.graphqlRequests.inc({ operation, outcome: label });
    this.graphqlDuration.observe({ operation }, seconds);
  }

  httpRequest(route: string, status: number): void {
    this.httpRequests.inc({ route, status: String(status) });
  }

  requestStarted(): () => void {
    this.httpInFlight.inc();
    return () => this.httpInFlight.dec();
  }

  observeCost(cost: number): void {
    this.queryCost.observe(cost);
  }

  rateLimited(caller: "client" | "anonymous"): void {
    this.rateLimitedTotal.inc({ caller });
  }

  sharedStateFallback(what: "rate_limit" | "response_cache"): void {
    this.sharedStateFallbacks.inc({ what });
  }

  responseCacheResult(hit: boolean): void {
    this.responseCache.inc({ result: hit ? "hit" : "miss" });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  close(): void {
    this.stopObservingQueries();
    this.registry.clear();
  }
}

/**
 * The metrics listener (METRICS_PORT): GET /metrics and nothing else. Kept off the public port, where anyone could read
 * the service's load, error rates and operation names.
 */
export function createMetricsServer(metrics: Metrics): http.Server {
  return http.createServer((req, res) => {
    if ((req.method === "GET" || req.method === "HEAD") && (req.url ?? "").split("?")[0] === "/metrics") {
      metrics.render().then(
        ({ contentType, body }) => {
          res.statusCode = 200;
          res.setHeader("content-type", contentType);
          res.end(req.method === "HEAD" ? undefined : body);
        },
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
      return;
    }
    res.statusCode = 404;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("Not found. Metrics are at /metrics.\n");
  });
}
