import { errorCodeOf, type Logger } from "../common/logger";

/**
 * The last line of defence: an exception nobody caught, or a promise rejection nobody handled. Either means some code
 * path was left half-way in a state nobody planned for (a lock not released, a counter in memory not decremented, a
 * connection in an unknown state), so the process does not carry on as if nothing happened: it logs the error as one
 * JSON line, stops taking requests, lets those in flight finish within the shutdown grace period, and exits with status
 * 1 for its supervisor to start a fresh one. Data stays consistent: every write is one transaction, and PostgreSQL rolls
 * back whatever a dying process had not committed.
 *
 * Database connection faults (a restart, a lost connection) are not among these: they are handled where they happen
 * (src/db/client.ts, src/db/faults.ts) and answered SERVICE_UNAVAILABLE; the process stays up through them.
 */
export function installFatalErrorHandlers(logger: Logger, onFatal: (kind: FatalKind) => void, target: NodeJS.EventEmitter = process): void {
  target.on("uncaughtException", (error: unknown, origin: unknown) => {
    logger.error("fatal: uncaught exception, exiting", { origin: typeof origin === "string" ? origin : undefined, ...describeCrash(error) });
    onFatal("uncaughtException");
  });
  target.on("unhandledRejection", (reason: unknown) => {
    logger.error("fatal: unhandled promise rejection, exiting", describeCrash(reason));
    onFatal("unhandledRejection");
  });
}

export type FatalKind = "uncaughtException" | "unhandledRejection";

/** A SQLSTATE: five digits or capitals (PostgreSQL's message for these can quote values from the statement). */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * What the log may hold about a crash: the error's class, code and where it was thrown (the first stack frames: file,
 * line and function names, no values). Its message too, unless it comes from the database (a SQLSTATE or a wrapped
 * driver error), whose messages can quote names or e-mail addresses.
 */
export function describeCrash(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const code = errorCodeOf(error);
  const fromDatabase = (code !== undefined && SQLSTATE.test(code)) || error.name === "DrizzleQueryError" || error.name === "DatabaseError";
  const frames = (error.stack ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .slice(0, 5)
    .map((line) => line.slice(3, 200));
  return {
    errorName: error.name,
    ...(code !== undefined ? { errorCode: code } : {}),
    ...(fromDatabase ? {} : { errorMessage: error.message.slice(0, 300) }),
    ...(frames.length ? { at: frames } : {}),
  };
}
