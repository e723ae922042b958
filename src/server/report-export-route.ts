import type { DashboardService } from "../dashboard/dashboard.service";
import { exportVariables, reportCsv, reportFileName, reportXlsx, type ExportFormat } from "../dashboard/report-export";
import { DASHBOARD_REPORT_QUERY, type DashboardReport } from "../dashboard/report-query";
import type { GraphQLHandler } from "./graphql-handler";
import { sendJson, type RouteHandler } from "./http-server";

/** A file has no partial answer: the first GraphQL error decides the status, as it would for a plain HTTP resource. */
const STATUS_OF_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * GET /export/dashboard.csv and .xlsx: the weekly report as a file (src/dashboard/report-export.ts), with the caller's
 * key and the filters in the query string. It runs the report's GraphQL operation through the /graphql pipeline (key,
 * admission, cost and rate-limit bucket, deadline), then writes the answer as CSV or XLSX.
 */
export function reportExportRoute(graphql: GraphQLHandler, dashboard: DashboardService, format: ExportFormat): RouteHandler {
  return async (req, res, request) => {
    if (req.method !== "GET") {
      res.setHeader("allow", "GET");
      return sendJson(res, 405, { errors: [{ message: "Exports are read with GET.", extensions: { code: "METHOD_NOT_ALLOWED" } }] });
    }
    const parsed = exportVariables(new URLSearchParams(request.search), dashboard.today());
    if ("error" in parsed) {
      request.scope.outcome = "bad_request";
      return sendJson(res, 400, { errors: [{ message: parsed.error, extensions: { code: "BAD_USER_INPUT" } }] });
    }
    await graphql.run(req, res, request, {
      body: { query: DASHBOARD_REPORT_QUERY, variables: { ...parsed.variables }, operationName: "TaskforceReport" },
      async write(status, json) {
        const answer = JSON.parse(json) as { data?: DashboardReport; errors?: { extensions?: { code?: string } }[] };
        if (answer.errors?.length) {
          return sendJson(res, status !== 200 ? status : (STATUS_OF_CODE[answer.errors[0].extensions?.code ?? ""] ?? 500), { errors: answer.errors });
        }
        if (!answer.data?.dashboard) return sendJson(res, 404, { errors: [{ message: "No such campaign.", extensions: { code: "NOT_FOUND" } }] });
        const file = format === "csv" ? Buffer.from(reportCsv(answer.data), "utf8") : await reportXlsx(answer.data);
        res.statusCode = 200;
        res.setHeader("content-type", format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        res.setHeader("content-disposition", `attachment; filename="${reportFileName(answer.data, format)}"`);
        res.setHeader("cache-control", "no-store");
        res.end(file);
      },
    });
  };
}
