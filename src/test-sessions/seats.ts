import { eq, sql } from "drizzle-orm";
import { selectRows, type Executor } from "../db/client";
import { testSessions, type StageValue } from "../db/tables";

/**
 * An applicant who leaves the pipeline (REJECTED, WITHDRAWN) gives back a seat in a session that has not started.
 * Every move path of the pipeline calls it in the moves' transaction (src/applications/pipeline.service.ts).
 */
export async function releaseSeatsOfLeavers(tx: Executor, moves: readonly { applicationId: number; toStage: StageValue }[]): Promise<void> {
  const leaving = moves.filter((m) => m.toStage === "REJECTED" || m.toStage === "WITHDRAWN").map((m) => m.applicationId);
  if (leaving.length) await releaseSeats(tx, leaving);
}

/** Frees the open seats of these applications in sessions that have not started. */
async function releaseSeats(tx: Executor, applicationKeys: number[]): Promise<void> {
  const released = await selectRows<{ session_id: number }>(
    tx,
    sql`update bookings b set status = 'CANCELLED', updated_at = now()
        from test_sessions s
        where b.session_id = s.id and b.application_id in ${sql.raw(`(${applicationKeys.map(Number).join(",")})`)} and b.status = 'BOOKED' and s.starts_at > now()
        returning b.session_id`,
  );
  for (const { session_id } of released) {
    await tx
      .update(testSessions)
      .set({ seatsTaken: sql`${testSessions.seatsTaken} - 1`, updatedAt: sql`now()` })
      .where(eq(testSessions.id, session_id));
  }
}
