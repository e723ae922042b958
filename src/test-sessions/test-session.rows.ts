import { toGlobalId } from "../common/global-id";
import type { testSessions } from "../db/tables";
import { TestSession } from "./test-session.type";

/** A test session's row as drizzle maps it, and as raw statements return it: one mapping of each into a TestSession. */
export type TestSessionRow = Omit<typeof testSessions.$inferSelect, "createdAt" | "updatedAt">;

/** A session as a raw statement returns it (column names as in the table; instants as text: the driver's, or JSON's). */
export interface TestSessionRawRow {
  id: number;
  campaign_id: number;
  kind: TestSessionRow["kind"];
  starts_at: string | Date;
  duration_minutes: number;
  place: string;
  place_names: TestSessionRow["placeNames"];
  language: TestSessionRow["language"];
  capacity: number;
  status: TestSessionRow["status"];
  seats_taken: number;
  attended_count: number;
  no_show_count: number;
}

export function fromRawRow(r: TestSessionRawRow): TestSessionRow {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    kind: r.kind,
    // timestamptz arrives as PostgreSQL's text, or as JSON's ISO 8601 form: Date parses both (as drizzle's own mapping does).
    startsAt: r.starts_at instanceof Date ? r.starts_at : new Date(r.starts_at),
    durationMinutes: r.duration_minutes,
    place: r.place,
    // jsonb: parsed by both drivers; drizzle's own mapping also takes it as text.
    placeNames: typeof r.place_names === "string" ? (JSON.parse(r.place_names) as TestSessionRow["placeNames"]) : r.place_names,
    language: r.language,
    capacity: r.capacity,
    status: r.status,
    seatsTaken: r.seats_taken,
    attendedCount: r.attended_count,
    noShowCount: r.no_show_count,
  };
}

export function toTestSession(row: TestSessionRow): TestSession {
  return Object.assign(new TestSession(), {
    id: toGlobalId("TestSession", row.id),
    key: row.id,
    campaignKey: row.campaignId,
    kind: row.kind,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    placeName: row.place,
    placeNames: row.placeNames,
    language: row.language,
    capacity: row.capacity,
    status: row.status,
    seatsTaken: row.seatsTaken,
    attendedCount: row.attendedCount,
    noShowCount: row.noShowCount,
  });
}
