import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { applicationStageEnum } from "./enums";

/**
 * A campaign's ISO week (Europe/Brussels) once it closed: its weekly figures as they were reported then, so a later
 * backdated move shows as a revision instead of rewriting what was reported (src/dashboard/weekly-reports.service.ts).
 */
export const weeklyReports = pgTable(
  "weekly_reports",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** The week's Monday. */
    week: date("week").notNull(),
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.week] }), check("weekly_reports_monday", sql`extract(isodow from ${t.week}) = 1`)],
);

/**
 * The frozen weekly figures: entries into the weekly stages (applications, laureates, offers, hires) per scope, for the
 * coarse scopes and per vacancy (v:<id>), as they stood when the week was frozen. A scope without a row had none.
 */
export const weeklyReportCounts = pgTable(
  "weekly_report_counts",
  {
    campaignId: integer("campaign_id").notNull(),
    week: date("week").notNull(),
    scope: text("scope").notNull(),
    stage: applicationStageEnum("stage").notNull(),
    reported: integer("reported").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.week, t.scope, t.stage] }),
    check("weekly_report_counts_stage", sql`${t.stage} in ('APPLIED', 'LAUREATE', 'OFFERED', 'HIRED')`),
    check("weekly_report_counts_reported", sql`${t.reported} > 0`),
  ],
);
