-- Candidates become per agency (issue 10): each agency's data about a person is its own row, linked to the other
-- agencies' rows of the same person only through persons (a keyed hash of the address). Today's shared rows are split:
-- the row stays with the agency of its earliest application, every other agency gets a copy, and its applications
-- point at the copy. persons take the old candidate ids, so scope_candidates (distinct candidates per scope) keeps its
-- rows as they are and no application, event or figure changes. The keys are placeholders ('legacy:<id>') until the
-- service's first start computes them with the server secret (src/candidates/person-keys.ts); erased rows keep theirs.
CREATE TABLE "persons" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "persons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	CONSTRAINT "persons_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "server_settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
-- A candidate stored by a batch whose application then lost a race has no application: it belongs to no agency and
-- counts nowhere.
DELETE FROM "candidates" c WHERE NOT EXISTS (SELECT 1 FROM "applications" a WHERE a."candidate_id" = c."id");--> statement-breakpoint
INSERT INTO "persons" ("id", "key") OVERRIDING SYSTEM VALUE SELECT "id", 'legacy:' || "id" FROM "candidates";--> statement-breakpoint
SELECT setval('persons_id_seq', (SELECT coalesce(max("id"), 0) + 1 FROM "persons"), false);--> statement-breakpoint
ALTER TABLE "candidates" DROP CONSTRAINT "candidates_email_unique";--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "agency_code" "agency_code";--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "email_key" text;--> statement-breakpoint
UPDATE "candidates" c SET "person_id" = c."id", "email_key" = 'legacy:' || c."id",
  "agency_code" = (SELECT a."agency_code" FROM "applications" a WHERE a."candidate_id" = c."id" ORDER BY a."id" LIMIT 1);--> statement-breakpoint
INSERT INTO "candidates" ("agency_code", "person_id", "email_key", "email", "first_name", "last_name", "phone", "birth_date", "erased_at", "created_at", "updated_at")
  SELECT DISTINCT a."agency_code", c."person_id", c."email_key", c."email", c."first_name", c."last_name", c."phone", c."birth_date", c."erased_at", c."created_at", c."updated_at"
  FROM "applications" a JOIN "candidates" c ON c."id" = a."candidate_id"
  WHERE a."agency_code" <> c."agency_code"
  ORDER BY c."person_id", a."agency_code";--> statement-breakpoint
UPDATE "applications" a SET "candidate_id" = n."id"
  FROM "candidates" c, "candidates" n
  WHERE c."id" = a."candidate_id" AND a."agency_code" <> c."agency_code" AND n."person_id" = c."person_id" AND n."agency_code" = a."agency_code";--> statement-breakpoint
ALTER TABLE "candidates" ALTER COLUMN "agency_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ALTER COLUMN "person_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ALTER COLUMN "email_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_agency_email_key" UNIQUE("agency_code","email_key");--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_agency_person" UNIQUE("agency_code","person_id");--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_id_agency" UNIQUE("id","agency_code");--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_candidate_id_candidates_id_fk";--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_of_agency" FOREIGN KEY ("candidate_id","agency_code") REFERENCES "public"."candidates"("id","agency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_candidates" DROP CONSTRAINT "scope_candidates_candidate_id_candidates_id_fk";--> statement-breakpoint
ALTER TABLE "scope_candidates" RENAME COLUMN "candidate_id" TO "person_id";--> statement-breakpoint
ALTER TABLE "scope_candidates" RENAME CONSTRAINT "scope_candidates_scope_candidate_id_pk" TO "scope_candidates_scope_person_id_pk";--> statement-breakpoint
ALTER TABLE "scope_candidates" ADD CONSTRAINT "scope_candidates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
