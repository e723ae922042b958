import { DrizzleQueryError } from "drizzle-orm/errors";
import { pino } from "pino";
import { currentRequestScope } from "./request-scope";

/**
 * JSON lines on stdout through pino, one object per event, with the request id (and the caller's correlation id) when
 * there is one. Callers pass ids and counts, never personal data: there is deliberately no way to log a request body or
 * variables, and the candidate's fields are redacted should one slip into a log call all the same.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** A candidate's personal data and an API key, by field name, at the top of a log line or one level down. */
const PERSONAL_FIELDS = ["firstName", "lastName", "email", "phone", "birthDate", "apiKey", "authorization"];
export const REDACTED = "[redacted]";

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line + "\n")): Logger {
  const log = pino(
    {
      level,
      base: undefined,
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const scope = currentRequestScope();
        return { ...(scope ? { requestId: scope.requestId } : {}), ...(scope?.correlationId ? { correlationId: scope.correlationId } : {}) };
      },
      redact: { paths: PERSONAL_FIELDS.flatMap((name) => [name, `*.${name}`]), censor: REDACTED },
    },
    // Synchronous: a line logged just before the process exits (a fatal error) is not lost.
    { write: (line: string) => write(line.endsWith("\n") ? line.slice(0, -1) : line) },
  );
  return {
    debug: (msg, fields) => log.debug(fields ?? {}, msg),
    info: (msg, fields) => log.info(fields ?? {}, msg),
    warn: (msg, fields) => log.warn(fields ?? {}, msg),
    error: (msg, fields) => log.error(fields ?? {}, msg),
  };
}

/** The `code` an error carries (a SQLSTATE, a Node system error's name), as text; undefined when it has none. */
export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" || typeof code === "number" ? String(code) : undefined;
}

/**
 * What the operator needs to find a fault, without personal data: the class and message of application errors, but for
 * database errors only the statement (parameters are never logged: they carry names and e-mail addresses) and the
 * SQLSTATE with the names of the table, column and constraint involved (PostgreSQL's message and detail can quote values).
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DrizzleQueryError) {
    const cause = error.cause as Record<string, unknown> | undefined;
    const field = (...names: string[]) => names.map((n) => cause?.[n]).find((v) => typeof v === "string" && v !== "");
    return {
      errorName: "DatabaseError",
      statement: error.query.slice(0, 500),
      ...(cause instanceof Error ? { causeName: cause.name } : {}),
      ...(field("code") ? { errorCode: field("code") } : {}),
      ...(field("table_name", "table") ? { table: field("table_name", "table") } : {}),
      ...(field("column_name", "column") ? { column: field("column_name", "column") } : {}),
      ...(field("constraint_name", "constraint") ? { constraint: field("constraint_name", "constraint") } : {}),
      // Connection-level failures (the database closed or unreachable) carry no SQLSTATE and no data: their message helps.
      ...(!field("code") && cause instanceof Error ? { causeMessage: cause.message.slice(0, 200) } : {}),
    };
  }
  if (error instanceof Error) {
    const code = errorCodeOf(error);
    // A driver error outside drizzle (SQLSTATE code) may quote values in its message: keep only its class and code.
    if (code && /^[0-9A-Z]{5}$/.test(code)) return { errorName: error.name, errorCode: code };
    return { errorName: error.name, errorMessage: error.message.slice(0, 500), ...(code ? { errorCode: code } : {}) };
  }
  return { errorName: typeof error };
}
