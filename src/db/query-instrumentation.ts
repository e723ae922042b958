import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { currentRequestScope } from "../common/request-scope";
import { asDatabaseFault } from "./faults";

/** What one statement took, reported to every listener (the metrics of each running app). */
export interface QueryObservation {
  seconds: number;
  ok: boolean;
}

type Listener = (observation: QueryObservation) => void;

const listeners = new Set<Listener>();
let inFlight = 0;
let installed = false;

/** Statements currently waiting on the database: above the pool size means requests queue for a connection. */
export function queriesInFlight(): number {
  return inFlight;
}

/**
 * Times every statement drizzle runs, on either driver, by wrapping PgPreparedQuery.queryWithCache: the one method both
 * the PGlite and the node-postgres prepared queries run their statement through (drizzle-orm is pinned, and a test fails
 * if the method disappears). drizzle's logger hook only fires before a statement, so it cannot time one.
 *
 * It also refuses statements of a request whose deadline has passed: nobody waits for their answer any more, and turns
 * the errors of a database that is away (restarting, unreachable, pool exhausted) into DatabaseUnavailableError
 * (src/db/faults.ts), which clients get as a retryable SERVICE_UNAVAILABLE.
 * Returns a function that removes the listener.
 */
export function observeQueries(listener: Listener): () => void {
  install();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export class RequestAbandonedError extends Error {
  constructor() {
    super("the request's deadline has passed; statement not run");
    this.name = "RequestAbandonedError";
  }
}

/** Installs the wrapper (idempotent); openDatabase calls it, so faults are classified even without metrics. */
export function install(): void {
  if (installed) return;
  const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache?: (...args: unknown[]) => Promise<unknown> };
  const original = prototype.queryWithCache;
  if (typeof original !== "function") throw new Error("drizzle-orm changed: PgPreparedQuery.queryWithCache is gone; update src/db/query-instrumentation.ts");
  installed = true;
  prototype.queryWithCache = async function timedQuery(this: unknown, ...args: unknown[]) {
    const scope = currentRequestScope();
    if (scope?.abandoned) throw new RequestAbandonedError();
    const started = performance.now();
    inFlight++;
    let ok = false;
    try {
      const result = await original.apply(this, args);
      ok = true;
      return result;
    } catch (error) {
      throw asDatabaseFault(error);
    } finally {
      inFlight--;
      const seconds = (performance.now() - started) / 1000;
      if (scope) scope.databaseSeconds = (scope.databaseSeconds ?? 0) + seconds;
      for (const listener of listeners) listener({ seconds, ok });
    }
  };
}
