import "./lib/node-env";
import "reflect-metadata";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { DEFAULT_POOL_MAX } from "../src/db/client";
import { bulkMoves } from "./bulk-moves";
import { campaignPage } from "./campaign-page";
import { dashboard } from "./dashboard";
import { hostileClient } from "./hostile-client";
import { ingestion } from "./ingestion";
import type { Benchmark, BenchOptions, Measurement } from "./lib/benchmark";
import { cleanUpAll, DATABASE_KINDS, DEFAULT_POSTGRES_URL, type DatabaseKind } from "./lib/databases";
import { formatNumber, renderTable } from "./lib/table";
import { mixedLoad } from "./mixed-load";
import { scaleOut } from "./scale-out";
import { webhooks } from "./webhooks";

/** Every benchmark, by name. A new one is a module exporting a Benchmark, added to this list. */
const BENCHMARKS: Record<string, Benchmark> = Object.fromEntries(
  [campaignPage, dashboard, ingestion, bulkMoves, mixedLoad, scaleOut, webhooks, hostileClient].map((b) => [b.name, b]),
);

const USAGE = `npm run bench -- [options]

  --only <names>         comma-separated benchmarks to run (default: all): ${Object.keys(BENCHMARKS).join(", ")}
  --smoke                tiny data, 2 s per measurement: checks the benchmarks work (CI)
  --duration <s>         recorded seconds per measurement (default 20, smoke 2)
  --warmup <s>           warm-up seconds before each measurement (default 5, smoke 1)
  --connections <n>      concurrent connections (requests in flight) (default 16, smoke 4)
  --databases <list>     pglite,postgres (default both)
  --pool <n>             the service's PostgreSQL pool size (default ${DEFAULT_POOL_MAX}, the service's own default)
  --list                 list the benchmarks
  --help

  PostgreSQL server: BENCH_DATABASE_URL (default ${DEFAULT_POSTGRES_URL}); each run creates bench_<timestamp> there and drops it.
  Results: a table on stdout and bench/results/<name>-<date>.json.`;

interface RunRecord {
  benchmark: string;
  description: string;
  smoke: boolean;
  startedAt: string;
  seconds: number;
  options: Omit<BenchOptions, "log" | "postgresUrl"> & { postgresServer: string };
  machine: Record<string, unknown>;
  dataset: Record<string, unknown>;
  measurements: (Measurement & { vsBaseline: { throughput: number; p50: number; p99: number } | null })[];
  /** Set when other work competed for the CPUs during the run. */
  warning: string | null;
  notes: string[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      smoke: { type: "boolean", default: false },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      databases: { type: "string" },
      pool: { type: "string" },
      list: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return void process.stdout.write(USAGE + "\n");
  if (values.list) {
    for (const benchmark of Object.values(BENCHMARKS)) process.stdout.write(`${benchmark.name}: ${benchmark.description}\n`);
    return;
  }

  const names = values.only
    ? values.only
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : Object.keys(BENCHMARKS);
  for (const name of names) if (!BENCHMARKS[name]) throw new UsageError(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(", ")}`);
  const smoke = values.smoke;
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const options: BenchOptions = {
    smoke,
    durationS: number(values.duration, smoke ? 2 : 20, "--duration", 0.1),
    warmupS: number(values.warmup, smoke ? 1 : 5, "--warmup", 0),
    connections: integer(values.connections, smoke ? 4 : 16, "--connections"),
    databases: databases(values.databases),
    postgresUrl,
    poolMax: integer(values.pool, DEFAULT_POOL_MAX, "--pool"),
    log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
  };

  let failed = false;
  for (const name of names) {
    const benchmark = BENCHMARKS[name];
    // A benchmark may have its own full-run length and concurrency (mixed-load: 60 s; ingestion: 8 connections);
    // --duration, --connections and --smoke override them.
    const runOptions: BenchOptions = {
      ...options,
      ...(values.duration === undefined && !smoke && benchmark.defaultDurationS ? { durationS: benchmark.defaultDurationS } : {}),
      ...(values.connections === undefined && !smoke && benchmark.defaultConnections ? { connections: benchmark.defaultConnections } : {}),
    };
    const startedAt = new Date();
    const started = performance.now();
    const loadBefore = os.loadavg()[0];
    options.log(`${benchmark.name}${smoke ? " (smoke)" : ""}: ${benchmark.description}`);
    const result = await benchmark.run(runOptions);
    const seconds = (performance.now() - started) / 1000;

    const record: RunRecord = {
      benchmark: benchmark.name,
      description: benchmark.description,
      smoke,
      startedAt: startedAt.toISOString(),
      seconds: Math.round(seconds * 10) / 10,
      options: {
        smoke,
        durationS: runOptions.durationS,
        warmupS: options.warmupS,
        connections: runOptions.connections,
        databases: options.databases,
        poolMax: options.poolMax,
        postgresServer: hostOf(postgresUrl),
      },
      machine: { ...machine(), loadAverageBefore: round(loadBefore, 2), loadAverageAfter: round(os.loadavg()[0], 2) },
      dataset: result.dataset,
      measurements: result.measurements.map((m) => ({ ...m, vsBaseline: comparison(m, result.measurements) })),
      notes: result.notes,
      warning: null,
    };
    record.warning = busyWarning(record.machine);
    process.stdout.write(`\n${report(record)}\n`);
    const file = writeResults(record, startedAt);
    process.stdout.write(`\n${benchmark.name}: ${seconds.toFixed(1)} s in all; figures written to ${path.relative(process.cwd(), file)}\n`);
    if (result.measurements.some((m) => m.errors > 0 || m.non200 > 0 || m.requests === 0)) failed = true;
  }
  if (failed) {
    process.stderr.write("bench: some requests failed (see the errors and non-200 columns)\n");
    process.exitCode = 1;
  }
}

function comparison(m: Measurement, all: Measurement[]): RunRecord["measurements"][number]["vsBaseline"] {
  const base = m.baseline ? all.find((b) => b.database === m.database && b.target === m.baseline) : undefined;
  if (!base) return null;
  return {
    throughput: round(m.requestsPerSecond / base.requestsPerSecond, 3),
    p50: round(m.latencyMs.p50 / base.latencyMs.p50, 2),
    p99: round(m.latencyMs.p99 / base.latencyMs.p99, 2),
  };
}

function report(record: RunRecord): string {
  const table = renderTable(record.measurements, [
    { header: "database", value: (m) => m.database },
    { header: "target", value: (m) => m.target, align: "left" },
    { header: "conns", value: (m) => m.connections },
    { header: "req/s", value: (m) => formatNumber(m.requestsPerSecond) },
    { header: "p50 ms", value: (m) => formatNumber(m.latencyMs.p50) },
    { header: "p95 ms", value: (m) => formatNumber(m.latencyMs.p95) },
    { header: "p99 ms", value: (m) => formatNumber(m.latencyMs.p99) },
    { header: "max ms", value: (m) => formatNumber(m.latencyMs.max) },
    { header: "requests", value: (m) => m.requests },
    { header: "errors", value: (m) => m.errors },
    { header: "non-200", value: (m) => m.non200 },
    { header: "SQL/req", value: (m) => (m.counterMean == null ? null : formatNumber(m.counterMean)) },
    { header: "CPU ms/req", value: (m) => formatNumber(m.cpuMsPerRequest) },
    { header: "vs floor req/s", value: (m) => (m.vsBaseline ? `${(m.vsBaseline.throughput * 100).toFixed(1)} %` : null) },
    { header: "vs floor p50", value: (m) => (m.vsBaseline ? `${m.vsBaseline.p50.toFixed(1)}x` : null) },
  ]);
  const ratios = record.measurements
    .filter((m) => m.target === "graphql" && m.vsBaseline)
    .map(
      (m) =>
        `  ${m.database}: GraphQL serves ${(m.vsBaseline!.throughput * 100).toFixed(1)} % of the floor's requests/s (floor/GraphQL = ${(1 / m.vsBaseline!.throughput).toFixed(1)}x), at ${m.vsBaseline!.p50.toFixed(1)}x its p50 latency`,
    );
  const failures = record.measurements.filter((m) => m.firstError).map((m) => `  ${m.database}/${m.target}: first error: ${m.firstError}`);
  return [
    `${record.benchmark}${record.smoke ? " (smoke: sizes too small to judge speed)" : ""}, ${record.options.connections} connections, ${record.options.durationS} s per measurement after ${record.options.warmupS} s warm-up`,
    table,
    "",
    ...(ratios.length ? ["GraphQL against the floor (hand-written SQL in-process):", ...ratios] : []),
    ...record.notes.map((n) => `- ${n}`),
    ...failures,
    ...(record.warning ? [`WARNING: ${record.warning}`] : []),
  ].join("\n");
}

function writeResults(record: RunRecord, startedAt: Date): string {
  const dir = path.join(projectRoot(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt
    .toISOString()
    .replace(/:/g, "-")
    .replace(/\.\d+Z$/, "Z");
  const file = path.join(dir, `${record.benchmark}-${stamp}${record.smoke ? "-smoke" : ""}.json`);
  writeFileSync(file, JSON.stringify(record, null, 2) + "\n");
  return file;
}

/** The directory holding package.json, from dist/bench or bench. */
function projectRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
  }
  return process.cwd();
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

/**
 * The load generator, the service and PostgreSQL share this machine's CPUs; other work on it (a test suite, a build)
 * skews every figure. The one-minute load average before the run is the cheap tell (during the run, the run itself
 * raises it, so the value after is recorded but not judged).
 */
function busyWarning(m: Record<string, unknown>): string | null {
  const cpus = m.cpus as number;
  const before = m.loadAverageBefore as number;
  if (before <= Math.max(1.5, cpus * 0.75)) return null;
  return `the machine was busy when the run started (1-minute load average ${before} on ${cpus} CPUs): other processes competed for the CPUs, so the figures understate what this code can do; rerun on a quiet machine`;
}

class UsageError extends Error {}

function number(value: string | undefined, fallback: number, flag: string, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${flag} must be a number of at least ${min}, got "${value}"`);
  return n;
}

function integer(value: string | undefined, fallback: number, flag: string): number {
  const n = number(value, fallback, flag, 1);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return n;
}

function databases(value: string | undefined): DatabaseKind[] {
  if (value === undefined) return [...DATABASE_KINDS];
  const kinds = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const kind of kinds)
    if (!(DATABASE_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--databases: unknown database "${kind}"; use ${DATABASE_KINDS.join(", ")}`);
  if (kinds.length === 0) throw new UsageError("--databases: name at least one database");
  return kinds as DatabaseKind[];
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}`;
  } catch {
    return "(unparseable)";
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write("\nbench: interrupted, dropping the run's databases\n");
  void cleanUpAll().finally(() => process.exit(130));
});

main()
  .catch(async (error: unknown) => {
    await cleanUpAll();
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      // drizzle wraps a failed statement; the database's own message is in the cause.
      const cause = (error as { cause?: unknown }).cause;
      process.stderr.write(
        `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${cause ? `caused by: ${cause instanceof Error ? cause.message : JSON.stringify(cause)}\n` : ""}`,
      );
      process.exitCode = 1;
    }
  })
  .finally(() => setTimeout(() => process.exit(), 100).unref());
