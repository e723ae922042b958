import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { toGlobalId } from "../common/global-id";
import type { Db } from "../db/client";
import { campaignAgencies, campaigns, vacancies, vacancyStageCounts, waves } from "../db/tables";
import type { AgencyCode } from "../agencies/agency.type";
import { Campaign, Wave } from "./campaign.type";

type CampaignRow = typeof campaigns.$inferSelect;
type WaveRow = typeof waves.$inferSelect;

export function toCampaign(row: CampaignRow): Campaign {
  return Object.assign(new Campaign(), {
    id: toGlobalId("Campaign", row.id),
    key: row.id,
    slug: row.slug,
    targetHeadcount: row.targetHeadcount,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    siteUrl: row.siteUrl,
    names: row.name,
    descriptions: row.description,
  });
}

export function toWave(row: WaveRow): Wave {
  return Object.assign(new Wave(), {
    id: toGlobalId("Wave", row.id),
    key: row.id,
    campaignKey: row.campaignId,
    number: row.number,
    opensOn: row.opensOn,
    names: row.name,
    descriptions: row.description,
  });
}

export interface CampaignFigures {
  campaignKey: number;
  hired: number;
  openVacancies: number;
  openPosts: number;
}

/** One row of progress: a campaign's figures for one agency, wave or job profile (the others null). */
export interface ProgressRow {
  campaignKey: number;
  agencyCode: AgencyCode | null;
  waveKey: number | null;
  jobProfileKey: number | null;
  target: number;
  hired: number;
  openPosts: number;
  openVacancies: number;
}

export class CampaignService {
  constructor(private readonly db: Db) {}

  /** The campaign with this slug; without a slug, the most recent campaign (the one the public site shows). */
  async bySlug(slug: string | null | undefined): Promise<Campaign | null> {
    const query = this.db.select().from(campaigns);
    const rows =
      slug == null ? await query.orderBy(desc(campaigns.startsOn), desc(campaigns.id)).limit(1) : await query.where(eq(campaigns.slug, slug)).limit(1);
    return rows[0] ? toCampaign(rows[0]) : null;
  }

  async byKeys(keys: readonly number[]): Promise<Campaign[]> {
    return (
      await this.db
        .select()
        .from(campaigns)
        .where(inArray(campaigns.id, [...keys]))
    ).map(toCampaign);
  }

  async wavesByKeys(keys: readonly number[]): Promise<Wave[]> {
    return (
      await this.db
        .select()
        .from(waves)
        .where(inArray(waves.id, [...keys]))
    ).map(toWave);
  }

  /** Every wave of every campaign (a handful per campaign): the public reference data held in memory (src/context/reference-data.ts). */
  async allWaves(): Promise<Wave[]> {
    return (await this.db.select().from(waves)).map(toWave);
  }

  async wavesOfCampaigns(campaignKeys: readonly number[]): Promise<Wave[]> {
    const rows = await this.db
      .select()
      .from(waves)
      .where(inArray(waves.campaignId, [...campaignKeys]))
      .orderBy(asc(waves.number));
    return rows.map(toWave);
  }

  async agencyCodesOfCampaigns(campaignKeys: readonly number[]): Promise<{ campaignKey: number; agencyCode: AgencyCode }[]> {
    const rows = await this.db
      .select({ campaignKey: campaignAgencies.campaignId, agencyCode: campaignAgencies.agencyCode })
      .from(campaignAgencies)
      .where(inArray(campaignAgencies.campaignId, [...campaignKeys]))
      .orderBy(asc(campaignAgencies.agencyCode));
    return rows.map((r) => ({ campaignKey: r.campaignKey, agencyCode: r.agencyCode }));
  }

  /**
   * Target, hired (from the HIRED counters the dashboard reads), open posts and open vacancies per agency, per wave and
   * per job profile of each campaign, in one statement (grouping sets). Cancelled vacancies count for nothing.
   */
  async progress(campaignKeys: readonly number[]): Promise<ProgressRow[]> {
    const rows = await this.db
      .select({
        campaignKey: vacancies.campaignId,
        agencyCode: vacancies.agencyCode,
        waveKey: vacancies.waveId,
        jobProfileKey: vacancies.jobProfileId,
        grouping: sql<number>`grouping(${vacancies.agencyCode}, ${vacancies.waveId}, ${vacancies.jobProfileId})::int`,
        target: sql<number>`coalesce(sum(${vacancies.headcountTarget}) filter (where ${vacancies.status} <> 'CANCELLED'), 0)::int`,
        hired: sql<number>`coalesce(sum(${vacancyStageCounts.reached}), 0)::int`,
        openPosts: sql<number>`coalesce(sum(${vacancies.headcountTarget}) filter (where ${vacancies.status} = 'OPEN'), 0)::int`,
        openVacancies: sql<number>`(count(*) filter (where ${vacancies.status} = 'OPEN'))::int`,
      })
      .from(vacancies)
      .leftJoin(vacancyStageCounts, and(eq(vacancyStageCounts.vacancyId, vacancies.id), eq(vacancyStageCounts.stage, "HIRED")))
      .where(inArray(vacancies.campaignId, [...campaignKeys]))
      .groupBy(
        sql`grouping sets ((${vacancies.campaignId}, ${vacancies.agencyCode}), (${vacancies.campaignId}, ${vacancies.waveId}), (${vacancies.campaignId}, ${vacancies.jobProfileId}))`,
      );
    return rows.map((r) => ({
      campaignKey: r.campaignKey,
      agencyCode: r.agencyCode,
      waveKey: r.waveKey,
      jobProfileKey: r.jobProfileKey,
      target: r.target,
      hired: r.hired,
      openPosts: r.openPosts,
      openVacancies: r.openVacancies,
    }));
  }

  /** Hired so far (from the stage counters), open vacancies and their posts, per campaign, in one statement. */
  async figures(campaignKeys: readonly number[]): Promise<CampaignFigures[]> {
    // At most one HIRED counter row per vacancy, so the join does not multiply vacancies.
    return this.db
      .select({
        campaignKey: vacancies.campaignId,
        hired: sql<number>`coalesce(sum(${vacancyStageCounts.reached}), 0)::int`,
        openVacancies: sql<number>`(count(*) filter (where ${vacancies.status} = 'OPEN'))::int`,
        openPosts: sql<number>`coalesce(sum(${vacancies.headcountTarget}) filter (where ${vacancies.status} = 'OPEN'), 0)::int`,
      })
      .from(vacancies)
      .leftJoin(vacancyStageCounts, and(eq(vacancyStageCounts.vacancyId, vacancies.id), eq(vacancyStageCounts.stage, "HIRED")))
      .where(inArray(vacancies.campaignId, [...campaignKeys]))
      .groupBy(vacancies.campaignId);
  }
}
