import { sql, type SQL } from "drizzle-orm";
import { IN_WEEKLY_STAGES, mondayOf } from "../applications/stage-moves";
import { scopeKey } from "../db/tables/scope-keys";
import { addDays, daysBetween, isoWeek, isoWeekMonday } from "../common/brussels-time";
import { badUserInput } from "../common/errors";
import type { StageValue } from "../db/tables";
import type { DashboardSelection } from "./dashboard-selection";
import { scopeList, vacancyList } from "./dashboard.sql";

/**
 * The weekly trend over a window of ISO weeks, with each closed week's figures as reported (weekly-reports.service.ts)
 * beside what they are now. The window and the revisions are pure; `weeklySql` reads one statement.
 */

export type WeeklyFigureName = "APPLICATIONS" | "LAUREATES" | "OFFERS" | "HIRES";
export const WEEKLY_FIGURES: readonly { figure: WeeklyFigureName; stage: StageValue; key: "applications" | "laureates" | "offers" | "hires"; words: string }[] =
  [
    { figure: "APPLICATIONS", stage: "APPLIED", key: "applications", words: "applications" },
    { figure: "LAUREATES", stage: "LAUREATE", key: "laureates", words: "laureates" },
    { figure: "OFFERS", stage: "OFFERED", key: "offers", words: "offers" },
    { figure: "HIRES", stage: "HIRED", key: "hires", words: "hires" },
  ];

/** Weeks before and including the figures' week shown by default. */
export const DEFAULT_WEEKS_BACK = 12;
/** The widest window one request may ask for. */
export const MAX_WINDOW_WEEKS = 520;

export interface WeekWindow {
  /** Monday of the first week. */
  first: string;
  /** Monday of the last week. */
  last: string;
}

export type Counts = Record<"applications" | "laureates" | "offers" | "hires", number>;

export interface WeeklyRevision {
  figure: WeeklyFigureName;
  reported: number;
  now: number;
  difference: number;
  reason: string;
}

export interface WeekRow extends Counts {
  weekStart: string;
  isoWeek: string;
  /** The week has ended (its Sunday lies before today). */
  closed: boolean;
  /** When its figures were frozen as reported; null while not. */
  reportedAt: string | null;
  /** The frozen figures, when frozen and wholly inside the period. */
  reported: Counts | null;
  revisions: WeeklyRevision[];
}

/**
 * The weeks to show: those given (their Mondays), or by default the last twelve weeks up to the figures' day and the
 * weeks ahead to the campaign's end, never before the campaign's (or the period's) first week.
 */
export function weekWindow(s: DashboardSelection, from?: string | null, to?: string | null): WeekWindow {
  const start = isoWeekMonday(s.from ?? s.campaign.startsOn);
  const endWeek = isoWeekMonday(s.end);
  const first = from ? isoWeekMonday(from) : [addDays(endWeek, -7 * (DEFAULT_WEEKS_BACK - 1)), start].sort()[1];
  const last = to ? isoWeekMonday(to) : [endWeek, isoWeekMonday(s.campaign.endsOn)].sort()[1];
  if (last < first) throw badUserInput(`weekly: "to" (${to ?? last}) lies before "from" (${from ?? first}).`, "to");
  if (daysBetween(first, last) / 7 + 1 > MAX_WINDOW_WEEKS) throw badUserInput(`weekly: a window spans at most ${MAX_WINDOW_WEEKS} weeks.`, "to");
  return { first, last };
}

/**
 * Entries into the weekly stages per week of the window (within the period), the frozen figures of the window's
 * weeks and when they were frozen: one statement.
 */
export function weeklySql(s: DashboardSelection, w: WeekWindow): SQL {
  const firstDay = [s.from ?? "0001-01-01", w.first].sort()[1];
  const lastDay = [s.end, addDays(w.last, 6)].sort()[0];
  const monday = mondayOf("day");
  const scopes = scopeList(s.scopes ?? s.vacancies.map((v) => scopeKey.vacancy(v.id)));
  const rows = (query: SQL) => sql`(select coalesce(json_agg(r), '[]'::json) from (${query}) r)`;
  let now: SQL;
  if (!s.scopes) {
    now = sql`select (${monday})::text as week, stage, sum(entered)::int as n from vacancy_stage_daily
              where vacancy_id in ${vacancyList(s)} and ${IN_WEEKLY_STAGES} and day between ${firstDay} and ${lastDay} group by 1, 2`;
  } else {
    // Whole weeks from the weekly rollup (one row per week); the days of a week cut by the period from the daily one.
    const firstWhole = isoWeekMonday(addDays(firstDay, 6));
    const afterLastWhole = isoWeekMonday(addDays(lastDay, 1));
    now = sql`select week::text as week, stage, sum(n)::int as n from (
                select week, stage, entered as n from rollup_stage_weekly
                where scope in ${scopes} and ${IN_WEEKLY_STAGES} and week >= ${firstWhole} and week < ${afterLastWhole}
                union all
                select ${monday}, stage, entered from rollup_stage_daily
                where scope in ${scopes} and ${IN_WEEKLY_STAGES} and day between ${firstDay} and ${lastDay}
                  and (day < ${firstWhole} or day >= ${afterLastWhole})) parts
              group by week, stage`;
  }
  return sql`select ${rows(now)} as now,
    ${rows(sql`select week::text as week, stage, sum(reported)::int as n from weekly_report_counts
               where campaign_id = ${s.campaign.id} and scope in ${scopes} and week between ${w.first} and ${w.last} group by 1, 2`)} as reported,
    ${rows(sql`select week::text as week, frozen_at from weekly_reports where campaign_id = ${s.campaign.id} and week between ${w.first} and ${w.last}`)} as frozen`;
}

export interface WeeklyRows {
  now: { week: string; stage: StageValue; n: number }[];
  reported: { week: string; stage: StageValue; n: number }[];
  frozen: { week: string; frozen_at: string }[];
}

/** What changed in a frozen week, figure by figure, and why. */
export function revisionsOf(isoWeekName: string, reportedAt: string, reported: Counts, now: Counts): WeeklyRevision[] {
  return WEEKLY_FIGURES.filter(({ key }) => reported[key] !== now[key]).map(({ figure, key, words }) => {
    const difference = now[key] - reported[key];
    const on = reportedAt.slice(0, 10);
    return {
      figure,
      reported: reported[key],
      now: now[key],
      difference,
      reason:
        difference > 0
          ? `${difference} ${words} dated in ${isoWeekName} were recorded after the week was reported on ${on} (late, backdated syncs).`
          : `${-difference} fewer ${words} than reported on ${on}: the counters were recounted from the event log since.`,
    };
  });
}

/**
 * The window's weeks, in order: counts now, and for frozen weeks wholly inside the period the reported counts and
 * the revisions. `view` picks which counts the week's main figures carry.
 */
export function weeklyTrend(s: DashboardSelection, w: WeekWindow, rows: WeeklyRows, view: "CURRENT" | "AS_REPORTED"): WeekRow[] {
  const zero = (): Counts => ({ applications: 0, laureates: 0, offers: 0, hires: 0 });
  const tally = (list: WeeklyRows["now"]) => {
    const byWeek = new Map<string, Counts>();
    for (const row of list) {
      const figure = WEEKLY_FIGURES.find((f) => f.stage === row.stage);
      if (!figure) continue;
      const counts = byWeek.get(row.week) ?? zero();
      counts[figure.key] += row.n;
      byWeek.set(row.week, counts);
    }
    return byWeek;
  };
  const now = tally(rows.now);
  const reported = tally(rows.reported);
  const frozenAt = new Map(rows.frozen.map((f) => [f.week, new Date(f.frozen_at).toISOString()]));
  const weeks: WeekRow[] = [];
  for (let monday = w.first; monday <= w.last; monday = addDays(monday, 7)) {
    const current = now.get(monday) ?? zero();
    const at = frozenAt.get(monday) ?? null;
    // Reported figures are whole weeks: a week cut by the period's start or end is shown as counted now.
    const whole = (s.from == null || s.from <= monday) && addDays(monday, 6) <= s.end;
    const asReported = at && whole ? (reported.get(monday) ?? zero()) : null;
    const name = isoWeek(monday);
    weeks.push({
      weekStart: monday,
      isoWeek: name,
      closed: addDays(monday, 6) < s.today,
      reportedAt: at,
      reported: asReported,
      revisions: asReported && at ? revisionsOf(name, at, asReported, current) : [],
      ...(view === "AS_REPORTED" && asReported ? asReported : current),
    });
  }
  return weeks;
}
