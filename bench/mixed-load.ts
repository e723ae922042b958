import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { addDays, brusselsDate } from "../src/common/brussels-time";
import { toGlobalId } from "../src/common/global-id";
import { selectRows } from "../src/db/client";
import { generateDemoData } from "../src/seeding/demo-generator";
import { seedCampaign } from "../src/seeding/seed-campaign";
import type { Benchmark, BenchOptions, BenchResult, Measurement } from "./lib/benchmark";
import { openBenchDatabase, rawSqlOf, type BenchDatabase, type DatabaseKind } from "./lib/databases";
import { AGENCY_CODES, checkCountersAgainstEvents, createAgencyKeys, createTaskforceKey, openVacancyIdsByAgency, SUBMIT_MUTATION } from "./lib/hr";
import { CPU_NOTE, cpuPerRequest, describeCodes, runScriptedLoad, type CpuSplit, type FailureCounts, type KindFigures } from "./lib/scripted-load";
import { startService } from "./lib/servers";
import { formatNumber, renderTable } from "./lib/table";
import { generateVacancies } from "./lib/vacancy-generator";
import { KINDS, MIX, type MixedParams } from "./mixed-load.script";

export interface Sizes {
  /** Generated vacancies on top of the seed's 37, and upcoming test sessions linked to them. */
  vacancies: number;
  sessions: number;
  /** Applications already in the pipeline (the demo generator: every stage, legal histories), for dashboards and moves. */
  applications: number;
}

export const FULL: Sizes = { vacancies: 2000, sessions: 100, applications: 20_000 };
export const SMOKE: Sizes = { vacancies: 200, sessions: 20, applications: 1000 };
const SEED = 2021;

export interface MixedMeasurement extends Measurement, FailureCounts {
  kind: string;
  /** Share of the recorded requests. */
  share: number;
  /** The same three counts over the warm-up (the target of zero errors holds for it too). */
  warmup: { requests: number; httpFailures: number; graphqlErrors: number; withUserErrors: number; userErrorCodes: Record<string, number> };
  cpuPerRequestMs: CpuSplit | null;
  machineBusy: number | null;
}

export const mixedLoad: Benchmark = {
  name: "mixed-load",
  description:
    "Production-like mixed traffic over HTTP for 60 s: 80 % public reads (vacancy list with relations, vacancy page, test sessions), 15 % HR writes (small submitApplications pushes, SCREENED moves with each agency's key), 5 % taskforce dashboard; response cache on as deployed, rate limiter off (one address); throughput, latency per kind, HTTP failures, GraphQL errors and userErrors.",
  defaultDurationS: 60,
  async run(options) {
    const sizes = options.smoke ? SMOKE : FULL;
    const result: BenchResult = { measurements: [], dataset: {}, notes: [] };
    const checks: string[] = [];
    for (const kind of options.databases) {
      const { measurements, dataset, check } = await onDatabase(kind, sizes, options);
      result.measurements.push(...measurements);
      result.dataset[kind] = dataset;
      checks.push(check);
    }
    const rows = result.measurements as MixedMeasurement[];
    result.notes.push(
      `Errors per kind (the table above has throughput and latency; the warm-up's in brackets, as "+n"):\n${kindTable(rows)}`,
      ...cpuLines(rows),
      ...checks,
      `Mix (fixed seed ${SEED}): ${MIX.map((m) => `${m.value} ${m.weight} %`).join(", ")}. vacancy list: campaign header and 20 open vacancies with agency, wave, job profile, salary scale and 3 upcoming sessions, filtered by agency, wave and language regime, 3 orders, 3 languages (180 variants); vacancy page: the README's vacancy query on a random published vacancy; test sessions: upcoming sessions by Saturday, language or vacancy; submit: ${"1 to 20"} new applications to the agency's open vacancies (README mutation); move: APPLIED to SCREENED with expectedVersion, each application once (demo applications first, then those pushed during the run); dashboard: the README's dashboard query (whole campaign, one agency, or asOf a past day) with a TASKFORCE key.`,
      `Data: the 2021 campaign seed plus ${sizes.vacancies} generated vacancies and ${sizes.sessions} test sessions (bench/lib/vacancy-generator.ts), and ${sizes.applications} demo applications over every stage (src/seeding/demo-generator.ts), then VACUUM ANALYZE and CHECKPOINT. The service as deployed (response cache on) except the rate limiter, which is off: all the load comes from one address and three kinds of keys, which the limiter would rightly throttle.`,
      "HTTP failures: no answer, or a status other than 200 (503 SERVICE_UNAVAILABLE counts here). GraphQL errors: a 200 answer with an errors list. userErrors: a mutation's business refusals (none are expected: every push is new, every move targets a distinct APPLIED application with its current version).",
      CPU_NOTE,
    );
    return result;
  },
};

/** The mixed load's data on a fresh database, and the load script's parameters over it. */
export interface MixedData {
  params: MixedParams;
  before: Counts;
  dataset: Record<string, unknown>;
}

interface Counts {
  applications: number;
  screened: number;
}

const COUNTS_SQL =
  "select (select count(*) from applications)::int as applications, (select count(*) from stage_events where to_stage = 'SCREENED')::int as screened";

/** Seeds the campaign, generates vacancies, sessions and demo applications, creates the keys; the load script's parameters. */
export async function prepareMixedData(bench: BenchDatabase, sizes: Sizes, log: (line: string) => void): Promise<MixedData> {
  const { db } = bench.database;
  const raw = rawSqlOf(bench.database);
  const setUp = performance.now();
  await seedCampaign(db);
  const generated = await generateVacancies(db, { vacancies: sizes.vacancies, sessions: sizes.sessions });
  const demo = await generateDemoData(bench.database, {
    applications: sizes.applications,
    seed: SEED,
    bulk: true,
    until: addDays(brusselsDate(new Date()), -1),
  });
  // As a steady database would be, and as the dashboard benchmark does: vacuumed (so autovacuum does not start on the
  // freshly loaded tables mid-run) and checkpointed (the load's dirty pages, and those of any benchmark before this
  // one in a full run, written out before the writes under measurement compete with the flush).
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`).catch(() => log(`${bench.description}: CHECKPOINT refused (needs superuser or pg_checkpoint); measuring without it`));
  const keys = await createAgencyKeys(db);
  const taskforceKey = await createTaskforceKey(db);
  const open = await openVacancyIdsByAgency(db);
  const published = await selectRows<{ id: number }>(db, sql`select id from vacancies where status <> 'DRAFT' order by id`);
  const waves = await selectRows<{ number: number }>(db, sql`select distinct number from waves order by number`);
  const applied = await selectRows<{ id: number; agency_code: string; version: number }>(
    db,
    sql`select id, agency_code, version from applications where stage = 'APPLIED' order by id`,
  );
  const [before] = await raw.query<Counts>(COUNTS_SQL, []);
  log(
    `${bench.description}: seed + ${generated.vacancies} vacancies (${generated.openVacancies} open), ${generated.sessions} sessions, ${demo.created} demo applications (${applied.length} APPLIED to screen) in ${((performance.now() - setUp) / 1000).toFixed(1)} s`,
  );
  const params: MixedParams = {
    seed: SEED,
    tag: `m${Date.now().toString(36)}`,
    agencies: AGENCY_CODES.map((code) => ({
      code,
      key: keys[code],
      openVacancyIds: open[code],
      applied: applied.filter((a) => a.agency_code === code).map((a) => ({ id: toGlobalId("Application", a.id), version: a.version })),
    })),
    taskforceKey,
    vacancyIds: published.map((v) => toGlobalId("Vacancy", v.id)),
    waveNumbers: waves.map((w) => w.number),
    pastDay: addDays(brusselsDate(new Date()), -7),
    submitQuery: SUBMIT_MUTATION,
    batch: { min: 1, max: 20 },
  };
  const dataset = {
    database: bench.description,
    version: bench.version,
    generated,
    demo,
    publishedVacancies: published.length,
    openVacanciesByAgency: Object.fromEntries(AGENCY_CODES.map((a) => [a, open[a].length])),
    appliedBefore: applied.length,
  };
  return { params, before, dataset };
}

/** Every acknowledged write is in the database, once; the counters equal a recount from the events. */
export async function checkMixedWrites(
  bench: BenchDatabase,
  label: string,
  before: Counts,
  summary: unknown,
): Promise<{ consistent: boolean; check: string; dataset: Record<string, unknown> }> {
  const {
    created: createdBy,
    moved: movedBy,
    submitsInsteadOfMoves,
  } = summary as {
    created: Record<string, number>;
    moved: Record<string, number>;
    submitsInsteadOfMoves: number;
  };
  const created = Object.values(createdBy).reduce((a, b) => a + b, 0);
  const moved = Object.values(movedBy).reduce((a, b) => a + b, 0);
  const [after] = await rawSqlOf(bench.database).query<Counts>(COUNTS_SQL, []);
  const counters = await checkCountersAgainstEvents(bench.database);
  const consistent = after.applications - before.applications === created && after.screened - before.screened === moved && counters.agree;
  const check =
    `${label}: ${consistent ? "consistent" : "INCONSISTENT"}: ${created} applications acknowledged as created and ${moved} moves to SCREENED over the run (warm-up included); ` +
    `the database gained ${after.applications - before.applications} applications and ${after.screened - before.screened} SCREENED events; counters ${counters.agree ? "equal" : "DIFFER FROM"} a recount from the events` +
    `${submitsInsteadOfMoves ? `; ${submitsInsteadOfMoves} moves became pushes (nothing left to screen)` : ""}.`;
  return { consistent, check, dataset: { before, after, acknowledged: { created, moved }, counters } };
}

async function onDatabase(
  kind: DatabaseKind,
  sizes: Sizes,
  options: BenchOptions,
): Promise<{ measurements: MixedMeasurement[]; dataset: Record<string, unknown>; check: string }> {
  const log = (line: string) => options.log(`[${kind}] ${line}`);
  const bench = await openBenchDatabase(kind, { postgresUrl: options.postgresUrl, poolMax: options.poolMax });
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const { params, before, dataset } = await prepareMixedData(bench, sizes, log);
    const [{ name: databaseName }] = await rawSqlOf(bench.database).query<{ name: string }>("select current_database() as name", []);
    service = await startService(bench.database, { responseCache: true });
    log(`${options.connections} connections, ${options.warmupS} s warm-up, ${options.durationS} s`);
    const load = await runScriptedLoad({
      url: service.url,
      connections: options.connections,
      warmupMs: options.warmupS * 1000,
      durationMs: options.durationS * 1000,
      script: path.join(__dirname, "mixed-load.script.js"),
      params,
      counterHeader: "x-sql-statements",
      databaseName: kind === "postgres" ? databaseName : undefined,
    });

    const { consistent, check, dataset: writes } = await checkMixedWrites(bench, kind, before, load.summary);
    log(check);
    const measurements = measurementsOf(kind, load);
    if (!consistent) {
      measurements[0].errors += 1;
      measurements[0].firstError ??= check;
    }
    return {
      measurements,
      dataset: { ...dataset, ...writes, connections: options.connections, poolMax: kind === "postgres" ? options.poolMax : 1 },
      check,
    };
  } finally {
    await service?.close().catch(() => {});
    await bench.dispose();
  }
}

export function measurementsOf(database: DatabaseKind, load: Awaited<ReturnType<typeof runScriptedLoad>>): MixedMeasurement[] {
  const total = load.recorded[0].attempted;
  const byKind = new Map(load.recorded.map((k) => [k.kind, k]));
  const warmByKind = new Map(load.warmup.map((k) => [k.kind, k]));
  // Kinds drawn in the recorded window (a smoke run may draw no dashboard there: run.ts fails a row without requests).
  // The warm-up's failures of every kind still count, on the "all" row.
  const order = ["all", ...KINDS].filter((k) => k === "all" || (byKind.get(k)?.requests ?? 0) > 0);
  return order.map((kind) => {
    const figures: KindFigures = byKind.get(kind)!;
    const w: KindFigures | undefined = warmByKind.get(kind);
    return {
      database,
      target: kind,
      description: kind === "all" ? "every request of the mix" : `${kind} requests of the mix`,
      ...figures,
      // The harness's error columns and exit code cover the warm-up too: the target is zero errors, whenever.
      errors: figures.errors + (w?.errors ?? 0),
      non200: figures.non200 + (w?.non200 ?? 0),
      firstError: figures.firstError ?? w?.firstError ?? null,
      kind,
      share: total > 0 ? figures.attempted / total : 0,
      httpFailures: figures.httpFailures,
      httpStatuses: figures.httpStatuses,
      graphqlErrors: figures.graphqlErrors,
      graphqlErrorCodes: figures.graphqlErrorCodes,
      withUserErrors: figures.withUserErrors,
      userErrorCodes: figures.userErrorCodes,
      warmup: {
        requests: w?.attempted ?? 0,
        httpFailures: w?.httpFailures ?? 0,
        graphqlErrors: w?.graphqlErrors ?? 0,
        withUserErrors: w?.withUserErrors ?? 0,
        userErrorCodes: w?.userErrorCodes ?? {},
      },
      cpuPerRequestMs: kind === "all" ? cpuPerRequest(load.cpu, total) : null,
      machineBusy: kind === "all" && load.cpu.machineBusyMs != null && load.cpu.machineCapacityMs ? load.cpu.machineBusyMs / load.cpu.machineCapacityMs : null,
    };
  });
}

export function kindTable(rows: MixedMeasurement[]): string {
  const withWarmup = (recorded: number, warm: number) => (warm ? `${recorded} (+${warm})` : String(recorded));
  return renderTable(rows, [
    { header: "database", value: (m) => m.database },
    { header: "kind", value: (m) => m.kind, align: "left" },
    { header: "share", value: (m) => `${(m.share * 100).toFixed(1)} %` },
    { header: "requests", value: (m) => m.requests },
    { header: "HTTP failures", value: (m) => withWarmup(m.httpFailures, m.warmup.httpFailures) },
    { header: "GraphQL errors", value: (m) => withWarmup(m.graphqlErrors, m.warmup.graphqlErrors) },
    { header: "userErrors", value: (m) => withWarmup(m.withUserErrors, m.warmup.withUserErrors) },
    {
      header: "codes",
      value: (m) =>
        describeCodes({ ...m.graphqlErrorCodes, ...m.userErrorCodes, ...Object.fromEntries(Object.entries(m.httpStatuses).map(([s, n]) => [`HTTP ${s}`, n])) }),
      align: "left",
    },
  ]);
}

/** One line per database: where the CPU went per request over the whole mix. */
function cpuLines(rows: MixedMeasurement[]): string[] {
  return rows
    .filter((m) => m.kind === "all" && m.cpuPerRequestMs)
    .map((m) => {
      const c = m.cpuPerRequestMs!;
      const parts = [
        ["service", c.service],
        ["load generator", c.loadGenerator],
        ["helper threads", c.helperThreads],
        ["PostgreSQL backends", c.database],
        ["rest of the machine", c.rest],
      ].filter(([, v]) => v != null) as [string, number][];
      return `${m.database}: CPU per request ${parts.map(([name, v]) => `${name} ${formatNumber(v)} ms`).join(", ")}; machine ${m.machineBusy == null ? "?" : `${Math.round(m.machineBusy * 100)} %`} busy.`;
    });
}
