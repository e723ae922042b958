import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../src/db/client";

/**
 * The counters as they are stored, and as a recount from the event log and the applications gives them. Tests compare
 * the two: the counters kept in each move's transaction must always equal a recount.
 */
export async function countersAndRecount(db: Db) {
  const stored = await selectRows<{ vacancy_id: number; stage: string; reached: number; current: number }>(
    db,
    sql`select vacancy_id, stage::text, reached, current from vacancy_stage_counts where reached <> 0 or current <> 0 order by 1, 2`,
  );
  const recount = await selectRows<{ vacancy_id: number; stage: string; reached: number; current: number }>(
    db,
    sql`with reached as (
          select a.vacancy_id, e.to_stage as stage, count(*)::int as reached
          from stage_events e join applications a on a.id = e.application_id group by 1, 2),
        current as (select vacancy_id, stage, count(*)::int as current from applications group by 1, 2)
        select coalesce(r.vacancy_id, c.vacancy_id) as vacancy_id, coalesce(r.stage, c.stage)::text as stage,
               coalesce(r.reached, 0) as reached, coalesce(c.current, 0) as current
        from reached r full join current c on c.vacancy_id = r.vacancy_id and c.stage = r.stage
        order by 1, 2`,
  );
  const storedDaily = await selectRows<{ vacancy_id: number; stage: string; day: string; entered: number; exited: number }>(
    db,
    sql`select vacancy_id, stage::text, day::text, entered, exited from vacancy_stage_daily where entered <> 0 or exited <> 0 order by 1, 2, 3`,
  );
  const recountDaily = await selectRows<{ vacancy_id: number; stage: string; day: string; entered: number; exited: number }>(
    db,
    sql`with moves as (
          select a.vacancy_id, e.from_stage, e.to_stage, (e.occurred_at at time zone 'Europe/Brussels')::date as day
          from stage_events e join applications a on a.id = e.application_id),
        entered as (select vacancy_id, to_stage as stage, day, count(*)::int as n from moves group by 1, 2, 3),
        exited as (select vacancy_id, from_stage as stage, day, count(*)::int as n from moves where from_stage is not null group by 1, 2, 3)
        select coalesce(i.vacancy_id, o.vacancy_id) as vacancy_id, coalesce(i.stage, o.stage)::text as stage, coalesce(i.day, o.day)::text as day,
               coalesce(i.n, 0) as entered, coalesce(o.n, 0) as exited
        from entered i full join exited o on o.vacancy_id = i.vacancy_id and o.stage = i.stage and o.day = i.day
        order by 1, 2, 3`,
  );
  return { stored, recount, storedDaily, recountDaily };
}

const MOVES = sql`
  select e.application_id, c.person_id, e.from_stage, e.to_stage, e.reason,
         (e.occurred_at at time zone 'Europe/Brussels')::date as day,
         (lag(e.occurred_at) over w at time zone 'Europe/Brussels')::date as from_day,
         (first_value(e.occurred_at) over w at time zone 'Europe/Brussels')::date as applied_day,
         array['c:' || v.campaign_id, 'a:' || v.campaign_id || ':' || v.agency_code, 'w:' || v.wave_id, 'p:' || v.campaign_id || ':' || v.job_profile_id] as coarse,
         'v:' || v.id as vacancy_scope
  from stage_events e join applications a on a.id = e.application_id join candidates c on c.id = a.candidate_id join vacancies v on v.id = a.vacancy_id
  window w as (partition by e.application_id order by e.occurred_at, e.id)`;

/** Every dashboard rollup as stored, and as a recount from the event log gives it (rows with a zero count left out). */
export async function rollupsAndRecount(db: Db) {
  const q = <T>(query: ReturnType<typeof sql>) => selectRows<T>(db, query);
  return {
    stageDaily: {
      stored: await q(sql`select scope, stage::text, day::text, entered, exited from rollup_stage_daily where entered <> 0 or exited <> 0 order by 1, 2, 3`),
      recount: await q(sql`with m as (${MOVES})
        select scope, stage::text, day::text, sum(entered)::int as entered, sum(exited)::int as exited from (
          select unnest(coarse) as scope, to_stage as stage, day, 1 as entered, 0 as exited from m
          union all select unnest(coarse), from_stage, day, 0, 1 from m where from_stage is not null) x
        group by 1, 2, 3 order by 1, 2, 3`),
    },
    stageWeekly: {
      stored: await q(sql`select scope, stage::text, week::text, entered from rollup_stage_weekly where entered <> 0 order by 1, 2, 3`),
      recount: await q(sql`with m as (${MOVES})
        select scope, stage::text, week::text, count(*)::int as entered from (
          select unnest(coarse) as scope, to_stage as stage, date_trunc('week', day)::date as week from m
          where to_stage in ('APPLIED', 'LAUREATE', 'OFFERED', 'HIRED')) x
        group by 1, 2, 3 order by 1, 2, 3`),
    },
    candidates: {
      stored: await q(sql`select scope, day::text, new_candidates from rollup_candidate_daily where new_candidates <> 0 order by 1, 2`),
      recount: await q(sql`with m as (${MOVES}), firsts as (
          select scope, person_id, min(day) as day from (select unnest(coarse) as scope, person_id, day from m where to_stage = 'APPLIED') x group by 1, 2)
        select scope, day::text, count(*)::int as new_candidates from firsts group by 1, 2 order by 1, 2`),
    },
    durations: {
      stored: await q(sql`select scope, from_stage::text, to_stage::text, days, count from stage_durations where count <> 0 order by 1, 2, 3, 4`),
      recount: await q(sql`with m as (${MOVES}), d as (
          select coarse || vacancy_scope as scopes, from_stage, to_stage, day - from_day as days from m
          where (from_stage, to_stage) in (('APPLIED', 'SCREENED'), ('SCREENED', 'INVITED'), ('INVITED', 'TESTED'), ('TESTED', 'LAUREATE'), ('LAUREATE', 'OFFERED'), ('OFFERED', 'HIRED'))
          union all select coarse || vacancy_scope, 'APPLIED', 'HIRED', day - applied_day from m where to_stage = 'HIRED')
        select scope, from_stage::text, to_stage::text, days, count(*)::int as count from (select unnest(scopes) as scope, from_stage, to_stage, days from d) x
        group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    },
    durationDaily: {
      stored: await q(
        sql`select scope, from_stage::text, to_stage::text, day::text, days, count from rollup_duration_daily where count <> 0 order by 1, 2, 3, 4, 5`,
      ),
      recount: await q(sql`with m as (${MOVES}), d as (
          select coarse, from_stage, to_stage, day, day - from_day as days from m
          where (from_stage, to_stage) in (('APPLIED', 'SCREENED'), ('SCREENED', 'INVITED'), ('INVITED', 'TESTED'), ('TESTED', 'LAUREATE'), ('LAUREATE', 'OFFERED'), ('OFFERED', 'HIRED'))
          union all select coarse, 'APPLIED', 'HIRED', day, day - applied_day from m where to_stage = 'HIRED')
        select scope, from_stage::text, to_stage::text, day::text, days, count(*)::int as count from (select unnest(coarse) as scope, from_stage, to_stage, day, days from d) x
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
    },
    exits: {
      stored: await q(sql`select scope, from_stage::text, exit, count from stage_exits where count <> 0 order by 1, 2, 3`),
      recount: await q(sql`with m as (${MOVES})
        select scope, from_stage::text, exit, count(*)::int as count from (
          select unnest(coarse || vacancy_scope) as scope, from_stage, coalesce(reason::text, 'WITHDRAWN') as exit from m where to_stage in ('REJECTED', 'WITHDRAWN')) x
        group by 1, 2, 3 order by 1, 2, 3`),
    },
    exitDaily: {
      stored: await q(sql`select scope, from_stage::text, exit, day::text, count from rollup_exit_daily where count <> 0 order by 1, 2, 3, 4`),
      recount: await q(sql`with m as (${MOVES})
        select scope, from_stage::text, exit, day::text, count(*)::int as count from (
          select unnest(coarse) as scope, from_stage, coalesce(reason::text, 'WITHDRAWN') as exit, day from m where to_stage in ('REJECTED', 'WITHDRAWN')) x
        group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    },
  };
}

/** Asserts every counter and rollup equals its recount from the events. */
export async function expectCountersToMatchEvents(db: Db): Promise<void> {
  const counters = await countersAndRecount(db);
  expect(counters.stored).toEqual(counters.recount);
  expect(counters.storedDaily).toEqual(counters.recountDaily);
  const rollups = await rollupsAndRecount(db);
  for (const [name, { stored, recount }] of Object.entries(rollups)) expect([name, stored]).toEqual([name, recount]);
}
