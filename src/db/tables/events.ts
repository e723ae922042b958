import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { agencyCodeEnum } from "./enums";

/** Who may read an event (src/events/audience.ts has the rule). */
export const eventAudienceEnum = pgEnum("event_audience", ["PERSONAL", "INTERNAL", "PUBLIC"]);

/**
 * The outbox: one row per change another system may care about, written in the change's own transaction. `position`
 * is the feed's order, given after commit by the sequencer (src/events/sequencer.ts): null until then.
 */
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    position: bigint("position", { mode: "number" }),
    type: text("type").notNull(),
    /** What the event is about ("Application:12"): deliveries of one subject go out in order. */
    subject: text("subject").notNull(),
    agencyCode: agencyCodeEnum("agency_code"),
    audience: eventAudienceEnum("audience").notNull(),
    /** Ids and stages, never personal data: the `data` of the webhook body and the feed's payload. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    sequencedAt: timestamp("sequenced_at", { withTimezone: true }),
  },
  (t) => [
    // Sequenced events only: an unsequenced event costs no entry here, and its null cannot lead the sequencer's search for
    // unsequenced ones away from events_unsequenced (drizzle/0017).
    uniqueIndex("events_position")
      .on(t.position)
      .where(sql`${t.position} is not null`),
    index("events_unsequenced")
      .on(t.id)
      .where(sql`${t.position} is null`),
    check("events_type", sql`${t.type} ~ '^[a-z_]+\\.[a-z_]+$'`),
    check("events_personal_has_agency", sql`${t.audience} <> 'PERSONAL' or ${t.agencyCode} is not null`),
  ],
);
