-- Every vacancy has one counter row per stage from the moment it exists, so a move only ever updates counters (an
-- insert of a decremented row would trip the non-negative check before ON CONFLICT could turn it into an update).
CREATE FUNCTION create_vacancy_stage_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO vacancy_stage_counts (vacancy_id, stage, reached, current)
  SELECT NEW.id, stage, 0, 0 FROM unnest(enum_range(NULL::application_stage)) AS stage
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER vacancies_create_stage_counts AFTER INSERT ON vacancies FOR EACH ROW EXECUTE FUNCTION create_vacancy_stage_counts();
--> statement-breakpoint
INSERT INTO vacancy_stage_counts (vacancy_id, stage, reached, current)
SELECT v.id, stage, 0, 0 FROM vacancies v CROSS JOIN unnest(enum_range(NULL::application_stage)) AS stage
ON CONFLICT DO NOTHING;
