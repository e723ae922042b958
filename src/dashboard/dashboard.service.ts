import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { IN_WEEKLY_STAGES, mondayOf } from "../applications/stage-moves";
import { PIPELINE_STAGES } from "../applications/stages";
import { addDays, brusselsDate, daysBetween, isoWeek, isoWeekMonday, isoWeekday } from "../common/brussels-time";
import { badUserInput } from "../common/errors";
import { fromGlobalId } from "../common/global-id";
import { toIsoDate } from "../common/scalars";
import { selectRows, type Db } from "../db/client";
import { campaigns, vacancies, type StageValue } from "../db/tables";
import { figures } from "../test-sessions/planning.service";
import { percentile } from "./percentile";

type CampaignRow = typeof campaigns.$inferSelect;
type Pipeline = (typeof PIPELINE_STAGES)[number];

export interface StageTotals {
  reached: Record<Pipeline, number>;
  current: Record<Pipeline, number>;
}

export interface SelectedVacancy {
  id: number;
  agencyCode: AgencyCode;
  waveId: number;
  jobProfileId: number;
  headcountTarget: number;
  status: string;
}

/** One row set per section, as the bundle statement returns them (JSON). */
interface Bundle {
  stages: { vacancy_id: number; stage: StageValue; reached: number; current: number }[];
  candidates: number;
  weekly: { week: string; stage: StageValue; n: number }[];
  durations: { from_stage: Pipeline; to_stage: Pipeline; days: number; n: number }[];
  exits: { from_stage: Pipeline; exit: string; n: number }[];
  sessions: { capacity: number; seats_taken: number; attended_count: number; no_show_count: number; starts_at: string }[];
  recent_hires: { vacancy_id: number; n: number }[];
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

const TRANSITIONS: [Pipeline, Pipeline][] = [
  ["APPLIED", "SCREENED"],
  ["SCREENED", "INVITED"],
  ["INVITED", "TESTED"],
  ["TESTED", "LAUREATE"],
  ["LAUREATE", "OFFERED"],
  ["OFFERED", "HIRED"],
  ["APPLIED", "HIRED"],
];
const EXIT_STAGES: Pipeline[] = ["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE", "OFFERED"];
const REASONS = ["INELIGIBLE", "FAILED_TEST", "NO_SHOW", "FAILED_INTERVIEW", "OTHER"] as const;

export class DashboardService {
  constructor(private readonly db: Db) {}

  /** The dashboard of a campaign (the most recent without a slug); null for an unknown campaign. */
  async open(args: DashboardArgs, today = brusselsDate(new Date())): Promise<DashboardQuery | null> {
    const filter = args.filter ?? {};
    const asOf = args.asOf ? toIsoDate(args.asOf) : null;
    const to = filter.to ? toIsoDate(filter.to) : null;
    const from = filter.from ? toIsoDate(filter.from) : null;
    if (asOf && asOf > today) throw badUserInput(`asOf (${asOf}) lies in the future; figures exist up to today (${today}).`, "asOf");
    if (from && to && to < from) throw badUserInput(`filter.to (${to}) lies before filter.from (${from}).`, "filter");
    const ids = (list: string[] | null | undefined, type: "Wave" | "JobProfile" | "Vacancy", name: string) =>
      list?.map((id, i) => {
        const key = fromGlobalId(type, id);
        if (key == null)
          throw badUserInput(`filter.${name}[${i}]: "${id}" is not a ${type === "JobProfile" ? "job profile" : type.toLowerCase()} id.`, "filter");
        return key;
      }) ?? null;
    const waveKeys = ids(filter.waveIds, "Wave", "waveIds");
    const profileKeys = ids(filter.jobProfileIds, "JobProfile", "jobProfileIds");
    const vacancyKeys = ids(filter.vacancyIds, "Vacancy", "vacancyIds");

    const [campaign] = args.campaignSlug
      ? await this.db.select().from(campaigns).where(eq(campaigns.slug, args.campaignSlug))
      : await this.db
          .select()
          .from(campaigns)
          .orderBy(sql`${campaigns.startsOn} desc, ${campaigns.id} desc`)
          .limit(1);
    if (!campaign) return null;

    const conditions: (SQL | undefined)[] = [eq(vacancies.campaignId, campaign.id)];
    if (filter.agencies) conditions.push(inArray(vacancies.agencyCode, filter.agencies));
    if (waveKeys) conditions.push(inArray(vacancies.waveId, waveKeys));
    if (profileKeys) conditions.push(inArray(vacancies.jobProfileId, profileKeys));
    if (vacancyKeys) conditions.push(inArray(vacancies.id, vacancyKeys));
    const selected = await this.db
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

    // Disjoint coarse scopes covering exactly the selection, when the filter is one dimension (or none).
    const dimensions = [filter.agencies, waveKeys, profileKeys, vacancyKeys].filter((d) => d != null);
    let scopes: string[] | null = null;
    if (dimensions.length === 0) scopes = [`c:${campaign.id}`];
    else if (dimensions.length === 1 && filter.agencies) scopes = [...new Set(filter.agencies)].map((a) => `a:${campaign.id}:${a}`);
    else if (dimensions.length === 1 && waveKeys) scopes = [...new Set(selected.map((v) => v.waveId))].map((w) => `w:${w}`);
    else if (dimensions.length === 1 && profileKeys) scopes = [...new Set(selected.map((v) => v.jobProfileId))].map((p) => `p:${campaign.id}:${p}`);

    const end = [asOf, to, today].filter((d): d is string => d != null).sort()[0];
    return new DashboardQuery(this.db, campaign, selected as SelectedVacancy[], scopes, from, end, asOf == null && from == null && to == null, today);
  }
}

/**
 * One dashboard request: the selected vacancies, the period and the figures, each section computed once, on first use,
 * in one statement. Sections read counters kept by every move (src/applications/stage-moves.ts), never the
 * applications themselves, except distinct candidates over a selection no coarse scope covers.
 */
export class DashboardQuery {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    readonly campaign: CampaignRow,
    readonly vacancies: SelectedVacancy[],
    /** Coarse scopes covering exactly the selected vacancies, or null when the filter mixes dimensions. */
    private readonly scopes: string[] | null,
    /** First day counted; null: from the beginning. */
    readonly from: string | null,
    /** Last day counted; the figures are as of its end. */
    readonly end: string,
    /** No asOf and no period: the current counters answer directly. */
    private readonly live: boolean,
    today: string,
  ) {
    // A past day or a period is counted from whichever side reads fewer days of daily rows: up from the campaign's
    // start, or down from today's counters, taking away what happened outside the period.
    const direct = daysBetween(campaign.startsOn, end);
    const fromNow = (from ? Math.max(0, daysBetween(campaign.startsOn, from)) : 0) + daysBetween(end, today);
    this.counting = fromNow < direct ? "from-now" : "up-to";
  }

  private readonly counting: "from-now" | "up-to";

  private once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) this.memo.set(key, (value = compute()));
    return value;
  }

  private get vacancyIds(): number[] {
    return this.vacancies.map((v) => v.id);
  }

  private get vacancyList(): SQL {
    return sql.raw(`(${this.vacancyIds.length ? this.vacancyIds.join(",") : "null"})`);
  }

  private get startDay(): string {
    return this.from ?? "0001-01-01";
  }

  /** Target of the selection: the campaign's own target without a filter, the vacancies' (cancelled aside) with one. */
  target(vacancies: SelectedVacancy[] = this.vacancies, whole = this.scopes?.[0] === `c:${this.campaign.id}`): number {
    return whole ? this.campaign.targetHeadcount : vacancies.filter((v) => v.status !== "CANCELLED").reduce((sum, v) => sum + v.headcountTarget, 0);
  }

  openVacancies(): number {
    return this.vacancies.filter((v) => v.status === "OPEN").length;
  }

  /** Reached and current per vacancy and stage, as of the end of the period. */
  /**
   * Every section's rows in one statement (one round trip, however many sections are asked for): the stage counts per
   * vacancy, distinct candidates, the weekly trend, time-in-stage histograms, exits, sessions and recent hires. Each
   * part reads counters: today's as they are, a past day or a period from the cheaper side (see `counting`).
   */
  private bundle(): Promise<Bundle> {
    return this.once("bundle", async () => {
      const rows = (query: SQL) => sql`(select coalesce(json_agg(r), '[]'::json) from (${query}) r)`;
      const [bundle] = await selectRows<Bundle>(
        this.db,
        sql`select ${rows(this.stagesSql())} as stages, (${this.candidatesSql()}) as candidates, ${rows(this.weeklySql())} as weekly,
                   ${rows(this.durationsSql())} as durations, ${rows(this.exitsSql())} as exits, ${rows(this.sessionsSql())} as sessions,
                   ${rows(this.recentHiresSql())} as recent_hires`,
      );
      return bundle;
    });
  }

  /** The days outside the period, for counting down from today's counters: after its end, and before its start if any. */
  private outsidePeriod(): SQL {
    return this.from ? sql`(day < ${this.from} or day > ${this.end})` : sql`day > ${this.end}`;
  }

  private stagesSql(): SQL {
    if (this.live) return sql`select vacancy_id, stage, reached, current from vacancy_stage_counts where vacancy_id in ${this.vacancyList}`;
    if (this.counting === "from-now") {
      // Today's counts minus what happened outside the period: few rows when the period ends recently.
      return sql`select c.vacancy_id, c.stage,
                   (c.reached - coalesce(d.entered_before, 0) - coalesce(d.entered_after, 0))::int as reached,
                   (c.current - coalesce(d.net_after, 0))::int as current
                 from vacancy_stage_counts c
                 left join (
                   select vacancy_id, stage,
                     sum(entered) filter (where day < ${this.startDay}) as entered_before,
                     sum(entered) filter (where day > ${this.end}) as entered_after,
                     sum(entered - exited) filter (where day > ${this.end}) as net_after
                   from vacancy_stage_daily
                   where vacancy_id in ${this.vacancyList} and ${this.outsidePeriod()}
                   group by vacancy_id, stage) d on d.vacancy_id = c.vacancy_id and d.stage = c.stage
                 where c.vacancy_id in ${this.vacancyList}`;
    }
    return sql`select vacancy_id, stage,
                 coalesce(sum(entered) filter (where day >= ${this.startDay}), 0)::int as reached,
                 coalesce(sum(entered - exited), 0)::int as current
               from vacancy_stage_daily where vacancy_id in ${this.vacancyList} and day <= ${this.end}
               group by vacancy_id, stage`;
  }

  private candidatesSql(): SQL {
    if (this.scopes?.length === 1) {
      return sql`select coalesce(sum(new_candidates), 0)::int from rollup_candidate_daily where scope = ${this.scopes[0]} and day between ${this.startDay} and ${this.end}`;
    }
    // Several scopes may share people: count them from the applications (exact, but it reads the selection's rows).
    return sql`select count(*)::int from (
                 select candidate_id, min((submitted_at at time zone 'Europe/Brussels')::date) as first_day
                 from applications where vacancy_id in ${this.vacancyList} group by candidate_id) firsts
               where first_day between ${this.startDay} and ${this.end}`;
  }

  private weeklySql(): SQL {
    const monday = mondayOf("day");
    const stages = IN_WEEKLY_STAGES;
    if (!this.scopes) {
      return sql`select week::text as week, stage, n from (
                   select ${monday} as week, stage, sum(entered)::int as n from vacancy_stage_daily
                   where vacancy_id in ${this.vacancyList} and ${stages} and day between ${this.startDay} and ${this.end}
                   group by 1, 2) weeks`;
    }
    // Whole weeks inside the period from the weekly rollup (one row per week); the days of a week cut by the period's
    // start or end (this week, up to today) from the daily one.
    const firstWhole = this.from ? isoWeekMonday(addDays(this.from, 6)) : "0001-01-01";
    const afterLastWhole = isoWeekMonday(addDays(this.end, 1));
    return sql`select week::text as week, stage, sum(n)::int as n from (
                 select week, stage, entered as n from rollup_stage_weekly
                 where scope in ${scopeList(this.scopes)} and ${stages} and week >= ${firstWhole} and week < ${afterLastWhole}
                 union all
                 select ${monday}, stage, entered from rollup_stage_daily
                 where scope in ${scopeList(this.scopes)} and ${stages} and day between ${this.startDay} and ${this.end}
                   and (day < ${firstWhole} or day >= ${afterLastWhole})) parts
               group by week, stage`;
  }

  private durationsSql(): SQL {
    if (this.live) {
      return sql`select from_stage, to_stage, days, sum(count)::int as n from stage_durations
                 where scope in ${scopeList(this.scopes ?? this.vacancyIds.map((id) => `v:${id}`))} group by 1, 2, 3`;
    }
    if (this.scopes && this.counting === "from-now") {
      return sql`select d.from_stage, d.to_stage, d.days, (d.n - coalesce(o.n, 0))::int as n
                 from (select from_stage, to_stage, days, sum(count) as n from stage_durations where scope in ${scopeList(this.scopes)} group by 1, 2, 3) d
                 left join (
                   select from_stage, to_stage, days, sum(count) as n from rollup_duration_daily
                   where scope in ${scopeList(this.scopes)} and ${this.outsidePeriod()} group by 1, 2, 3
                 ) o on o.from_stage = d.from_stage and o.to_stage = d.to_stage and o.days = d.days`;
    }
    if (this.scopes) {
      return sql`select from_stage, to_stage, days, sum(count)::int as n from rollup_duration_daily
                 where scope in ${scopeList(this.scopes)} and day between ${this.startDay} and ${this.end} group by 1, 2, 3`;
    }
    // A period over a mixed selection: recount from the selection's events (exact, but it reads them).
    return sql`with m as (
                 select e.from_stage, e.to_stage, (e.occurred_at at time zone 'Europe/Brussels')::date as day,
                        (lag(e.occurred_at) over w at time zone 'Europe/Brussels')::date as from_day,
                        (first_value(e.occurred_at) over w at time zone 'Europe/Brussels')::date as applied_day
                 from stage_events e join applications a on a.id = e.application_id
                 where a.vacancy_id in ${this.vacancyList}
                 window w as (partition by e.application_id order by e.occurred_at, e.id)),
               d as (
                 select from_stage, to_stage, day, day - from_day as days from m
                 where (from_stage, to_stage) in (('APPLIED', 'SCREENED'), ('SCREENED', 'INVITED'), ('INVITED', 'TESTED'), ('TESTED', 'LAUREATE'), ('LAUREATE', 'OFFERED'), ('OFFERED', 'HIRED'))
                 union all select 'APPLIED', 'HIRED', day, day - applied_day from m where to_stage = 'HIRED')
               select from_stage, to_stage, days, count(*)::int as n from d where day between ${this.startDay} and ${this.end} group by 1, 2, 3`;
  }

  private exitsSql(): SQL {
    if (this.live) {
      return sql`select from_stage, exit, sum(count)::int as n from stage_exits where scope in ${scopeList(this.scopes ?? this.vacancyIds.map((id) => `v:${id}`))} group by 1, 2`;
    }
    if (this.scopes && this.counting === "from-now") {
      return sql`select x.from_stage, x.exit, (x.n - coalesce(o.n, 0))::int as n
                 from (select from_stage, exit, sum(count) as n from stage_exits where scope in ${scopeList(this.scopes)} group by 1, 2) x
                 left join (
                   select from_stage, exit, sum(count) as n from rollup_exit_daily
                   where scope in ${scopeList(this.scopes)} and ${this.outsidePeriod()} group by 1, 2
                 ) o on o.from_stage = x.from_stage and o.exit = x.exit`;
    }
    if (this.scopes) {
      return sql`select from_stage, exit, sum(count)::int as n from rollup_exit_daily where scope in ${scopeList(this.scopes)} and day between ${this.startDay} and ${this.end} group by 1, 2`;
    }
    return sql`select e.from_stage, coalesce(e.reason::text, 'WITHDRAWN') as exit, count(*)::int as n
               from stage_events e join applications a on a.id = e.application_id
               where a.vacancy_id in ${this.vacancyList} and e.to_stage in ('REJECTED', 'WITHDRAWN')
                 and (e.occurred_at at time zone 'Europe/Brussels')::date between ${this.startDay} and ${this.end}
               group by 1, 2`;
  }

  /** The scheduled sessions that test the selection (every session of the campaign without a filter). */
  private sessionsSql(): SQL {
    const tested =
      this.scopes?.[0] === `c:${this.campaign.id}`
        ? sql``
        : sql`and id in (select session_id from test_session_vacancies where vacancy_id in ${this.vacancyList})`;
    return sql`select capacity, seats_taken, attended_count, no_show_count, starts_at from test_sessions
               where campaign_id = ${this.campaign.id} and status <> 'CANCELLED' ${tested}`;
  }

  /** Hires per vacancy in the 28 days ending with the period. */
  private recentHiresSql(): SQL {
    return sql`select vacancy_id, sum(entered)::int as n from vacancy_stage_daily
               where vacancy_id in ${this.vacancyList} and stage = 'HIRED' and day between ${addDays(this.end, -27)} and ${this.end}
               group by vacancy_id`;
  }

  /** Reached and current per vacancy and stage, as of the end of the period. */
  stageFigures(): Promise<Map<number, StageTotals>> {
    return this.once("stages", async () => {
      const byVacancy = new Map<number, StageTotals>();
      for (const id of this.vacancyIds) byVacancy.set(id, emptyTotals());
      for (const row of (await this.bundle()).stages) {
        if (!(PIPELINE_STAGES as readonly string[]).includes(row.stage)) continue;
        const totals = byVacancy.get(row.vacancy_id)!;
        totals.reached[row.stage as Pipeline] += row.reached;
        totals.current[row.stage as Pipeline] += row.current;
      }
      return byVacancy;
    });
  }

  async totals(vacancies: SelectedVacancy[] = this.vacancies): Promise<StageTotals> {
    const perVacancy = await this.stageFigures();
    const sum = emptyTotals();
    for (const v of vacancies) {
      const t = perVacancy.get(v.id)!;
      for (const stage of PIPELINE_STAGES) {
        sum.reached[stage] += t.reached[stage];
        sum.current[stage] += t.current[stage];
      }
    }
    return sum;
  }

  /** People behind the applications, each once: the first application's day (in the selection) within the period. */
  async distinctCandidates(): Promise<number> {
    return (await this.bundle()).candidates;
  }

  /** Applications, laureates, offers and hires per ISO week, every week from the start of the period to its end. */
  weekly(): Promise<{ weekStart: string; isoWeek: string; applications: number; laureates: number; offers: number; hires: number }[]> {
    return this.once("weekly", async () => {
      const first = this.from ?? this.campaign.startsOn;
      const weeks = new Map<string, { weekStart: string; isoWeek: string; applications: number; laureates: number; offers: number; hires: number }>();
      for (let monday = isoWeekMonday(first < this.end ? first : this.end); monday <= this.end; monday = addDays(monday, 7)) {
        weeks.set(monday, { weekStart: monday, isoWeek: isoWeek(monday), applications: 0, laureates: 0, offers: 0, hires: 0 });
      }
      for (const row of (await this.bundle()).weekly) {
        const week = weeks.get(row.week) ?? { weekStart: row.week, isoWeek: isoWeek(row.week), applications: 0, laureates: 0, offers: 0, hires: 0 };
        weeks.set(row.week, week);
        if (row.stage === "APPLIED") week.applications += row.n;
        if (row.stage === "LAUREATE") week.laureates += row.n;
        if (row.stage === "OFFERED") week.offers += row.n;
        if (row.stage === "HIRED") week.hires += row.n;
      }
      return [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
    });
  }

  /** Median and 90th percentile days per transition, from the duration histograms. */
  async timeInStage(): Promise<{ fromStage: Pipeline; toStage: Pipeline; count: number; medianDays: number | null; p90Days: number | null }[]> {
    const rows = (await this.bundle()).durations;
    return TRANSITIONS.map(([fromStage, toStage]) => {
      const histogram = rows.filter((r) => r.from_stage === fromStage && r.to_stage === toStage).map((r) => ({ value: r.days, count: r.n }));
      return {
        fromStage,
        toStage,
        count: histogram.reduce((sum, h) => sum + h.count, 0),
        medianDays: percentile(histogram, 50),
        p90Days: percentile(histogram, 90),
      };
    });
  }

  /** Rejections by reason and withdrawals, per stage left. */
  async exits(): Promise<{ stage: Pipeline; rejected: number; rejectedByReason: { reason: string; count: number }[]; withdrawn: number }[]> {
    const rows = (await this.bundle()).exits;
    return EXIT_STAGES.map((stage) => {
      const own = rows.filter((r) => r.from_stage === stage);
      const byReason = REASONS.map((reason) => ({ reason, count: own.filter((r) => r.exit === reason).reduce((s, r) => s + r.n, 0) })).filter(
        (r) => r.count > 0,
      );
      return {
        stage,
        rejected: byReason.reduce((s, r) => s + r.count, 0),
        rejectedByReason: byReason,
        withdrawn: own.filter((r) => r.exit === "WITHDRAWN").reduce((s, r) => s + r.n, 0),
      };
    });
  }

  /** Seats of the scheduled sessions that test the selection: in the period, or up to its end. */
  async testSessions() {
    const sessions = (await this.bundle()).sessions
      .map((s) => ({
        capacity: s.capacity,
        seatsTaken: s.seats_taken,
        attendedCount: s.attended_count,
        noShowCount: s.no_show_count,
        day: brusselsDate(new Date(s.starts_at)),
      }))
      .filter((s) => (this.live || s.day <= this.end) && s.day >= this.startDay);
    const saturday = (s: { day: string }) => isoWeekday(s.day) === 6;
    return { all: figures(sessions), weekday: figures(sessions.filter((s) => !saturday(s))), saturday: figures(sessions.filter(saturday)) };
  }

  /** Hires per agency in the 28 days ending with the period. */
  private async recentHires(): Promise<Map<AgencyCode, number>> {
    const byAgency = new Map<AgencyCode, number>();
    for (const row of (await this.bundle()).recent_hires) {
      const agency = this.vacancies.find((v) => v.id === row.vacancy_id)!.agencyCode;
      byAgency.set(agency, (byAgency.get(agency) ?? 0) + row.n);
    }
    return byAgency;
  }

  /** At the hiring rate of the last four weeks: hires by the campaign's end, and when the target would be reached. */
  async forecast(agency?: AgencyCode) {
    const vacancies = agency ? this.vacancies.filter((v) => v.agencyCode === agency) : this.vacancies;
    const target = agency ? this.target(vacancies, false) : this.target();
    const hired = (await this.totals(vacancies)).reached.HIRED;
    const recent = await this.recentHires();
    const hiresLastFourWeeks = agency ? (recent.get(agency) ?? 0) : [...recent.values()].reduce((a, b) => a + b, 0);
    const weeklyHiringRate = hiresLastFourWeeks / 4;
    const weeksRemaining = Math.max(0, daysBetween(this.end, this.campaign.endsOn) / 7);
    const missing = Math.max(0, target - hired);
    const projectedHiresByEnd = Math.floor(hired + weeklyHiringRate * weeksRemaining);
    return {
      hiresLastFourWeeks,
      weeklyHiringRate,
      projectedHiresByEnd,
      projectedTargetDate: missing === 0 ? this.end : weeklyHiringRate > 0 ? addDays(this.end, Math.ceil((missing / weeklyHiringRate) * 7)) : null,
      requiredWeeklyRate: weeksRemaining > 0 ? missing / weeksRemaining : missing,
      weeksRemaining: Math.round(weeksRemaining * 100) / 100,
      onTrack: projectedHiresByEnd >= target,
      target,
      hired,
    };
  }
}

function emptyTotals(): StageTotals {
  const zero = () => Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<Pipeline, number>;
  return { reached: zero(), current: zero() };
}

function scopeList(scopes: string[]): SQL {
  return scopes.length
    ? sql`(${sql.join(
        scopes.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql`(null)`;
}
