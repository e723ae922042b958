import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import type { HttpLoadJob } from "./http-load";
import { closedLoop, type OpResult } from "./load";
import { postJson } from "./post-json";

/** The client side of an HTTP load: keep-alive sockets, one per connection, each sending its next request on the last answer. */
async function run(job: HttpLoadJob): Promise<void> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections, maxFreeSockets: job.connections });
  const bodies = job.bodies.map((body) => Buffer.from(body, "utf8"));

  const target = { agent, url, timeoutMs: job.timeoutMs, counterHeader: job.counterHeader };

  const send = async (sequence: number): Promise<OpResult> => {
    const { status, text, counter, error } = await postJson(target, bodies[sequence % bodies.length], job.headers);
    if (status === null) return { outcome: "error", error };
    if (status !== 200) return { outcome: "non200", counter, error: `HTTP ${status}: ${text.slice(0, 300)}` };
    // A GraphQL error still comes with 200; the payloads under test never contain this key otherwise.
    if (text.includes('"errors":[')) return { outcome: "error", counter, error: text.slice(0, 300) };
    return { outcome: "ok", counter };
  };

  const raw = await closedLoop(job, send, () => parentPort!.postMessage({ recording: true }));
  agent.destroy();
  parentPort!.postMessage({ result: raw }, [raw.latenciesMs.buffer as ArrayBuffer]);
}

// A rejection here surfaces as the worker's "error" event in measureHttp.
void run(workerData as HttpLoadJob);
