import { performance } from "node:perf_hooks";
import { summarize, type LatencySummary } from "./stats";
import { mainThreadCpuMs } from "./thread-cpu";

/** How one request ended. Only "ok" requests count towards throughput and latency. */
export type Outcome = "ok" | "error" | "non200";

export interface LoadOptions {
  /** Requests in flight at any moment: each "connection" sends its next request as soon as the previous one is answered. */
  connections: number;
  /** Load applied before recording starts: JIT, plan caches, buffer cache, keep-alive sockets. */
  warmupMs: number;
  /** How long requests are recorded. */
  durationMs: number;
}

/** What a load run saw in its recorded window. Plain data, so it can cross a worker thread. */
export interface RawLoad {
  /** Latency of every ok request started in the window, in ms, in completion order. */
  latenciesMs: Float64Array;
  ok: number;
  errors: number;
  non200: number;
  /** From the window's start to the last recorded completion. */
  elapsedMs: number;
  /** The first failure's message, to tell a broken target from a slow one. */
  firstError: string | null;
  /** Sum of the per-request counters a target reports (SQL statements), and how many requests reported one. */
  counterSum: number;
  counterSamples: number;
  /** Every request started in the window, whatever its outcome. */
  attempted: number;
}

export interface LoadFigures {
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  errors: number;
  non200: number;
  firstError: string | null;
  /** Mean of the per-request counter (SQL statements per request), when the target reports it. */
  counterMean: number | null;
  /** CPU time of the main thread (the service; with PGlite, the database too) per request, in ms; null where unknown. */
  cpuMsPerRequest: number | null;
  /** CPU time of the database server (PostgreSQL's backends) per request, in ms, where the load measured it. */
  databaseCpuMsPerRequest?: number | null;
}

/** The outcome of one request, with the optional per-request counter. */
export interface OpResult {
  outcome: Outcome;
  counter?: number;
  error?: string;
}

/**
 * A closed-loop load: `connections` loops, each issuing a request and waiting for its answer before the next. Requests
 * that start during the warm-up are not recorded; the run stops issuing at the end of the window and waits for requests in
 * flight (those count, as they started inside the window).
 */
export async function closedLoop(options: LoadOptions, op: (sequence: number) => Promise<OpResult>, onRecordStart?: () => void): Promise<RawLoad> {
  const start = performance.now();
  const recordFrom = start + options.warmupMs;
  const stopAt = recordFrom + options.durationMs;
  const latencies: number[] = [];
  let sequence = 0;
  let ok = 0;
  let errors = 0;
  let non200 = 0;
  let counterSum = 0;
  let counterSamples = 0;
  let lastCompletion = recordFrom;
  let firstError: string | null = null;
  let attempted = 0;
  // Signalled from the loops rather than by a timer: in-process PGlite work resolves through microtasks only and can
  // starve timers for the whole run.
  let recording = false;

  async function loop(): Promise<void> {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= stopAt) return;
      if (!recording && t0 >= recordFrom) {
        recording = true;
        onRecordStart?.();
      }
      let result: OpResult;
      try {
        result = await op(sequence++);
      } catch (error) {
        result = { outcome: "error", error: error instanceof Error ? error.message : String(error) };
      }
      const t1 = performance.now();
      if (result.outcome !== "ok") firstError ??= result.error ?? result.outcome;
      if (t0 < recordFrom) continue;
      attempted++;
      lastCompletion = Math.max(lastCompletion, t1);
      if (result.outcome === "ok") {
        ok++;
        latencies.push(t1 - t0);
      } else if (result.outcome === "non200") non200++;
      else errors++;
      if (result.counter !== undefined) {
        counterSum += result.counter;
        counterSamples++;
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, loop));
  return {
    latenciesMs: Float64Array.from(latencies),
    ok,
    errors,
    non200,
    elapsedMs: lastCompletion - recordFrom,
    firstError,
    counterSum,
    counterSamples,
    attempted,
  };
}

/** cpuMs: main-thread CPU spent over the recorded window, when known. */
export function figuresOf(raw: RawLoad, connections: number, cpuMs: number | null = null): LoadFigures {
  const seconds = raw.elapsedMs / 1000;
  return {
    connections,
    durationS: seconds,
    requests: raw.ok,
    requestsPerSecond: seconds > 0 ? raw.ok / seconds : 0,
    latencyMs: summarize(raw.latenciesMs),
    errors: raw.errors,
    non200: raw.non200,
    firstError: raw.firstError,
    counterMean: raw.counterSamples > 0 ? raw.counterSum / raw.counterSamples : null,
    cpuMsPerRequest: cpuMs != null && raw.attempted > 0 ? cpuMs / raw.attempted : null,
  };
}

/** In-process load: calls `call` directly (no HTTP), the same closed loop as the HTTP load. */
export async function measureInProcess(options: LoadOptions, call: (sequence: number) => Promise<OpResult>): Promise<LoadFigures> {
  let cpuAtStart: number | null = null;
  const raw = await closedLoop(options, call, () => (cpuAtStart = mainThreadCpuMs()));
  const cpuAtEnd = mainThreadCpuMs();
  return figuresOf(raw, options.connections, cpuAtStart != null && cpuAtEnd != null ? cpuAtEnd - cpuAtStart : null);
}
