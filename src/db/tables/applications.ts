import { sql } from "drizzle-orm";
import { bigint, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { agencyCodeEnum, applicationStageEnum, rejectionReasonEnum } from "./enums";
import { vacancies } from "./vacancies";

/**
 * A person as the whole campaign knows them, and nothing more: the keyed hash (HMAC) of their normalised e-mail address
 * when an agency first stored them. It links one person's candidates across agencies for the taskforce's figures
 * (distinct candidates, the cross-agency overlap) without any agency's personal data.
 */
export const persons = pgTable("persons", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  key: text("key").notNull().unique(),
});

/**
 * A person as one agency knows them: that agency's own record, which no other agency reads or changes. Personal data
 * lives here and only here, so erasure touches one row; the keyed hash of the address stays, so an erased person's
 * applications cannot be recreated by a resend.
 */
export const candidates = pgTable(
  "candidates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    agencyCode: agencyCodeEnum("agency_code").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    /** The keyed hash of the current address: within an agency, one address is one candidate (kept after erasure). */
    emailKey: text("email_key").notNull(),
    /** Normalised (trimmed, lower-cased). Null once erased. */
    email: text("email"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: text("phone"),
    birthDate: date("birth_date"),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("candidates_agency_email_key").on(t.agencyCode, t.emailKey),
    // The target of applications' (candidate, agency) reference: an application's candidate is its own agency's.
    unique("candidates_id_agency").on(t.id, t.agencyCode),
    check(
      "candidates_erased_means_empty",
      sql`${t.erasedAt} is null or (${t.email} is null and ${t.firstName} is null and ${t.lastName} is null and ${t.phone} is null and ${t.birthDate} is null)`,
    ),
    check("candidates_email_present_unless_erased", sql`${t.erasedAt} is not null or ${t.email} is not null`),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    vacancyId: integer("vacancy_id").notNull(),
    agencyCode: agencyCodeEnum("agency_code").notNull(),
    candidateId: integer("candidate_id").notNull(),
    /** The pushing HR system's own id; unique per agency, which makes a resent batch idempotent. */
    externalId: text("external_id").notNull(),
    stage: applicationStageEnum("stage").notNull().default("APPLIED"),
    rejectionReason: rejectionReasonEnum("rejection_reason"),
    /** Bumped by every change an agency can see (stage, candidate details, erasure, ...): the optimistic-concurrency token (expectedVersion). */
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "applications_vacancy_of_agency",
      columns: [t.vacancyId, t.agencyCode],
      foreignColumns: [vacancies.id, vacancies.agencyCode],
    }),
    foreignKey({
      name: "applications_candidate_of_agency",
      columns: [t.candidateId, t.agencyCode],
      foreignColumns: [candidates.id, candidates.agencyCode],
    }),
    unique("applications_agency_external_id").on(t.agencyCode, t.externalId),
    unique("applications_vacancy_candidate").on(t.vacancyId, t.candidateId),
    check("applications_rejection_reason", sql`(${t.stage} = 'REJECTED') = (${t.rejectionReason} is not null)`),
    check("applications_external_id", sql`length(${t.externalId}) between 1 and 100`),
    check("applications_version_positive", sql`${t.version} > 0`),
    // HR sync pages through an agency's changes in (updated_at, id) order.
    index("applications_agency_updated").on(t.agencyCode, t.updatedAt, t.id),
    index("applications_vacancy_stage").on(t.vacancyId, t.stage),
    index("applications_candidate").on(t.candidateId),
  ],
);

/** Every move of an application, oldest first: the log the counters can always be recounted from. */
export const stageEvents = pgTable(
  "stage_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // No foreign keys (drizzle/0017): a move is written only with its application in hand (inserted or locked in the same
    // transaction) and by an authenticated client; applications and clients are never deleted. The checks cost every
    // submitted application two lookups.
    applicationId: integer("application_id").notNull(),
    fromStage: applicationStageEnum("from_stage"),
    toStage: applicationStageEnum("to_stage").notNull(),
    reason: rejectionReasonEnum("reason"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    actorClientId: integer("actor_client_id"),
    /** Who made the move when no API client did (the seed, the operator CLI). */
    actorLabel: text("actor_label"),
  },
  (t) => [
    check("stage_events_reason_only_for_rejection", sql`(${t.toStage} = 'REJECTED') = (${t.reason} is not null)`),
    check("stage_events_moves", sql`${t.fromStage} is distinct from ${t.toStage}`),
    index("stage_events_application").on(t.applicationId, t.occurredAt, t.id),
  ],
);

/** Per vacancy and stage: how many applications ever reached the stage, and how many are in it now. */
export const vacancyStageCounts = pgTable(
  "vacancy_stage_counts",
  {
    vacancyId: integer("vacancy_id")
      .notNull()
      .references(() => vacancies.id),
    stage: applicationStageEnum("stage").notNull(),
    reached: integer("reached").notNull().default(0),
    current: integer("current").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.stage] }),
    check("vacancy_stage_counts_non_negative", sql`${t.current} >= 0 and ${t.current} <= ${t.reached}`),
    // Hires per vacancy (the campaign's progress) without reading the other stages' rows: one in nine of the table.
    index("vacancy_stage_counts_hired")
      .on(t.vacancyId, t.reached)
      .where(sql`${t.stage} = 'HIRED'`),
  ],
);

/** Per vacancy, stage and day (Europe/Brussels) of the move: entries into and exits out of the stage. */
export const vacancyStageDaily = pgTable(
  "vacancy_stage_daily",
  {
    vacancyId: integer("vacancy_id")
      .notNull()
      .references(() => vacancies.id),
    stage: applicationStageEnum("stage").notNull(),
    day: date("day").notNull(),
    entered: integer("entered").notNull().default(0),
    exited: integer("exited").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.stage, t.day] }),
    check("vacancy_stage_daily_non_negative", sql`${t.entered} >= 0 and ${t.exited} >= 0`),
    // A past day's figures are today's minus the days after it: read by day.
    index("vacancy_stage_daily_day").on(t.day),
  ],
);
