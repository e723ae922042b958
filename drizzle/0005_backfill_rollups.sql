-- Fills the dashboard rollups from the event log for data written before they existed. Every later move keeps them
-- current in its own transaction. Days are Brussels calendar days.
CREATE TEMPORARY TABLE rollup_moves ON COMMIT DROP AS
SELECT e.application_id, a.candidate_id, a.vacancy_id, e.from_stage, e.to_stage, e.reason,
       (e.occurred_at AT TIME ZONE 'Europe/Brussels')::date AS day,
       (lag(e.occurred_at) OVER w AT TIME ZONE 'Europe/Brussels')::date AS from_day,
       (first_value(e.occurred_at) OVER w AT TIME ZONE 'Europe/Brussels')::date AS applied_day,
       ARRAY['c:' || v.campaign_id, 'a:' || v.campaign_id || ':' || v.agency_code, 'w:' || v.wave_id, 'p:' || v.campaign_id || ':' || v.job_profile_id] AS coarse,
       'v:' || v.id AS vacancy_scope
FROM stage_events e
JOIN applications a ON a.id = e.application_id
JOIN vacancies v ON v.id = a.vacancy_id
WINDOW w AS (PARTITION BY e.application_id ORDER BY e.occurred_at, e.id);
--> statement-breakpoint
INSERT INTO rollup_stage_daily (scope, stage, day, entered, exited)
SELECT scope, stage, day, sum(entered)::int, sum(exited)::int FROM (
  SELECT unnest(coarse) AS scope, to_stage AS stage, day, 1 AS entered, 0 AS exited FROM rollup_moves
  UNION ALL
  SELECT unnest(coarse), from_stage, day, 0, 1 FROM rollup_moves WHERE from_stage IS NOT NULL
) m GROUP BY scope, stage, day;
--> statement-breakpoint
INSERT INTO scope_candidates (scope, candidate_id, first_day)
SELECT scope, candidate_id, min(day) FROM (SELECT unnest(coarse) AS scope, candidate_id, day FROM rollup_moves WHERE to_stage = 'APPLIED') m
GROUP BY scope, candidate_id;
--> statement-breakpoint
INSERT INTO rollup_candidate_daily (scope, day, new_candidates)
SELECT scope, first_day, count(*)::int FROM scope_candidates GROUP BY scope, first_day;
--> statement-breakpoint
CREATE TEMPORARY TABLE rollup_durations ON COMMIT DROP AS
SELECT coarse, vacancy_scope, from_stage, to_stage, day, day - from_day AS days FROM rollup_moves
WHERE (from_stage, to_stage) IN (('APPLIED', 'SCREENED'), ('SCREENED', 'INVITED'), ('INVITED', 'TESTED'), ('TESTED', 'LAUREATE'), ('LAUREATE', 'OFFERED'), ('OFFERED', 'HIRED'))
UNION ALL
SELECT coarse, vacancy_scope, 'APPLIED', 'HIRED', day, day - applied_day FROM rollup_moves WHERE to_stage = 'HIRED';
--> statement-breakpoint
INSERT INTO stage_durations (scope, from_stage, to_stage, days, count)
SELECT scope, from_stage, to_stage, days, count(*)::int FROM (
  SELECT unnest(coarse || vacancy_scope) AS scope, from_stage, to_stage, days FROM rollup_durations
) d GROUP BY scope, from_stage, to_stage, days;
--> statement-breakpoint
INSERT INTO rollup_duration_daily (scope, from_stage, to_stage, day, days, count)
SELECT scope, from_stage, to_stage, day, days, count(*)::int FROM (
  SELECT unnest(coarse) AS scope, from_stage, to_stage, day, days FROM rollup_durations
) d GROUP BY scope, from_stage, to_stage, day, days;
--> statement-breakpoint
INSERT INTO stage_exits (scope, from_stage, exit, count)
SELECT scope, from_stage, exit, count(*)::int FROM (
  SELECT unnest(coarse || vacancy_scope) AS scope, from_stage, coalesce(reason::text, 'WITHDRAWN') AS exit FROM rollup_moves WHERE to_stage IN ('REJECTED', 'WITHDRAWN')
) x GROUP BY scope, from_stage, exit;
--> statement-breakpoint
INSERT INTO rollup_exit_daily (scope, from_stage, exit, day, count)
SELECT scope, from_stage, exit, day, count(*)::int FROM (
  SELECT unnest(coarse) AS scope, from_stage, coalesce(reason::text, 'WITHDRAWN') AS exit, day FROM rollup_moves WHERE to_stage IN ('REJECTED', 'WITHDRAWN')
) x GROUP BY scope, from_stage, exit, day;
