import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { rawRequest, waitFor } from "./http";

/** The compiled service as `npm start` runs it (pretest builds dist/). */
const MAIN = path.join(__dirname, "../../dist/src/main.js");

interface Service {
  child: ChildProcess;
  port: number;
  /** Requests the service is handling now, from its metrics listener's http_requests_in_flight. */
  inFlight: () => Promise<number>;
  logs: () => Record<string, any>[];
  exited: Promise<{ code: number | null; at: number }>;
}

/** Starts the service on a free port, on an in-memory PGlite or on a fresh PostgreSQL database, and waits until it listens. */
async function startService(env: Record<string, string>, database: TestDatabase | null): Promise<Service> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      METRICS_PORT: "0",
      NODE_ENV: "production",
      ...(database?.url ? { DATABASE_URL: database.url } : { PGLITE_DIR: "memory://" }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on("exit", (code) => resolve({ code, at: Date.now() })));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      const ready = /^(?=.*"msg":"GraphQL API ready).*"port":(\d+)/m.exec(stdout);
      if (ready) resolve(Number(ready[1]));
    });
    void exited.then(({ code }) => reject(new Error(`service exited with ${code}: ${stderr}`)));
  });
  const metricsPort = Number(/^(?=.*"msg":"metrics served").*"port":(\d+)/m.exec(stdout)![1]);
  return {
    child,
    port,
    inFlight: async () => {
      const metrics = await rawRequest(`http://127.0.0.1:${metricsPort}/metrics`, { method: "GET" });
      return Number(/^http_requests_in_flight (\d+)$/m.exec(metrics.text)![1]);
    },
    exited,
    logs: () =>
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
  };
}

/** A GraphQL request whose body arrives in two halves, `pauseMs` apart: a request in flight for that long. `sent`: the first half is written. */
function slowRequest(port: number, pauseMs: number): { response: Promise<{ status: number; body: string; connection?: string }>; sent: Promise<void> } {
  const body = JSON.stringify({ query: "query Slow { campaign { name targetHeadcount } }" });
  let sent!: () => void;
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const response = new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
      },
    );
    const rest = setTimeout(() => request.end(body.slice(10)), pauseMs);
    request.on("error", (error) => {
      clearTimeout(rest);
      reject(error);
    });
    request.write(body.slice(0, 10), () => sent());
  });
  return { response, sent: sentPromise };
}

let database: TestDatabase | null = null;
beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

test("SIGTERM: /readyz turns 503, new connections are refused, the request in flight is answered, the pool closes, exit 0", async () => {
  if (database) await database.database.close(); // the service opens its own pool on this database
  const service = await startService({ SHUTDOWN_DRAIN_DELAY_MS: "600" }, database);
  const base = `http://127.0.0.1:${service.port}`;
  expect((await rawRequest(`${base}/readyz`, { method: "GET" })).status).toBe(200);

  const slow = slowRequest(service.port, 1_500);
  await slow.sent;
  await waitFor(async () => (await service.inFlight()) === 1);
  const signalled = Date.now();
  service.child.kill("SIGTERM");
  await waitFor(async () => (await rawRequest(`${base}/readyz`, { method: "GET" })).status === 503);

  // Draining: still listening, but telling load balancers to go elsewhere, and closing every connection it answers on.
  const readiness = await rawRequest(`${base}/readyz`, { method: "GET" });
  expect(readiness.status).toBe(503);
  expect(readiness.json()).toEqual({ status: "not ready", reason: "draining" });
  expect(readiness.headers.connection).toBe("close");
  const during = await rawRequest(`${base}/graphql`, {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ agencies { code } }" }),
  });
  expect(during.status).toBe(200);

  // After the drain delay the listener is closed.
  await waitFor(() =>
    rawRequest(`${base}/livez`, { method: "GET" }).then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === "ECONNREFUSED",
    ),
  );

  const answered = await slow.response;
  expect(answered.status).toBe(200);
  expect(JSON.parse(answered.body)).toEqual({ data: { campaign: { name: "Werken bij asiel en migratie 2021", targetHeadcount: 700 } } });
  expect(answered.connection).toBe("close");

  const exit = await service.exited;
  expect(exit.code).toBe(0);
  expect(exit.at - signalled).toBeLessThan(10_000);
  const messages = service.logs().map((entry) => entry.msg);
  expect(messages.slice(messages.indexOf("shutting down"))).toEqual(["shutting down", "graphql request", "graphql request", "shutdown complete"]);
  const slowLine = service.logs().find((entry) => entry.operation === "Slow");
  expect(slowLine).toMatchObject({ level: "info", msg: "graphql request", outcome: "success", status: 200, requestId: expect.any(String) });
});

test("a request still running when the grace period ends is cut, and the process exits on time", async () => {
  const service = await startService(
    { SHUTDOWN_DRAIN_DELAY_MS: "0", SHUTDOWN_GRACE_MS: "1000", REQUEST_DEADLINE_MS: "30000" },
    database?.url ? await createFreshDatabase() : null,
  );
  const stuck = slowRequest(service.port, 20_000);
  await stuck.sent;
  await waitFor(async () => (await service.inFlight()) === 1);
  const signalled = Date.now();
  service.child.kill("SIGTERM");
  await expect(stuck.response).rejects.toMatchObject({ code: "ECONNRESET" });
  const exit = await service.exited;
  expect(exit.code).toBe(0);
  // Not before the grace period, and long before the 20 s request would have ended by itself (a loose bound on
  // purpose: a loaded machine is slow, and 20 s is what the cut saves).
  expect(exit.at - signalled).toBeGreaterThanOrEqual(900);
  expect(exit.at - signalled).toBeLessThan(20_000);
  expect(service.logs().map((entry) => entry.msg)).toEqual(
    expect.arrayContaining(["shutdown grace period over, cutting requests still in flight", "shutdown complete"]),
  );
});

let second: TestDatabase | null = null;
async function createFreshDatabase(): Promise<TestDatabase> {
  second = await createTestDatabase();
  await second.database.close();
  return second;
}
afterAll(async () => {
  if (second) await second.drop().catch(() => {});
});
