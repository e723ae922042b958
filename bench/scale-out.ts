import path from "node:path";
import { createClient } from "@redis/client";
import type { Benchmark, BenchOptions, BenchResult } from "./lib/benchmark";
import { startHaproxy, startServiceProcess, type Balancer, type ServiceProcess } from "./lib/balancer";
import { openBenchDatabase, rawSqlOf } from "./lib/databases";
import { runScriptedLoad } from "./lib/scripted-load";
import { formatNumber, renderTable } from "./lib/table";
import { checkMixedWrites, FULL, kindTable, measurementsOf, prepareMixedData, SMOKE, type MixedMeasurement } from "./mixed-load";

const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const PROCESS_COUNTS = [1, 2];

export interface ScaleOutMeasurement extends MixedMeasurement {
  processes: number;
  /** CPU of the service processes per request over the whole load (warm-up included), ms; and per process and second. */
  serviceCpuMsPerRequest: number;
  serviceCpuShare: number[];
}

export const scaleOut: Benchmark = {
  name: "scale-out",
  description:
    "The mixed load (mixed-load's data and mix) through HAProxy in front of 1, then 2 processes of the compiled service on one PostgreSQL database and one Redis (REDIS_URL: shared rate-limit buckets and response cache), as docs/operating.md's Scaling out deploys it; PostgreSQL only.",
  defaultDurationS: 60,
  async run(options) {
    const result: BenchResult = { measurements: [], dataset: {}, notes: [] };
    if (!options.databases.includes("postgres")) {
      result.notes.push("scale-out runs on PostgreSQL only (several processes on one database): skipped.");
      return result;
    }
    const rows: ScaleOutMeasurement[] = [];
    for (const processes of PROCESS_COUNTS) {
      const { measurements, dataset, check } = await withProcesses(processes, options);
      rows.push(...measurements);
      result.dataset[`${processes} process${processes > 1 ? "es" : ""}`] = dataset;
      result.notes.push(check);
    }
    result.measurements.push(...rows);
    const all = rows.filter((m) => m.kind === "all");
    const [one, two] = all;
    result.notes.push(
      `Through the balancer, every request of the mix:\n${renderTable(all, [
        { header: "processes", value: (m) => m.processes },
        { header: "req/s", value: (m) => formatNumber(m.requestsPerSecond) },
        { header: "p50 ms", value: (m) => formatNumber(m.latencyMs.p50) },
        { header: "p95 ms", value: (m) => formatNumber(m.latencyMs.p95) },
        { header: "p99 ms", value: (m) => formatNumber(m.latencyMs.p99) },
        { header: "service CPU ms/req", value: (m) => formatNumber(m.serviceCpuMsPerRequest) },
        { header: "each process's CPU share", value: (m) => m.serviceCpuShare.map((s) => `${Math.round(s * 100)} %`).join(", "), align: "left" },
      ])}`,
      ...(one && two ? [`2 processes against 1: ${(two.requestsPerSecond / one.requestsPerSecond).toFixed(2)}x the requests/s.`] : []),
      `Errors per kind:\n${kindTable(rows)}`,
      "Each run has fresh data (the mixed load's: the moves need APPLIED applications nobody moved yet). The service processes run with NODE_ENV=production, the rate limiter off (one address sends everything), the response cache on, in Redis; HAProxy round robin with X-Forwarded-For, health checks on /readyz. Service CPU is read from /proc over the whole load, warm-up included. On a 2-CPU machine, two processes compete with PostgreSQL, Redis, HAProxy and the load generator for the same cores: the ratio says what a second process buys here, not on separate machines.",
    );
    return result;
  },
};

async function withProcesses(
  processes: number,
  options: BenchOptions,
): Promise<{ measurements: ScaleOutMeasurement[]; dataset: Record<string, unknown>; check: string }> {
  const label = `${processes} process${processes > 1 ? "es" : ""}`;
  const log = (line: string) => options.log(`[${label}] ${line}`);
  const bench = await openBenchDatabase("postgres", { postgresUrl: options.postgresUrl, poolMax: options.poolMax });
  const prefix = `bench:${Date.now().toString(36)}:`;
  let services: ServiceProcess[] = [];
  let balancer: Balancer | undefined;
  try {
    const { params, before, dataset } = await prepareMixedData(bench, options.smoke ? SMOKE : FULL, log);
    const [{ name }] = await rawSqlOf(bench.database).query<{ name: string }>("select current_database() as name", []);
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    const env = {
      DATABASE_URL: url.toString(),
      DATABASE_POOL_MAX: String(options.poolMax),
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SKIP_SEED: "true",
      WEBHOOK_WORKER: "false",
      RATE_LIMIT_ENABLED: "false",
      TRUST_PROXY_HOPS: "1",
      GRAPHQL_INTROSPECTION: "false",
    };
    services = await Promise.all(Array.from({ length: processes }, () => startServiceProcess(env)));
    balancer = await startHaproxy(services.map((s) => s.port));
    log(`${options.connections} connections through HAProxy, ${options.warmupS} s warm-up, ${options.durationS} s`);
    const cpuBefore = services.map((s) => s.cpuMs());
    const load = await runScriptedLoad({
      url: `${balancer.url}/graphql`,
      connections: options.connections,
      warmupMs: options.warmupS * 1000,
      durationMs: options.durationS * 1000,
      script: path.join(__dirname, "mixed-load.script.js"),
      params,
      databaseName: name,
    });
    const cpu = services.map((s, i) => s.cpuMs() - cpuBefore[i]);
    const { consistent, check, dataset: writes } = await checkMixedWrites(bench, label, before, load.summary);
    log(check);

    const requests = load.recorded[0].attempted + (load.warmup[0]?.attempted ?? 0);
    const seconds = options.warmupS + options.durationS;
    const measurements = measurementsOf("postgres", load).map((m) => ({
      ...m,
      target: `${label}: ${m.kind}`,
      // The service runs in other processes: its CPU is theirs, over the whole load (the harness's column reads this process).
      cpuMsPerRequest: m.kind === "all" ? cpu.reduce((a, b) => a + b, 0) / Math.max(1, requests) : null,
      processes,
      serviceCpuMsPerRequest: cpu.reduce((a, b) => a + b, 0) / Math.max(1, requests),
      serviceCpuShare: cpu.map((ms) => ms / (seconds * 1000)),
    }));
    if (!consistent) {
      measurements[0].errors += 1;
      measurements[0].firstError ??= check;
    }
    return { measurements, dataset: { ...dataset, ...writes, processes, connections: options.connections }, check };
  } finally {
    await balancer?.stop().catch(() => {});
    await Promise.all(services.map((s) => s.stop().catch(() => {})));
    await bench.dispose();
    await deleteKeys(prefix).catch(() => {});
  }
}

/** The run's keys in Redis, and no others. */
async function deleteKeys(prefix: string): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await client.del(keys);
  await client.close();
}
