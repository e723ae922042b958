import { asc, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { agencies } from "../db/tables";
import { Agency, AgencyCode } from "./agency.type";

type AgencyRow = typeof agencies.$inferSelect;

export function toAgency(row: AgencyRow): Agency {
  return Object.assign(new Agency(), { code: row.code, website: row.website, names: row.name });
}

export class AgencyService {
  constructor(private readonly db: Db) {}

  async list(): Promise<Agency[]> {
    const rows = await this.db.select().from(agencies).orderBy(asc(agencies.code));
    return rows.map(toAgency);
  }

  async byCodes(codes: readonly AgencyCode[]): Promise<Agency[]> {
    const rows = await this.db
      .select()
      .from(agencies)
      .where(inArray(agencies.code, [...codes]));
    return rows.map(toAgency);
  }
}
