import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { readableBy } from "../events/audience";

/** next_attempt_at of a delivery not yet attempted: before any clock's "now", so due whatever the worker's clock says. */
export const DUE_AT_ONCE = "1970-01-01T00:00:00Z";

/**
 * Runs in the sequencer's transaction (src/events/sequencer.ts) for the positions it just gave out: one delivery per
 * event and active endpoint whose owner may read it (the feed's own rule) and wants its type, numbered consecutively per
 * endpoint in feed order. One statement; revoked clients' endpoints get nothing. A new delivery is due at once by any
 * worker's clock (DUE_AT_ONCE).
 */
export async function fanOut(tx: Executor, range: { from: number; to: number }): Promise<void> {
  const readable = readableBy(sql.raw("ep.role::text"), sql.raw("ep.agency_code"), { audience: sql.raw("s.audience"), agencyCode: sql.raw("s.agency_code") });
  await tx.execute(sql`
    with matched as (
      select ep.id as endpoint_id, ep.last_sequence, s.id as event_id, s.position, s.subject, s.recorded_at,
             row_number() over (partition by ep.id order by s.position) as n
      from events s
      join webhook_endpoints ep on ep.status = 'ACTIVE' and (ep.event_types is null or s.type = any (ep.event_types)) and ${readable}
      join api_clients c on c.id = ep.client_id and c.revoked_at is null
      where s.position between ${range.from} and ${range.to}
    ),
    created as (
      insert into webhook_deliveries (endpoint_id, event_id, position, subject, sequence, next_attempt_at)
      select endpoint_id, event_id, position, subject, last_sequence + n, ${DUE_AT_ONCE}::timestamptz from matched
    )
    update webhook_endpoints ep set last_sequence = ep.last_sequence + c.n
    from (select endpoint_id, count(*) as n from matched group by endpoint_id) c
    where ep.id = c.endpoint_id`);
}
