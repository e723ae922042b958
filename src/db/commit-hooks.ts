import { AsyncLocalStorage } from "node:async_hooks";
import type { SQL } from "drizzle-orm";
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

/** The statements each open top-level transaction runs last (atCommit). */
const lastStatements = new WeakMap<object, SQL[]>();

/**
 * Runs a statement last in `tx`: after everything else the transaction does, the commit hook's audit line included.
 * For statements on rows every writer shares (the campaign's counters, src/applications/stage-moves.ts): from the
 * moment such a statement locks its rows to the commit, every other writer waits, so nothing else may run in between,
 * and on PostgreSQL they travel in one round trip with the COMMIT (src/db/client.ts), so the locks are never held
 * while this process's busy event loop gets round to sending the next statement. In call order. Outside a top-level
 * transaction (on the database, or in a savepoint that may still roll back on its own) it runs at once.
 */
export async function atCommit(tx: Executor, statement: SQL): Promise<void> {
  const pending = lastStatements.get(tx);
  if (pending) pending.push(statement);
  else await tx.execute(statement);
}

/** The statements `tx` still has to run last, handed over once (the driver sends them with its COMMIT). */
export function takeLastStatements(tx: object): SQL[] {
  const pending = lastStatements.get(tx) ?? [];
  lastStatements.set(tx, []);
  return pending;
}

/**
 * Wraps db.transaction (either driver) so that the current commit hook, if any, runs inside each transaction, and
 * then the statements deferred with atCommit: here, unless `sentWithCommit` (the node-postgres driver sends them in
 * one round trip with its COMMIT).
 */
export function installCommitHooks(db: Db, options: { sentWithCommit: boolean }): void {
  const original = db.transaction.bind(db) as (fn: (tx: Executor) => Promise<unknown>, config?: Parameters<Db["transaction"]>[1]) => Promise<unknown>;
  db.transaction = (async (fn: (tx: Executor) => Promise<unknown>, config?: Parameters<Db["transaction"]>[1]) => {
    const hook = storage.getStore();
    const result = await original(async (tx) => {
      lastStatements.set(tx, []);
      const value = await fn(tx);
      if (hook) await hook.beforeCommit(tx, value);
      if (!options.sentWithCommit) for (const statement of takeLastStatements(tx)) await tx.execute(statement);
      return value;
    }, config);
    hook?.committed();
    return result;
  }) as Db["transaction"];
}
