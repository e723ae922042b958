import { errorCodeOf } from "../common/logger";
import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * Database faults a client can do nothing about but wait: the database is restarting, unreachable, or every pooled
 * connection stayed busy too long. This layer names them (DatabaseUnavailableError); the server answers them with
 * SERVICE_UNAVAILABLE, `retryable: true` and HTTP 503, quickly, instead of an internal error or a request that hangs
 * until its deadline (src/server/database-errors.ts). Retrying is safe: what was not committed was
 * rolled back by PostgreSQL, and a write whose commit may have happened before the connection dropped is found again by
 * the retry (submitApplications is idempotent on the agency's externalId; moveApplication takes an expectedVersion).
 */
export type UnavailableReason =
  /** No connection could be opened or the open one was lost: the database is down, restarting or unreachable. */
  | "DATABASE_UNREACHABLE"
  /** Every pooled connection stayed busy for DATABASE_POOL_QUEUE_TIMEOUT_MS: the service is overloaded. */
  | "DATABASE_BUSY";

const MESSAGES: Record<UnavailableReason, string> = {
  DATABASE_UNREACHABLE: "The database is unavailable right now; retry in a moment (retrying a write is safe).",
  DATABASE_BUSY: "The service is busy: no database connection became free in time; retry in a moment.",
};

/** Thrown in place of the driver's error when the database is away; `fault` is the driver's error. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    readonly fault: unknown,
  ) {
    super(MESSAGES[reason]);
    this.name = "DatabaseUnavailableError";
  }
}

/** SQLSTATE classes and codes that mean "the server is going away, coming back, or full", not "your statement is wrong". */
const UNAVAILABLE_STATES = new Set([
  "57P01", // admin_shutdown: pg_ctl stop/restart -m fast, or pg_terminate_backend
  "57P02", // crash_shutdown: another backend crashed, the server resets
  "57P03", // cannot_connect_now: the database system is starting up / shutting down / in recovery
  "57P05", // idle_session_timeout
  "53300", // too_many_connections
  "25P03", // idle_in_transaction_session_timeout
]);

/** Errors of the socket underneath (Node's errno codes). */
const NETWORK_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNABORTED",
  "ENOENT",
]);

/**
 * node-postgres reports a lost or unopenable connection with plain Errors (no code); these are its messages (pg 8.23,
 * pg-pool 3.14). "timeout exceeded when trying to connect" is pg-pool giving up on a queued request: the pool is busy.
 */
const BUSY_MESSAGE = /^timeout exceeded when trying to connect$/;
const UNREACHABLE_MESSAGES = [
  /^Connection terminated unexpectedly$/,
  /^Connection terminated due to connection timeout$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Query read timeout$/,
  /^Connection terminated$/,
];

/** Why the database is unavailable, if this error (or the driver error it wraps) says it is; null for anything else. */
export function unavailableReason(error: unknown): UnavailableReason | null {
  if (error instanceof DatabaseUnavailableError) return error.reason;
  const cause = error instanceof DrizzleQueryError ? error.cause : error;
  if (cause instanceof AggregateError) {
    // Node's happy-eyeballs connect (::1 and 127.0.0.1) fails with an AggregateError of ECONNREFUSEDs.
    return cause.errors.some((e) => unavailableReason(e) !== null) ? "DATABASE_UNREACHABLE" : null;
  }
  if (!(cause instanceof Error)) return null;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string" && (code.startsWith("08") || UNAVAILABLE_STATES.has(code) || NETWORK_ERRORS.has(code))) return "DATABASE_UNREACHABLE";
  if (code !== undefined) return null;
  if (BUSY_MESSAGE.test(cause.message)) return "DATABASE_BUSY";
  if (UNREACHABLE_MESSAGES.some((m) => m.test(cause.message))) return "DATABASE_UNREACHABLE";
  return null;
}

/** The error to throw in place of a driver's: a DatabaseUnavailableError for a database that is away, else the error itself. */
export function asDatabaseFault(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const reason = unavailableReason(error);
  return reason ? new DatabaseUnavailableError(reason, error) : error;
}

/**
 * What the log may say about a database connection fault: its class, its code, and its message only when that message
 * is the driver's or one of PostgreSQL's fixed texts for connection and shutdown errors (never a message that could
 * quote a value from a row or a parameter).
 */
export function describeConnectionFault(error: unknown): Record<string, unknown> {
  const cause = error instanceof DatabaseUnavailableError ? error.fault : error;
  const inner = cause instanceof DrizzleQueryError ? cause.cause : cause;
  if (inner instanceof AggregateError && inner.errors.length > 0) return describeConnectionFault(inner.errors[0]);
  if (!(inner instanceof Error)) return { errorName: typeof inner };
  const code = errorCodeOf(inner);
  const quotable = code === undefined || NETWORK_ERRORS.has(code) || code.startsWith("08") || UNAVAILABLE_STATES.has(code);
  return {
    errorName: inner.name,
    ...(code !== undefined ? { errorCode: code } : {}),
    ...(quotable ? { errorMessage: inner.message.slice(0, 200) } : {}),
  };
}
