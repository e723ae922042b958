import { sql } from "drizzle-orm";
import { selectRows, type Db, type Executor } from "../db/client";

/** Advisory lock held by the one sequencer transaction running at a time, across every process on the database. */
const SEQUENCER_LOCK_KEY = 7_000_2022;
/** Events given positions per transaction: bounds its length under a burst. */
const BATCH = 5_000;

/** Runs inside the sequencing transaction with the positions it just gave out (the webhook fan-out). */
export type SequencedListener = (tx: Executor, range: { from: number; to: number }) => Promise<void>;

/**
 * The feed's order. Writers insert events with no position; this gives positions, in id order, to every event whose
 * transaction has committed, one sequencing transaction at a time (an advisory lock). Hence:
 * - a reader following `position > cursor` never skips one: an event whose transaction commits late (after events with
 *   higher ids became visible) is not yet visible to the sequencer either, so it gets a position after all those given
 *   out so far, and the lock is released only after the positions it covers are visible (PostgreSQL releases a
 *   transaction's locks after its commit becomes visible), so the next run's positions are always higher;
 * - the order respects every order that matters: an event recorded after another transaction committed (under the row
 *   lock that transaction held, say) has a higher id, so it comes later whether sequenced in the same run or a later one.
 * Writers never wait for each other on this; the cost is one update per event, after commit, off the request path.
 * On PGlite (one connection) the same code runs and the lock is always free.
 */
export class Sequencer {
  private readonly listeners: SequencedListener[] = [];

  constructor(private readonly db: Db) {}

  onSequenced(listener: SequencedListener): void {
    this.listeners.push(listener);
  }

  /** One run: positions for up to BATCH committed events. Returns how many got one (0 when another run holds the lock). */
  async run(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await selectRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK_KEY}) as locked`);
      if (!locked) return 0;
      // A statement of its own after the lock, so its snapshot sees every earlier run's positions. Each event is updated
      // where the search found it (its ctid: no second probe of the primary key); no one else updates events, and the
      // lock keeps other runs out, so the row is still there (its id is checked all the same).
      const [range] = await selectRows<{ from: string | null; to: string | null; n: number }>(
        tx,
        sql`with base as (select coalesce(max(position), 0) as top from events),
                 todo as (select ctid as tid, id, row_number() over (order by id) as n from events where position is null order by id limit ${BATCH}),
                 done as (update events e set position = base.top + todo.n, sequenced_at = clock_timestamp() from base, todo
                          where e.ctid = todo.tid and e.id = todo.id returning e.position)
            select min(position)::text as "from", max(position)::text as "to", count(*)::int as n from done`,
      );
      if (range.n === 0) return 0;
      for (const listener of this.listeners) await listener(tx, { from: Number(range.from), to: Number(range.to) });
      return range.n;
    });
  }

  /** Runs until nothing is left to sequence or another process is at it. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.run();
      total += n;
      if (n < BATCH) return total;
    }
  }

  /** Whether some committed event still waits for its position (one probe of a partial index). */
  async pending(executor: Executor = this.db): Promise<boolean> {
    const [row] = await selectRows<{ pending: boolean }>(executor, sql`select exists (select 1 from events where position is null) as pending`);
    return row.pending;
  }
}
