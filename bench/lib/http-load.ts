import path from "node:path";
import { Worker } from "node:worker_threads";
import { figuresOf, type LoadFigures, type LoadOptions, type RawLoad } from "./load";
import { mainThreadCpuMs } from "./thread-cpu";

export interface HttpLoadOptions extends LoadOptions {
  /** http://127.0.0.1:port/path */
  url: string;
  /** Request bodies (JSON), sent in turn: request i sends bodies[i % bodies.length]. */
  bodies: string[];
  headers?: Record<string, string>;
  /** A response header holding a per-request count to average (x-sql-statements). */
  counterHeader?: string;
  timeoutMs?: number;
  /** The server's CPU so far, in ms, when it runs in another process; default: this process's main thread. */
  cpuMs?: () => number | null;
  /** The database server's CPU so far, in ms, over the connections that serve this load (PostgreSQL's backends), when known. */
  databaseCpuMs?: () => Promise<number | null>;
}

/** What the worker thread is given. */
export interface HttpLoadJob extends Omit<HttpLoadOptions, "cpuMs" | "databaseCpuMs"> {
  timeoutMs: number;
}

/**
 * HTTP load from a worker thread: the client's sockets, parsing and bookkeeping run on their own event loop, so they do not
 * steal turns from the server under test, which runs on the main thread as it would in production.
 */
export function measureHttp(options: HttpLoadOptions): Promise<LoadFigures> {
  const { cpuMs = mainThreadCpuMs, databaseCpuMs, ...rest } = options;
  const job: HttpLoadJob = { timeoutMs: 30_000, ...rest };
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "http-load.worker.js"), { workerData: job });
    let settled = false;
    // The main thread's CPU over the recorded window: the service's cost per request, whatever else runs on the machine.
    let cpuAtStart: number | null = null;
    let databaseAtStart: Promise<number | null> = Promise.resolve(null);
    worker.on("message", (message: { recording: true } | { result: RawLoad }) => {
      if ("recording" in message) {
        cpuAtStart = cpuMs();
        if (databaseCpuMs) databaseAtStart = databaseCpuMs();
        return;
      }
      settled = true;
      const cpuAtEnd = cpuMs();
      const figures = figuresOf(message.result, options.connections, cpuAtStart != null && cpuAtEnd != null ? cpuAtEnd - cpuAtStart : null);
      if (!databaseCpuMs) return resolve(figures);
      void Promise.all([databaseAtStart, databaseCpuMs()]).then(([start, end]) =>
        resolve({
          ...figures,
          databaseCpuMsPerRequest: start != null && end != null && message.result.attempted > 0 ? (end - start) / message.result.attempted : null,
        }),
      );
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`HTTP load worker exited with code ${code} before reporting`));
    });
  });
}
