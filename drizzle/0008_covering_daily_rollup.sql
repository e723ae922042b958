-- The weekly trend sums a campaign's daily rollup rows; carrying the counts in the primary key's index lets PostgreSQL
-- answer from the index alone instead of visiting thousands of scattered table pages.
ALTER TABLE "rollup_stage_daily" DROP CONSTRAINT "rollup_stage_daily_scope_stage_day_pk";
--> statement-breakpoint
ALTER TABLE "rollup_stage_daily" ADD CONSTRAINT "rollup_stage_daily_scope_stage_day_pk" PRIMARY KEY ("scope", "stage", "day") INCLUDE ("entered", "exited");
