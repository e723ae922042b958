import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { getIntrospectionQuery } from "graphql";
import { sql } from "drizzle-orm";
import { selectRows } from "../src/db/client";
import type { Benchmark, BenchOptions, BenchResult, Measurement } from "./lib/benchmark";
import { openBenchDatabase, type DatabaseKind } from "./lib/databases";
import type { HostileJob } from "./lib/hostile.worker";
import { summarize } from "./lib/stats";

/** The targets (issue 11): the hostile address's share of a core, and the well-behaved client's p95 beside it. */
export const MAX_HOSTILE_CORE_SHARE = 0.1;
export const MAX_P95_RATIO = 1.5;

/** The well-behaved client: a taskforce tool reading the campaign page, ten times a second. */
const WELL_BEHAVED_QUERY = `query Page { campaign { name targetHeadcount hiredCount openVacancyCount vacancies(first: 20) { totalCount edges { node { title place agency { code } } } } } }`;
const WELL_BEHAVED_INTERVAL_MS = 100;

/** The worst bodies an anonymous caller can send, each refused or priced before it costs anything worth having. */
function hostileBodies(): HostileJob["bodies"] {
  const json = "application/json";
  const nested = (levels: number) => `{"query":"{ __typename }","variables":{"zz":${"[".repeat(levels)}${"]".repeat(levels)}}}`;
  const padded = (bytes: number) => {
    const base = JSON.stringify({ query: "{ __typename }", variables: { p: "" } });
    return JSON.stringify({ query: "{ __typename }", variables: { p: "x".repeat(Math.max(0, bytes - base.length)) } });
  };
  return [
    { name: "800 KB, 400,000 levels deep", body: nested(400_000), contentType: json },
    { name: "20 KB, 10,000 levels deep", body: nested(10_000), contentType: json },
    { name: "16 KB at 16 levels", body: padded(16_000).replace('"p":', `"q":${"[".repeat(13)}1${"]".repeat(13)},"p":`), contentType: json },
    { name: "standard introspection", body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }), contentType: json },
    { name: "1,990 tokens of __typename", body: JSON.stringify({ query: `{ ${"__typename ".repeat(1_990)} }` }), contentType: json },
    {
      name: "15 aliased lists at depth 8",
      body: JSON.stringify({
        query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: vacancies(first: 100) { edges { node { wave { campaign { name } } } } }`).join(" ")} }`,
      }),
      contentType: json,
    },
    { name: "subscription", body: JSON.stringify({ query: "subscription { __typename }" }), contentType: json },
    { name: "not JSON", body: "{".repeat(10_000), contentType: json },
  ];
}

interface ServiceProcess {
  port: number;
  key: string;
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function startServiceProcess(databaseUrl: string | null): Promise<ServiceProcess> {
  const child: ChildProcess = fork(path.join(__dirname, "lib", "service-process.js"), [], {
    env: { ...process.env, ...(databaseUrl ? { BENCH_SERVICE_DATABASE_URL: databaseUrl } : {}) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<{ port: number; key: string }>((resolve, reject) => {
    child.once("message", (message: { ready: true; port: number; key: string }) => resolve(message));
    child.once("exit", (code) => reject(new Error(`service process exited with ${code} before listening`)));
  });
  return {
    ...ready,
    cpuMs: () =>
      new Promise((resolve) => {
        child.once("message", (message: { cpu: NodeJS.CpuUsage }) => resolve((message.cpu.user + message.cpu.system) / 1000));
        child.send("cpu");
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

/** The well-behaved client: one request every WELL_BEHAVED_INTERVAL_MS (or as soon as the last is answered), latencies of the recorded window. */
async function wellBehaved(
  port: number,
  key: string,
  warmupMs: number,
  durationMs: number,
): Promise<{ latencies: number[]; failures: number; firstError: string | null }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ query: WELL_BEHAVED_QUERY });
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | null = null;
  const start = performance.now();
  while (performance.now() - start < warmupMs + durationMs) {
    const sent = performance.now();
    const status = await new Promise<number>((resolve) => {
      const request = http.request(
        { host: "127.0.0.1", port, path: "/graphql", method: "POST", agent, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", (error) => {
        firstError ??= error.message;
        resolve(0);
      });
      request.end(body);
    });
    const took = performance.now() - sent;
    if (sent - start >= warmupMs) {
      if (status === 200) latencies.push(took);
      else {
        failures++;
        firstError ??= `status ${status}`;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, WELL_BEHAVED_INTERVAL_MS - took)));
  }
  agent.destroy();
  return { latencies, failures, firstError };
}

function startHostile(port: number, connections: number): { stop(): Promise<Record<string, number>> } {
  const job: HostileJob = { host: "127.0.0.1", port, connections, address: "203.0.113.66", bodies: hostileBodies() };
  const worker = new Worker(path.join(__dirname, "lib", "hostile.worker.js"), { workerData: job });
  const done = new Promise<Record<string, number>>((resolve, reject) => {
    worker.once("message", (message: { counts: Record<string, number> }) => resolve(message.counts));
    worker.once("error", reject);
  });
  return {
    async stop() {
      worker.postMessage("stop");
      const counts = await done;
      await worker.terminate();
      return counts;
    },
  };
}

export const hostileClient: Benchmark = {
  name: "hostile-client",
  description: `One hostile anonymous address sending the worst bodies it can find at full speed on 4 connections, beside a well-behaved API client reading the campaign page ten times a second, against the service in a process of its own as deployed (rate limiter on). Targets: the hostile address costs the service at most ${MAX_HOSTILE_CORE_SHARE * 100} % of a core (process.cpuUsage of the service), and the well-behaved client's p95 stays within ${MAX_P95_RATIO}x its p95 alone.`,
  async run(options: BenchOptions): Promise<BenchResult> {
    const result: BenchResult = { measurements: [], dataset: {}, notes: [] };
    for (const kind of options.databases) await onDatabase(kind, options, result);
    return result;
  },
};

async function onDatabase(kind: DatabaseKind, options: BenchOptions, result: BenchResult): Promise<void> {
  const log = (line: string) => options.log(`[${kind}] ${line}`);
  // On PostgreSQL the run's own database, migrated here; the service process seeds it. PGlite: the service's own, in memory.
  const bench = kind === "postgres" ? await openBenchDatabase(kind, { postgresUrl: options.postgresUrl, poolMax: options.poolMax }) : null;
  const url = bench ? ((await selectRows<{ name: string }>(bench.database.db, sql`select current_database() as name`))[0]?.name ?? null) : null;
  const service = await startServiceProcess(bench && url ? databaseUrl(options.postgresUrl, url) : null);
  try {
    const warmupMs = options.warmupS * 1000;
    const durationMs = options.durationS * 1000;
    log("well-behaved client alone");
    const cpuBeforeAlone = await service.cpuMs();
    const aloneStarted = performance.now();
    const alone = await wellBehaved(service.port, service.key, warmupMs, durationMs);
    const aloneCpuPerSecond = (await service.cpuMs()) - cpuBeforeAlone;
    const aloneSeconds = (performance.now() - aloneStarted) / 1000;

    log(`beside the hostile address (${options.connections} connections)`);
    const hostile = startHostile(service.port, options.connections);
    const cpuBeforeBeside = await service.cpuMs();
    const besideStarted = performance.now();
    const beside = await wellBehaved(service.port, service.key, warmupMs, durationMs);
    const besideCpu = (await service.cpuMs()) - cpuBeforeBeside;
    const besideSeconds = (performance.now() - besideStarted) / 1000;
    const counts = await hostile.stop();

    const cpuAlone = aloneCpuPerSecond / aloneSeconds;
    const cpuBeside = besideCpu / besideSeconds;
    const hostileShare = Math.max(0, cpuBeside - cpuAlone) / 1000;
    const p95Alone = summarize(Float64Array.from(alone.latencies)).p95;
    const p95Beside = summarize(Float64Array.from(beside.latencies)).p95;
    const ratio = p95Beside / p95Alone;
    const hostileRequests = Object.values(counts).reduce((a, b) => a + b, 0);
    for (const [target, run, seconds] of [
      ["well-behaved alone", alone, aloneSeconds],
      ["well-behaved beside hostile", beside, besideSeconds],
    ] as const) {
      const latency = summarize(Float64Array.from(run.latencies));
      result.measurements.push({
        database: kind,
        target,
        description: "campaign page with a TASKFORCE key, 10 requests/s",
        connections: 1,
        durationS: seconds,
        requests: run.latencies.length,
        requestsPerSecond: run.latencies.length / (durationMs / 1000),
        latencyMs: latency,
        errors: run.failures,
        non200: 0,
        firstError: run.firstError,
        counterMean: null,
        cpuMsPerRequest: null,
        ...(target === "well-behaved beside hostile" ? { baseline: "well-behaved alone" } : {}),
      } satisfies Measurement);
    }
    const verdict = (ok: boolean) => (ok ? "within target" : "OVER TARGET");
    result.dataset[kind] = {
      serviceCpuMsPerSecondAlone: Math.round(cpuAlone),
      serviceCpuMsPerSecondBeside: Math.round(cpuBeside),
      hostileCoreShare: Math.round(hostileShare * 1000) / 1000,
      p95AloneMs: Math.round(p95Alone * 10) / 10,
      p95BesideMs: Math.round(p95Beside * 10) / 10,
      p95Ratio: Math.round(ratio * 100) / 100,
      hostileRequests,
      hostileAnswers: counts,
    };
    result.notes.push(
      `${kind}: the hostile address cost the service ${(hostileShare * 100).toFixed(1)} % of a core (${Math.round(cpuBeside)} ms of CPU per second beside it against ${Math.round(cpuAlone)} alone; target at most ${MAX_HOSTILE_CORE_SHARE * 100} %: ${verdict(hostileShare <= MAX_HOSTILE_CORE_SHARE)}); the well-behaved p95 went from ${p95Alone.toFixed(1)} ms to ${p95Beside.toFixed(1)} ms (${ratio.toFixed(2)}x; target at most ${MAX_P95_RATIO}x: ${verdict(ratio <= MAX_P95_RATIO)}).`,
      `${kind}: the hostile address's ${hostileRequests} requests in ${besideSeconds.toFixed(1)} s ended: ${Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k}: ${n}`)
        .join("; ")}.`,
    );
    if (!options.smoke && (hostileShare > MAX_HOSTILE_CORE_SHARE || ratio > MAX_P95_RATIO)) process.exitCode = 1;
  } finally {
    await service.stop();
    await bench?.dispose();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
