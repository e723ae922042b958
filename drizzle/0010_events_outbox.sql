CREATE TYPE "public"."event_audience" AS ENUM('PERSONAL', 'INTERNAL', 'PUBLIC');--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"position" bigint,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"agency_code" "agency_code",
	"audience" "event_audience" NOT NULL,
	"payload" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"sequenced_at" timestamp with time zone,
	CONSTRAINT "events_type" CHECK ("events"."type" ~ '^[a-z_]+\.[a-z_]+$'),
	CONSTRAINT "events_personal_has_agency" CHECK ("events"."audience" <> 'PERSONAL' or "events"."agency_code" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "events_position" ON "events" USING btree ("position");--> statement-breakpoint
CREATE INDEX "events_unsequenced" ON "events" USING btree ("id") WHERE "events"."position" is null;