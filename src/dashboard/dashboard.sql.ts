import { sql, type SQL } from "drizzle-orm";
import { PIPELINE_STEPS_SQL } from "../applications/stages";
import type { Pipeline } from "./figures";
import { scopeKey } from "../db/tables/scope-keys";
import { addDays } from "../common/brussels-time";
import type { StageValue } from "../db/tables";
import type { DashboardSelection } from "./dashboard-selection";

/**
 * One SQL builder per dashboard section. Each reads counters kept by every move (src/applications/stage-moves.ts),
 * never the applications themselves, except where a mixed selection leaves no coarse scope to read (said below):
 * today's counters as they are, a past day or a period from the cheaper side (DashboardSelection.counting).
 */

/** One row set per section, as the bundle statement returns them (JSON). */
export interface Bundle {
  stages: { vacancy_id: number; stage: StageValue; reached: number; current: number }[];
  candidates: number;
  durations: { from_stage: Pipeline; to_stage: Pipeline; days: number; n: number }[];
  exits: { from_stage: Pipeline; exit: string; n: number }[];
  sessions: { capacity: number; seats_taken: number; attended_count: number; no_show_count: number; starts_at: string }[];
  recent_hires: { vacancy_id: number; n: number }[];
}

/** Every section's rows in one statement: one round trip, however many sections are asked for. */
export function bundleSql(s: DashboardSelection): SQL {
  const rows = (query: SQL) => sql`(select coalesce(json_agg(r), '[]'::json) from (${query}) r)`;
  // Counters at zero add nothing to any total: most vacancies have no application in most stages, and leaving their rows
  // out shrinks the JSON PostgreSQL builds and the service parses (18,333 rows to 3,980 in the mixed load's data).
  const stages = sql`select * from (${stagesSql(s)}) t where reached <> 0 or current <> 0`;
  return sql`select ${rows(stages)} as stages, (${candidatesSql(s)}) as candidates,
                    ${rows(durationsSql(s))} as durations, ${rows(exitsSql(s))} as exits, ${rows(sessionsSql(s))} as sessions,
                    ${rows(recentHiresSql(s))} as recent_hires`;
}

export function vacancyList(s: DashboardSelection): SQL {
  return sql.raw(`(${s.vacancies.length ? s.vacancies.map((v) => v.id).join(",") : "null"})`);
}

export function scopeList(scopes: string[]): SQL {
  return scopes.length
    ? sql`(${sql.join(
        scopes.map((scope) => sql`${scope}`),
        sql`, `,
      )})`
    : sql`(null)`;
}

function startDay(s: DashboardSelection): string {
  return s.from ?? "0001-01-01";
}

/** The days outside the period, for counting down from today's counters: after its end, and before its start if any. */
function outsidePeriod(s: DashboardSelection): SQL {
  return s.from ? sql`(day < ${s.from} or day > ${s.end})` : sql`day > ${s.end}`;
}

/** The selection's scopes, or one per vacancy when no coarse scope covers it. */
function scopesOrVacancies(s: DashboardSelection): SQL {
  return scopeList(s.scopes ?? s.vacancies.map((v) => scopeKey.vacancy(v.id)));
}

/** Reached and current per vacancy and stage, as of the end of the period. */
export function stagesSql(s: DashboardSelection): SQL {
  const list = vacancyList(s);
  if (s.live) return sql`select vacancy_id, stage, reached, current from vacancy_stage_counts where vacancy_id in ${list}`;
  if (s.counting === "from-now") {
    // Today's counts minus what happened outside the period: few rows when the period ends recently.
    return sql`select c.vacancy_id, c.stage,
                 (c.reached - coalesce(d.entered_before, 0) - coalesce(d.entered_after, 0))::int as reached,
                 (c.current - coalesce(d.net_after, 0))::int as current
               from vacancy_stage_counts c
               left join (
                 select vacancy_id, stage,
                   sum(entered) filter (where day < ${startDay(s)}) as entered_before,
                   sum(entered) filter (where day > ${s.end}) as entered_after,
                   sum(entered - exited) filter (where day > ${s.end}) as net_after
                 from vacancy_stage_daily
                 where vacancy_id in ${list} and ${outsidePeriod(s)}
                 group by vacancy_id, stage) d on d.vacancy_id = c.vacancy_id and d.stage = c.stage
               where c.vacancy_id in ${list}`;
  }
  return sql`select vacancy_id, stage,
               coalesce(sum(entered) filter (where day >= ${startDay(s)}), 0)::int as reached,
               coalesce(sum(entered - exited), 0)::int as current
             from vacancy_stage_daily where vacancy_id in ${list} and day <= ${s.end}
             group by vacancy_id, stage`;
}

/** People behind the applications, each once, on their first application's day (in the selection) within the period. */
export function candidatesSql(s: DashboardSelection): SQL {
  if (s.scopes?.length === 1) {
    return sql`select coalesce(sum(new_candidates), 0)::int from rollup_candidate_daily where scope = ${s.scopes[0]} and day between ${startDay(s)} and ${s.end}`;
  }
  // Several scopes may share people: count them from the applications (exact, but it reads the selection's rows).
  return sql`select count(*)::int from (
               select c.person_id, min((a.submitted_at at time zone 'Europe/Brussels')::date) as first_day
               from applications a join candidates c on c.id = a.candidate_id where a.vacancy_id in ${vacancyList(s)} group by c.person_id) firsts
             where first_day between ${startDay(s)} and ${s.end}`;
}

/**
 * People who applied through more than one agency, among the selection's applications submitted by the period's end:
 * linked by the keyed hash of their address (persons), never by any agency's personal data.
 */
export function crossAgencyCandidatesSql(s: DashboardSelection): SQL {
  return sql`select count(*)::int as n from (
               select c.person_id from applications a join candidates c on c.id = a.candidate_id
               where a.vacancy_id in ${vacancyList(s)} and (a.submitted_at at time zone 'Europe/Brussels')::date <= ${s.end}
               group by c.person_id having count(distinct a.agency_code) > 1) several`;
}

/** Time-in-stage histograms: moves per transition and number of days. */
export function durationsSql(s: DashboardSelection): SQL {
  if (s.live) {
    return sql`select from_stage, to_stage, days, sum(count)::int as n from stage_durations where scope in ${scopesOrVacancies(s)} group by 1, 2, 3`;
  }
  if (s.scopes && s.counting === "from-now") {
    return sql`select d.from_stage, d.to_stage, d.days, (d.n - coalesce(o.n, 0))::int as n
               from (select from_stage, to_stage, days, sum(count) as n from stage_durations where scope in ${scopeList(s.scopes)} group by 1, 2, 3) d
               left join (
                 select from_stage, to_stage, days, sum(count) as n from rollup_duration_daily
                 where scope in ${scopeList(s.scopes)} and ${outsidePeriod(s)} group by 1, 2, 3
               ) o on o.from_stage = d.from_stage and o.to_stage = d.to_stage and o.days = d.days`;
  }
  if (s.scopes) {
    return sql`select from_stage, to_stage, days, sum(count)::int as n from rollup_duration_daily
               where scope in ${scopeList(s.scopes)} and day between ${startDay(s)} and ${s.end} group by 1, 2, 3`;
  }
  // A period over a mixed selection: recount from the selection's events (exact, but it reads them).
  return sql`with m as (
               select e.from_stage, e.to_stage, (e.occurred_at at time zone 'Europe/Brussels')::date as day,
                      (lag(e.occurred_at) over w at time zone 'Europe/Brussels')::date as from_day,
                      (first_value(e.occurred_at) over w at time zone 'Europe/Brussels')::date as applied_day
               from stage_events e join applications a on a.id = e.application_id
               where a.vacancy_id in ${vacancyList(s)}
               window w as (partition by e.application_id order by e.occurred_at, e.id)),
             d as (
               select from_stage, to_stage, day, day - from_day as days from m
               where (from_stage, to_stage) in (${PIPELINE_STEPS_SQL})
               union all select 'APPLIED', 'HIRED', day, day - applied_day from m where to_stage = 'HIRED')
             select from_stage, to_stage, days, count(*)::int as n from d where day between ${startDay(s)} and ${s.end} group by 1, 2, 3`;
}

/** Rejections by reason and withdrawals, per stage left. */
export function exitsSql(s: DashboardSelection): SQL {
  if (s.live) {
    return sql`select from_stage, exit, sum(count)::int as n from stage_exits where scope in ${scopesOrVacancies(s)} group by 1, 2`;
  }
  if (s.scopes && s.counting === "from-now") {
    return sql`select x.from_stage, x.exit, (x.n - coalesce(o.n, 0))::int as n
               from (select from_stage, exit, sum(count) as n from stage_exits where scope in ${scopeList(s.scopes)} group by 1, 2) x
               left join (
                 select from_stage, exit, sum(count) as n from rollup_exit_daily
                 where scope in ${scopeList(s.scopes)} and ${outsidePeriod(s)} group by 1, 2
               ) o on o.from_stage = x.from_stage and o.exit = x.exit`;
  }
  if (s.scopes) {
    return sql`select from_stage, exit, sum(count)::int as n from rollup_exit_daily where scope in ${scopeList(s.scopes)} and day between ${startDay(s)} and ${s.end} group by 1, 2`;
  }
  return sql`select e.from_stage, coalesce(e.reason::text, 'WITHDRAWN') as exit, count(*)::int as n
             from stage_events e join applications a on a.id = e.application_id
             where a.vacancy_id in ${vacancyList(s)} and e.to_stage in ('REJECTED', 'WITHDRAWN')
               and (e.occurred_at at time zone 'Europe/Brussels')::date between ${startDay(s)} and ${s.end}
             group by 1, 2`;
}

/** The scheduled sessions that test the selection (every session of the campaign without a filter). */
export function sessionsSql(s: DashboardSelection): SQL {
  const tested = s.whole ? sql`` : sql`and id in (select session_id from test_session_vacancies where vacancy_id in ${vacancyList(s)})`;
  return sql`select capacity, seats_taken, attended_count, no_show_count, starts_at from test_sessions
             where campaign_id = ${s.campaign.id} and status <> 'CANCELLED' ${tested}`;
}

/** Hires per vacancy in the 28 days ending with the period. */
export function recentHiresSql(s: DashboardSelection): SQL {
  return sql`select vacancy_id, sum(entered)::int as n from vacancy_stage_daily
             where vacancy_id in ${vacancyList(s)} and stage = 'HIRED' and day between ${addDays(s.end, -27)} and ${s.end}
             group by vacancy_id`;
}
