import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, uniqueIndex } from "drizzle-orm/pg-core";
import { provinceEnum, regionEnum } from "./enums";
import { localized } from "./localized";

/** Belgium's three regions, with their names. */
export const regions = pgTable(
  "regions",
  {
    code: regionEnum("code").primaryKey(),
    name: localized("name").notNull(),
  },
  (t) => [check("regions_name_nl", sql`${t.name} ? 'nl'`)],
);

/** Belgium's ten provinces, each in one region (the Brussels-Capital Region has none). */
export const provinces = pgTable(
  "provinces",
  {
    code: provinceEnum("code").primaryKey(),
    region: regionEnum("region")
      .notNull()
      .references(() => regions.code),
    name: localized("name").notNull(),
  },
  (t) => [check("provinces_name_nl", sql`${t.name} ? 'nl'`), check("provinces_not_brussels", sql`${t.region} <> 'BRUSSELS'`)],
);

/** A municipality (or a named part of one) where posts are based or tests are held, with its names in each language. */
export const places = pgTable(
  "places",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: localized("name").notNull(),
    province: provinceEnum("province").references(() => provinces.code),
    region: regionEnum("region")
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    check("places_name_nl", sql`${t.name} ? 'nl'`),
    // Brussels is the one region without provinces; everywhere else a place lies in a province.
    check("places_province_unless_brussels", sql`(${t.province} is null) = (${t.region} = 'BRUSSELS')`),
    uniqueIndex("places_name_nl_unique").on(sql`lower(${t.name}->>'nl')`),
    index("places_province").on(t.province),
  ],
);
