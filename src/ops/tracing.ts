import type { IncomingMessage } from "node:http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { GraphQLInstrumentation } from "@opentelemetry/instrumentation-graphql";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { NodeSDK } from "@opentelemetry/sdk-node";

/**
 * OpenTelemetry tracing, off unless an OTLP endpoint is configured with the SDK's own variables
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_SDK_DISABLED=true turns it off again).
 * Spans of HTTP requests, GraphQL operations and PostgreSQL statements (node-postgres) go to that endpoint over OTLP/HTTP.
 * No personal data: URLs without their query string (a GET's query and variables), GraphQL documents with their literal
 * values masked and no variables, SQL statements without their parameters.
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== "true";
}

export interface Tracing {
  /** Sends the spans still buffered and stops tracing. */
  shutdown(): Promise<void>;
}

export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing | null {
  if (!tracingConfigured(env)) return null;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? "asylum-migration-recruitment-api",
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        // The path alone: a GET /graphql carries the operation and its variables in the query string.
        requestHook: (span, request) => {
          const url = (request as IncomingMessage).url;
          if (url !== undefined) {
            const path = url.split("?")[0];
            span.setAttribute("http.target", path);
            span.setAttribute("url.path", path);
            span.setAttribute("url.query", "");
          }
        },
        redactedQueryParams: ["query", "variables", "extensions", "operationName"],
      }),
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  return sdk;
}
