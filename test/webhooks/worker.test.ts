import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKey, submission, SUBMIT } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { Receiver, registerReceiver, stopTestWorkers, TestClock, testWorker } from "../helpers/webhooks";

let server: TestServer;
let vacancyId: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
  server = await startTestServer();
  vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "FEDASIL" }))[0]);
});
afterAll(async () => {
  await stopTestWorkers();
  for (const r of receivers) await r.down();
  await server.close();
});

/** A FEDASIL HR system with its own key and receiver, registered for submissions (the only endpoint: earlier tests' go). */
async function hrWithReceiver(name: string): Promise<{ key: string; receiver: Receiver; endpointKey: number }> {
  await server.database.db.execute(sql`delete from webhook_endpoints`);
  const key = await createKey(server, "AGENCY_HR", "FEDASIL", name);
  const receiver = new Receiver();
  await receiver.up();
  receivers.push(receiver);
  const endpointId = await registerReceiver(server, key, receiver, ["APPLICATION_SUBMITTED"]);
  return { key, receiver, endpointKey: Number(Buffer.from(endpointId, "base64url").toString().split(":")[1]) };
}

async function push(key: string, count: number): Promise<void> {
  await server.data(SUBMIT, { input: { applications: Array.from({ length: count }, () => submission(vacancyId)) } }, { key });
}

async function deliveryStates(endpointKey: number) {
  return selectRows<{ status: string; attempts: number; leased: boolean; attempt_rows: number }>(
    server.database.db,
    sql`select d.status::text, d.attempts, d.leased_until is not null as leased, (select count(*)::int from webhook_attempts a where a.delivery_id = d.id) as attempt_rows
        from webhook_deliveries d where d.endpoint_id = ${endpointKey} order by d.sequence`,
  );
}

describe("shutdown", () => {
  test("a delivery in flight that is answered within the grace period is recorded", async () => {
    const { key, receiver, endpointKey } = await hrWithReceiver("FEDASIL graceful finish");
    receiver.answer = "hang";
    const worker = testWorker(server);
    const arrived = receiver.next();
    await push(key, 1);
    worker.start();
    await arrived;
    const stopping = worker.stop(30_000);
    receiver.release(200);
    await stopping;
    expect(await deliveryStates(endpointKey)).toEqual([{ status: "DELIVERED", attempts: 1, leased: false, attempt_rows: 1 }]);
  });

  test("one still unanswered when the grace period ends is released, not counted, and sent by the next worker", async () => {
    const { key, receiver, endpointKey } = await hrWithReceiver("FEDASIL graceful release");
    receiver.answer = "hang";
    const worker = testWorker(server);
    const arrived = receiver.next();
    await push(key, 1);
    worker.start();
    await arrived;
    await worker.stop(0);
    expect(await deliveryStates(endpointKey)).toEqual([{ status: "PENDING", attempts: 0, leased: false, attempt_rows: 0 }]);
    receiver.answer = 200;
    await testWorker(server).drain();
    expect(await deliveryStates(endpointKey)).toEqual([{ status: "DELIVERED", attempts: 1, leased: false, attempt_rows: 1 }]);
    expect(new Set(receiver.received.map((r) => r.body.id)).size).toBe(1);
  });

  test("one not answered within the timeout is a failed attempt, retried on schedule (not taken for a shutdown)", async () => {
    const { key, receiver, endpointKey } = await hrWithReceiver("FEDASIL slow receiver");
    receiver.answer = "hang";
    await push(key, 1);
    const clock = new TestClock();
    expect(await testWorker(server, clock, { timeoutMs: 200 }).drain()).toBe(1);
    receiver.release(200);
    expect(await deliveryStates(endpointKey)).toEqual([{ status: "PENDING", attempts: 1, leased: false, attempt_rows: 1 }]);
    const [attempt] = await selectRows<{ error: string; next_in_ms: number }>(
      server.database.db,
      sql`select a.error, (extract(epoch from d.next_attempt_at - a.attempted_at) * 1000)::int as next_in_ms
          from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.endpoint_id = ${endpointKey}`,
    );
    expect(attempt).toEqual({ error: "timeout after 200 ms", next_in_ms: 10_000 });
  });
});

(onPostgres ? describe : describe.skip)("separate worker processes (PostgreSQL)", () => {
  test("three workers share the deliveries without sending one twice", async () => {
    const { key, receiver, endpointKey } = await hrWithReceiver("FEDASIL three workers");
    const workers = [
      testWorker(server, undefined, { concurrency: 8 }),
      testWorker(server, undefined, { concurrency: 8 }),
      testWorker(server, undefined, { concurrency: 8 }),
    ];
    workers.forEach((w) => w.start());
    for (let i = 0; i < 6; i++) await push(key, 50);
    await receiver.until(300);
    await Promise.all(workers.map((w) => w.stop()));
    const ids = receiver.received.map((r) => r.body.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const states = await deliveryStates(endpointKey);
    expect(states).toHaveLength(300);
    expect(states.every((s) => s.status === "DELIVERED" && s.attempts === 1 && s.attempt_rows === 1)).toBe(true);
  }, 300_000);

  test("a worker process killed mid-delivery loses nothing: its lease runs out and another worker delivers", async () => {
    const { key, receiver, endpointKey } = await hrWithReceiver("FEDASIL killed worker");
    receiver.answer = "hang";
    await push(key, 3);
    const child = spawn(process.execPath, [path.join(__dirname, "../../dist/scripts/worker.js")], {
      env: {
        ...process.env,
        DATABASE_URL: server.testDatabase.url!,
        WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
        WEBHOOK_TIMEOUT_MS: "1000",
        LOG_LEVEL: "silent",
        NODE_ENV: "production",
      },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await receiver.until(3);
    child.kill("SIGKILL");
    await exited;
    // Held by the dead worker: nothing recorded, nothing lost.
    expect(await deliveryStates(endpointKey)).toEqual([1, 2, 3].map(() => ({ status: "PENDING", attempts: 0, leased: true, attempt_rows: 0 })));

    receiver.answer = 200;
    const clock = new TestClock();
    const early = testWorker(server, clock);
    expect(await early.drain()).toBe(0); // the leases still run
    clock.advance(1000 + 20_000 + 1000);
    await early.drain();
    await early.stop();
    expect(await deliveryStates(endpointKey)).toEqual([1, 2, 3].map(() => ({ status: "DELIVERED", attempts: 1, leased: false, attempt_rows: 1 })));
    const byId = new Map<string, number>();
    for (const r of receiver.received) byId.set(r.body.id, (byId.get(r.body.id) ?? 0) + 1);
    expect([...byId.values()]).toEqual([2, 2, 2]);
  }, 300_000);
});
