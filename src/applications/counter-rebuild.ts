import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { IN_WEEKLY_STAGES, mondayOf } from "./stage-moves";
import { PIPELINE_STEPS_SQL } from "./stages";

/**
 * Recounts every counter and rollup from the event log, set-based, in the caller's transaction: what every move keeps
 * up to date one by one (src/applications/stage-moves.ts), rebuilt in one pass. For bulk loads (the demo generator's
 * fast path, benchmarks) and as a repair tool (`npm run counters:rebuild`). The event log is locked against new events
 * for the duration, so moves made meanwhile wait and then count on top of the rebuilt figures. drizzle/0005 holds the
 * same recount, as it ran once for data written before the rollups existed.
 */
export async function rebuildCounters(tx: Executor): Promise<void> {
  // A recount of millions of events takes longer than a request's statement may.
  await tx.execute(sql`set local statement_timeout = 0`);
  await tx.execute(sql`lock table stage_events in share mode`);
  await tx.execute(
    sql`truncate rollup_stage_daily, rollup_stage_weekly, scope_candidates, rollup_candidate_daily, stage_durations, rollup_duration_daily, stage_exits, rollup_exit_daily, vacancy_stage_daily`,
  );
  await tx.execute(sql`update vacancy_stage_counts set reached = 0, current = 0 where reached <> 0 or current <> 0`);
  await tx.execute(sql`
    create temporary table rebuild_moves on commit drop as
    select e.application_id, c.person_id, a.vacancy_id, e.from_stage, e.to_stage, e.reason,
           (e.occurred_at at time zone 'Europe/Brussels')::date as day,
           (lag(e.occurred_at) over w at time zone 'Europe/Brussels')::date as from_day,
           (first_value(e.occurred_at) over w at time zone 'Europe/Brussels')::date as applied_day,
           array['c:' || v.campaign_id, 'a:' || v.campaign_id || ':' || v.agency_code, 'w:' || v.wave_id, 'p:' || v.campaign_id || ':' || v.job_profile_id] as coarse,
           'v:' || v.id as vacancy_scope
    from stage_events e join applications a on a.id = e.application_id join candidates c on c.id = a.candidate_id join vacancies v on v.id = a.vacancy_id
    window w as (partition by e.application_id order by e.occurred_at, e.id)`);
  await tx.execute(sql`
    update vacancy_stage_counts c set reached = r.reached, current = r.current
    from (
      select coalesce(x.vacancy_id, y.vacancy_id) as vacancy_id, coalesce(x.stage, y.stage) as stage, coalesce(x.n, 0) as reached, coalesce(y.n, 0) as current
      from (select vacancy_id, to_stage as stage, count(*)::int as n from rebuild_moves group by 1, 2) x
      full join (select vacancy_id, stage, count(*)::int as n from applications group by 1, 2) y on y.vacancy_id = x.vacancy_id and y.stage = x.stage
    ) r
    where c.vacancy_id = r.vacancy_id and c.stage = r.stage`);
  await tx.execute(sql`
    insert into vacancy_stage_daily (vacancy_id, stage, day, entered, exited)
    select vacancy_id, stage, day, sum(entered)::int, sum(exited)::int from (
      select vacancy_id, to_stage as stage, day, 1 as entered, 0 as exited from rebuild_moves
      union all select vacancy_id, from_stage, day, 0, 1 from rebuild_moves where from_stage is not null) m
    group by 1, 2, 3`);
  await tx.execute(sql`
    insert into rollup_stage_daily (scope, stage, day, entered, exited)
    select scope, stage, day, sum(entered)::int, sum(exited)::int from (
      select unnest(coarse) as scope, to_stage as stage, day, 1 as entered, 0 as exited from rebuild_moves
      union all select unnest(coarse), from_stage, day, 0, 1 from rebuild_moves where from_stage is not null) m
    group by 1, 2, 3`);
  await tx.execute(sql`
    insert into rollup_stage_weekly (scope, stage, week, entered)
    select scope, stage, ${mondayOf("day")}, sum(entered)::int from rollup_stage_daily
    where ${IN_WEEKLY_STAGES} and entered > 0
    group by 1, 2, 3`);
  await tx.execute(sql`
    insert into scope_candidates (scope, person_id, first_day)
    select scope, person_id, min(day) from (select unnest(coarse) as scope, person_id, day from rebuild_moves where to_stage = 'APPLIED') m
    group by 1, 2`);
  await tx.execute(
    sql`insert into rollup_candidate_daily (scope, day, new_candidates) select scope, first_day, count(*)::int from scope_candidates group by 1, 2`,
  );
  await tx.execute(sql`
    create temporary table rebuild_durations on commit drop as
    select coarse, vacancy_scope, from_stage, to_stage, day, day - from_day as days from rebuild_moves
    where (from_stage, to_stage) in (${PIPELINE_STEPS_SQL})
    union all select coarse, vacancy_scope, 'APPLIED', 'HIRED', day, day - applied_day from rebuild_moves where to_stage = 'HIRED'`);
  await tx.execute(sql`
    insert into stage_durations (scope, from_stage, to_stage, days, count)
    select scope, from_stage, to_stage, days, count(*)::int from (select unnest(coarse || vacancy_scope) as scope, from_stage, to_stage, days from rebuild_durations) d
    group by 1, 2, 3, 4`);
  await tx.execute(sql`
    insert into rollup_duration_daily (scope, from_stage, to_stage, day, days, count)
    select scope, from_stage, to_stage, day, days, count(*)::int from (select unnest(coarse) as scope, from_stage, to_stage, day, days from rebuild_durations) d
    group by 1, 2, 3, 4, 5`);
  await tx.execute(sql`
    insert into stage_exits (scope, from_stage, exit, count)
    select scope, from_stage, exit, count(*)::int from (
      select unnest(coarse || vacancy_scope) as scope, from_stage, coalesce(reason::text, 'WITHDRAWN') as exit from rebuild_moves where to_stage in ('REJECTED', 'WITHDRAWN')) x
    group by 1, 2, 3`);
  await tx.execute(sql`
    insert into rollup_exit_daily (scope, from_stage, exit, day, count)
    select scope, from_stage, exit, day, count(*)::int from (
      select unnest(coarse) as scope, from_stage, coalesce(reason::text, 'WITHDRAWN') as exit, day from rebuild_moves where to_stage in ('REJECTED', 'WITHDRAWN')) x
    group by 1, 2, 3, 4`);
}
