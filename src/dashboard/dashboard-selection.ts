import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { scopeKey } from "../db/tables/scope-keys";
import { daysBetween } from "../common/brussels-time";
import { badUserInput } from "../common/errors";
import { fromGlobalId } from "../common/global-id";
import { toIsoDate } from "../common/scalars";
import type { Db } from "../db/client";
import { campaigns, vacancies } from "../db/tables";

export type CampaignRow = typeof campaigns.$inferSelect;

export interface SelectedVacancy {
  id: number;
  agencyCode: AgencyCode;
  waveId: number;
  jobProfileId: number;
  headcountTarget: number;
  status: string;
}

export interface DashboardArgs {
  campaignSlug?: string | null;
  filter?: {
    agencies?: AgencyCode[] | null;
    waveIds?: string[] | null;
    jobProfileIds?: string[] | null;
    vacancyIds?: string[] | null;
    from?: Date | null;
    to?: Date | null;
  } | null;
  asOf?: Date | null;
}

/**
 * What one dashboard request covers, worked out once: the campaign, the selected vacancies, the coarse scopes that
 * cover exactly them (when there are such), the period and how to count it. Plain data: the SQL builders
 * (dashboard.sql.ts) and the figure functions (figures.ts) read it; nothing in it reaches the database.
 */
export interface DashboardSelection {
  campaign: CampaignRow;
  vacancies: SelectedVacancy[];
  /** Coarse scopes covering exactly the selected vacancies, or null when the filter mixes dimensions. */
  scopes: string[] | null;
  /** The whole campaign, unfiltered: its own target counts, and every session is its. */
  whole: boolean;
  /** First day counted; null: from the beginning. */
  from: string | null;
  /** Last day counted; the figures are as of its end. */
  end: string;
  /** No asOf and no period: the current counters answer directly. */
  live: boolean;
  /**
   * A past day or a period is counted from whichever side reads fewer days of daily rows: up from the campaign's
   * start, or down from today's counters, taking away what happened outside the period.
   */
  counting: "from-now" | "up-to";
  /** Today (Brussels), from the service's clock. */
  today: string;
}

/** The request's arguments checked and turned into keys; a bad one is BAD_USER_INPUT, before any statement runs. */
export function parseDashboardArgs(args: DashboardArgs, today: string) {
  const filter = args.filter ?? {};
  const asOf = args.asOf ? toIsoDate(args.asOf) : null;
  const to = filter.to ? toIsoDate(filter.to) : null;
  const from = filter.from ? toIsoDate(filter.from) : null;
  if (asOf && asOf > today) throw badUserInput(`asOf (${asOf}) lies in the future; figures exist up to today (${today}).`, "asOf");
  if (from && to && to < from) throw badUserInput(`filter.to (${to}) lies before filter.from (${from}).`, "filter");
  // An empty list would select no vacancy: a target of 0 "on track". Refused; leave the list out to select all.
  for (const [name, list] of Object.entries({
    agencies: filter.agencies,
    waveIds: filter.waveIds,
    jobProfileIds: filter.jobProfileIds,
    vacancyIds: filter.vacancyIds,
  })) {
    if (list && list.length === 0) throw badUserInput(`filter.${name} is empty: it would select nothing. Leave it out to select every one.`, "filter");
  }
  const ids = (list: string[] | null | undefined, type: "Wave" | "JobProfile" | "Vacancy", name: string) =>
    list?.map((id, i) => {
      const key = fromGlobalId(type, id);
      if (key == null) throw badUserInput(`filter.${name}[${i}]: "${id}" is not a ${type === "JobProfile" ? "job profile" : type.toLowerCase()} id.`, "filter");
      return key;
    }) ?? null;
  return {
    asOf,
    from,
    to,
    agencies: filter.agencies ?? null,
    waveKeys: ids(filter.waveIds, "Wave", "waveIds"),
    profileKeys: ids(filter.jobProfileIds, "JobProfile", "jobProfileIds"),
    vacancyKeys: ids(filter.vacancyIds, "Vacancy", "vacancyIds"),
  };
}

export type ParsedDashboardArgs = ReturnType<typeof parseDashboardArgs>;

/**
 * The period and asOf must fall within the campaign (its first to its last day): figures outside it are all zero, and
 * a period reaching decades out would be counted week by week for nothing. BAD_USER_INPUT naming the argument.
 */
export function checkWithinCampaign(parsed: Pick<ParsedDashboardArgs, "asOf" | "from" | "to">, campaign: { startsOn: string; endsOn: string }): void {
  const span = `the campaign runs from ${campaign.startsOn} to ${campaign.endsOn}`;
  const check = (value: string | null, name: string, argument: string) => {
    if (value !== null && (value < campaign.startsOn || value > campaign.endsOn))
      throw badUserInput(`${name} (${value}) lies outside the campaign: ${span}.`, argument);
  };
  check(parsed.asOf, "asOf", "asOf");
  check(parsed.from, "filter.from", "filter");
  check(parsed.to, "filter.to", "filter");
}

/** The campaign of a slug, or the most recent one without. */
export async function findCampaign(db: Db, slug: string | null | undefined): Promise<CampaignRow | null> {
  const [campaign] = slug
    ? await db.select().from(campaigns).where(eq(campaigns.slug, slug))
    : await db
        .select()
        .from(campaigns)
        .orderBy(sql`${campaigns.startsOn} desc, ${campaigns.id} desc`)
        .limit(1);
  return campaign ?? null;
}

/** The campaign's vacancies the filter selects, by id. */
export async function selectVacancies(db: Db, campaign: CampaignRow, parsed: ParsedDashboardArgs): Promise<SelectedVacancy[]> {
  const conditions: (SQL | undefined)[] = [eq(vacancies.campaignId, campaign.id)];
  if (parsed.agencies) conditions.push(inArray(vacancies.agencyCode, parsed.agencies));
  if (parsed.waveKeys) conditions.push(inArray(vacancies.waveId, parsed.waveKeys));
  if (parsed.profileKeys) conditions.push(inArray(vacancies.jobProfileId, parsed.profileKeys));
  if (parsed.vacancyKeys) conditions.push(inArray(vacancies.id, parsed.vacancyKeys));
  return await db
    .select({
      id: vacancies.id,
      agencyCode: vacancies.agencyCode,
      waveId: vacancies.waveId,
      jobProfileId: vacancies.jobProfileId,
      headcountTarget: vacancies.headcountTarget,
      status: vacancies.status,
    })
    .from(vacancies)
    .where(and(...conditions))
    .orderBy(vacancies.id);
}

/** Pure: the selection's scopes, period and counting strategy, from the parsed arguments and the selected vacancies. */
export function planSelection(campaign: CampaignRow, selected: SelectedVacancy[], parsed: ParsedDashboardArgs, today: string): DashboardSelection {
  // Disjoint coarse scopes covering exactly the selection, when the filter is one dimension (or none).
  const dimensions = [parsed.agencies, parsed.waveKeys, parsed.profileKeys, parsed.vacancyKeys].filter((d) => d != null);
  let scopes: string[] | null = null;
  if (dimensions.length === 0) scopes = [scopeKey.campaign(campaign.id)];
  else if (dimensions.length === 1 && parsed.agencies) scopes = [...new Set(parsed.agencies)].map((a) => scopeKey.agency(campaign.id, a));
  else if (dimensions.length === 1 && parsed.waveKeys) scopes = [...new Set(selected.map((v) => v.waveId))].map((w) => scopeKey.wave(w));
  else if (dimensions.length === 1 && parsed.profileKeys)
    scopes = [...new Set(selected.map((v) => v.jobProfileId))].map((p) => scopeKey.jobProfile(campaign.id, p));

  const { from, asOf, to } = parsed;
  const end = [asOf, to, today].filter((d): d is string => d != null).sort()[0];
  const direct = daysBetween(campaign.startsOn, end);
  const fromNow = (from ? Math.max(0, daysBetween(campaign.startsOn, from)) : 0) + daysBetween(end, today);
  return {
    campaign,
    vacancies: selected,
    scopes,
    whole: dimensions.length === 0,
    from,
    end,
    live: asOf == null && from == null && to == null,
    counting: fromNow < direct ? "from-now" : "up-to",
    today,
  };
}
