import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { toGlobalId } from "../../src/common/global-id";
import { openDatabase, selectRows, type Database } from "../../src/db/client";
import { unavailableReason } from "../../src/db/faults";
import { MOVE, SUBMIT } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { postJson, rawRequest, sleep, waitFor } from "./http";

/**
 * Database faults, against a PostgreSQL of the test's own (initdb into a temporary folder, its own port), with the
 * compiled service as `npm start` runs it in a child process: an error nobody handles would end that process, which the
 * test would see, where inside Jest it could be swallowed or take the test runner down with it. The test acts as the HR
 * system would: it submits batches, retries each on SERVICE_UNAVAILABLE until it is acknowledged, and moves acknowledged
 * applications with expectedVersion; meanwhile PostgreSQL is stopped, left down, started, then killed and restarted.
 *
 * It needs only the PostgreSQL server binaries (PG_BIN, or /usr/lib/postgresql/<version>/bin), not TEST_DATABASE_URL: it
 * runs the same in the PGlite and the PostgreSQL runs of `npm test`, and is skipped, saying why, where they are missing.
 */

const run = promisify(execFile);
const MAIN = path.join(__dirname, "../../dist/src/main.js");
const ADMIN_KEY = "fault-test-admin-key-0123456789abcdef";

function findPostgresBin(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join("/usr/lib/postgresql", version, "bin"))
      : [];
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

const PG_BIN = findPostgresBin();
const asRoot = process.getuid?.() === 0;
/** initdb refuses to run as root: as root, the server runs as the postgres user (runuser). */
const canRunAsPostgres = !asRoot || ((fs.existsSync("/usr/sbin/runuser") || fs.existsSync("/sbin/runuser")) && hasUser("postgres"));
const skipReason = !PG_BIN
  ? "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin; set PG_BIN to their folder"
  : !canRunAsPostgres
    ? "running as root without runuser or a postgres user to run the server as"
    : null;
if (skipReason) console.warn(`test/server/database-faults.test.ts skipped: ${skipReason}`);
const describeWithPostgres = skipReason ? describe.skip : describe;

function hasUser(name: string): boolean {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A throw-away PostgreSQL cluster: its own folder, port and socket directory. */
class Instance {
  dir = "";
  port = 0;

  get data(): string {
    return path.join(this.dir, "data");
  }

  get log(): string {
    return path.join(this.dir, "server.log");
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const command = path.join(PG_BIN!, tool);
    if (asRoot) await run("runuser", ["-u", "postgres", "--", command, ...args], { timeout: 30_000 });
    else await run(command, args, { timeout: 30_000 });
  }

  async create(): Promise<void> {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "campaign-faults-"));
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
      fs.chownSync(this.dir, uid, gid);
    }
    this.port = await freePort();
    await this.pg("initdb", ["-D", this.data, "-A", "trust", "-U", "postgres", "--no-sync", "--no-instructions"]);
    await this.start();
  }

  start(): Promise<void> {
    return this.pg("pg_ctl", [
      "-D",
      this.data,
      "-o",
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`,
      "-l",
      this.log,
      "-w",
      "-t",
      "20",
      "start",
    ]);
  }

  /** fast: sessions are ended (57P01) and the server shuts down cleanly. immediate: killed, as in a crash; recovery on start. */
  stop(mode: "fast" | "immediate"): Promise<void> {
    return this.pg("pg_ctl", ["-D", this.data, "-m", mode, "-w", "-t", "20", "stop"]);
  }

  async destroy(): Promise<void> {
    if (!this.dir) return;
    await this.stop("immediate").catch(() => {});
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Service {
  child: ChildProcess;
  base: string;
  logs(): Record<string, any>[];
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** The compiled service (pretest builds dist/) on a free port, started once it says it listens. */
async function startService(env: Record<string, string>, options: { nodeArgs?: string[] } = {}): Promise<Service> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      ADMIN_API_KEY: ADMIN_KEY,
      RATE_LIMIT_ENABLED: "false",
      RESPONSE_CACHE_ENABLED: "false",
      SHUTDOWN_DRAIN_DELAY_MS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      const ready = /^(?=.*"msg":"GraphQL API ready).*"port":(\d+)/m.exec(stdout);
      if (ready) resolve(Number(ready[1]));
    });
    void exited.then(({ code }) => reject(new Error(`service exited with ${code} before listening: ${stderr}${stdout}`)));
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    logs: () =>
      stdout
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

interface Answer {
  status: number;
  ms: number;
  retryAfter?: string;
  body: { data?: any; errors?: { message: string; path?: unknown[]; extensions?: Record<string, any> }[] };
}

async function graphql(service: Service, query: string, variables: Record<string, unknown>, key?: string): Promise<Answer> {
  const started = performance.now();
  const response = await postJson(`${service.base}/graphql`, { query, variables }, key ? { authorization: `Bearer ${key}` } : {});
  const retryAfter = response.headers["retry-after"];
  return {
    status: response.status,
    ms: performance.now() - started,
    retryAfter: typeof retryAfter === "string" ? retryAfter : undefined,
    body: response.json(),
  };
}

/** Fails with what the service said last when it is no longer running (a crash must not read as a network error). */
function expectAlive(service: Service): void {
  if (service.child.exitCode === null && service.child.signalCode === null) return;
  const last = service
    .logs()
    .filter((line) => line.level === "error")
    .slice(-3);
  throw new Error(`the service died (exit ${service.child.exitCode ?? service.child.signalCode}); its last errors: ${JSON.stringify(last)}`);
}

const codesOf = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);
const isUnavailable = (answer: Answer) => answer.body.errors?.length && codesOf(answer).every((code) => code === "SERVICE_UNAVAILABLE");

/** Resolves once /readyz answers 200: a wait on the state, bounded by the test's timeout, never a duration asserted. */
async function waitUntilReady(service: Service): Promise<void> {
  await waitFor(async () => (await rawRequest(`${service.base}/readyz`, { method: "GET" }).catch(() => null))?.status === 200);
}

describeWithPostgres("database faults: PostgreSQL restarted under write load (its own instance)", () => {
  const instance = new Instance();
  let service: Service | null = null;
  let setup: Database | null = null;

  beforeAll(async () => {
    await instance.create();
  });

  afterAll(async () => {
    await service?.stop().catch(() => {});
    await setup?.close().catch(() => {});
    await instance.destroy();
  });

  test("the process stays up, requests fail fast with a retryable code, it recovers, and every acknowledged write is there exactly once", async () => {
    service = await startService({ DATABASE_URL: instance.url, DATABASE_POOL_MAX: "4" });
    const hrKey = await createHrKey(service);
    setup = await openDatabase({ driver: "postgres", url: instance.url, poolMax: 2, statementTimeoutMs: 30_000, connectTimeoutSeconds: 5 });
    const vacancyIds = (await insertVacancies(setup.db, 3, { agencyCode: "DVZ" })).map((id) => toGlobalId("Vacancy", id));
    await setup.close();
    setup = null;

    // The HR system: batches of 10 new applications, each retried on SERVICE_UNAVAILABLE until acknowledged.
    const acknowledged = new Map<string, { id: string; version: number }>();
    const submitted = new Set<string>();
    const unavailable: Answer[] = [];
    const unexpected: string[] = [];
    let stopping = false;

    // The clients' own back-off between retries (as a real HR system's); no give-up deadline: every batch is retried
    // until acknowledged, so that "stored" equals "acknowledged", and the test's timeout bounds the whole.
    const retry = async (send: () => Promise<Answer>, done: (answer: Answer) => boolean): Promise<void> => {
      for (;;) {
        let answer: Answer;
        try {
          answer = await send();
        } catch (error) {
          unexpected.push(`no answer: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
          await sleep(200);
          continue;
        }
        if (isUnavailable(answer)) {
          unavailable.push(answer);
          await sleep(100 + Math.random() * 100);
          continue;
        }
        if (done(answer)) return;
        unexpected.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        // A wrong answer is not an outage: after a few, give up so the test fails on them instead of timing out.
        if (unexpected.length > 20) return;
        await sleep(100);
      }
    };

    let batchNo = 0;
    const submitter = async (worker: number) => {
      while (!stopping) {
        const batch = Array.from({ length: 10 }, (_, i) => {
          const externalId = `fault-${worker}-${batchNo}-${i}`;
          submitted.add(externalId);
          return {
            externalId,
            vacancyId: vacancyIds[(batchNo + i) % vacancyIds.length],
            candidate: { firstName: "Fout", lastName: `Tolerant ${worker}-${batchNo}-${i}`, email: `fault.${worker}.${batchNo}.${i}@example.be` },
          };
        });
        batchNo++;
        await retry(
          () => graphql(service!, SUBMIT, { input: { applications: batch } }, hrKey),
          (answer) => {
            const results = answer.body.data?.submitApplications?.results;
            if (answer.status !== 200 || answer.body.errors || !results?.every((r: any) => r.application)) return false;
            for (const r of results) acknowledged.set(r.externalId, { id: r.application.id, version: r.application.version });
            return true;
          },
        );
      }
    };

    // Moves of acknowledged applications to SCREENED, with expectedVersion: a retry after an answer lost in the outage
    // is refused with VERSION_CONFLICT instead of moving twice.
    const screened = new Set<string>();
    const claimed = new Set<string>();
    const mover = async () => {
      while (!stopping) {
        const next = [...acknowledged.entries()].find(([externalId]) => !claimed.has(externalId));
        if (!next) {
          await sleep(20);
          continue;
        }
        const [externalId, application] = next;
        claimed.add(externalId);
        await retry(
          () => graphql(service!, MOVE, { input: { applicationId: application.id, toStage: "SCREENED", expectedVersion: application.version } }, hrKey),
          (answer) => {
            const payload = answer.body.data?.moveApplication;
            if (answer.status !== 200 || answer.body.errors || !payload) return false;
            const ok = payload.application?.stage === "SCREENED" || payload.userErrors.every((e: { code: string }) => e.code === "VERSION_CONFLICT");
            if (ok) screened.add(externalId);
            return ok;
          },
        );
      }
    };

    // A public reader: reads must fail fast during the outage too.
    const reader = async () => {
      while (!stopping) {
        await retry(
          () =>
            graphql(
              service!,
              `
                query Vacancies {
                  vacancies(first: 5) {
                    totalCount
                  }
                }
              `,
              {},
            ),
          (answer) => answer.status === 200 && !answer.body.errors,
        );
        await sleep(20);
      }
    };

    const load = Promise.all([submitter(1), submitter(2), submitter(3), submitter(4), mover(), mover(), reader()]);
    // Progress is awaited on the state itself; the test's own timeout bounds it, not a duration of ours.
    const acknowledgedBy = (count: number) => waitFor(() => acknowledged.size >= count || unexpected.length > 0);

    try {
      await acknowledgedBy(150);

      // 1. A clean but abrupt stop (pg_ctl -m fast: every session ended with 57P01), two seconds down, then a start.
      await instance.stop("fast");
      await waitFor(async () => (await rawRequest(`${service!.base}/readyz`, { method: "GET" })).status === 503);
      expectAlive(service);
      const readyDuringOutage = await rawRequest(`${service.base}/readyz`, { method: "GET" });
      expect(readyDuringOutage.status).toBe(503);
      expect(readyDuringOutage.json()).toEqual({ status: "not ready", reason: "database unreachable" });
      expect((await rawRequest(`${service.base}/livez`, { method: "GET" })).status).toBe(200);
      const during = await graphql(
        service,
        `
          query Campaign {
            campaign {
              name
            }
          }
        `,
        {},
      );
      expect(during.status).toBe(503);
      expect(during.retryAfter).toBe("1");
      expect(during.body).toEqual({
        data: { campaign: null },
        errors: [
          {
            message: "The database is unavailable right now; retry in a moment (retrying a write is safe).",
            locations: [{ line: 3, column: 13 }],
            path: ["campaign"],
            extensions: { code: "SERVICE_UNAVAILABLE", reason: "DATABASE_UNREACHABLE", retryable: true, retryAfterSeconds: 1 },
          },
        ],
      });
      // Refused on the fault itself (DATABASE_UNREACHABLE above), not held until a deadline: no duration asserted.
      // An HR call whose key cannot be checked: the whole request is 503 too.
      const keyCheck = await graphql(service, SUBMIT, { input: { applications: [] } }, hrKey);
      expect(keyCheck.status).toBe(503);
      expect(codesOf(keyCheck)).toEqual(["SERVICE_UNAVAILABLE"]);
      // Down until the load has met the outage too (its writers and readers answered SERVICE_UNAVAILABLE).
      await waitFor(() => unavailable.length > 0);
      const unavailableDuringOutage = unavailable.length;
      await instance.start();
      expectAlive(service);
      await waitUntilReady(service);
      expect(unavailableDuringOutage).toBeGreaterThan(0);
      await acknowledgedBy(acknowledged.size + 150);

      // 2. A crash: the server killed (-m immediate: connections reset, no goodbye), restarted with recovery at once.
      await instance.stop("immediate");
      await waitFor(async () => (await rawRequest(`${service!.base}/readyz`, { method: "GET" })).status === 503);
      await instance.start();
      expectAlive(service);
      await waitUntilReady(service);
      await acknowledgedBy(acknowledged.size + 150);
    } finally {
      stopping = true;
      await load;
    }

    // The process never went down, and logged neither a fatal error nor anyone's personal data.
    expectAlive(service);
    expect((await rawRequest(`${service.base}/livez`, { method: "GET" })).status).toBe(200);
    const logs = service.logs();
    expect(logs.filter((line) => /fatal/.test(line.msg))).toEqual([]);
    expect(logs.filter((line) => line.msg === "unexpected error")).toEqual([]);
    expect(service.stdout()).not.toMatch(/@example\.be|Tolerant|Fout/);
    const unavailableLogged = logs.filter((line) => line.msg === "database unavailable");
    expect(unavailableLogged.length).toBeGreaterThan(0);
    expect(unavailableLogged[0]).toMatchObject({ level: "warn", reason: expect.stringMatching(/^DATABASE_/), requestId: expect.any(String) });

    // Every answer during the outages was a fast, retryable 503; nothing else went wrong.
    expect(unexpected).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe("1");
      expect(answer.body.errors!.every((e) => e.extensions?.retryable === true)).toBe(true);
      // Fast means refused on the fault itself, never held until the request deadline (no wall-clock bound: the
      // machine may be slow; the slowest answer is printed below for the record).
      expect(answer.body.errors!.map((e) => e.extensions?.code)).not.toContain("DEADLINE_EXCEEDED");
    }
    const slowest = Math.max(...unavailable.map((a) => a.ms));

    // Every acknowledged application is stored exactly once, nothing that was not submitted is, and counters equal a recount.
    const check = await openDatabase({ driver: "postgres", url: instance.url, poolMax: 2, statementTimeoutMs: 30_000, connectTimeoutSeconds: 5 });
    try {
      const rows = await selectRows<{ external_id: string; n: number; applied: number; screened: number; stage: string }>(
        check.db,
        sql`select a.external_id, count(distinct a.id)::int as n, a.stage::text as stage,
                   (select count(*)::int from stage_events e where e.application_id = min(a.id) and e.to_stage = 'APPLIED') as applied,
                   (select count(*)::int from stage_events e where e.application_id = min(a.id) and e.to_stage = 'SCREENED') as screened
            from applications a where a.agency_code = 'DVZ' group by a.external_id, a.stage`,
      );
      const stored = new Map(rows.map((r) => [r.external_id, r]));
      expect(rows.filter((r) => r.n !== 1 || r.applied !== 1)).toEqual([]);
      expect([...acknowledged.keys()].filter((id) => !stored.has(id))).toEqual([]);
      expect([...stored.keys()].filter((id) => !submitted.has(id))).toEqual([]);
      expect(stored.size).toBe(acknowledged.size);
      for (const externalId of screened)
        expect([externalId, stored.get(externalId)?.stage, stored.get(externalId)?.screened]).toEqual([externalId, "SCREENED", 1]);
      expect(rows.filter((r) => r.stage === "APPLIED" && r.screened !== 0)).toEqual([]);
      await expectCountersToMatchEvents(check.db);
    } finally {
      await check.close();
    }
    const causes = new Map<string, number>();
    for (const line of [...unavailableLogged, ...logs.filter((l) => l.msg === "database connection lost")]) {
      const cause = `${line.msg === "database connection lost" ? "connection lost" : line.reason}: ${line.errorCode ?? line.errorMessage}`;
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
    }
    console.log(
      `database faults: ${acknowledged.size} applications acknowledged, ${screened.size} moved, ${unavailable.length} SERVICE_UNAVAILABLE answers ` +
        `(slowest ${Math.round(slowest)} ms); logged: ${JSON.stringify(Object.fromEntries(causes))}`,
    );

    await service.stop();
    expect((await service.exited).code).toBe(0);
  });

  test("pool exhaustion: a statement waits at most DATABASE_POOL_QUEUE_TIMEOUT_MS for a connection, then SERVICE_UNAVAILABLE", async () => {
    const exhausted = await startService({ DATABASE_URL: instance.url, DATABASE_POOL_MAX: "2", DATABASE_POOL_QUEUE_TIMEOUT_MS: "500" });
    const blocker = new pg.Client({ connectionString: instance.url });
    blocker.on("error", () => {});
    await blocker.connect();
    try {
      // Both pooled connections wait on a lock held here.
      await blocker.query("begin");
      await blocker.query("lock table campaigns in access exclusive mode");
      const held = [1, 2].map(() =>
        graphql(
          exhausted,
          `
            query Campaign {
              campaign {
                name
              }
            }
          `,
          {},
        ),
      );
      // Both are waiting on the lock before the third asks for a connection.
      await waitFor(
        async () =>
          (await blocker.query<{ n: number }>("select count(*)::int as n from pg_locks where relation = 'campaigns'::regclass and not granted")).rows[0].n >= 2,
      );

      const refused = await graphql(
        exhausted,
        `
          query Campaign {
            campaign {
              name
            }
          }
        `,
        {},
      );
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBe("1");
      expect(refused.body.errors).toEqual([
        {
          message: "The service is busy: no database connection became free in time; retry in a moment.",
          locations: [{ line: 3, column: 13 }],
          path: ["campaign"],
          extensions: { code: "SERVICE_UNAVAILABLE", reason: "DATABASE_BUSY", retryable: true, retryAfterSeconds: 1 },
        },
      ]);
      // It waited for the queue timeout (a timer cannot fire early) and was then refused as DATABASE_BUSY, not held
      // until the lock went: no upper bound on the wall clock, which a loaded machine may stretch.
      expect(refused.ms).toBeGreaterThanOrEqual(450);

      await blocker.query("commit");
      for (const answer of await Promise.all(held)) {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ data: { campaign: { name: "Werken bij asiel en migratie 2021" } } });
      }
      // Nothing leaked: the pool serves again at once.
      const after = await graphql(
        exhausted,
        `
          query Campaign {
            campaign {
              name
            }
          }
        `,
        {},
      );
      expect(after.body).toEqual({ data: { campaign: { name: "Werken bij asiel en migratie 2021" } } });
    } finally {
      await blocker.end().catch(() => {});
      await exhausted.stop();
    }
    expect((await exhausted.exited).code).toBe(0);
  });
});

describe("an error nobody handled: logged as JSON, then the process drains and exits 1 for its supervisor", () => {
  // A preloaded script stands in for a bug: on SIGUSR2 it raises the error from outside any request.
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "campaign-fatal-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["unhandledRejection", `Promise.reject(new RangeError("bug in some code path"))`, "fatal: unhandled promise rejection, exiting", "RangeError"],
    ["uncaughtException", `setImmediate(() => { null.write(); })`, "fatal: uncaught exception, exiting", "TypeError"],
  ])(
    "%s",
    async (kind, raise, message, errorName) => {
      const preload = path.join(dir, `${kind}.js`);
      fs.writeFileSync(preload, `process.on("SIGUSR2", () => { ${raise}; });\n`);
      const service = await startService({ PGLITE_DIR: "memory://" }, { nodeArgs: ["--require", preload] });
      try {
        expect((await rawRequest(`${service.base}/livez`, { method: "GET" })).status).toBe(200);
        service.child.kill("SIGUSR2");
        const exit = await service.exited;
        expect(exit.code).toBe(1);
        const logs = service.logs();
        const fatal = logs.find((line) => line.msg === message);
        expect(fatal).toMatchObject({ level: "error", errorName, errorMessage: expect.any(String), at: expect.any(Array) });
        expect(logs.slice(logs.indexOf(fatal!)).map((line) => line.msg)).toEqual([message, "shutting down", "shutdown complete"]);
        expect(logs.find((line) => line.msg === "shutting down")).toMatchObject({ signal: "fatal", drainDelayMs: 0 });
      } finally {
        await service.stop();
      }
    },
    // Start-up migrates and seeds a fresh embedded database: seconds on a quiet machine, far longer on a busy one.
    90_000,
  );
});

describe("which database errors mean 'unavailable, retry'", () => {
  const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });
  test.each([
    ["connection refused", withCode("ECONNREFUSED"), "DATABASE_UNREACHABLE"],
    ["both addresses refused (happy eyeballs)", new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]), "DATABASE_UNREACHABLE"],
    ["admin shutdown (pg_ctl stop -m fast)", withCode("57P01"), "DATABASE_UNREACHABLE"],
    ["starting up / shutting down", withCode("57P03"), "DATABASE_UNREACHABLE"],
    ["connection exception class", withCode("08006"), "DATABASE_UNREACHABLE"],
    ["too many connections", withCode("53300"), "DATABASE_UNREACHABLE"],
    ["connection lost mid-statement", new Error("Connection terminated unexpectedly"), "DATABASE_UNREACHABLE"],
    ["a client whose connection broke", new Error("Client has encountered a connection error and is not queryable"), "DATABASE_UNREACHABLE"],
    ["no answer past the statement timeout", new Error("Query read timeout"), "DATABASE_UNREACHABLE"],
    ["pool queue timeout", new Error("timeout exceeded when trying to connect"), "DATABASE_BUSY"],
    ["a unique violation", withCode("23505"), null],
    ["the statement timeout (answered as DEADLINE_EXCEEDED)", withCode("57014"), null],
    ["a pool closed by the service itself", new Error("Cannot use a pool after calling end on the pool"), null],
    ["PGlite closed", new Error("PGlite is closed"), null],
    ["anything else", new TypeError("x is not a function"), null],
  ])("%s", (_name, error, reason) => {
    expect(unavailableReason(error)).toBe(reason);
  });
});

async function createHrKey(service: Service): Promise<string> {
  const answer = await graphql(
    service,
    `
      mutation ($input: CreateApiClientInput!) {
        createApiClient(input: $input) {
          apiKey
          userErrors {
            code
            message
          }
        }
      }
    `,
    { input: { name: "DVZ HR (fault test)", role: "AGENCY_HR", agency: "DVZ" } },
    ADMIN_KEY,
  );
  if (!answer.body.data?.createApiClient?.apiKey) throw new Error(`cannot create an HR key: ${JSON.stringify(answer.body)}`);
  return answer.body.data.createApiClient.apiKey;
}
