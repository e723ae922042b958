import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { LoadFigures } from "./load";
import { summarize } from "./stats";
import { formatNumber } from "./table";
import { mainThreadCpuMs } from "./thread-cpu";

/**
 * A closed-loop HTTP load whose requests a script writes as it goes, for loads that a fixed list of bodies cannot
 * express: distinct batches for as long as the run lasts, several API keys, a mix of request kinds, requests that use
 * what earlier answers returned (the ids of applications to move). Like measureHttp it runs in a worker thread (the
 * service keeps the main thread to itself), each of `connections` loops sends its next request when the last one is
 * answered, and only requests started after the warm-up are recorded. Unlike it, it reads every answer: HTTP failures,
 * GraphQL errors and mutations' userErrors are counted apart, per request kind.
 */

/** One request: its kind (the row it is reported under), its JSON body and its extra headers (an API key). */
export interface RequestSpec {
  kind: string;
  body: string;
  headers?: Record<string, string>;
  /** Anything the script wants back in read() (which batch, which application). */
  meta?: unknown;
}

/** What the script makes of a 200 answer without GraphQL errors. */
export interface Verdict {
  /** The userError codes in the payload (empty: the request did what it asked). */
  userErrorCodes?: string[];
  /** Amounts to add up per kind (applications created, existing...). */
  tally?: Record<string, number>;
}

/**
 * A load script, made in the worker by the module's `createScript(params, connections)` export. One instance serves
 * every connection of the run, so it can hand out distinct work (batch numbers) and pass results on.
 */
export interface LoadScript {
  /** The next request of a connection, or null when it has nothing more to send (that loop then stops). */
  next(connection: number): RequestSpec | null;
  /** Reads `data` of an answer without errors; counts userErrors and whatever the script tallies. */
  read?(spec: RequestSpec, data: unknown): Verdict;
}

export type ScriptFactory = (params: unknown, connections: number) => LoadScript;

export interface ScriptedLoadOptions {
  url: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Absolute path of the compiled module exporting `createScript` (use path.join(__dirname, "x.js")). */
  script: string;
  /** Plain data handed to createScript. */
  params: unknown;
  /** Response header holding a per-request count to average (x-sql-statements). */
  counterHeader?: string;
  timeoutMs?: number;
  /** PostgreSQL: the run's database name, to add up the CPU of its server processes (backends) over the window. */
  databaseName?: string;
}

/** The three kinds of failure a load counts apart, each with its codes. */
export interface FailureCounts {
  /** 200 without GraphQL errors, with at least one userError (each code counted in userErrorCodes). */
  withUserErrors: number;
  userErrorCodes: Record<string, number>;
  /** 200 with an `errors` list (codes from extensions.code). */
  graphqlErrors: number;
  graphqlErrorCodes: Record<string, number>;
  /** No usable answer: a status other than 200 (by status in httpStatuses), a socket error or a timeout. */
  httpFailures: number;
  httpStatuses: Record<string, number>;
}

/** What one kind of request saw in one phase (warm-up or the recorded window). Plain data: it crosses threads. */
export interface KindRaw extends FailureCounts {
  kind: string;
  /** Latencies (ms) of answered requests: 200 without GraphQL errors, userErrors or not. */
  latenciesMs: number[];
  /** Requests started in the phase, whatever their outcome. */
  attempted: number;
  /** 200 without GraphQL errors and without userErrors. */
  ok: number;
  firstFailure: string | null;
  counterSum: number;
  counterSamples: number;
  tally: Record<string, number>;
}

export interface ScriptedRaw {
  warmup: KindRaw[];
  recorded: KindRaw[];
  /** From the recorded window's start to the last completion in it. */
  elapsedMs: number;
  /** CPU of the worker thread over the recorded window (ms), when known. */
  workerCpuMs: number | null;
  /** The script's own summary after the run (script.summary() if it has one). */
  summary: unknown;
}

export interface KindFigures extends LoadFigures, FailureCounts {
  kind: string;
  /** Requests started, whatever their outcome. */
  attempted: number;
  answered: number;
  tally: Record<string, number>;
}

export interface ScriptedLoadResult {
  /** Per kind, over the recorded window, plus "all" (every kind together) first. */
  recorded: KindFigures[];
  /** The same over the warm-up: errors there count too, and its writes are in the database. */
  warmup: KindFigures[];
  elapsedMs: number;
  /** Main-thread (service) CPU per recorded request, ms. */
  cpuMsPerRequest: number | null;
  /** CPU time over the recorded window, ms: the service's main thread, this whole process (the load worker too), and the machine. */
  cpu: CpuSpent;
  summary: unknown;
}

export interface CpuSpent {
  /** The main thread: the service (and, on PGlite, the database). */
  mainThreadMs: number | null;
  /** The load generator's worker thread. */
  loadGeneratorMs: number | null;
  /** This process: the service, the load generator and their helper threads (garbage collection, libuv). */
  processMs: number;
  /** PostgreSQL's processes serving the run's database (its backends; the server's shared writers are not counted). */
  databaseMs: number | null;
  /** Every CPU of the machine, busy (user, nice, system, irq, softirq; ticks of 10 ms), and the window's wall time times the CPUs. */
  machineBusyMs: number | null;
  machineCapacityMs: number | null;
}

interface CpuSample {
  at: number;
  main: number | null;
  process: number;
  machineBusy: number | null;
  database: Map<number, number> | null;
}

function sampleCpu(databaseName: string | undefined): CpuSample {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    main: mainThreadCpuMs(),
    process: (usage.user + usage.system) / 1000,
    machineBusy: machineBusyMs(),
    database: databaseName ? backendCpuMs(databaseName) : null,
  };
}

/** CPU (ms) of each PostgreSQL backend serving the database, by pid: their command line names it (Linux; empty elsewhere). */
export function backendCpuMs(databaseName: string): Map<number, number> {
  const found = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^[0-9]+$/.test(name));
  } catch {
    return found;
  }
  for (const pid of pids) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.startsWith("postgres: ") || !cmdline.includes(` ${databaseName} `)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      found.set(Number(pid), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** Busy time of every CPU since boot, ms, from /proc/stat (Linux; null elsewhere). */
function machineBusyMs(): number | null {
  try {
    const [line] = readFileSync("/proc/stat", "utf8").split("\n", 1);
    const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number);
    return ((user + nice + system + irq + softirq) * 1000) / 100;
  } catch {
    return null;
  }
}

function cpuBetween(a: CpuSample, b: CpuSample, loadGeneratorMs: number | null): CpuSpent {
  let databaseMs: number | null = null;
  if (a.database && b.database) {
    databaseMs = 0;
    // A backend that opened during the window counts from zero; one that closed during it is lost (pools keep theirs).
    for (const [pid, ms] of b.database) databaseMs += ms - (a.database.get(pid) ?? 0);
  }
  return {
    mainThreadMs: a.main != null && b.main != null ? b.main - a.main : null,
    loadGeneratorMs,
    processMs: b.process - a.process,
    databaseMs,
    machineBusyMs: a.machineBusy != null && b.machineBusy != null ? b.machineBusy - a.machineBusy : null,
    machineCapacityMs: a.machineBusy != null ? (b.at - a.at) * os.cpus().length : null,
  };
}

export function runScriptedLoad(options: ScriptedLoadOptions): Promise<ScriptedLoadResult> {
  const job: ScriptedLoadOptions = { timeoutMs: 60_000, ...options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "scripted-load.worker.js"), { workerData: job });
    let settled = false;
    let atStart: CpuSample | null = null;
    worker.on("message", (message: { recording: true } | { result: ScriptedRaw }) => {
      if ("recording" in message) {
        atStart = sampleCpu(options.databaseName);
        return;
      }
      settled = true;
      const raw = message.result;
      const cpu = atStart
        ? cpuBetween(atStart, sampleCpu(options.databaseName), raw.workerCpuMs)
        : { mainThreadMs: null, loadGeneratorMs: null, processMs: 0, databaseMs: null, machineBusyMs: null, machineCapacityMs: null };
      const recorded = figuresByKind(raw.recorded, raw.elapsedMs, options.connections);
      const attempted = raw.recorded.reduce((sum, k) => sum + k.attempted, 0);
      const cpuMsPerRequest = cpu.mainThreadMs != null && attempted > 0 ? cpu.mainThreadMs / attempted : null;
      recorded[0].cpuMsPerRequest = cpuMsPerRequest;
      resolve({
        recorded,
        warmup: figuresByKind(raw.warmup, options.warmupMs, options.connections),
        elapsedMs: raw.elapsedMs,
        cpu,
        cpuMsPerRequest,
        summary: raw.summary,
      });
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`scripted load worker exited with code ${code} before reporting`));
    });
  });
}

export function emptyKind(kind: string): KindRaw {
  return {
    kind,
    latenciesMs: [],
    attempted: 0,
    ok: 0,
    withUserErrors: 0,
    userErrorCodes: {},
    graphqlErrors: 0,
    graphqlErrorCodes: {},
    httpFailures: 0,
    httpStatuses: {},
    firstFailure: null,
    counterSum: 0,
    counterSamples: 0,
    tally: {},
  };
}

function merge(into: KindRaw, from: KindRaw): void {
  into.latenciesMs.push(...from.latenciesMs);
  into.attempted += from.attempted;
  into.ok += from.ok;
  into.withUserErrors += from.withUserErrors;
  into.graphqlErrors += from.graphqlErrors;
  into.httpFailures += from.httpFailures;
  into.counterSum += from.counterSum;
  into.counterSamples += from.counterSamples;
  into.firstFailure ??= from.firstFailure;
  for (const [target, source] of [
    [into.userErrorCodes, from.userErrorCodes],
    [into.graphqlErrorCodes, from.graphqlErrorCodes],
    [into.httpStatuses, from.httpStatuses],
    [into.tally, from.tally],
  ] as const) {
    for (const [key, n] of Object.entries(source)) target[key] = (target[key] ?? 0) + n;
  }
}

/** KindFigures per kind, with "all" first. */
function figuresByKind(kinds: KindRaw[], elapsedMs: number, connections: number): KindFigures[] {
  const all = emptyKind("all");
  for (const k of kinds) merge(all, k);
  return [all, ...kinds].map((k) => figuresOf(k, elapsedMs, connections));
}

function figuresOf(k: KindRaw, elapsedMs: number, connections: number): KindFigures {
  const seconds = elapsedMs / 1000;
  const answered = k.ok + k.withUserErrors;
  const non200 = Object.entries(k.httpStatuses).reduce((sum, [status, n]) => (status === "no answer" ? sum : sum + n), 0);
  return {
    kind: k.kind,
    connections,
    durationS: seconds,
    requests: answered,
    requestsPerSecond: seconds > 0 ? answered / seconds : 0,
    latencyMs: summarize(k.latenciesMs),
    // The harness's own columns: errors (GraphQL errors and requests without an answer) and non-200 answers.
    errors: k.graphqlErrors + (k.httpFailures - non200),
    non200,
    firstError: k.firstFailure,
    counterMean: k.counterSamples > 0 ? k.counterSum / k.counterSamples : null,
    cpuMsPerRequest: null,
    attempted: k.attempted,
    answered,
    withUserErrors: k.withUserErrors,
    userErrorCodes: k.userErrorCodes,
    graphqlErrors: k.graphqlErrors,
    graphqlErrorCodes: k.graphqlErrorCodes,
    httpFailures: k.httpFailures,
    httpStatuses: k.httpStatuses,
    tally: k.tally,
  };
}

/** Where the machine's CPU went, per request (ms): each part over the recorded window, divided by the requests started in it. */
export interface CpuSplit {
  /** The service's main thread (on PGlite, the database runs there too). */
  service: number | null;
  /** The load generator's worker thread (in production, the clients' own machines). */
  loadGenerator: number | null;
  /** The process's other threads: garbage collection helpers, libuv's pool. */
  helperThreads: number | null;
  /** PostgreSQL's backends serving the run's database. */
  database: number | null;
  /** Everything else on the machine: PostgreSQL's shared writers, other processes. */
  rest: number | null;
}

export function cpuPerRequest(cpu: CpuSpent, requests: number): CpuSplit {
  const per = (ms: number | null) => (ms != null && requests > 0 ? ms / requests : null);
  const helpers = cpu.mainThreadMs != null && cpu.loadGeneratorMs != null ? cpu.processMs - cpu.mainThreadMs - cpu.loadGeneratorMs : null;
  const rest = cpu.machineBusyMs != null ? cpu.machineBusyMs - cpu.processMs - (cpu.databaseMs ?? 0) : null;
  // 10 ms ticks: a part near zero can come out slightly negative.
  return {
    service: per(cpu.mainThreadMs),
    loadGenerator: per(cpu.loadGeneratorMs),
    helperThreads: per(helpers),
    database: per(cpu.databaseMs),
    rest: per(rest == null ? null : Math.max(0, rest)),
  };
}

export const CPU_NOTE =
  "CPU per request (ms, over the recorded window): 'service' is the main thread (Apollo, resolvers, drizzle, the driver; on PGlite the database too), 'load gen' the worker thread sending the requests, 'helpers' the process's other threads (garbage collection, libuv), 'postgres' the PostgreSQL backends of the run's database (from /proc), 'rest' the rest of the machine (PostgreSQL's WAL writer and checkpointer, other processes). 10 ms ticks: trust them over whole runs only.";

/** Table columns for a CpuSplit. */
export function cpuColumns<Row>(split: (row: Row) => CpuSplit, per: string): { header: string; value(row: Row): string }[] {
  return [
    { header: `CPU ms/${per}: service`, value: (r) => formatNumber(split(r).service) },
    { header: "load gen", value: (r) => formatNumber(split(r).loadGenerator) },
    { header: "helpers", value: (r) => formatNumber(split(r).helperThreads) },
    { header: "postgres", value: (r) => formatNumber(split(r).database) },
    { header: "rest", value: (r) => formatNumber(split(r).rest) },
  ];
}

/** "CODE 3, OTHER 1", or "-" when there is none. */
export function describeCodes(codes: Record<string, number>): string {
  const entries = Object.entries(codes).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([code, n]) => `${code} ${n}`).join(", ") : "-";
}
