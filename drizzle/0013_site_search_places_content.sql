-- Search (accent- and case-insensitive, word beginnings, trigram-indexed) needs unaccent and pg_trgm: both ship with
-- PostgreSQL's contrib package and with PGlite (loaded in src/db/client.ts). Both are trusted extensions, so a database
-- owner may create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); pinned to the extension's own dictionary it can be declared
-- IMMUTABLE, so search_words() below folds into a constant when planning a query and may serve in expressions.
CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
-- The one definition of how texts and queries are cut into words: unaccented, lower-cased, every run of other
-- characters one space, with a space before and after each word ("Attaché-jurist" gives ' attache jurist ').
CREATE FUNCTION search_words(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ' ' || btrim(regexp_replace(lower(f_unaccent(coalesce($1, ''))), '[^a-z0-9]+', ' ', 'g')) || ' ' $$;--> statement-breakpoint
-- Every language's text of a { nl, fr, en, de } value, one after the other.
CREATE FUNCTION localized_texts(jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce((SELECT string_agg(value, ' ') FROM jsonb_each_text(coalesce($1, '{}'::jsonb))), '') $$;--> statement-breakpoint
CREATE TYPE "public"."province" AS ENUM('ANTWERP', 'EAST_FLANDERS', 'FLEMISH_BRABANT', 'LIMBURG', 'WEST_FLANDERS', 'HAINAUT', 'LIEGE', 'LUXEMBOURG', 'NAMUR', 'WALLOON_BRABANT');--> statement-breakpoint
CREATE TYPE "public"."region" AS ENUM('BRUSSELS', 'FLANDERS', 'WALLONIA');--> statement-breakpoint
CREATE TABLE "places" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" jsonb NOT NULL,
	"province" "province",
	"region" "region" NOT NULL,
	CONSTRAINT "places_name_nl" CHECK ("places"."name" ? 'nl'),
	CONSTRAINT "places_province_unless_brussels" CHECK (("places"."province" is null) = ("places"."region" = 'BRUSSELS'))
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" "province" PRIMARY KEY NOT NULL,
	"region" "region" NOT NULL,
	"name" jsonb NOT NULL,
	CONSTRAINT "provinces_name_nl" CHECK ("provinces"."name" ? 'nl'),
	CONSTRAINT "provinces_not_brussels" CHECK ("provinces"."region" <> 'BRUSSELS')
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" "region" PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	CONSTRAINT "regions_name_nl" CHECK ("regions"."name" ? 'nl')
);
--> statement-breakpoint
ALTER TABLE "vacancies" ALTER COLUMN "search_text" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "salary_scales" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "salary_scales" ADD COLUMN "illustrative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "exam_parts" ADD COLUMN "title" jsonb;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "place_id" integer;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "search_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "test_sessions" ADD COLUMN "place_names" jsonb;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_province_provinces_code_fk" FOREIGN KEY ("province") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provinces" ADD CONSTRAINT "provinces_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "places_name_nl_unique" ON "places" USING btree (lower("name"->>'nl'));--> statement-breakpoint
CREATE INDEX "places_province" ON "places" USING btree ("province");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancies_place" ON "vacancies" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "vacancies_search_trgm" ON "vacancies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "exam_parts" ADD CONSTRAINT "exam_parts_title_nl" CHECK ("exam_parts"."title" is null or "exam_parts"."title" ? 'nl');--> statement-breakpoint
-- A vacancy's search text, kept in the row by a trigger so that every way a vacancy is written (the API, the seed, a
-- test factory, an operator's SQL) keeps it current. A place given by name is linked to the known place of that name
-- in any language. Reference texts (profiles, agencies, places) change rarely; a change to one is picked up by
-- rewriting the place of its vacancies (UPDATE vacancies SET place = place ...).
CREATE FUNCTION vacancies_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  profile_text text;
  profile_title text;
  place_text text;
  agency_text text;
BEGIN
  IF NEW.place_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.place IS DISTINCT FROM OLD.place AND NEW.place_id IS NOT DISTINCT FROM OLD.place_id) THEN
    NEW.place_id := (
      SELECT p.id FROM places p
      WHERE EXISTS (SELECT 1 FROM jsonb_each_text(p.name) n WHERE search_words(n.value) = search_words(NEW.place))
      ORDER BY p.id LIMIT 1);
  END IF;
  SELECT concat_ws(' ', jp.function_code, localized_texts(jp.title), localized_texts(jp.function_family), localized_texts(jp.professional_category)),
         localized_texts(jp.title)
    INTO profile_text, profile_title
    FROM job_profiles jp WHERE jp.id = NEW.job_profile_id;
  SELECT concat_ws(' ', localized_texts(p.name), localized_texts(pr.name), localized_texts(r.name))
    INTO place_text
    FROM places p JOIN regions r ON r.code = p.region LEFT JOIN provinces pr ON pr.code = p.province
    WHERE p.id = NEW.place_id;
  SELECT concat_ws(' ', a.code::text, localized_texts(a.name)) INTO agency_text FROM agencies a WHERE a.code = NEW.agency_code;
  NEW.search_title := search_words(concat_ws(' ', localized_texts(NEW.title), profile_title));
  NEW.search_text := search_words(concat_ws(' ', localized_texts(NEW.title), profile_text, NEW.place, place_text, agency_text));
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER vacancies_search_document BEFORE INSERT OR UPDATE OF title, place, place_id, job_profile_id, agency_code ON vacancies
  FOR EACH ROW EXECUTE FUNCTION vacancies_search_document();--> statement-breakpoint
UPDATE vacancies SET place = place;