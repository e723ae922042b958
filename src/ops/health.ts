import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { unavailableReason } from "../db/faults";

/** How long /readyz waits for `select 1` before calling the database unreachable. */
export const READINESS_TIMEOUT_MS = 2_000;

export type Readiness = { ready: true } | { ready: false; reason: "draining" | "database unreachable" | "database busy" };

/**
 * Ready means: not shutting down, and the database answers `select 1` in time. A load balancer stops sending traffic to
 * a process that is not ready; the process itself keeps running (that is what /livez is for).
 */
export async function checkReadiness(database: Database, draining: boolean): Promise<Readiness> {
  if (draining) return { ready: false, reason: "draining" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
  });
  try {
    const answered = await Promise.race([database.db.execute(sql`select 1`).then(() => true), timeout]);
    return answered ? { ready: true } : { ready: false, reason: "database unreachable" };
  } catch (error) {
    // An exhausted pool is not a dead database: say which, so the operator looks in the right place.
    return { ready: false, reason: unavailableReason(error) === "DATABASE_BUSY" ? "database busy" : "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
