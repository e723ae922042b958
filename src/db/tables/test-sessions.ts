import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { apiClients } from "./api-clients";
import { applications } from "./applications";
import { campaigns } from "./campaigns";
import { bookingStatusEnum, languageEnum, testKindEnum, testSessionStatusEnum } from "./enums";
import { localized } from "./localized";
import { examParts, vacancies } from "./vacancies";

/** A Selor test session. Seats are counted on the row itself so a booking can claim one with a single guarded update. */
export const testSessions = pgTable(
  "test_sessions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    kind: testKindEnum("kind").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    place: text("place").notNull(),
    /** The place's name in other languages, when given ({ nl, fr, en, de }); place is the name as entered. */
    placeNames: localized("place_names"),
    language: languageEnum("language").notNull(),
    capacity: integer("capacity").notNull(),
    /** Seats held by bookings that are not cancelled (booked, attended or no-show). */
    seatsTaken: integer("seats_taken").notNull().default(0),
    attendedCount: integer("attended_count").notNull().default(0),
    noShowCount: integer("no_show_count").notNull().default(0),
    status: testSessionStatusEnum("status").notNull().default("SCHEDULED"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("test_sessions_capacity_positive", sql`${t.capacity} > 0`),
    check("test_sessions_seats_within_capacity", sql`${t.seatsTaken} between 0 and ${t.capacity}`),
    check(
      "test_sessions_outcomes_within_seats",
      sql`${t.attendedCount} >= 0 and ${t.noShowCount} >= 0 and ${t.attendedCount} + ${t.noShowCount} <= ${t.seatsTaken}`,
    ),
    check("test_sessions_duration", sql`${t.durationMinutes} between 1 and 1440`),
    check("test_sessions_place", sql`length(trim(${t.place})) between 1 and 200`),
    index("test_sessions_campaign_starts").on(t.campaignId, t.startsAt),
    index("test_sessions_starts").on(t.startsAt, t.id),
  ],
);

/** Which vacancies a session tests. */
export const testSessionVacancies = pgTable(
  "test_session_vacancies",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => testSessions.id, { onDelete: "cascade" }),
    vacancyId: integer("vacancy_id")
      .notNull()
      .references(() => vacancies.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.vacancyId] }), index("test_session_vacancies_vacancy").on(t.vacancyId, t.sessionId)],
);

/** An application's seat in a session. */
export const bookings = pgTable(
  "bookings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => testSessions.id),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    status: bookingStatusEnum("status").notNull().default("BOOKED"),
    bookedAt: timestamp("booked_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An application holds at most one open seat at a time.
    uniqueIndex("bookings_one_open_per_application")
      .on(t.applicationId)
      .where(sql`${t.status} = 'BOOKED'`),
    index("bookings_session_status").on(t.sessionId, t.status),
    index("bookings_application").on(t.applicationId),
  ],
);

/** Points for one exam part of one application. */
export const testResults = pgTable(
  "test_results",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    vacancyId: integer("vacancy_id").notNull(),
    partPosition: integer("part_position").notNull(),
    points: numeric("points", { precision: 8, scale: 2, mode: "number" }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedByClientId: integer("recorded_by_client_id").references(() => apiClients.id),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.partPosition] }),
    foreignKey({ name: "test_results_exam_part", columns: [t.vacancyId, t.partPosition], foreignColumns: [examParts.vacancyId, examParts.position] }),
    check("test_results_points_non_negative", sql`${t.points} >= 0`),
  ],
);
