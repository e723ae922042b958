CREATE TABLE "weekly_report_counts" (
	"campaign_id" integer NOT NULL,
	"week" date NOT NULL,
	"scope" text NOT NULL,
	"stage" "application_stage" NOT NULL,
	"reported" integer NOT NULL,
	CONSTRAINT "weekly_report_counts_campaign_id_week_scope_stage_pk" PRIMARY KEY("campaign_id","week","scope","stage"),
	CONSTRAINT "weekly_report_counts_stage" CHECK ("weekly_report_counts"."stage" in ('APPLIED', 'LAUREATE', 'OFFERED', 'HIRED')),
	CONSTRAINT "weekly_report_counts_reported" CHECK ("weekly_report_counts"."reported" > 0)
);
--> statement-breakpoint
CREATE TABLE "weekly_reports" (
	"campaign_id" integer NOT NULL,
	"week" date NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "weekly_reports_campaign_id_week_pk" PRIMARY KEY("campaign_id","week"),
	CONSTRAINT "weekly_reports_monday" CHECK (extract(isodow from "weekly_reports"."week") = 1)
);
--> statement-breakpoint
ALTER TABLE "exam_parts" ADD COLUMN "kind" "test_kind" DEFAULT 'WRITTEN' NOT NULL;--> statement-breakpoint
ALTER TABLE "weekly_reports" ADD CONSTRAINT "weekly_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: the parts already stored get the kind their name says (the seed's and the HR systems' usual names).
UPDATE "exam_parts" SET "kind" = CASE
  WHEN "name" ~* '^(computer|pc)' THEN 'COMPUTER_TEST'::test_kind
  WHEN "name" ~* '^(mondel|oral|oraal|interview|entretien|gesprek)' THEN 'ORAL'::test_kind
  WHEN "name" ~* '^assessment' THEN 'ASSESSMENT'::test_kind
  ELSE 'WRITTEN'::test_kind END;
