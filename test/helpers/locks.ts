import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../src/db/client";
import { queriesInFlight } from "../../src/db/query-instrumentation";
import { onPostgres } from "./test-database";

export interface HeldLock {
  /** Ends the holding transaction and resolves once it has. */
  release(): Promise<void>;
}

/**
 * Holds an exclusive lock on a table until released (on PGlite, which runs one statement at a time, the open
 * transaction alone makes every other statement wait). Resolves once the lock is held.
 */
export async function holdTableLock(db: Db, table: string): Promise<HeldLock> {
  let locked!: () => void;
  let let_go!: () => void;
  const taken = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (let_go = resolve));
  const held = db.transaction(async (tx) => {
    if (onPostgres) await tx.execute(sql.raw(`lock table ${table} in access exclusive mode`));
    else await tx.execute(sql`select 1`);
    locked();
    await released;
  });
  await Promise.race([taken, held]);
  return {
    release: async () => {
      let_go();
      await held;
    },
  };
}

/**
 * Resolves once another statement waits behind a held lock on the table: on PostgreSQL a lock on it not granted yet
 * (pg_locks); on PGlite any statement in flight (it can only be waiting for the holding transaction). Polls the
 * condition; the test's own timeout bounds the wait.
 */
export async function waitUntilBlockedOn(db: Db, table: string): Promise<void> {
  for (;;) {
    if (onPostgres) {
      const [row] = await selectRows<{ waiting: number }>(
        db,
        sql`select count(*)::int as waiting from pg_locks l join pg_class c on c.oid = l.relation where c.relname = ${table} and not l.granted`,
      );
      if (row.waiting > 0) return;
    } else if (queriesInFlight() > 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
