-- The scope format is checked where every scope of this table is also written in the same transaction:
-- rollup_candidate_daily (src/db/tables/rollups.ts). Matching the pattern here cost about 2 µs a row, 2,000 rows per
-- submitted batch of 500 new persons.
ALTER TABLE "scope_candidates" DROP CONSTRAINT "scope_candidates_scope";