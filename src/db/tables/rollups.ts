import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { applicationStageEnum } from "./enums";

/**
 * Counters the dashboard reads instead of scanning applications, kept in the same transaction as every move (see
 * src/applications/stage-moves.ts). A scope names a set of vacancies: c:<campaign>, a:<campaign>:<agency>, w:<wave>,
 * p:<campaign>:<job profile> (the coarse scopes) and v:<vacancy>. Per-vacancy stage counts live in
 * vacancy_stage_counts and vacancy_stage_daily; these tables add the coarse scopes, so a campaign-wide figure reads a
 * few thousand rows at most, however many applications there are.
 */
const scopeFormat = (column: unknown) => sql`${column} ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'`;
const exitKind = (column: unknown) => sql`${column} in ('WITHDRAWN', 'INELIGIBLE', 'FAILED_TEST', 'NO_SHOW', 'FAILED_INTERVIEW', 'OTHER')`;

/** Per coarse scope, stage and Brussels day: entries into and exits out of the stage. */
export const rollupStageDaily = pgTable(
  "rollup_stage_daily",
  {
    scope: text("scope").notNull(),
    stage: applicationStageEnum("stage").notNull(),
    day: date("day").notNull(),
    entered: integer("entered").notNull().default(0),
    exited: integer("exited").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.stage, t.day] }),
    check("rollup_stage_daily_scope", scopeFormat(t.scope)),
    check("rollup_stage_daily_counts", sql`${t.entered} >= 0 and ${t.exited} >= 0`),
  ],
);

/**
 * Per coarse scope and ISO week (its Monday, Brussels days): entries into the stages the weekly trend shows. The sum of
 * rollup_stage_daily over the week's days, kept beside it so the trend reads one row per week rather than seven.
 */
export const rollupStageWeekly = pgTable(
  "rollup_stage_weekly",
  {
    scope: text("scope").notNull(),
    stage: applicationStageEnum("stage").notNull(),
    week: date("week").notNull(),
    entered: integer("entered").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.stage, t.week] }),
    check("rollup_stage_weekly_scope", scopeFormat(t.scope)),
    check("rollup_stage_weekly_stage", sql`${t.stage} in ('APPLIED', 'LAUREATE', 'OFFERED', 'HIRED')`),
    check("rollup_stage_weekly_monday", sql`extract(isodow from ${t.week}) = 1`),
    check("rollup_stage_weekly_counts", sql`${t.entered} >= 0`),
  ],
);

/**
 * Each person once per coarse scope, with the day of their first application in it: distinct candidates, exactly.
 * person_id names a row of persons (never deleted; every writer holds its row lock) but has no foreign key: like the
 * other counters it is rebuilt from the events, and checking it cost a submission of 500 new persons 2,000 lookups,
 * about a third of the database's work for the batch (drizzle/0016).
 */
export const scopeCandidates = pgTable(
  "scope_candidates",
  {
    scope: text("scope").notNull(),
    personId: integer("person_id").notNull(),
    firstDay: date("first_day").notNull(),
  },
  // No check of the scope's format here (drizzle/0018): every scope written here is written in the same transaction to
  // rollup_candidate_daily (a submission's gains; the rebuild groups this table into it), whose check refuses a malformed
  // one. Matching the pattern cost about 2 µs a row, 2,000 rows a batch of 500 new persons.
  (t) => [primaryKey({ columns: [t.scope, t.personId] })],
);

/** Per coarse scope and day: candidates whose first application in the scope fell on that day. */
export const rollupCandidateDaily = pgTable(
  "rollup_candidate_daily",
  {
    scope: text("scope").notNull(),
    day: date("day").notNull(),
    newCandidates: integer("new_candidates").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.day] }),
    check("rollup_candidate_daily_scope", scopeFormat(t.scope)),
    check("rollup_candidate_daily_count", sql`${t.newCandidates} >= 0`),
  ],
);

/**
 * Time in stage: how many moves from one pipeline stage to the next took a given number of days (Brussels calendar
 * days), per scope (coarse and per vacancy). APPLIED to HIRED holds application-to-hire.
 */
export const stageDurations = pgTable(
  "stage_durations",
  {
    scope: text("scope").notNull(),
    fromStage: applicationStageEnum("from_stage").notNull(),
    toStage: applicationStageEnum("to_stage").notNull(),
    days: integer("days").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.fromStage, t.toStage, t.days] }),
    check("stage_durations_scope", scopeFormat(t.scope)),
    check("stage_durations_values", sql`${t.days} >= 0 and ${t.count} >= 0`),
  ],
);

/** The same per coarse scope and day the move completed, for figures as of a past day or over a date range. */
export const rollupDurationDaily = pgTable(
  "rollup_duration_daily",
  {
    scope: text("scope").notNull(),
    fromStage: applicationStageEnum("from_stage").notNull(),
    toStage: applicationStageEnum("to_stage").notNull(),
    day: date("day").notNull(),
    days: integer("days").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.fromStage, t.toStage, t.day, t.days] }),
    index("rollup_duration_daily_scope_day").on(t.scope, t.day),
    check("rollup_duration_daily_scope", scopeFormat(t.scope)),
    check("rollup_duration_daily_values", sql`${t.days} >= 0 and ${t.count} >= 0`),
  ],
);

/** Exits from the pipeline per scope (coarse and per vacancy): from which stage, and why (a rejection reason or WITHDRAWN). */
export const stageExits = pgTable(
  "stage_exits",
  {
    scope: text("scope").notNull(),
    fromStage: applicationStageEnum("from_stage").notNull(),
    exit: text("exit").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.fromStage, t.exit] }),
    check("stage_exits_scope", scopeFormat(t.scope)),
    check("stage_exits_kind", exitKind(t.exit)),
    check("stage_exits_count", sql`${t.count} >= 0`),
  ],
);

/** The same per coarse scope and day. */
export const rollupExitDaily = pgTable(
  "rollup_exit_daily",
  {
    scope: text("scope").notNull(),
    fromStage: applicationStageEnum("from_stage").notNull(),
    exit: text("exit").notNull(),
    day: date("day").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.fromStage, t.exit, t.day] }),
    index("rollup_exit_daily_scope_day").on(t.scope, t.day),
    check("rollup_exit_daily_scope", scopeFormat(t.scope)),
    check("rollup_exit_daily_kind", exitKind(t.exit)),
    check("rollup_exit_daily_count", sql`${t.count} >= 0`),
  ],
);
