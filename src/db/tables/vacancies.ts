import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { campaigns, waves, agencies } from "./campaigns";
import { agencyCodeEnum, contractTypeEnum, languageRegimeEnum, testKindEnum, vacancyStatusEnum } from "./enums";
import { jobProfiles } from "./job-profiles";
import { localized } from "./localized";
import { places } from "./places";

export const vacancies = pgTable(
  "vacancies",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    waveId: integer("wave_id").notNull(),
    agencyCode: agencyCodeEnum("agency_code")
      .notNull()
      .references(() => agencies.code),
    jobProfileId: integer("job_profile_id")
      .notNull()
      .references(() => jobProfiles.id),
    title: localized("title").notNull(),
    description: localized("description"),
    headcountTarget: integer("headcount_target").notNull(),
    /** The place's Dutch name as given; placeId links it to a known municipality (null when the name names none). */
    place: text("place").notNull(),
    placeId: integer("place_id").references(() => places.id),
    languageRegime: languageRegimeEnum("language_regime").notNull(),
    contractType: contractTypeEnum("contract_type").notNull(),
    status: vacancyStatusEnum("status").notNull().default("DRAFT"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Null for continuous (open-ended) recruitment. */
    applicationDeadline: timestamp("application_deadline", { withTimezone: true }),
    /** The share of all exam points needed overall, in percent (the Asse rule: 60). */
    overallPassPercent: numeric("overall_pass_percent", { precision: 5, scale: 2, mode: "number" }).notNull().default(60),
    /**
     * What the free-text filter searches, kept by the trigger vacancies_search_document (drizzle/0013): the titles,
     * the job profile, the place with its province and region, and the agency, in every language, unaccented and
     * lower-cased, one space before each word. searchTitle is the same for the titles alone (they rank higher).
     */
    searchText: text("search_text").notNull().default(""),
    searchTitle: text("search_title").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "vacancies_wave_in_campaign", columns: [t.waveId, t.campaignId], foreignColumns: [waves.id, waves.campaignId] }),
    // Lets applications reference (vacancy, agency) together, so an application's agency is always its vacancy's.
    unique("vacancies_id_agency").on(t.id, t.agencyCode),
    check("vacancies_headcount_positive", sql`${t.headcountTarget} > 0`),
    // A draft may be cancelled without ever having been published.
    check("vacancies_published_unless_draft", sql`${t.status} in ('DRAFT', 'CANCELLED') or ${t.publishedAt} is not null`),
    check(
      "vacancies_deadline_after_publication",
      sql`${t.applicationDeadline} is null or ${t.publishedAt} is null or ${t.applicationDeadline} > ${t.publishedAt}`,
    ),
    check("vacancies_overall_pass_percent", sql`${t.overallPassPercent} between 0 and 100`),
    check("vacancies_place_not_blank", sql`length(trim(${t.place})) between 1 and 200`),
    check("vacancies_title_nl", sql`${t.title} ? 'nl'`),
    index("vacancies_campaign_status").on(t.campaignId, t.status),
    // Every column the campaign's progress (its grouping sets) and the dashboard's selection read: both become index-only
    // scans of the campaign's vacancies instead of reading the wide rows (4.3 to 2.4 ms per progress at 2,000 vacancies).
    index("vacancies_campaign_figures").on(t.campaignId, t.agencyCode, t.waveId, t.jobProfileId, t.status, t.headcountTarget, t.id),
    // The list orders by these expressions (keyset pagination needs a total order without nulls): indexed as written,
    // a page is read in order instead of sorting every matching vacancy.
    index("vacancies_publication_order").on(sql`coalesce(${t.publishedAt}, '-infinity'::timestamptz)`, t.id),
    index("vacancies_deadline_order").on(sql`coalesce(${t.applicationDeadline}, 'infinity'::timestamptz)`, t.id),
    index("vacancies_status_published").on(t.status, t.publishedAt, t.id),
    index("vacancies_agency_status").on(t.agencyCode, t.status),
    index("vacancies_wave").on(t.waveId),
    index("vacancies_job_profile").on(t.jobProfileId),
    index("vacancies_place").on(t.placeId),
    // Trigrams let "like '% word%'" use an index instead of reading every vacancy's text.
    index("vacancies_search_trgm").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);

/** The vacancy's selection procedure: exam parts in the order they are taken. */
export const examParts = pgTable(
  "exam_parts",
  {
    vacancyId: integer("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** The part's key: results are recorded against it. */
    name: text("name").notNull(),
    /** The part's name as the public reads it; null: the name, in Dutch. */
    title: localized("title"),
    maxPoints: numeric("max_points", { precision: 8, scale: 2, mode: "number" }).notNull(),
    passPercent: numeric("pass_percent", { precision: 5, scale: 2, mode: "number" }).notNull().default(50),
    /** The kind of test session that examines the part: what the Saturday planning matches seats by. */
    kind: testKindEnum("kind").notNull().default("WRITTEN"),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.position] }),
    unique("exam_parts_vacancy_name").on(t.vacancyId, t.name),
    check("exam_parts_position", sql`${t.position} > 0`),
    check("exam_parts_max_points", sql`${t.maxPoints} > 0`),
    check("exam_parts_pass_percent", sql`${t.passPercent} between 0 and 100`),
    check("exam_parts_name", sql`length(trim(${t.name})) between 1 and 100`),
    check("exam_parts_title_nl", sql`${t.title} is null or ${t.title} ? 'nl'`),
  ],
);
