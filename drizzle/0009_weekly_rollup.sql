CREATE TABLE "rollup_stage_weekly" (
	"scope" text NOT NULL,
	"stage" "application_stage" NOT NULL,
	"week" date NOT NULL,
	"entered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_stage_weekly_scope_stage_week_pk" PRIMARY KEY("scope","stage","week"),
	CONSTRAINT "rollup_stage_weekly_scope" CHECK ("rollup_stage_weekly"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'),
	CONSTRAINT "rollup_stage_weekly_stage" CHECK ("rollup_stage_weekly"."stage" in ('APPLIED', 'LAUREATE', 'OFFERED', 'HIRED')),
	CONSTRAINT "rollup_stage_weekly_monday" CHECK (extract(isodow from "rollup_stage_weekly"."week") = 1),
	CONSTRAINT "rollup_stage_weekly_counts" CHECK ("rollup_stage_weekly"."entered" >= 0)
);
--> statement-breakpoint
-- The weeks so far, from the daily rollup (which holds every entry since the campaign began).
INSERT INTO "rollup_stage_weekly" ("scope", "stage", "week", "entered")
SELECT "scope", "stage", "day" - ((("day" - date '2000-01-03') % 7 + 7) % 7), sum("entered")::int
FROM "rollup_stage_daily"
WHERE "stage" IN ('APPLIED', 'LAUREATE', 'OFFERED', 'HIRED') AND "entered" > 0
GROUP BY 1, 2, 3;
