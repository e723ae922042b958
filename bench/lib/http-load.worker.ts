import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import type { HttpLoadJob } from "./http-load";
import { closedLoop, type OpResult } from "./load";

/** The client side of an HTTP load: keep-alive sockets, one per connection, each sending its next request on the last answer. */
async function run(job: HttpLoadJob): Promise<void> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections, maxFreeSockets: job.connections });
  const bodies = job.bodies.map((body) => Buffer.from(body, "utf8"));
  const counterHeader = job.counterHeader?.toLowerCase();

  const send = (sequence: number): Promise<OpResult> =>
    new Promise((resolve) => {
      const body = bodies[sequence % bodies.length];
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", "content-length": body.length, ...job.headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", (error) => resolve({ outcome: "error", error: error.message }));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const counterValue = counterHeader ? Number(response.headers[counterHeader]) : Number.NaN;
            const counter = Number.isFinite(counterValue) ? counterValue : undefined;
            if (response.statusCode !== 200) resolve({ outcome: "non200", counter, error: `HTTP ${response.statusCode}: ${text.slice(0, 300)}` });
            // A GraphQL error still comes with 200; the payloads under test never contain this key otherwise.
            else if (text.includes('"errors":[')) resolve({ outcome: "error", counter, error: text.slice(0, 300) });
            else resolve({ outcome: "ok", counter });
          });
        },
      );
      request.setTimeout(job.timeoutMs, () => request.destroy(new Error(`no answer within ${job.timeoutMs} ms`)));
      request.on("error", (error) => resolve({ outcome: "error", error: error.message }));
      request.end(body);
    });

  const raw = await closedLoop(job, send, () => parentPort!.postMessage({ recording: true }));
  agent.destroy();
  parentPort!.postMessage({ result: raw }, [raw.latenciesMs.buffer as ArrayBuffer]);
}

// A rejection here surfaces as the worker's "error" event in measureHttp.
void run(workerData as HttpLoadJob);
