import { asc, inArray, sql } from "drizzle-orm";
import { toGlobalId } from "../common/global-id";
import type { Db } from "../db/client";
import { places, provinces, regions } from "../db/tables";
import { Place, Province, ProvinceCode, Region, RegionCode } from "./place.type";

export function toPlace(row: typeof places.$inferSelect): Place {
  return Object.assign(new Place(), {
    id: toGlobalId("Place", row.id),
    key: row.id,
    names: row.name,
    provinceCode: row.province,
    regionCode: row.region,
  });
}

export class PlaceService {
  constructor(private readonly db: Db) {}

  /** Every known place, by Dutch name. */
  async list(): Promise<Place[]> {
    return (
      await this.db
        .select()
        .from(places)
        .orderBy(asc(sql`${places.name}->>'nl'`))
    ).map(toPlace);
  }

  async byKeys(keys: readonly number[]): Promise<Place[]> {
    return (
      await this.db
        .select()
        .from(places)
        .where(inArray(places.id, [...keys]))
    ).map(toPlace);
  }

  async provincesByCodes(codes: readonly ProvinceCode[]): Promise<Province[]> {
    const rows = await this.db
      .select()
      .from(provinces)
      .where(inArray(provinces.code, [...codes]));
    return rows.map((r) => Object.assign(new Province(), { code: r.code, regionCode: r.region, names: r.name }));
  }

  async regionsByCodes(codes: readonly RegionCode[]): Promise<Region[]> {
    const rows = await this.db
      .select()
      .from(regions)
      .where(inArray(regions.code, [...codes]));
    return rows.map((r) => Object.assign(new Region(), { code: r.code, names: r.name }));
  }
}
