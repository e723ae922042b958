CREATE TYPE "public"."agency_code" AS ENUM('DVZ', 'CGVS', 'RVV', 'FEDASIL');--> statement-breakpoint
CREATE TYPE "public"."application_stage" AS ENUM('APPLIED', 'SCREENED', 'INVITED', 'TESTED', 'LAUREATE', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('OK', 'USER_ERROR', 'DENIED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('BOOKED', 'ATTENDED', 'NO_SHOW', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."competence_group" AS ENUM('GENERAL', 'SPECIFIC', 'MANAGEMENT');--> statement-breakpoint
CREATE TYPE "public"."complexity_level" AS ENUM('A', 'B', 'C');--> statement-breakpoint
CREATE TYPE "public"."contract_type" AS ENUM('STATUTORY', 'PERMANENT_CONTRACT', 'FIXED_TERM_CONTRACT');--> statement-breakpoint
CREATE TYPE "public"."job_level" AS ENUM('A', 'B', 'C', 'D');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('NL', 'FR', 'EN', 'DE');--> statement-breakpoint
CREATE TYPE "public"."language_regime" AS ENUM('NL', 'FR', 'DE', 'BILINGUAL');--> statement-breakpoint
CREATE TYPE "public"."rejection_reason" AS ENUM('INELIGIBLE', 'FAILED_TEST', 'NO_SHOW', 'FAILED_INTERVIEW', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('AGENCY_HR', 'TASKFORCE', 'ADMIN');--> statement-breakpoint
CREATE TYPE "public"."test_kind" AS ENUM('COMPUTER_TEST', 'WRITTEN', 'ORAL', 'ASSESSMENT');--> statement-breakpoint
CREATE TYPE "public"."test_session_status" AS ENUM('SCHEDULED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."vacancy_status" AS ENUM('DRAFT', 'OPEN', 'CLOSED', 'FILLED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "agencies" (
	"code" "agency_code" PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"website" text,
	CONSTRAINT "agencies_name_nl" CHECK ("agencies"."name" ? 'nl')
);
--> statement-breakpoint
CREATE TABLE "campaign_agencies" (
	"campaign_id" integer NOT NULL,
	"agency_code" "agency_code" NOT NULL,
	CONSTRAINT "campaign_agencies_campaign_id_agency_code_pk" PRIMARY KEY("campaign_id","agency_code")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"target_headcount" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"site_url" text,
	CONSTRAINT "campaigns_slug_unique" UNIQUE("slug"),
	CONSTRAINT "campaigns_target_positive" CHECK ("campaigns"."target_headcount" > 0),
	CONSTRAINT "campaigns_dates_ordered" CHECK ("campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_slug_format" CHECK ("campaigns"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "campaigns_name_nl" CHECK ("campaigns"."name" ? 'nl')
);
--> statement-breakpoint
CREATE TABLE "waves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"number" integer NOT NULL,
	"opens_on" date NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	CONSTRAINT "waves_campaign_number" UNIQUE("campaign_id","number"),
	CONSTRAINT "waves_id_campaign" UNIQUE("id","campaign_id"),
	CONSTRAINT "waves_number_positive" CHECK ("waves"."number" > 0),
	CONSTRAINT "waves_name_nl" CHECK ("waves"."name" ? 'nl')
);
--> statement-breakpoint
CREATE TABLE "competence_areas" (
	"number" integer PRIMARY KEY NOT NULL,
	"group" "competence_group" NOT NULL,
	"title" jsonb NOT NULL,
	CONSTRAINT "competence_areas_number_range" CHECK ("competence_areas"."number" between 1 and 99),
	CONSTRAINT "competence_areas_title_nl" CHECK ("competence_areas"."title" ? 'nl')
);
--> statement-breakpoint
CREATE TABLE "job_profile_competencies" (
	"job_profile_id" integer NOT NULL,
	"competence_area_number" integer NOT NULL,
	"level" "complexity_level" NOT NULL,
	CONSTRAINT "job_profile_competencies_job_profile_id_competence_area_number_pk" PRIMARY KEY("job_profile_id","competence_area_number")
);
--> statement-breakpoint
CREATE TABLE "job_profile_result_areas" (
	"job_profile_id" integer NOT NULL,
	"position" integer NOT NULL,
	"role" jsonb NOT NULL,
	"aim" jsonb NOT NULL,
	"tasks" jsonb NOT NULL,
	CONSTRAINT "job_profile_result_areas_job_profile_id_position_pk" PRIMARY KEY("job_profile_id","position"),
	CONSTRAINT "job_profile_result_areas_position" CHECK ("job_profile_result_areas"."position" > 0),
	CONSTRAINT "job_profile_result_areas_tasks_array" CHECK (jsonb_typeof("job_profile_result_areas"."tasks") = 'array')
);
--> statement-breakpoint
CREATE TABLE "job_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"function_code" text NOT NULL,
	"title" jsonb NOT NULL,
	"level" "job_level" NOT NULL,
	"class" text NOT NULL,
	"function_family" jsonb NOT NULL,
	"professional_category" jsonb NOT NULL,
	"purpose" jsonb NOT NULL,
	"reports_to" jsonb,
	"manages_count" integer DEFAULT 0 NOT NULL,
	"diploma_requirement" jsonb,
	"language_requirement" jsonb,
	"salary_scale_code" text,
	CONSTRAINT "job_profiles_function_code_unique" UNIQUE("function_code"),
	CONSTRAINT "job_profiles_function_code_format" CHECK ("job_profiles"."function_code" ~ '^[A-Z0-9]{2,16}$'),
	CONSTRAINT "job_profiles_class_matches_level" CHECK (left("job_profiles"."class", 1) = "job_profiles"."level"::text),
	CONSTRAINT "job_profiles_manages_count" CHECK ("job_profiles"."manages_count" >= 0),
	CONSTRAINT "job_profiles_title_nl" CHECK ("job_profiles"."title" ? 'nl')
);
--> statement-breakpoint
CREATE TABLE "salary_scale_steps" (
	"scale_code" text NOT NULL,
	"seniority_years" integer NOT NULL,
	"monthly_gross_eur" numeric(10, 2) NOT NULL,
	CONSTRAINT "salary_scale_steps_scale_code_seniority_years_pk" PRIMARY KEY("scale_code","seniority_years"),
	CONSTRAINT "salary_scale_steps_seniority" CHECK ("salary_scale_steps"."seniority_years" between 0 and 60),
	CONSTRAINT "salary_scale_steps_amount" CHECK ("salary_scale_steps"."monthly_gross_eur" > 0)
);
--> statement-breakpoint
CREATE TABLE "salary_scales" (
	"code" text PRIMARY KEY NOT NULL,
	"level" "job_level" NOT NULL,
	"name" jsonb NOT NULL,
	"index_factor" numeric(8, 4),
	CONSTRAINT "salary_scales_name_nl" CHECK ("salary_scales"."name" ? 'nl')
);
--> statement-breakpoint
CREATE TABLE "exam_parts" (
	"vacancy_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"max_points" numeric(8, 2) NOT NULL,
	"pass_percent" numeric(5, 2) DEFAULT 50 NOT NULL,
	CONSTRAINT "exam_parts_vacancy_id_position_pk" PRIMARY KEY("vacancy_id","position"),
	CONSTRAINT "exam_parts_vacancy_name" UNIQUE("vacancy_id","name"),
	CONSTRAINT "exam_parts_position" CHECK ("exam_parts"."position" > 0),
	CONSTRAINT "exam_parts_max_points" CHECK ("exam_parts"."max_points" > 0),
	CONSTRAINT "exam_parts_pass_percent" CHECK ("exam_parts"."pass_percent" between 0 and 100),
	CONSTRAINT "exam_parts_name" CHECK (length(trim("exam_parts"."name")) between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vacancies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"wave_id" integer NOT NULL,
	"agency_code" "agency_code" NOT NULL,
	"job_profile_id" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"headcount_target" integer NOT NULL,
	"place" text NOT NULL,
	"language_regime" "language_regime" NOT NULL,
	"contract_type" "contract_type" NOT NULL,
	"status" "vacancy_status" DEFAULT 'DRAFT' NOT NULL,
	"published_at" timestamp with time zone,
	"application_deadline" timestamp with time zone,
	"overall_pass_percent" numeric(5, 2) DEFAULT 60 NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancies_id_agency" UNIQUE("id","agency_code"),
	CONSTRAINT "vacancies_headcount_positive" CHECK ("vacancies"."headcount_target" > 0),
	CONSTRAINT "vacancies_published_unless_draft" CHECK ("vacancies"."status" = 'DRAFT' or "vacancies"."published_at" is not null),
	CONSTRAINT "vacancies_deadline_after_publication" CHECK ("vacancies"."application_deadline" is null or "vacancies"."published_at" is null or "vacancies"."application_deadline" > "vacancies"."published_at"),
	CONSTRAINT "vacancies_overall_pass_percent" CHECK ("vacancies"."overall_pass_percent" between 0 and 100),
	CONSTRAINT "vacancies_place_not_blank" CHECK (length(trim("vacancies"."place")) between 1 and 200),
	CONSTRAINT "vacancies_title_nl" CHECK ("vacancies"."title" ? 'nl')
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"vacancy_id" integer NOT NULL,
	"agency_code" "agency_code" NOT NULL,
	"candidate_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"stage" "application_stage" DEFAULT 'APPLIED' NOT NULL,
	"rejection_reason" "rejection_reason",
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"stage_entered_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_agency_external_id" UNIQUE("agency_code","external_id"),
	CONSTRAINT "applications_vacancy_candidate" UNIQUE("vacancy_id","candidate_id"),
	CONSTRAINT "applications_rejection_reason" CHECK (("applications"."stage" = 'REJECTED') = ("applications"."rejection_reason" is not null)),
	CONSTRAINT "applications_external_id" CHECK (length("applications"."external_id") between 1 and 100),
	CONSTRAINT "applications_version_positive" CHECK ("applications"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text,
	"first_name" text,
	"last_name" text,
	"phone" text,
	"birth_date" date,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_email_unique" UNIQUE("email"),
	CONSTRAINT "candidates_erased_means_empty" CHECK ("candidates"."erased_at" is null or ("candidates"."email" is null and "candidates"."first_name" is null and "candidates"."last_name" is null and "candidates"."phone" is null and "candidates"."birth_date" is null)),
	CONSTRAINT "candidates_email_present_unless_erased" CHECK ("candidates"."erased_at" is not null or "candidates"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "stage_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stage_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"from_stage" "application_stage",
	"to_stage" "application_stage" NOT NULL,
	"reason" "rejection_reason",
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_client_id" integer,
	"actor_label" text,
	CONSTRAINT "stage_events_reason_only_for_rejection" CHECK (("stage_events"."to_stage" = 'REJECTED') = ("stage_events"."reason" is not null)),
	CONSTRAINT "stage_events_moves" CHECK ("stage_events"."from_stage" is distinct from "stage_events"."to_stage")
);
--> statement-breakpoint
CREATE TABLE "vacancy_stage_counts" (
	"vacancy_id" integer NOT NULL,
	"stage" "application_stage" NOT NULL,
	"reached" integer DEFAULT 0 NOT NULL,
	"current" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vacancy_stage_counts_vacancy_id_stage_pk" PRIMARY KEY("vacancy_id","stage"),
	CONSTRAINT "vacancy_stage_counts_non_negative" CHECK ("vacancy_stage_counts"."current" >= 0 and "vacancy_stage_counts"."current" <= "vacancy_stage_counts"."reached")
);
--> statement-breakpoint
CREATE TABLE "vacancy_stage_daily" (
	"vacancy_id" integer NOT NULL,
	"stage" "application_stage" NOT NULL,
	"day" date NOT NULL,
	"entered" integer DEFAULT 0 NOT NULL,
	"exited" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vacancy_stage_daily_vacancy_id_stage_day_pk" PRIMARY KEY("vacancy_id","stage","day"),
	CONSTRAINT "vacancy_stage_daily_non_negative" CHECK ("vacancy_stage_daily"."entered" >= 0 and "vacancy_stage_daily"."exited" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bookings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"application_id" integer NOT NULL,
	"status" "booking_status" DEFAULT 'BOOKED' NOT NULL,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_results" (
	"application_id" integer NOT NULL,
	"vacancy_id" integer NOT NULL,
	"part_position" integer NOT NULL,
	"points" numeric(8, 2) NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by_client_id" integer,
	CONSTRAINT "test_results_application_id_part_position_pk" PRIMARY KEY("application_id","part_position"),
	CONSTRAINT "test_results_points_non_negative" CHECK ("test_results"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "test_session_vacancies" (
	"session_id" integer NOT NULL,
	"vacancy_id" integer NOT NULL,
	CONSTRAINT "test_session_vacancies_session_id_vacancy_id_pk" PRIMARY KEY("session_id","vacancy_id")
);
--> statement-breakpoint
CREATE TABLE "test_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "test_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"kind" "test_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text NOT NULL,
	"language" "language" NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"attended_count" integer DEFAULT 0 NOT NULL,
	"no_show_count" integer DEFAULT 0 NOT NULL,
	"status" "test_session_status" DEFAULT 'SCHEDULED' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_sessions_capacity_positive" CHECK ("test_sessions"."capacity" > 0),
	CONSTRAINT "test_sessions_seats_within_capacity" CHECK ("test_sessions"."seats_taken" between 0 and "test_sessions"."capacity"),
	CONSTRAINT "test_sessions_outcomes_within_seats" CHECK ("test_sessions"."attended_count" >= 0 and "test_sessions"."no_show_count" >= 0 and "test_sessions"."attended_count" + "test_sessions"."no_show_count" <= "test_sessions"."seats_taken"),
	CONSTRAINT "test_sessions_duration" CHECK ("test_sessions"."duration_minutes" between 1 and 1440),
	CONSTRAINT "test_sessions_place" CHECK (length(trim("test_sessions"."place")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "api_clients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_clients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"agency_code" "agency_code",
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_clients_key_hash_unique" UNIQUE("key_hash"),
	CONSTRAINT "api_clients_agency_iff_hr" CHECK (("api_clients"."role" = 'AGENCY_HR') = ("api_clients"."agency_code" is not null)),
	CONSTRAINT "api_clients_name" CHECK (length(trim("api_clients"."name")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_client_id" integer,
	"actor_role" "role",
	"actor_agency_code" "agency_code",
	"operation" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" "audit_outcome" NOT NULL,
	"detail" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "campaign_agencies" ADD CONSTRAINT "campaign_agencies_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_agencies" ADD CONSTRAINT "campaign_agencies_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waves" ADD CONSTRAINT "waves_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profile_competencies" ADD CONSTRAINT "job_profile_competencies_job_profile_id_job_profiles_id_fk" FOREIGN KEY ("job_profile_id") REFERENCES "public"."job_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profile_competencies" ADD CONSTRAINT "job_profile_competencies_competence_area_number_competence_areas_number_fk" FOREIGN KEY ("competence_area_number") REFERENCES "public"."competence_areas"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profile_result_areas" ADD CONSTRAINT "job_profile_result_areas_job_profile_id_job_profiles_id_fk" FOREIGN KEY ("job_profile_id") REFERENCES "public"."job_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profiles" ADD CONSTRAINT "job_profiles_salary_scale_code_salary_scales_code_fk" FOREIGN KEY ("salary_scale_code") REFERENCES "public"."salary_scales"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_scale_steps" ADD CONSTRAINT "salary_scale_steps_scale_code_salary_scales_code_fk" FOREIGN KEY ("scale_code") REFERENCES "public"."salary_scales"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_parts" ADD CONSTRAINT "exam_parts_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_job_profile_id_job_profiles_id_fk" FOREIGN KEY ("job_profile_id") REFERENCES "public"."job_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_wave_in_campaign" FOREIGN KEY ("wave_id","campaign_id") REFERENCES "public"."waves"("id","campaign_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_vacancy_of_agency" FOREIGN KEY ("vacancy_id","agency_code") REFERENCES "public"."vacancies"("id","agency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_actor_client_id_api_clients_id_fk" FOREIGN KEY ("actor_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_stage_counts" ADD CONSTRAINT "vacancy_stage_counts_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_stage_daily" ADD CONSTRAINT "vacancy_stage_daily_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_id_test_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."test_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_recorded_by_client_id_api_clients_id_fk" FOREIGN KEY ("recorded_by_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_exam_part" FOREIGN KEY ("vacancy_id","part_position") REFERENCES "public"."exam_parts"("vacancy_id","position") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_session_vacancies" ADD CONSTRAINT "test_session_vacancies_session_id_test_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."test_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_session_vacancies" ADD CONSTRAINT "test_session_vacancies_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_sessions" ADD CONSTRAINT "test_sessions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_client_id_api_clients_id_fk" FOREIGN KEY ("actor_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancies_campaign_status" ON "vacancies" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "vacancies_status_published" ON "vacancies" USING btree ("status","published_at","id");--> statement-breakpoint
CREATE INDEX "vacancies_agency_status" ON "vacancies" USING btree ("agency_code","status");--> statement-breakpoint
CREATE INDEX "vacancies_wave" ON "vacancies" USING btree ("wave_id");--> statement-breakpoint
CREATE INDEX "vacancies_job_profile" ON "vacancies" USING btree ("job_profile_id");--> statement-breakpoint
CREATE INDEX "applications_agency_updated" ON "applications" USING btree ("agency_code","updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_vacancy_stage" ON "applications" USING btree ("vacancy_id","stage");--> statement-breakpoint
CREATE INDEX "applications_candidate" ON "applications" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "stage_events_application" ON "stage_events" USING btree ("application_id","occurred_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_open_per_application" ON "bookings" USING btree ("application_id") WHERE "bookings"."status" = 'BOOKED';--> statement-breakpoint
CREATE INDEX "bookings_session_status" ON "bookings" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "bookings_application" ON "bookings" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "test_session_vacancies_vacancy" ON "test_session_vacancies" USING btree ("vacancy_id","session_id");--> statement-breakpoint
CREATE INDEX "test_sessions_campaign_starts" ON "test_sessions" USING btree ("campaign_id","starts_at");--> statement-breakpoint
CREATE INDEX "test_sessions_starts" ON "test_sessions" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_occurred" ON "audit_log" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor" ON "audit_log" USING btree ("actor_client_id","occurred_at");