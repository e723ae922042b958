import http from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort } from "node:worker_threads";
import { currentThreadCpuMs } from "./lib/thread-cpu";

/**
 * The webhook receiver of the webhooks benchmark, in a thread of its own (the service and the worker have the main
 * thread): answers 204 at once, and notes for each delivery when it arrived and when its event was recorded (the body's
 * "timestamp"), both by this machine's clock. The parent asks for what it noted since the last question.
 */
let arrived: number[] = [];
let recorded: number[] = [];
const ids = new Set<string>();
let duplicates = 0;
const TIMESTAMP = /"timestamp":"([^"]+)"/;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const now = Date.now();
    const body = Buffer.concat(chunks).toString("utf8");
    const at = Date.parse(TIMESTAMP.exec(body)?.[1] ?? "");
    const id = String(req.headers["webhook-id"]);
    if (ids.has(id)) duplicates++;
    ids.add(id);
    arrived.push(now);
    recorded.push(at);
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
parentPort!.on("message", (message: string) => {
  if (message === "take") {
    parentPort!.postMessage({ arrived, recorded, duplicates, distinct: ids.size, cpuMs: currentThreadCpuMs() });
    arrived = [];
    recorded = [];
  } else if (message === "close") {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
