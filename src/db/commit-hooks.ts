import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Executor } from "./client";

/**
 * Work that must commit together with whatever a request changes: the audit line (src/audit/audit.middleware.ts).
 * While a hook is installed for the current async context, every top-level transaction calls `beforeCommit` with its
 * own result as its last statement, and `committed` once its commit has succeeded. A transaction that rolls back
 * takes the hook's writes with it.
 */
export interface CommitHook {
  beforeCommit(tx: Executor, result: unknown): Promise<void>;
  committed(): void;
}

const storage = new AsyncLocalStorage<CommitHook | null>();

export function withCommitHook<T>(hook: CommitHook, fn: () => T): T {
  return storage.run(hook, fn);
}

/** Wraps db.transaction (either driver) so that the current commit hook, if any, runs inside each transaction. */
export function installCommitHooks(db: Db): void {
  const original = db.transaction.bind(db) as (fn: (tx: Executor) => Promise<unknown>, config?: Parameters<Db["transaction"]>[1]) => Promise<unknown>;
  db.transaction = (async (fn: (tx: Executor) => Promise<unknown>, config?: Parameters<Db["transaction"]>[1]) => {
    const hook = storage.getStore();
    if (!hook) return original(fn, config);
    const result = await original(async (tx) => {
      const value = await fn(tx);
      await hook.beforeCommit(tx, value);
      return value;
    }, config);
    hook.committed();
    return result;
  }) as Db["transaction"];
}
