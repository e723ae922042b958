CREATE TABLE "rollup_candidate_daily" (
	"scope" text NOT NULL,
	"day" date NOT NULL,
	"new_candidates" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_candidate_daily_scope_day_pk" PRIMARY KEY("scope","day"),
	CONSTRAINT "rollup_candidate_daily_scope" CHECK ("rollup_candidate_daily"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'),
	CONSTRAINT "rollup_candidate_daily_count" CHECK ("rollup_candidate_daily"."new_candidates" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rollup_duration_daily" (
	"scope" text NOT NULL,
	"from_stage" "application_stage" NOT NULL,
	"to_stage" "application_stage" NOT NULL,
	"day" date NOT NULL,
	"days" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_duration_daily_scope_from_stage_to_stage_day_days_pk" PRIMARY KEY("scope","from_stage","to_stage","day","days"),
	CONSTRAINT "rollup_duration_daily_scope" CHECK ("rollup_duration_daily"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'),
	CONSTRAINT "rollup_duration_daily_values" CHECK ("rollup_duration_daily"."days" >= 0 and "rollup_duration_daily"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rollup_exit_daily" (
	"scope" text NOT NULL,
	"from_stage" "application_stage" NOT NULL,
	"exit" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_exit_daily_scope_from_stage_exit_day_pk" PRIMARY KEY("scope","from_stage","exit","day"),
	CONSTRAINT "rollup_exit_daily_scope" CHECK ("rollup_exit_daily"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'),
	CONSTRAINT "rollup_exit_daily_kind" CHECK ("rollup_exit_daily"."exit" in ('WITHDRAWN', 'INELIGIBLE', 'FAILED_TEST', 'NO_SHOW', 'FAILED_INTERVIEW', 'OTHER')),
	CONSTRAINT "rollup_exit_daily_count" CHECK ("rollup_exit_daily"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rollup_stage_daily" (
	"scope" text NOT NULL,
	"stage" "application_stage" NOT NULL,
	"day" date NOT NULL,
	"entered" integer DEFAULT 0 NOT NULL,
	"exited" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_stage_daily_scope_stage_day_pk" PRIMARY KEY("scope","stage","day"),
	CONSTRAINT "rollup_stage_daily_scope" CHECK ("rollup_stage_daily"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'),
	CONSTRAINT "rollup_stage_daily_counts" CHECK ("rollup_stage_daily"."entered" >= 0 and "rollup_stage_daily"."exited" >= 0)
);
--> statement-breakpoint
CREATE TABLE "scope_candidates" (
	"scope" text NOT NULL,
	"candidate_id" integer NOT NULL,
	"first_day" date NOT NULL,
	CONSTRAINT "scope_candidates_scope_candidate_id_pk" PRIMARY KEY("scope","candidate_id"),
	CONSTRAINT "scope_candidates_scope" CHECK ("scope_candidates"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$')
);
--> statement-breakpoint
CREATE TABLE "stage_durations" (
	"scope" text NOT NULL,
	"from_stage" "application_stage" NOT NULL,
	"to_stage" "application_stage" NOT NULL,
	"days" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stage_durations_scope_from_stage_to_stage_days_pk" PRIMARY KEY("scope","from_stage","to_stage","days"),
	CONSTRAINT "stage_durations_scope" CHECK ("stage_durations"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'),
	CONSTRAINT "stage_durations_values" CHECK ("stage_durations"."days" >= 0 and "stage_durations"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stage_exits" (
	"scope" text NOT NULL,
	"from_stage" "application_stage" NOT NULL,
	"exit" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stage_exits_scope_from_stage_exit_pk" PRIMARY KEY("scope","from_stage","exit"),
	CONSTRAINT "stage_exits_scope" CHECK ("stage_exits"."scope" ~ '^(c:[0-9]+|a:[0-9]+:[A-Z]+|w:[0-9]+|p:[0-9]+:[0-9]+|v:[0-9]+)$'),
	CONSTRAINT "stage_exits_kind" CHECK ("stage_exits"."exit" in ('WITHDRAWN', 'INELIGIBLE', 'FAILED_TEST', 'NO_SHOW', 'FAILED_INTERVIEW', 'OTHER')),
	CONSTRAINT "stage_exits_count" CHECK ("stage_exits"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "scope_candidates" ADD CONSTRAINT "scope_candidates_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;