import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { AgencyCode } from "../../src/agencies/agency.type";
import { ApiClientService } from "../../src/api-clients/api-client.service";
import { rebuildCounters } from "../../src/applications/counter-rebuild";
import { Role } from "../../src/auth/role";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows, type Database, type Db } from "../../src/db/client";

/** Set-up and checks shared by the benchmarks that write applications (ingestion, mixed-load). */

export const AGENCY_CODES = ["DVZ", "CGVS", "RVV", "FEDASIL"] as const;
export type BenchAgency = (typeof AGENCY_CODES)[number];

/** The README's push mutation, as an HR system sends it. */
export const SUBMIT_MUTATION = `mutation Push($input: SubmitApplicationsInput!) {
  submitApplications(input: $input) {
    createdCount existingCount refusedCount
    results { externalId created updated application { id stage version } userErrors { field code message } }
  }
}`;

/** One AGENCY_HR API client per agency, created as the operator CLI does; the raw keys, by agency. */
export async function createAgencyKeys(db: Db): Promise<Record<BenchAgency, string>> {
  const service = new ApiClientService(db);
  const keys = {} as Record<BenchAgency, string>;
  for (const agency of AGENCY_CODES) {
    const { apiKey, userErrors } = await service.create({ name: `${agency} HR system (benchmark)`, role: Role.AGENCY_HR, agency: AgencyCode[agency] });
    if (!apiKey) throw new Error(`cannot create the ${agency} HR key: ${JSON.stringify(userErrors)}`);
    keys[agency] = apiKey;
  }
  return keys;
}

/** A TASKFORCE API client's raw key. */
export async function createTaskforceKey(db: Db): Promise<string> {
  const { apiKey, userErrors } = await new ApiClientService(db).create({ name: "Taskforce dashboard (benchmark)", role: Role.TASKFORCE });
  if (!apiKey) throw new Error(`cannot create the taskforce key: ${JSON.stringify(userErrors)}`);
  return apiKey;
}

/**
 * The vacancies each agency can push applications to now: OPEN, with a deadline at least a day away (or none), as API ids.
 * Fails when an agency has none: its HR system would have nothing to push.
 */
export async function openVacancyIdsByAgency(db: Db): Promise<Record<BenchAgency, string[]>> {
  const rows = await selectRows<{ id: number; agency_code: BenchAgency }>(
    db,
    sql`select id, agency_code from vacancies where status = 'OPEN' and (application_deadline is null or application_deadline > now() + interval '1 day') order by id`,
  );
  const byAgency = Object.fromEntries(AGENCY_CODES.map((a) => [a, [] as string[]])) as Record<BenchAgency, string[]>;
  for (const row of rows) byAgency[row.agency_code]?.push(toGlobalId("Vacancy", row.id));
  for (const agency of AGENCY_CODES)
    if (byAgency[agency].length === 0) throw new Error(`agency ${agency} has no OPEN vacancy with a deadline ahead to push applications to`);
  return byAgency;
}

/** Every table of counters and rollups the moves keep, with the condition under which a row counts (zero rows are noise). */
const COUNTER_TABLES: [string, string][] = [
  ["vacancy_stage_counts", "reached <> 0 or current <> 0"],
  ["vacancy_stage_daily", "entered <> 0 or exited <> 0"],
  ["rollup_stage_daily", "entered <> 0 or exited <> 0"],
  ["rollup_stage_weekly", "entered <> 0"],
  ["scope_candidates", "true"],
  ["rollup_candidate_daily", "new_candidates <> 0"],
  ["stage_durations", "count <> 0"],
  ["rollup_duration_daily", "count <> 0"],
  ["stage_exits", "count <> 0"],
  ["rollup_exit_daily", "count <> 0"],
];

export interface CounterCheck {
  /** Rows that differ between the stored counters and a recount from the event log, per table (0 everywhere: they agree). */
  differingRows: Record<string, number>;
  /** Non-zero rows stored, per table. */
  storedRows: Record<string, number>;
  agree: boolean;
  milliseconds: number;
}

/**
 * The counters the requests kept one move at a time, against a recount from the event log: in one transaction, copy every
 * counter table, run the service's own recount (rebuildCounters, as `npm run counters:rebuild` does), compare the
 * copies with the result row for row, and roll everything back. Nothing changes in the database.
 */
export async function checkCountersAgainstEvents(database: Database): Promise<CounterCheck> {
  const started = performance.now();
  const differingRows: Record<string, number> = {};
  const storedRows: Record<string, number> = {};
  class RollBack extends Error {}
  try {
    await database.db.transaction(async (tx) => {
      for (const [table, nonZero] of COUNTER_TABLES) {
        await tx.execute(sql.raw(`create temporary table stored_${table} on commit drop as select * from ${table} where ${nonZero}`));
      }
      await rebuildCounters(tx);
      for (const [table, nonZero] of COUNTER_TABLES) {
        const [row] = await selectRows<{ differing: number; stored: number }>(
          tx,
          sql.raw(`select
              (select count(*) from ((select * from stored_${table} except all select * from ${table} where ${nonZero})
                                     union all (select * from ${table} where ${nonZero} except all select * from stored_${table})) d)::int as differing,
              (select count(*) from stored_${table})::int as stored`),
        );
        differingRows[table] = row.differing;
        storedRows[table] = row.stored;
      }
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { differingRows, storedRows, agree: Object.values(differingRows).every((n) => n === 0), milliseconds: Math.round(performance.now() - started) };
}
