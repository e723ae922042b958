import path from "node:path";
import { seedCampaign } from "../src/seeding/seed-campaign";
import { batchBody, type IngestionParams } from "./ingestion.script";
import type { Benchmark, BenchOptions, BenchResult, Measurement } from "./lib/benchmark";
import { openBenchDatabase, rawSqlOf, type DatabaseKind } from "./lib/databases";
import { AGENCY_CODES, checkCountersAgainstEvents, createAgencyKeys, openVacancyIdsByAgency, SUBMIT_MUTATION } from "./lib/hr";
import { CPU_NOTE, cpuColumns, cpuPerRequest, describeCodes, runScriptedLoad, type CpuSplit, type KindFigures } from "./lib/scripted-load";
import { startService } from "./lib/servers";
import { formatNumber, renderTable } from "./lib/table";
import type { BulkMoveParams } from "./bulk-moves.script";

/** Moves per moveApplications call: the most the API takes. */
const BATCH = 500;
/** Target of issue 10: moves per second into PostgreSQL on the 2-CPU machine. */
const TARGET_PER_SECOND = 5000;
/** Moves per second each database is provisioned for (applications are loaded beforehand: two moves each). */
const PROVISION = { postgres: 14_000, pglite: 5_000 } as const;

export const MOVE_MUTATION = `mutation MoveMany($input: MoveApplicationsInput!) {
  moveApplications(input: $input) {
    movedCount unchangedCount refusedCount
    results { applicationId moved application { id stage version } userErrors { field code message } }
  }
}`;

export interface BulkMoveMeasurement extends Measurement {
  batchSize: number;
  movesPerSecond: number;
  moved: number;
  refused: number;
  userErrorCodes: Record<string, number>;
  cpuPerBatchMs: CpuSplit;
}

export const bulkMoves: Benchmark = {
  name: "bulk-moves",
  description: `Agency HR systems syncing stage changes in batches of ${BATCH} over HTTP (moveApplications, one API key per agency, 2 connections each): APPLIED to SCREENED, then on to REJECTED; moves/s, and a check that the database holds exactly the moves acknowledged (stage events, outbox events, counters equal to a recount).`,
  defaultConnections: 8,
  defaultDurationS: 10,
  async run(options) {
    const result: BenchResult = { measurements: [], dataset: {}, notes: [] };
    const checks: string[] = [];
    for (const kind of options.databases) {
      const { measurement, dataset, check } = await onDatabase(kind, options);
      result.measurements.push(measurement);
      result.dataset[kind] = dataset;
      checks.push(check);
    }
    const rows = result.measurements as BulkMoveMeasurement[];
    result.notes.push(
      `Moves per second (req/s above is batches of ${BATCH} per second):\n${movesTable(rows)}`,
      ...checks,
      ...rows
        .filter((m) => m.database === "postgres")
        .map(
          (m) =>
            `Target (issue 10): ${TARGET_PER_SECOND} moves/s into PostgreSQL in batches of ${BATCH}: ${Math.round(m.movesPerSecond)}/s measured, ${m.movesPerSecond >= TARGET_PER_SECOND ? "met" : `not met (${((m.movesPerSecond / TARGET_PER_SECOND) * 100).toFixed(0)} % of it)`}.`,
        ),
      `Set-up per database: the 2021 campaign seed, one AGENCY_HR key per agency, and applications loaded beforehand through submitApplications (not measured), enough for two moves each over the warm-up and the window; the service with the rate limiter off (one address sends everything). Each batch moves 500 applications of one agency; a batch moves on to REJECTED once its SCREENED batch has been answered.`,
      CPU_NOTE,
    );
    return result;
  },
};

async function onDatabase(
  kind: DatabaseKind,
  options: BenchOptions,
): Promise<{ measurement: BulkMoveMeasurement; dataset: Record<string, unknown>; check: string }> {
  const log = (line: string) => options.log(`[${kind}] ${line}`);
  const bench = await openBenchDatabase(kind, { postgresUrl: options.postgresUrl, poolMax: options.poolMax });
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const { db } = bench.database;
    await seedCampaign(db);
    const keys = await createAgencyKeys(db);
    const vacancies = await openVacancyIdsByAgency(db);
    service = await startService(bench.database, { responseCache: true });
    const raw = rawSqlOf(bench.database);
    const [{ name: databaseName }] = await raw.query<{ name: string }>("select current_database() as name", []);
    const connections = Math.max(1, Math.floor(options.connections / AGENCY_CODES.length)) * AGENCY_CODES.length;

    const seconds = options.warmupS + options.durationS;
    // Enough for the warm-up and the window at the provisioned rate, smoke runs included (a quiet PostgreSQL moved a
    // smoke run's 2 batches per agency within its warm-up, leaving the window empty).
    const batchesPerAgency = Math.ceil((seconds * PROVISION[kind]) / 2 / AGENCY_CODES.length / BATCH);
    log(`loading ${batchesPerAgency * BATCH * AGENCY_CODES.length} applications (${batchesPerAgency} batches of ${BATCH} per agency)`);
    const tag = `m${Date.now().toString(36)}`;
    const agencies = await Promise.all(
      AGENCY_CODES.map(async (code) => {
        const agency = { code, key: keys[code], vacancyIds: vacancies[code] };
        const params: IngestionParams = { mode: "new", batchSize: BATCH, tag, agencies: [agency], query: SUBMIT_MUTATION };
        const applicationIds: string[] = [];
        for (let batch = 0; batch < batchesPerAgency; batch++) {
          const response = await fetch(service!.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${agency.key}` },
            body: batchBody(params, agency, batch),
          });
          const body = (await response.json()) as { data?: { submitApplications: { results: { application: { id: string } | null }[] } }; errors?: unknown };
          if (!body.data) throw new Error(`loading applications failed: ${JSON.stringify(body.errors)}`);
          for (const r of body.data.submitApplications.results) if (r.application) applicationIds.push(r.application.id);
        }
        return { code, key: agency.key, applicationIds };
      }),
    );
    const loaded = agencies.reduce((n, a) => n + a.applicationIds.length, 0);
    const [before] = await raw.query<{ stage_events: number; events: number }>(
      "select (select count(*) from stage_events)::int as stage_events, (select count(*) from events)::int as events",
      [],
    );

    log(`moving in batches of ${BATCH}: ${connections} connections, ${options.warmupS} s warm-up, ${options.durationS} s`);
    const load = await runScriptedLoad({
      url: service.url,
      connections,
      warmupMs: options.warmupS * 1000,
      durationMs: options.durationS * 1000,
      script: path.join(__dirname, "bulk-moves.script.js"),
      counterHeader: "x-sql-statements",
      databaseName: kind === "postgres" ? databaseName : undefined,
      params: { batchSize: BATCH, agencies, query: MOVE_MUTATION } satisfies BulkMoveParams,
    });

    // What the answers acknowledged against what the database holds.
    const moved = (load.warmup[0]?.tally.moved ?? 0) + (load.recorded[0]?.tally.moved ?? 0);
    const [after] = await raw.query<{ stage_events: number; events: number; moved_events: number; screened: number; rejected: number }>(
      `select (select count(*) from stage_events)::int as stage_events, (select count(*) from events)::int as events,
              (select count(*) from events where type = 'application.moved')::int as moved_events,
              (select count(*) from stage_events where to_stage = 'SCREENED')::int as screened,
              (select count(*) from stage_events where to_stage = 'REJECTED')::int as rejected`,
      [],
    );
    log(`checking the counters against a recount from the events (${after.stage_events} events)`);
    const counters = await checkCountersAgainstEvents(bench.database);
    const consistent = after.stage_events - before.stage_events === moved && after.events - before.events === moved && after.moved_events === moved;
    const check =
      `${kind}: ${consistent ? "consistent" : "INCONSISTENT"}: ${loaded} applications loaded, acknowledged moves ${moved}; in the database ${after.stage_events - before.stage_events} new stage events ` +
      `(${after.screened} to SCREENED, ${after.rejected} to REJECTED) and ${after.events - before.events} new outbox events (${after.moved_events} application.moved); ` +
      `counters ${counters.agree ? "equal" : "DIFFER FROM"} a recount from the events (${(counters.milliseconds / 1000).toFixed(1)} s).`;
    log(check);

    const measurement = toMeasurement(kind, load.recorded[0], load.warmup[0], connections, load.cpu);
    if (!consistent || !counters.agree) {
      measurement.errors += 1;
      measurement.firstError ??= check;
    }
    return {
      measurement,
      dataset: {
        database: bench.description,
        version: bench.version,
        applicationsLoaded: loaded,
        batchSize: BATCH,
        connections,
        movesAcknowledged: moved,
        counters,
      },
      check,
    };
  } finally {
    await service?.close().catch(() => {});
    await bench.dispose();
  }
}

function toMeasurement(
  database: DatabaseKind,
  all: KindFigures,
  warm: KindFigures | undefined,
  connections: number,
  cpu: Parameters<typeof cpuPerRequest>[0],
): BulkMoveMeasurement {
  return {
    database,
    target: `moves in batches of ${BATCH}`,
    description: "moveApplications: every move a real one",
    ...all,
    connections,
    errors: all.errors + (warm?.errors ?? 0),
    non200: all.non200 + (warm?.non200 ?? 0),
    firstError: all.firstError ?? warm?.firstError ?? null,
    batchSize: BATCH,
    movesPerSecond: all.requestsPerSecond * BATCH,
    moved: all.tally.moved ?? 0,
    refused: all.tally.refused ?? 0,
    userErrorCodes: all.userErrorCodes,
    cpuPerBatchMs: cpuPerRequest(cpu, all.attempted),
  };
}

function movesTable(rows: BulkMoveMeasurement[]): string {
  return renderTable(rows, [
    { header: "database", value: (m) => m.database },
    { header: "conns", value: (m) => m.connections },
    { header: "moves/s", value: (m) => Math.round(m.movesPerSecond) },
    { header: "batches/s", value: (m) => formatNumber(m.requestsPerSecond) },
    { header: "p50 ms/batch", value: (m) => formatNumber(m.latencyMs.p50) },
    { header: "p95", value: (m) => formatNumber(m.latencyMs.p95) },
    { header: "p99", value: (m) => formatNumber(m.latencyMs.p99) },
    { header: "batches", value: (m) => m.requests },
    { header: "moved", value: (m) => m.moved },
    { header: "refused", value: (m) => m.refused },
    { header: "userErrors", value: (m) => describeCodes(m.userErrorCodes), align: "left" },
    { header: "failed", value: (m) => m.errors + m.non200 },
    ...cpuColumns<BulkMoveMeasurement>((m) => m.cpuPerBatchMs, "batch"),
  ]);
}
