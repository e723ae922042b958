import { LRUCache } from "lru-cache";
import { performance } from "node:perf_hooks";
import type { AgencyCode } from "../agencies/agency.type";
import { brusselsDate, isoWeekday } from "../common/brussels-time";
import { selectRows, type Db } from "../db/client";
import { figures as seatFigures } from "../test-sessions/planning.service";
import {
  checkWithinCampaign,
  findCampaign,
  parseDashboardArgs,
  planSelection,
  selectVacancies,
  type DashboardArgs,
  type DashboardSelection,
  type ParsedDashboardArgs,
} from "./dashboard-selection";
import { bundleSql, crossAgencyCandidatesSql, type Bundle } from "./dashboard.sql";
import { exitFigures, forecast, hiresByAgency, sumTotals, targetOf, timeInStage, totalsByVacancy, type StageTotals } from "./figures";
import { weeklySql, weeklyTrend, weekWindow, type WeeklyRows } from "./weekly";
import { WeeklyReportService } from "./weekly-reports.service";

/**
 * How long the figures of one selection are shared by the requests that ask for it (DASHBOARD_CACHE_S), on a
 * monotonic clock in milliseconds (tests move their own).
 */
export interface DashboardCaching {
  maxAgeMs: number;
  clock?: () => number;
}

/** Selections kept at once: each holds its vacancies and counter rows (a few hundred KB for a whole campaign). */
const KEPT_SELECTIONS = 32;

/**
 * The taskforce dashboard: `open` plans a request's selection (plain data, which the GraphQL root carries); every
 * section is then read from one statement per selection, run once on first use (remembered per selection object).
 * With caching, requests for the same campaign, filter, day and asOf within `maxAgeMs` get the same selection object,
 * so they share its statements too, and concurrent ones run them once; without, the memory goes with the request.
 */
export class DashboardService {
  private readonly selections: LRUCache<string, Promise<DashboardSelection | null>> | null;
  private readonly bundles = new WeakMap<DashboardSelection, Promise<Bundle>>();
  private readonly totals = new WeakMap<DashboardSelection, Promise<Map<number, StageTotals>>>();
  /** The whole selection's sum, which half a dozen fields ask for: summed once per request. */
  private readonly selectionTotals = new WeakMap<DashboardSelection, Promise<StageTotals>>();
  private readonly recentHires = new WeakMap<DashboardSelection, Promise<Map<AgencyCode, number>>>();
  private readonly weeklyRows = new WeakMap<DashboardSelection, Map<string, Promise<WeeklyRows>>>();
  private readonly crossAgency = new WeakMap<DashboardSelection, Promise<number>>();
  readonly weeklyReports: WeeklyReportService;

  /** Reads from `reads` (a read replica, when there is one); freezing closed weeks writes to `db`, the primary. */
  private readonly db: Db;

  constructor(
    primary: Db,
    private readonly now: () => Date = () => new Date(),
    reads: Db = primary,
    caching: DashboardCaching | null = null,
  ) {
    this.db = reads;
    this.weeklyReports = new WeeklyReportService(primary);
    const clock = caching?.clock ?? (() => performance.now());
    // ttlResolution 0: every lookup reads the clock (no cached "now", no timer).
    this.selections = caching?.maxAgeMs ? new LRUCache({ max: KEPT_SELECTIONS, ttl: caching.maxAgeMs, ttlResolution: 0, perf: { now: clock } }) : null;
  }

  /** Today in Brussels, by the service's clock. */
  today(): string {
    return brusselsDate(this.now());
  }

  /**
   * The selection of a request (the most recent campaign without a slug); null for an unknown campaign. With caching,
   * one planned within maxAgeMs for the same arguments and day, if any: a bad argument is refused before any lookup.
   */
  async open(args: DashboardArgs): Promise<DashboardSelection | null> {
    const today = this.today();
    const parsed = parseDashboardArgs(args, today);
    if (!this.selections) return this.plan(args.campaignSlug, parsed, today);
    const key = JSON.stringify([args.campaignSlug ?? null, parsed, today]);
    let selection = this.selections.get(key);
    if (!selection) {
      selection = this.plan(args.campaignSlug, parsed, today);
      this.selections.set(key, selection);
      // A failure (an argument outside the campaign, a database fault) is not kept: the next request tries afresh.
      const planned = selection;
      planned.catch(() => {
        if (this.selections?.get(key) === planned) this.selections.delete(key);
      });
    }
    return selection;
  }

  private async plan(campaignSlug: string | null | undefined, parsed: ParsedDashboardArgs, today: string): Promise<DashboardSelection | null> {
    const campaign = await findCampaign(this.db, campaignSlug);
    if (!campaign) return null;
    checkWithinCampaign(parsed, campaign);
    // The first read after a week closed freezes it as reported (once a week per process, then no statement).
    await this.weeklyReports.freezeClosedWeeks(campaign, today, this.now());
    return planSelection(campaign, await selectVacancies(this.db, campaign, parsed), parsed, today);
  }

  private bundle(s: DashboardSelection): Promise<Bundle> {
    let bundle = this.bundles.get(s);
    if (!bundle) {
      bundle = selectRows<Bundle>(this.db, bundleSql(s)).then((rows) => rows[0]);
      this.bundles.set(s, bundle);
    }
    return bundle;
  }

  /** Target of the selection: the campaign's own target without a filter, the vacancies' (cancelled aside) with one. */
  target(s: DashboardSelection): number {
    return s.whole ? s.campaign.targetHeadcount : targetOf(s.vacancies);
  }

  openVacancies(s: DashboardSelection): number {
    return s.vacancies.filter((v) => v.status === "OPEN").length;
  }

  /** Reached and current per vacancy and stage, as of the end of the period. */
  stageFigures(s: DashboardSelection): Promise<Map<number, StageTotals>> {
    let totals = this.totals.get(s);
    if (!totals) {
      totals = this.bundle(s).then((b) =>
        totalsByVacancy(
          s.vacancies.map((v) => v.id),
          b.stages,
        ),
      );
      this.totals.set(s, totals);
    }
    return totals;
  }

  /** Reached and current of some of the selected vacancies (all by default). */
  async stageTotals(s: DashboardSelection, vacancyIds?: readonly number[]): Promise<StageTotals> {
    if (vacancyIds) return sumTotals(await this.stageFigures(s), vacancyIds);
    let totals = this.selectionTotals.get(s);
    if (!totals) {
      totals = this.stageFigures(s).then((figures) =>
        sumTotals(
          figures,
          s.vacancies.map((v) => v.id),
        ),
      );
      this.selectionTotals.set(s, totals);
    }
    return totals;
  }

  /** People behind the applications, each once: the first application's day (in the selection) within the period. */
  async distinctCandidates(s: DashboardSelection): Promise<number> {
    return (await this.bundle(s)).candidates;
  }

  /** People who applied through more than one agency (linked by the keyed hash of their address), by the period's end. */
  crossAgencyCandidates(s: DashboardSelection): Promise<number> {
    let n = this.crossAgency.get(s);
    if (!n) {
      n = selectRows<{ n: number }>(this.db, crossAgencyCandidatesSql(s)).then(([row]) => row.n);
      this.crossAgency.set(s, n);
    }
    return n;
  }

  /**
   * Applications, laureates, offers and hires per ISO week of a window (default: the last 12 weeks and the weeks ahead
   * to the campaign's end), each closed week with its figures as reported and their revisions; one statement.
   */
  async weekly(s: DashboardSelection, window: { from?: string | null; to?: string | null } = {}, view: "CURRENT" | "AS_REPORTED" = "CURRENT") {
    const w = weekWindow(s, window.from, window.to);
    let byWindow = this.weeklyRows.get(s);
    if (!byWindow) this.weeklyRows.set(s, (byWindow = new Map<string, Promise<WeeklyRows>>()));
    const key = JSON.stringify(w);
    let rows = byWindow.get(key);
    if (!rows) {
      rows = selectRows<WeeklyRows>(this.db, weeklySql(s, w)).then(([row]) => row);
      byWindow.set(key, rows);
    }
    return weeklyTrend(s, w, await rows, view);
  }

  async timeInStage(s: DashboardSelection) {
    return timeInStage((await this.bundle(s)).durations);
  }

  async exits(s: DashboardSelection) {
    return exitFigures((await this.bundle(s)).exits);
  }

  /** Seats of the scheduled sessions that test the selection: in the period, or up to its end. */
  async testSessions(s: DashboardSelection) {
    const startDay = s.from ?? "0001-01-01";
    const sessions = (await this.bundle(s)).sessions
      .map((row) => ({
        capacity: row.capacity,
        seatsTaken: row.seats_taken,
        attendedCount: row.attended_count,
        noShowCount: row.no_show_count,
        day: brusselsDate(new Date(row.starts_at)),
      }))
      .filter((row) => (s.live || row.day <= s.end) && row.day >= startDay);
    const saturday = (row: { day: string }) => isoWeekday(row.day) === 6;
    return { all: seatFigures(sessions), weekday: seatFigures(sessions.filter((r) => !saturday(r))), saturday: seatFigures(sessions.filter(saturday)) };
  }

  /** Hires of the last four weeks per agency: once per selection (the forecast asks for it once per agency, then whole). */
  private recentHiresByAgency(s: DashboardSelection): Promise<Map<AgencyCode, number>> {
    let recent = this.recentHires.get(s);
    if (!recent) {
      recent = this.bundle(s).then((b) => {
        const agencyOf = new Map(s.vacancies.map((v) => [v.id, v.agencyCode]));
        return hiresByAgency(b.recent_hires, (id) => agencyOf.get(id));
      });
      this.recentHires.set(s, recent);
    }
    return recent;
  }

  /** The forecast of the selection, or of one agency's part of it. */
  async forecast(s: DashboardSelection, agency?: AgencyCode) {
    const members = agency ? s.vacancies.filter((v) => v.agencyCode === agency) : s.vacancies;
    const recent = await this.recentHiresByAgency(s);
    return forecast({
      target: agency ? targetOf(members) : this.target(s),
      hired: (await this.stageTotals(s, agency ? members.map((v) => v.id) : undefined)).reached.HIRED,
      hiresLastFourWeeks: agency ? (recent.get(agency) ?? 0) : [...recent.values()].reduce((a, b) => a + b, 0),
      end: s.end,
      campaignEnd: s.campaign.endsOn,
    });
  }
}
