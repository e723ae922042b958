import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

/**
 * One hostile anonymous address (X-Forwarded-For, behind the service's one trusted proxy), sending the worst bodies it
 * can find as fast as the service answers, on `connections` connections, until told to stop; reports how each request
 * ended. Runs in a worker thread so that its own work does not slow the well-behaved client's measurements.
 */
export interface HostileJob {
  host: string;
  port: number;
  connections: number;
  address: string;
  bodies: { name: string; body: string; contentType: string }[];
}

const job = workerData as HostileJob;
const counts: Record<string, number> = {};
let stopping = false;
parentPort!.on("message", (message: string) => {
  if (message === "stop") stopping = true;
});

function send(sequence: number): Promise<void> {
  const { name, body, contentType } = job.bodies[sequence % job.bodies.length];
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: job.host,
        port: job.port,
        path: "/graphql",
        method: "POST",
        agent: keepAlive,
        headers: { "content-type": contentType, "content-length": Buffer.byteLength(body), "x-forwarded-for": job.address },
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          counts[`${response.statusCode} ${name}`] = (counts[`${response.statusCode} ${name}`] ?? 0) + 1;
          resolve();
        });
        response.on("error", () => resolve());
      },
    );
    request.on("error", () => {
      counts[`cut ${name}`] = (counts[`cut ${name}`] ?? 0) + 1;
      resolve();
    });
    request.end(body);
  });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: job.connections });

async function loop(offset: number): Promise<void> {
  for (let sequence = offset; !stopping; sequence += job.connections) await send(sequence);
}

void Promise.all(Array.from({ length: job.connections }, (_, i) => loop(i))).then(() => {
  keepAlive.destroy();
  parentPort!.postMessage({ counts });
});
