import { toGlobalId } from "../common/global-id";
import { epochMs } from "../db/json-rows";
import { testSessions } from "../db/tables";
import { TestSession } from "./test-session.type";

/** A test session's row as drizzle maps it, and as statements building JSON return it: one mapping of each into a TestSession. */
export type TestSessionRow = Omit<typeof testSessions.$inferSelect, "createdAt" | "updatedAt">;

/**
 * A session as a statement that builds its JSON returns it (src/db/json-rows.ts): SESSION_ROW's values in this order,
 * the start as milliseconds.
 */
export type TestSessionTuple = [
  id: number,
  campaignId: number,
  kind: TestSessionRow["kind"],
  startsAt: number,
  durationMinutes: number,
  place: string,
  placeNames: TestSessionRow["placeNames"] | string,
  language: TestSessionRow["language"],
  capacity: number,
  status: TestSessionRow["status"],
  seatsTaken: number,
  attendedCount: number,
  noShowCount: number,
];

/** A session's values in TestSessionTuple's order. */
export const SESSION_ROW = [
  testSessions.id,
  testSessions.campaignId,
  testSessions.kind,
  epochMs(testSessions.startsAt),
  testSessions.durationMinutes,
  testSessions.place,
  testSessions.placeNames,
  testSessions.language,
  testSessions.capacity,
  testSessions.status,
  testSessions.seatsTaken,
  testSessions.attendedCount,
  testSessions.noShowCount,
];

/** The tuple mapped as drizzle maps the table (jsonb parsed when a driver left it text). */
export function fromTuple(t: TestSessionTuple): TestSessionRow {
  return {
    id: t[0],
    campaignId: t[1],
    kind: t[2],
    startsAt: new Date(t[3]),
    durationMinutes: t[4],
    place: t[5],
    placeNames: typeof t[6] === "string" ? (JSON.parse(t[6]) as TestSessionRow["placeNames"]) : t[6],
    language: t[7],
    capacity: t[8],
    status: t[9],
    seatsTaken: t[10],
    attendedCount: t[11],
    noShowCount: t[12],
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
