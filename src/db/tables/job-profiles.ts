import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, numeric, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../common/localized-text";
import { competenceGroupEnum, complexityLevelEnum, jobLevelEnum } from "./enums";
import { localized } from "./localized";

/** The 37 competence areas of the European sectoral qualification framework for asylum and reception officials. */
export const competenceAreas = pgTable(
  "competence_areas",
  {
    number: integer("number").primaryKey(),
    group: competenceGroupEnum("group").notNull(),
    title: localized("title").notNull(),
  },
  (t) => [check("competence_areas_number_range", sql`${t.number} between 1 and 99`), check("competence_areas_title_nl", sql`${t.title} ? 'nl'`)],
);

export const salaryScales = pgTable(
  "salary_scales",
  {
    code: text("code").primaryKey(),
    level: jobLevelEnum("level").notNull(),
    name: localized("name").notNull(),
    indexFactor: numeric("index_factor", { precision: 8, scale: 4, mode: "number" }),
    /** Where the amounts come from. */
    source: localized("source"),
    /** True when the amounts are filled in for illustration, not taken from a source. */
    illustrative: boolean("illustrative").notNull().default(false),
  },
  (t) => [check("salary_scales_name_nl", sql`${t.name} ? 'nl'`)],
);

export const salaryScaleSteps = pgTable(
  "salary_scale_steps",
  {
    scaleCode: text("scale_code")
      .notNull()
      .references(() => salaryScales.code, { onDelete: "cascade" }),
    seniorityYears: integer("seniority_years").notNull(),
    monthlyGrossEur: numeric("monthly_gross_eur", { precision: 10, scale: 2, mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scaleCode, t.seniorityYears] }),
    check("salary_scale_steps_seniority", sql`${t.seniorityYears} between 0 and 60`),
    check("salary_scale_steps_amount", sql`${t.monthlyGrossEur} > 0`),
  ],
);

export const jobProfiles = pgTable(
  "job_profiles",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    functionCode: text("function_code").notNull().unique(),
    title: localized("title").notNull(),
    level: jobLevelEnum("level").notNull(),
    class: text("class").notNull(),
    functionFamily: localized("function_family").notNull(),
    professionalCategory: localized("professional_category").notNull(),
    purpose: localized("purpose").notNull(),
    reportsTo: localized("reports_to"),
    managesCount: integer("manages_count").notNull().default(0),
    diplomaRequirement: localized("diploma_requirement"),
    languageRequirement: localized("language_requirement"),
    salaryScaleCode: text("salary_scale_code").references(() => salaryScales.code),
  },
  (t) => [
    check("job_profiles_function_code_format", sql`${t.functionCode} ~ '^[A-Z0-9]{2,16}$'`),
    check("job_profiles_class_matches_level", sql`left(${t.class}, 1) = ${t.level}::text`),
    check("job_profiles_manages_count", sql`${t.managesCount} >= 0`),
    check("job_profiles_title_nl", sql`${t.title} ? 'nl'`),
  ],
);

export const jobProfileResultAreas = pgTable(
  "job_profile_result_areas",
  {
    jobProfileId: integer("job_profile_id")
      .notNull()
      .references(() => jobProfiles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    role: localized("role").notNull(),
    aim: localized("aim").notNull(),
    tasks: jsonb("tasks").$type<LocalizedText[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jobProfileId, t.position] }),
    check("job_profile_result_areas_position", sql`${t.position} > 0`),
    check("job_profile_result_areas_tasks_array", sql`jsonb_typeof(${t.tasks}) = 'array'`),
  ],
);

export const jobProfileCompetencies = pgTable(
  "job_profile_competencies",
  {
    jobProfileId: integer("job_profile_id")
      .notNull()
      .references(() => jobProfiles.id, { onDelete: "cascade" }),
    competenceAreaNumber: integer("competence_area_number")
      .notNull()
      .references(() => competenceAreas.number),
    level: complexityLevelEnum("level").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobProfileId, t.competenceAreaNumber] })],
);
