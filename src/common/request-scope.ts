import { AsyncLocalStorage } from "node:async_hooks";

/** What one request carries through every await: its id for the logs and a count of the SQL statements it issued. */
export interface RequestScope {
  requestId: string;
  /** The caller's own X-Request-Id, when it sent a well-formed one (logged beside the request id, never instead of it). */
  correlationId?: string;
  statements: number;
  /** Seconds spent waiting on the database, summed over the request's statements. */
  databaseSeconds?: number;
  /** The caller's network address (for the anonymous rate limit; never logged). */
  clientAddress?: string;
  /** Set once the request's deadline has passed: its remaining statements are refused rather than run for nobody. */
  abandoned?: boolean;
  /** The GraphQL operation's name (null when unnamed, absent when the document never resolved), for metrics and logs. */
  operationName?: string | null;
  /** "success" or the first error code in lower case, for metrics and logs. */
  outcome?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
