import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, primaryKey, text, unique } from "drizzle-orm/pg-core";
import { agencyCodeEnum } from "./enums";
import { localized } from "./localized";

export const agencies = pgTable(
  "agencies",
  {
    code: agencyCodeEnum("code").primaryKey(),
    name: localized("name").notNull(),
    website: text("website"),
  },
  (t) => [check("agencies_name_nl", sql`${t.name} ? 'nl'`)],
);

export const campaigns = pgTable(
  "campaigns",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    name: localized("name").notNull(),
    description: localized("description"),
    targetHeadcount: integer("target_headcount").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    siteUrl: text("site_url"),
  },
  (t) => [
    check("campaigns_target_positive", sql`${t.targetHeadcount} > 0`),
    check("campaigns_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
    check("campaigns_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("campaigns_name_nl", sql`${t.name} ? 'nl'`),
  ],
);

/** The agencies that recruit in a campaign. */
export const campaignAgencies = pgTable(
  "campaign_agencies",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    agencyCode: agencyCodeEnum("agency_code")
      .notNull()
      .references(() => agencies.code),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.agencyCode] })],
);

export const waves = pgTable(
  "waves",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    opensOn: date("opens_on").notNull(),
    name: localized("name").notNull(),
    description: localized("description"),
  },
  (t) => [
    unique("waves_campaign_number").on(t.campaignId, t.number),
    // Lets vacancies reference (wave, campaign) together, so a vacancy's wave always belongs to its campaign.
    unique("waves_id_campaign").on(t.id, t.campaignId),
    check("waves_number_positive", sql`${t.number} > 0`),
    check("waves_name_nl", sql`${t.name} ? 'nl'`),
  ],
);
