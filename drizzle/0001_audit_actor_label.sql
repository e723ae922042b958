ALTER TABLE "audit_log" ADD COLUMN "actor_label" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "user_error_codes" text[] DEFAULT '{}'::text[] NOT NULL;