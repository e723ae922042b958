import http from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { postJson, type Answer } from "./post-json";
import { emptyKind, type KindRaw, type LoadScript, type RequestSpec, type ScriptedLoadOptions, type ScriptFactory } from "./scripted-load";
import { currentThreadCpuMs } from "./thread-cpu";

/** The client side of runScriptedLoad: keep-alive sockets, one loop per connection, every answer read and classified. */
async function run(job: ScriptedLoadOptions): Promise<void> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections, maxFreeSockets: job.connections });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = (require(job.script) as { createScript: ScriptFactory }).createScript;
  const script: LoadScript & { summary?: () => unknown } = factory(job.params, job.connections);

  const target = { agent, url, timeoutMs: job.timeoutMs!, counterHeader: job.counterHeader };
  const send = (spec: RequestSpec): Promise<Answer> => postJson(target, Buffer.from(spec.body, "utf8"), spec.headers);

  const phases = { warmup: new Map<string, KindRaw>(), recorded: new Map<string, KindRaw>() };
  const start = performance.now();
  const recordFrom = start + job.warmupMs;
  const stopAt = recordFrom + job.durationMs;
  let recording = false;
  let lastCompletion = recordFrom;
  let cpuAtStart: number | null = null;

  const note = (phase: Map<string, KindRaw>, spec: RequestSpec, answer: Answer, latencyMs: number) => {
    let k = phase.get(spec.kind);
    if (!k) phase.set(spec.kind, (k = emptyKind(spec.kind)));
    k.attempted++;
    if (answer.counter !== undefined) {
      k.counterSum += answer.counter;
      k.counterSamples++;
    }
    const fail = (key: string, message: string) => {
      k.httpFailures++;
      k.httpStatuses[key] = (k.httpStatuses[key] ?? 0) + 1;
      k.firstFailure ??= `${spec.kind}: ${message}`;
    };
    if (answer.status == null) return fail("no answer", answer.error ?? "no answer");
    if (answer.status !== 200) return fail(String(answer.status), `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
    let parsed: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(answer.text) as typeof parsed;
    } catch {
      return fail("200 not JSON", `HTTP 200 with a body that is not JSON: ${answer.text.slice(0, 300)}`);
    }
    if (parsed.errors?.length) {
      k.graphqlErrors++;
      for (const e of parsed.errors) {
        const code = e.extensions?.code ?? "NO_CODE";
        k.graphqlErrorCodes[code] = (k.graphqlErrorCodes[code] ?? 0) + 1;
      }
      k.firstFailure ??= `${spec.kind}: ${answer.text.slice(0, 300)}`;
      return;
    }
    let verdict;
    try {
      verdict = script.read?.(spec, parsed.data) ?? {};
    } catch (error) {
      return fail("unreadable", `answer not as expected (${(error as Error).message}): ${answer.text.slice(0, 300)}`);
    }
    k.latenciesMs.push(latencyMs);
    if (verdict.userErrorCodes?.length) {
      k.withUserErrors++;
      for (const code of verdict.userErrorCodes) k.userErrorCodes[code] = (k.userErrorCodes[code] ?? 0) + 1;
    } else k.ok++;
    for (const [key, n] of Object.entries(verdict.tally ?? {})) k.tally[key] = (k.tally[key] ?? 0) + n;
  };

  async function loop(connection: number): Promise<void> {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= stopAt) return;
      if (!recording && t0 >= recordFrom) {
        recording = true;
        cpuAtStart = currentThreadCpuMs();
        parentPort!.postMessage({ recording: true });
      }
      const spec = script.next(connection);
      if (!spec) return;
      const answer = await send(spec);
      const t1 = performance.now();
      if (t0 < recordFrom) note(phases.warmup, spec, answer, t1 - t0);
      else {
        lastCompletion = Math.max(lastCompletion, t1);
        note(phases.recorded, spec, answer, t1 - t0);
      }
    }
  }

  await Promise.all(Array.from({ length: job.connections }, (_, c) => loop(c)));
  const cpuAtEnd = currentThreadCpuMs();
  const workerCpuMs = cpuAtStart != null && cpuAtEnd != null ? cpuAtEnd - cpuAtStart : null;
  agent.destroy();
  const sorted = (m: Map<string, KindRaw>) => [...m.values()].sort((a, b) => a.kind.localeCompare(b.kind));
  parentPort!.postMessage({
    result: {
      warmup: sorted(phases.warmup),
      recorded: sorted(phases.recorded),
      elapsedMs: lastCompletion - recordFrom,
      workerCpuMs,
      summary: script.summary?.() ?? null,
    },
  });
}

// A rejection here surfaces as the worker's "error" event in runScriptedLoad.
void run(workerData as ScriptedLoadOptions);
