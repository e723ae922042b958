import path from "node:path";
import { seedCampaign } from "../src/seeding/seed-campaign";
import type { Benchmark, BenchOptions, BenchResult, Measurement } from "./lib/benchmark";
import { openBenchDatabase, rawSqlOf, type DatabaseKind } from "./lib/databases";
import { AGENCY_CODES, checkCountersAgainstEvents, createAgencyKeys, openVacancyIdsByAgency, SUBMIT_MUTATION, type CounterCheck } from "./lib/hr";
import {
  CPU_NOTE,
  cpuColumns,
  cpuPerRequest,
  describeCodes,
  runScriptedLoad,
  type CpuSpent,
  type CpuSplit,
  type KindFigures,
  type ScriptedLoadResult,
} from "./lib/scripted-load";
import { startService } from "./lib/servers";
import { formatNumber, renderTable } from "./lib/table";
import type { IngestionParams } from "./ingestion.script";

/** Applications per submitApplications call: the most the API takes. */
const BATCH = 500;
/** Target of issue 3: applications per second into PostgreSQL on the 2-CPU machine. */
const TARGET_PER_SECOND = 5000;

/** One phase (first sends, or resends of what was sent) on one database. */
export interface IngestionMeasurement extends Measurement {
  phase: "new" | "resend";
  batchSize: number;
  /** Recorded window: applications per second (batches/s times the batch size), and what the answers said. */
  applicationsPerSecond: number;
  applicationsCreated: number;
  applicationsExisting: number;
  applicationsRefused: number;
  userErrorCodes: Record<string, number>;
  graphqlErrorCodes: Record<string, number>;
  httpStatuses: Record<string, number>;
  /** CPU per batch, ms, over the recorded window (see CpuSplit in ./lib/scripted-load). */
  cpuPerBatchMs: CpuSplit;
  /** Busy share of the machine's CPUs over the window (1 = both CPUs busy all the time). */
  machineBusy: number | null;
}

export const ingestion: Benchmark = {
  name: "ingestion",
  description: `Agency HR systems pushing batches of ${BATCH} applications over HTTP (submitApplications, one API key per agency, 2 connections each), then resending batches already sent (the idempotent path); applications/s, and a check that the database holds exactly what was acknowledged.`,
  // Four HR systems with two pushes in flight each. At 16, pushes wait for the pool's 10 connections past its 2 s limit
  // (503 DATABASE_BUSY): the service sheds load, as designed, rather than ingesting faster.
  defaultConnections: 8,
  async run(options) {
    const result: BenchResult = { measurements: [], dataset: {}, notes: [] };
    const checks: string[] = [];
    for (const kind of options.databases) {
      const { measurements, dataset, check } = await onDatabase(kind, options);
      result.measurements.push(...measurements);
      result.dataset[kind] = dataset;
      checks.push(check);
    }
    const rows = result.measurements as IngestionMeasurement[];
    result.notes.push(
      `Applications per second (req/s above is batches of ${BATCH} per second):\n${applicationsTable(rows)}`,
      ...checks,
      ...rows
        .filter((m) => m.phase === "new" && m.database === "postgres")
        .map(
          (m) =>
            `Target (issue 3): ${TARGET_PER_SECOND} applications/s into PostgreSQL: ${Math.round(m.applicationsPerSecond)}/s measured, ${m.applicationsPerSecond >= TARGET_PER_SECOND ? "met" : `not met (${((m.applicationsPerSecond / TARGET_PER_SECOND) * 100).toFixed(0)} % of it)`}.`,
        ),
      `Set-up per database: the 2021 campaign seed (its OPEN vacancies with a deadline ahead take the applications, round-robin per agency), one AGENCY_HR API client per agency (ApiClientService.create, as the CLI does), the service with the response cache on as deployed and the rate limiter off (one address sends everything; with the deployed limit of 400 points/s per key, a 500-application push costs 533 points, so one HR key is held to about 375 applications/s).`,
      `Each batch: ${BATCH} new people (distinct e-mail addresses) with distinct external ids, phone and birth date, sent with the README's mutation (results with application ids and userErrors). Resends send byte-identical batches the first phase sent (created: false, nothing written).`,
      CPU_NOTE,
    );
    return result;
  },
};

async function onDatabase(
  kind: DatabaseKind,
  options: BenchOptions,
): Promise<{ measurements: IngestionMeasurement[]; dataset: Record<string, unknown>; check: string }> {
  const log = (line: string) => options.log(`[${kind}] ${line}`);
  const bench = await openBenchDatabase(kind, { postgresUrl: options.postgresUrl, poolMax: options.poolMax });
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const { db } = bench.database;
    await seedCampaign(db);
    const keys = await createAgencyKeys(db);
    const vacancies = await openVacancyIdsByAgency(db);
    service = await startService(bench.database, { responseCache: true });
    const [{ name: databaseName }] = await rawSqlOf(bench.database).query<{ name: string }>("select current_database() as name", []);
    // Each connection is one agency's HR system sending its batches one after the other: a whole number per agency.
    const connections = Math.max(1, Math.floor(options.connections / AGENCY_CODES.length)) * AGENCY_CODES.length;
    const load = {
      url: service.url,
      connections,
      warmupMs: options.warmupS * 1000,
      durationMs: options.durationS * 1000,
      script: path.join(__dirname, "ingestion.script.js"),
      counterHeader: "x-sql-statements",
      databaseName: kind === "postgres" ? databaseName : undefined,
    };
    const agencies = AGENCY_CODES.map((code) => ({ code, key: keys[code], vacancyIds: vacancies[code] }));
    const base: Omit<IngestionParams, "mode"> = { batchSize: BATCH, tag: `r${Date.now().toString(36)}`, agencies, query: SUBMIT_MUTATION };
    log(
      `${bench.description}: ${agencies.map((a) => `${a.code} ${a.vacancyIds.length}`).join(", ")} open vacancies; ${connections} connections, ${options.warmupS} s warm-up, ${options.durationS} s`,
    );

    log(`new batches of ${BATCH}`);
    const fresh = await runScriptedLoad({ ...load, params: { ...base, mode: "new" } satisfies IngestionParams });
    const sent = fresh.summary as Record<string, number>;
    log(`resending the ${Object.values(sent).reduce((a, b) => a + b, 0)} batches sent`);
    // The code is warm from the first phase; a smoke run saves the second warm-up.
    const resent = await runScriptedLoad({
      ...load,
      warmupMs: options.smoke ? 0 : load.warmupMs,
      params: { ...base, mode: "resend", agencies: agencies.map((a) => ({ ...a, sent: sent[a.code] })) } satisfies IngestionParams,
    });

    // What the answers acknowledged against what the database holds.
    const raw = rawSqlOf(bench.database);
    const acknowledged = (r: ScriptedLoadResult) => (r.warmup[0]?.tally.created ?? 0) + (r.recorded[0]?.tally.created ?? 0);
    const createdByAnswers = acknowledged(fresh) + acknowledged(resent);
    const [stored] = await raw.query<{ applications: number; candidates: number; events: number; applied: number }>(
      `select (select count(*) from applications)::int as applications, (select count(*) from candidates)::int as candidates,
              (select count(*) from stage_events)::int as events, (select coalesce(sum(reached), 0) from vacancy_stage_counts where stage = 'APPLIED')::int as applied`,
      [],
    );
    log(`checking the counters against a recount from the events (${stored.events} events)`);
    const counters = await checkCountersAgainstEvents(bench.database);
    const consistent =
      stored.applications === createdByAnswers &&
      stored.candidates === createdByAnswers &&
      stored.events === createdByAnswers &&
      stored.applied === createdByAnswers;
    const check =
      `${kind}: ${consistent ? "consistent" : "INCONSISTENT"}: acknowledged creates ${createdByAnswers} (resends created ${acknowledged(resent)}); in the database ${stored.applications} applications, ` +
      `${stored.candidates} candidates, ${stored.events} events, APPLIED counters ${stored.applied}; counters ${counters.agree ? "equal" : "DIFFER FROM"} a recount from the events ` +
      `(${describeDifferences(counters)}, ${(counters.milliseconds / 1000).toFixed(1)} s).`;
    log(check);

    const measurements = [measurement(kind, "new", fresh, connections), measurement(kind, "resend", resent, connections)];
    if (!consistent || !counters.agree) {
      // Make the run fail (run.ts exits 1 on errors): acknowledged writes that are not in the database are a bug.
      measurements[0].errors += Math.max(1, Math.abs(stored.applications - createdByAnswers));
      measurements[0].firstError ??= check;
    }
    return {
      measurements,
      dataset: {
        database: bench.description,
        version: bench.version,
        openVacanciesByAgency: Object.fromEntries(agencies.map((a) => [a.code, a.vacancyIds.length])),
        batchSize: BATCH,
        connections,
        connectionsPerAgency: connections / AGENCY_CODES.length,
        batchesSent: sent,
        stored,
        acknowledgedCreates: createdByAnswers,
        counters,
        poolMax: kind === "postgres" ? options.poolMax : 1,
      },
      check,
    };
  } finally {
    await service?.close().catch(() => {});
    await bench.dispose();
  }
}

function measurement(database: DatabaseKind, phase: "new" | "resend", load: ScriptedLoadResult, connections: number): IngestionMeasurement {
  const all: KindFigures = load.recorded[0];
  const warm: KindFigures | undefined = load.warmup[0];
  const batches = all.attempted;
  const cpu: CpuSpent = load.cpu;
  // Failures in the warm-up count too: the target is zero, whenever they happen.
  const warmErrors = warm ? warm.errors : 0;
  const warmNon200 = warm ? warm.non200 : 0;
  return {
    database,
    target: phase === "new" ? `new batches of ${BATCH}` : `resent batches of ${BATCH}`,
    description: phase === "new" ? "first sends: every application created" : "batches already sent, sent again: nothing created",
    ...all,
    connections,
    errors: all.errors + warmErrors,
    non200: all.non200 + warmNon200,
    firstError: all.firstError ?? warm?.firstError ?? null,
    phase,
    batchSize: BATCH,
    applicationsPerSecond: all.requestsPerSecond * BATCH,
    applicationsCreated: all.tally.created ?? 0,
    applicationsExisting: all.tally.existing ?? 0,
    applicationsRefused: all.tally.refused ?? 0,
    userErrorCodes: all.userErrorCodes,
    graphqlErrorCodes: all.graphqlErrorCodes,
    httpStatuses: all.httpStatuses,
    cpuPerBatchMs: cpuPerRequest(cpu, batches),
    machineBusy: cpu.machineBusyMs != null && cpu.machineCapacityMs ? cpu.machineBusyMs / cpu.machineCapacityMs : null,
  };
}

function applicationsTable(rows: IngestionMeasurement[]): string {
  return renderTable(rows, [
    { header: "database", value: (m) => m.database },
    { header: "phase", value: (m) => m.phase, align: "left" },
    { header: "conns", value: (m) => m.connections },
    { header: "apps/s", value: (m) => Math.round(m.applicationsPerSecond) },
    { header: "batches/s", value: (m) => formatNumber(m.requestsPerSecond) },
    { header: "p50 ms/batch", value: (m) => formatNumber(m.latencyMs.p50) },
    { header: "p95", value: (m) => formatNumber(m.latencyMs.p95) },
    { header: "p99", value: (m) => formatNumber(m.latencyMs.p99) },
    { header: "batches", value: (m) => m.requests },
    { header: "created", value: (m) => m.applicationsCreated },
    { header: "existing", value: (m) => m.applicationsExisting },
    { header: "refused", value: (m) => m.applicationsRefused },
    { header: "userErrors", value: (m) => describeCodes(m.userErrorCodes), align: "left" },
    { header: "failed", value: (m) => m.errors + m.non200 },
    ...cpuColumns<IngestionMeasurement>((m) => m.cpuPerBatchMs, "batch"),
    { header: "machine busy", value: (m) => (m.machineBusy == null ? null : `${Math.round(m.machineBusy * 100)} %`) },
  ]);
}

function describeDifferences(check: CounterCheck): string {
  const differing = Object.entries(check.differingRows).filter(([, n]) => n > 0);
  const rows = Object.values(check.storedRows).reduce((a, b) => a + b, 0);
  return differing.length
    ? `differing rows: ${differing.map(([t, n]) => `${t} ${n}`).join(", ")}`
    : `${rows} rows in ${Object.keys(check.storedRows).length} tables compared`;
}
