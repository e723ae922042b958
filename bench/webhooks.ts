import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AgencyCode } from "../src/agencies/agency.type";
import { ApiClientService } from "../src/api-clients/api-client.service";
import { Role } from "../src/auth/role";
import type { Viewer } from "../src/auth/viewer";
import { seedCampaign } from "../src/seeding/seed-campaign";
import { WebhookEndpointService } from "../src/webhooks/webhook-endpoint.service";
import { parseAllowedNetworks } from "../src/webhooks/webhook-url";
import { EventType } from "../src/events/event-types";
import type { Benchmark, BenchOptions, BenchResult, Measurement } from "./lib/benchmark";
import { openBenchDatabase, rawSqlOf, type DatabaseKind } from "./lib/databases";
import { createAgencyKeys, openVacancyIdsByAgency, SUBMIT_MUTATION } from "./lib/hr";
import { backendCpuMs, runScriptedLoad } from "./lib/scripted-load";
import { mainThreadCpuMs, processCpuMs } from "./lib/thread-cpu";
import { startService } from "./lib/servers";
import { summarize } from "./lib/stats";
import { formatNumber, renderTable } from "./lib/table";
import { batchBody, type IngestionParams } from "./ingestion.script";

/** Targets of issue 14, on the 2-CPU machine. */
const TARGET_DELIVERIES_PER_SECOND = 1_000;
const TARGET_P95_DELAY_MS = 1_000;
const TARGET_INGESTION_PER_SECOND = 5_000;
/** DVZ pushes open loop with at most this many batches unanswered (an HR system with a few connections). */
const DVZ_IN_FLIGHT = 4;

export interface WebhookMeasurement extends Measurement {
  phase: "backlog" | "live";
  deliveriesPerSecond: number;
  /** From the event's commit (its recorded time, a little before) to its arrival at the receiver. */
  delayMs: { p50: number; p95: number; p99: number; max: number } | null;
  /** Applications per second the other agencies pushed meanwhile (live phase). */
  ingestionPerSecond: number | null;
  duplicates: number;
  /** Where the deliveries ran: a worker process of their own (PostgreSQL) or the service's main thread (PGlite). */
  worker: "process" | "in-process";
  /** CPU per delivery, ms: the worker (sequencing, claims, signing, sending, records), PostgreSQL's backends of the
   * run's database (backlog only: in the live phase they serve the ingestion too), the receiver's thread. */
  cpuPerDeliveryMs: { worker: number | null; database: number | null; receiver: number | null };
  /** Live phase: CPU per batch of 500 of the ingestion beside, ms (the service's main thread, PostgreSQL's backends). */
  ingestionCpuPerBatchMs: { service: number | null; database: number | null } | null;
}

export const webhooks: Benchmark = {
  name: "webhooks",
  description:
    "Webhook deliveries to a local receiver: how many per second the worker (a process of its own on PostgreSQL, the service's in-process one on PGlite) sends from a backlog, and, with one HR system's events paced at 1,200/s while the three other agencies push batches of 500 as fast as they can, the delay from commit to arrival and the ingestion rate beside it; CPU per delivery.",
  async run(options) {
    const result: BenchResult = { measurements: [], dataset: {}, notes: [] };
    for (const kind of options.databases) {
      const { measurements, dataset } = await onDatabase(kind, options);
      result.measurements.push(...measurements);
      result.dataset[kind] = dataset;
    }
    const rows = result.measurements as WebhookMeasurement[];
    result.notes.push(
      `Deliveries (req/s above is deliveries per second; latency is the delay from commit to arrival):\n${table(rows)}`,
      ...rows
        .filter((m) => m.database === "postgres")
        .map((m) =>
          m.phase === "backlog"
            ? `Target: ${TARGET_DELIVERIES_PER_SECOND} deliveries/s: ${Math.round(m.deliveriesPerSecond)}/s measured from a backlog, ${m.deliveriesPerSecond >= TARGET_DELIVERIES_PER_SECOND ? "met" : "not met"}.`
            : `Targets at ${Math.round(m.deliveriesPerSecond)} deliveries/s: p95 delay under ${TARGET_P95_DELAY_MS} ms (${m.delayMs ? Math.round(m.delayMs.p95) : "?"} ms, ${m.delayMs && m.delayMs.p95 < TARGET_P95_DELAY_MS ? "met" : "not met"}); ingestion at least ${TARGET_INGESTION_PER_SECOND} applications/s alongside (${Math.round(m.ingestionPerSecond ?? 0)}/s, ${(m.ingestionPerSecond ?? 0) >= TARGET_INGESTION_PER_SECOND ? "met" : "not met"}).`,
        ),
      "Set-up per database: the 2021 campaign seed, one AGENCY_HR key per agency, one webhook endpoint for DVZ's application.submitted events pointing at a receiver on loopback (allowed with WEBHOOK_ALLOWED_NETWORKS=127.0.0.0/8), the service as main.ts builds it; the deliveries run in a worker process of their own on PostgreSQL (npm run worker's script, WEBHOOK_CONCURRENCY 64), in the service's in-process worker on PGlite; the receiver in a thread of its own answering 204. Backlog: DVZ pushes its events with the worker stopped, then the worker sends them all. Live: DVZ pushes batches of 120 every 100 ms, open loop (at most 4 unanswered); CGVS, RVV and FEDASIL push batches of 500 back to back (2 connections each).",
    );
    return result;
  },
};

async function onDatabase(kind: DatabaseKind, options: BenchOptions): Promise<{ measurements: WebhookMeasurement[]; dataset: Record<string, unknown> }> {
  const log = (line: string) => options.log(`[${kind}] ${line}`);
  const bench = await openBenchDatabase(kind, { postgresUrl: options.postgresUrl, poolMax: options.poolMax });
  const receiver = await startReceiver();
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  let workerProcess: ChildProcess | undefined;
  try {
    const { db } = bench.database;
    await seedCampaign(db);
    const keys = await createAgencyKeys(db);
    const vacancies = await openVacancyIdsByAgency(db);
    const { apiKey, apiClient } = await new ApiClientService(db).create({
      name: "DVZ HR with webhooks (benchmark)",
      role: Role.AGENCY_HR,
      agency: AgencyCode.DVZ,
    });
    const owner: Viewer = { kind: "client", clientId: apiClient!.key, name: apiClient!.name, role: Role.AGENCY_HR, agencyCode: AgencyCode.DVZ };
    const allowed = parseAllowedNetworks("127.0.0.0/8");
    const created = await new WebhookEndpointService(db, allowed).create(owner, {
      url: `http://127.0.0.1:${receiver.port}/hooks`,
      eventTypes: [EventType.APPLICATION_SUBMITTED],
    });
    if (!created.webhookEndpoint) throw new Error(`endpoint refused: ${JSON.stringify(created.userErrors)}`);
    service = await startService(bench.database, { responseCache: true, webhookAllowedNetworks: "127.0.0.0/8" });
    const [{ name: databaseName }] = await rawSqlOf(bench.database).query<{ name: string }>("select current_database() as name", []);
    const databaseCpu = () => (kind === "postgres" ? [...backendCpuMs(databaseName).values()] : null);
    const databaseCpuBetween = (a: number[] | null, b: number[] | null) => (a && b ? b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0) : null);
    const tag = `w${Date.now().toString(36)}`;
    const dvz = { code: "DVZ", key: apiKey!, vacancyIds: vacancies.DVZ };
    const dvzParams: IngestionParams = { mode: "new", batchSize: 120, tag, agencies: [dvz], query: SUBMIT_MUTATION };
    let dvzBatch = 0;
    const pushDvz = async () => {
      const response = await fetch(service!.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${dvz.key}` },
        body: batchBody(dvzParams, dvz, dvzBatch++),
      });
      const body = (await response.json()) as { data?: { submitApplications: { createdCount: number } } };
      if (!body.data || body.data.submitApplications.createdCount !== dvzParams.batchSize)
        throw new Error(`DVZ push failed: ${JSON.stringify(body).slice(0, 300)}`);
    };

    // Backlog: events recorded with the worker stopped, then sent as fast as the worker goes.
    const backlog = options.smoke ? 600 : 24_000;
    log(`backlog: pushing ${backlog} DVZ applications with the worker stopped`);
    for (let i = 0; i < backlog / dvzParams.batchSize; i++) await pushDvz();
    const receiverBefore = (await receiver.take()).cpuMs;
    // On PostgreSQL the deliveries run in a worker process of their own (npm run worker, as a deployment beside its API
    // processes would), so they use the other CPU rather than queue behind the pushes on the service's one thread.
    // PGlite has one connection inside the service: its worker runs there, as deployed.
    const workerCpu = () => (workerProcess?.pid ? processCpuMs(workerProcess.pid) : mainThreadCpuMs());
    const databaseBefore = databaseCpu();
    if (kind === "postgres" && bench.url) workerProcess = await startWorkerProcess(bench.url);
    else service.startWebhookWorker();
    const started = Date.now();
    const workerBefore = workerCpu();
    let got = 0;
    let lastArrival = started;
    const deadline = started + (options.smoke ? 60_000 : 300_000);
    while (got < backlog && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const t = await receiver.take();
      got += t.arrived.length;
      if (t.arrived.length) lastArrival = Math.max(...t.arrived);
    }
    const backlogSeconds = (lastArrival - started) / 1000;
    const receiverAfter = (await receiver.take()).cpuMs;
    const perDelivery = (ms: number | null, n: number) => (ms == null || n === 0 ? null : ms / n);
    const workerAfter = workerCpu();
    const backlogCpu = {
      worker: perDelivery(workerBefore != null && workerAfter != null ? workerAfter - workerBefore : null, got),
      database: perDelivery(databaseCpuBetween(databaseBefore, databaseCpu()), got),
      receiver: perDelivery(receiverBefore != null && receiverAfter != null ? receiverAfter - receiverBefore : null, got),
    };
    log(`backlog: ${got} of ${backlog} delivered in ${backlogSeconds.toFixed(1)} s`);

    // Live: DVZ paced, the others at full speed.
    log(`live: DVZ at 1,200 events/s, CGVS, RVV and FEDASIL pushing batches of 500 for ${options.warmupS + options.durationS} s`);
    const others = (["CGVS", "RVV", "FEDASIL"] as const).map((code) => ({ code, key: keys[code], vacancyIds: vacancies[code] }));
    let pacing = true;
    // Open loop, as events arrive in life: a batch every 100 ms whether or not the last one has been answered (up to
    // DVZ_IN_FLIGHT at once, as an HR system with a few connections), so a slow answer does not lower the rate asked
    // for (a closed loop waiting on each answer measured the service's latency, not 1,200 events/s).
    const paced = (async () => {
      const t0 = Date.now();
      const inFlight = new Set<Promise<void>>();
      for (let i = 0; pacing; i++) {
        if (inFlight.size >= DVZ_IN_FLIGHT) await Promise.race(inFlight);
        const push = pushDvz().finally(() => inFlight.delete(push));
        inFlight.add(push);
        const wait = t0 + (i + 1) * 100 - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      await Promise.all(inFlight);
    })();
    const recordFrom = Date.now() + options.warmupS * 1000;
    const liveWorkerBefore = workerCpu();
    const liveReceiverBefore = (await receiver.take()).cpuMs;
    const ingestion = runScriptedLoad({
      databaseName: kind === "postgres" ? databaseName : undefined,
      url: service.url,
      connections: 6,
      warmupMs: options.warmupS * 1000,
      durationMs: options.durationS * 1000,
      script: path.join(__dirname, "ingestion.script.js"),
      params: { mode: "new", batchSize: 500, tag, agencies: others, query: SUBMIT_MUTATION } satisfies IngestionParams,
    });
    const ingested = await ingestion;
    pacing = false;
    await paced;
    const recordUntil = recordFrom + options.durationS * 1000;
    // Every DVZ event pushed is delivered in the end: wait for the stragglers, then judge the events recorded in the
    // window by when they arrived (a worker falling behind shows as delay, not as missing deliveries).
    const pushedLive = dvzBatch * dvzParams.batchSize - backlog;
    const live: Taken = { arrived: [], recorded: [], duplicates: 0, distinct: 0, cpuMs: null };
    const liveDeadline = Date.now() + 120_000;
    while (live.arrived.length < pushedLive && Date.now() < liveDeadline) {
      const t = await receiver.take();
      live.arrived.push(...t.arrived);
      live.recorded.push(...t.recorded);
      Object.assign(live, { duplicates: t.duplicates, distinct: t.distinct, cpuMs: t.cpuMs });
      if (live.arrived.length < pushedLive) await new Promise((r) => setTimeout(r, 100));
    }
    // A smoke run's window is too short to hold a paced push on a slow machine: it judges the whole live phase.
    const from = options.smoke ? recordFrom - options.warmupS * 1000 : recordFrom;
    const inWindow = live.recorded.map((at, i) => [at, live.arrived[i] - at]).filter(([at]) => at >= from && at < recordUntil);
    const liveDelays = inWindow.map(([, d]) => d);
    const liveSeconds = (recordUntil - from) / 1000;
    const ingestionPerSecond = ingested.recorded[0].requestsPerSecond * 500;
    const liveWorkerAfter = workerCpu();
    const liveCpu = {
      worker: perDelivery(liveWorkerBefore != null && liveWorkerAfter != null ? liveWorkerAfter - liveWorkerBefore : null, live.arrived.length),
      database: null,
      receiver: perDelivery(liveReceiverBefore != null && live.cpuMs != null ? live.cpuMs - liveReceiverBefore : null, live.arrived.length),
    };
    const batches = ingested.recorded[0].requests;
    const ingestionCpu = {
      service: ingested.cpu.mainThreadMs == null || batches === 0 ? null : ingested.cpu.mainThreadMs / batches,
      database: ingested.cpu.databaseMs == null || batches === 0 ? null : ingested.cpu.databaseMs / batches,
    };
    log(
      `live: ${pushedLive} DVZ events pushed, ${live.arrived.length} delivered; ${inWindow.length} recorded in the window; ${Math.round(ingestionPerSecond)} applications/s ingested beside`,
    );
    const [{ events }] = await rawSqlOf(bench.database).query<{ events: number }>("select count(*)::int as events from events", []);

    const figures = (
      phase: "backlog" | "live",
      count: number,
      seconds: number,
      delays: number[] | null,
      ingestionRate: number | null,
      cpuPerDeliveryMs: WebhookMeasurement["cpuPerDeliveryMs"],
    ): WebhookMeasurement => {
      const delay = delays && delays.length ? summarize(Float64Array.from(delays).sort()) : null;
      return {
        database: kind,
        target: phase === "backlog" ? "deliveries from a backlog" : "deliveries beside ingestion",
        description: phase === "backlog" ? "the worker sending a backlog as fast as it goes" : "DVZ paced at 1,200 events/s while three agencies ingest",
        connections: 64,
        durationS: seconds,
        requests: count,
        requestsPerSecond: count / seconds,
        latencyMs: delay ?? { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 },
        errors: phase === "backlog" ? Math.max(0, backlog - count) : Math.max(0, pushedLive - live.arrived.length),
        non200: 0,
        firstError:
          phase === "backlog" && count < backlog
            ? `${backlog - count} of the backlog not delivered in time`
            : phase === "live" && live.arrived.length < pushedLive
              ? `${pushedLive - live.arrived.length} live deliveries missing two minutes after the load`
              : null,
        counterMean: null,
        cpuMsPerRequest: null,
        phase,
        deliveriesPerSecond: count / seconds,
        delayMs: delay && { p50: delay.p50, p95: delay.p95, p99: delay.p99, max: delay.max },
        ingestionPerSecond: ingestionRate,
        duplicates: live.duplicates,
        worker: workerProcess ? "process" : "in-process",
        cpuPerDeliveryMs,
        ingestionCpuPerBatchMs: phase === "live" ? ingestionCpu : null,
      };
    };
    return {
      measurements: [
        figures("backlog", got, backlogSeconds, null, null, backlogCpu),
        figures("live", inWindow.length, liveSeconds, liveDelays, ingestionPerSecond, liveCpu),
      ],
      dataset: { database: bench.description, backlog, events, distinctDeliveries: live.distinct, duplicates: live.duplicates },
    };
  } finally {
    await stopWorkerProcess(workerProcess);
    await service?.close().catch(() => {});
    await receiver.close();
    await bench.dispose();
  }
}

function table(rows: WebhookMeasurement[]): string {
  return renderTable(rows, [
    { header: "database", value: (m) => m.database },
    { header: "phase", value: (m) => m.phase, align: "left" },
    { header: "deliveries/s", value: (m) => Math.round(m.deliveriesPerSecond) },
    { header: "delay p50 ms", value: (m) => (m.delayMs ? formatNumber(m.delayMs.p50) : null) },
    { header: "p95", value: (m) => (m.delayMs ? formatNumber(m.delayMs.p95) : null) },
    { header: "p99", value: (m) => (m.delayMs ? formatNumber(m.delayMs.p99) : null) },
    { header: "deliveries", value: (m) => m.requests },
    { header: "ingestion apps/s", value: (m) => (m.ingestionPerSecond == null ? null : Math.round(m.ingestionPerSecond)) },
    { header: "duplicates", value: (m) => m.duplicates },
    { header: "worker", value: (m) => m.worker, align: "left" },
    { header: "CPU ms/delivery: worker", value: (m) => formatNumber(m.cpuPerDeliveryMs.worker) },
    { header: "postgres", value: (m) => formatNumber(m.cpuPerDeliveryMs.database) },
    { header: "receiver", value: (m) => formatNumber(m.cpuPerDeliveryMs.receiver) },
    { header: "ingestion CPU ms/batch: service", value: (m) => formatNumber(m.ingestionCpuPerBatchMs?.service ?? null) },
    { header: "postgres", value: (m) => formatNumber(m.ingestionCpuPerBatchMs?.database ?? null) },
  ]);
}

interface Taken {
  arrived: number[];
  recorded: number[];
  duplicates: number;
  distinct: number;
  /** The receiver thread's CPU so far, ms. */
  cpuMs: number | null;
}

/** The compiled `npm run worker` (scripts/worker.ts) on the run's database; resolves once its loop has started. */
async function startWorkerProcess(databaseUrl: string): Promise<ChildProcess> {
  // BENCH_WORKER_NODE_ARGS: extra node flags for the worker (say --cpu-prof, which NODE_OPTIONS does not allow).
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, "..", "scripts", "worker.js")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
      WEBHOOK_CONCURRENCY: "64",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      seen = (seen + chunk.toString("utf8")).slice(-4096);
      if (seen.includes("webhook worker started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`webhook worker process exited (${code}) before starting`)));
  });
  return child;
}

async function stopWorkerProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode != null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function startReceiver(): Promise<{ port: number; take(): Promise<Taken>; close(): Promise<void> }> {
  const worker = new Worker(path.join(__dirname, "webhooks.receiver.js"));
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", (m: { port: number }) => resolve(m.port));
    worker.once("error", reject);
  });
  return {
    port,
    take: () =>
      new Promise<Taken>((resolve) => {
        worker.once("message", resolve);
        worker.postMessage("take");
      }),
    close: async () => {
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}
