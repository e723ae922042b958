import { AsyncLocalStorage } from "node:async_hooks";

/** What one request carries through every await: its id for the logs and a count of the SQL statements it issued. */
export interface RequestScope {
  requestId: string;
  statements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
