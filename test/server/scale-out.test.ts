import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createClient } from "@redis/client";
import { inArray, sql } from "drizzle-orm";
import { AgencyCode } from "../../src/agencies/agency.type";
import { ApiClientService } from "../../src/api-clients/api-client.service";
import { Role } from "../../src/auth/role";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { applications } from "../../src/db/tables";
import { seedCampaign } from "../../src/seeding/seed-campaign";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/test-database";
import { ADMIN_KEY, startTestServer } from "../helpers/test-server";
import { startHaproxy, type Balancer } from "../../bench/lib/balancer";

/**
 * The service as deployed at scale (docs/operating.md, Scaling out): two processes of the compiled service on one
 * PostgreSQL database and one Redis, behind HAProxy (Debian's package; .ci/run installs it). PostgreSQL only: PGlite
 * lives inside one process. Nothing here waits on a timer for something to happen: every wait is for a condition.
 */
const MAIN = path.join(__dirname, "../../dist/src/main.js");
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

jest.setTimeout(300_000);

interface Service {
  child: ChildProcess;
  port: number;
  /** Requests this process has answered so far (its log lines). */
  answered(): number;
  exited: Promise<number | null>;
}

/** Between two polls of a condition that another process brings about. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let answered = 0;
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise<Service>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split("\n");
      stdout = lines.pop()!;
      for (const line of lines) {
        if (line.includes('"msg":"graphql request"')) answered++;
        const ready = /^(?=.*"msg":"GraphQL API ready).*"port":(\d+)/.exec(line);
        if (ready) resolve({ child, port: Number(ready[1]), answered: () => answered, exited });
      }
    });
    void exited.then((code) => reject(new Error(`service exited with ${code}: ${stderr}`)));
  });
}

interface Answer {
  status: number;
  body: { data?: any; errors?: { extensions?: Record<string, any> }[] };
  headers: Headers;
}

async function gql(base: string, query: string, variables?: Record<string, unknown>, key?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: JSON.parse(await response.text()), headers: response.headers };
}

/** A page whose cost does not depend on the data, never answered from the cache (each asks for a place of its own). */
const PRICED = `query Priced($places: [String!]) { vacancies(first: 20, filter: { places: $places }) { totalCount edges { node { title place } } } }`;

/** Asks PRICED anonymously until refused; the number answered before, and on which bases. */
async function answeredUntilRefused(bases: string[]): Promise<number> {
  for (let i = 0; i < 1000; i++) {
    const answer = await gql(bases[i % bases.length], PRICED, { places: [`plaats-${randomUUID()}`] });
    if (answer.status === 429) {
      expect(answer.body.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
      return i;
    }
    expect(answer.status).toBe(200);
  }
  throw new Error("never refused");
}

const PUSH = `mutation Push($input: SubmitApplicationsInput!) {
  submitApplications(input: $input) { results { externalId application { id } userErrors { code } } }
}`;

(onPostgres ? describe : describe.skip)("two processes behind HAProxy, on one PostgreSQL and one Redis", () => {
  const prefix = `test:${randomUUID()}:`;
  let database: TestDatabase;
  let services: Service[] = [];
  let haproxy: Balancer | null = null;
  let balancer = "";
  let hrKey = "";
  let vacancyId = "";
  /** What one request of PRICED costs, and the anonymous bucket: exactly ten of them. */
  let cost = 0;

  beforeAll(async () => {
    // The price of PRICED, read from a server of this process's own (the operation cost metric).
    const probe = await startTestServer({ seed: false });
    await probe.gql(PRICED, { places: ["x"] });
    cost = Number(/graphql_operation_cost_sum (\d+)/.exec(await probe.app.metrics.registry.metrics())?.[1]);
    await probe.close();
    expect(cost).toBeGreaterThan(10);

    database = await createTestDatabase();
    await seedCampaign(database.database.db);
    const created = await new ApiClientService(database.database.db).create({ name: "DVZ HR (scale-out test)", role: Role.AGENCY_HR, agency: AgencyCode.DVZ });
    hrKey = created.apiKey!;
    const [open] = await selectRows<{ id: number }>(
      database.database.db,
      sql`select id from vacancies where status = 'OPEN' and agency_code = 'DVZ' and (application_deadline is null or application_deadline > now() + interval '1 day') order by id limit 1`,
    );
    vacancyId = toGlobalId("Vacancy", open.id);

    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      TRUST_PROXY_HOPS: "1",
      SKIP_SEED: "true",
      WEBHOOK_WORKER: "false",
      ADMIN_API_KEY: ADMIN_KEY,
      MAX_QUERY_COST: String(cost),
      RATE_LIMIT_ANONYMOUS_CAPACITY: String(10 * cost),
      RATE_LIMIT_ANONYMOUS_REFILL_PER_SECOND: "1",
    };
    services = await Promise.all([startService(env), startService(env)]);
    // The benchmark's balancer: round robin, tolerant /readyz checks, a refused connection retried on the other process.
    haproxy = await startHaproxy(services.map((s) => s.port));
    balancer = haproxy.url;
    // Until HAProxy answers and has sent requests to both processes (polled: it starts on its own).
    for (let i = 0; services.some((s) => s.answered() === 0); i++) {
      if (i > 1_000) throw new Error("HAProxy never reached both processes");
      const answer = await fetch(`${balancer}/graphql`, {
        method: "POST",
        // With a key: the anonymous bucket the rate-limit test measures stays full.
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}` },
        body: '{"query":"{ __typename }"}',
      }).catch(() => null);
      if (!answer?.ok) await pause();
    }
  });

  afterAll(async () => {
    await haproxy?.stop();
    for (const service of services) if (service.child.exitCode === null) service.child.kill("SIGKILL");
    await Promise.all(services.map((s) => s.exited));
    await database?.drop();
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await client.del(keys);
    await client.close();
  });

  test("a client's rate limit through the balancer is the same as with one process", async () => {
    // One process keeping its buckets in memory, with the same bucket (ten pages; its clock stands still).
    const alone = await startTestServer({
      seed: false,
      clock: () => 0,
      operating: {
        maxQueryCost: cost,
        rateLimit: { client: { capacity: 20_000, refillPerSecond: 400 }, anonymous: { capacity: 10 * cost, refillPerSecond: 1 } },
      },
    });
    const oneProcess = await answeredUntilRefused([alone.url.replace(/\/graphql$/, "")]);
    await alone.close();
    expect(oneProcess).toBe(10);

    const before = services.map((s) => s.answered());
    // The bucket is full after ten pages whatever leaks meanwhile: an eleventh needs `cost` points, a point a second.
    expect(await answeredUntilRefused([balancer])).toBe(oneProcess);
    // Both processes answered some of them.
    expect(services.map((s, i) => s.answered() > before[i])).toEqual([true, true]);
  });

  test("a write through one process is read through the other at once, and by anonymous readers within the cache bound", async () => {
    const [first, second] = services.map((s) => `http://127.0.0.1:${s.port}`);
    const read = `query Place($id: ID!) { vacancy(id: $id) { place } }`;
    // Straight to each process, as a reader of its own (the processes trust one proxy hop; the bucket of the test's
    // own address was emptied above).
    const reader = { "x-forwarded-for": "192.0.2.15" };
    const before = await gql(second, read, { id: vacancyId }, undefined, reader);
    expect(before.headers.get("cache-control")).toBe("max-age=20, public");
    const place = `Plaats ${randomUUID().slice(0, 8)}`;
    const written = await gql(
      first,
      `mutation($input: UpdateVacancyInput!) { updateVacancy(input: $input) { vacancy { place } userErrors { code } } }`,
      {
        input: { vacancyId, place },
      },
      ADMIN_KEY,
    );
    const acknowledged = Date.now();
    expect(written.body.data).toEqual({ updateVacancy: { vacancy: { place }, userErrors: [] } });

    expect((await gql(second, read, { id: vacancyId }, ADMIN_KEY)).body.data).toEqual({ vacancy: { place } });

    // Anonymous readers may be served the cached answer (from Redis, by either process) until its 20 s are up.
    for (let i = 0; ; i++) {
      const sent = Date.now();
      const answer = await gql(i % 2 ? first : second, read, { id: vacancyId }, undefined, reader);
      if (answer.body.data?.vacancy.place === place) break;
      expect(answer.body.data).toEqual(before.body.data);
      expect(Number(answer.headers.get("age"))).toBeLessThanOrEqual(20);
      expect(sent - acknowledged).toBeLessThanOrEqual(21_000);
      await pause();
    }
  });

  test("killing one process under write load loses no acknowledged write", async () => {
    const acknowledged = new Map<string, string>();
    let flowing!: () => void;
    const writesFlowing = new Promise<void>((resolve) => (flowing = resolve));
    let killed = false;
    let acknowledgedAfterKill = 0;
    let failures = 0;
    let batch = 0;
    // An HR system pushing batches of 5 on 4 connections; a batch that fails is sent again, as is (idempotent).
    const connection = async () => {
      while (!killed || acknowledgedAfterKill < 40) {
        const n = batch++;
        const input = {
          applications: Array.from({ length: 5 }, (_, i) => ({
            externalId: `scale-${n}-${i}`,
            vacancyId,
            candidate: { firstName: "Kim", lastName: `Test${n}`, email: `scale.${n}.${i}@kandidaat.example.be`, birthDate: "1990-01-01" },
          })),
        };
        for (let attempt = 0; ; attempt++) {
          if (attempt > 50) throw new Error("a batch never went through");
          const answer = await gql(balancer, PUSH, { input }, hrKey).catch(() => null);
          const results = answer?.status === 200 ? answer.body.data?.submitApplications?.results : null;
          if (!results) {
            failures++;
            continue;
          }
          for (const result of results) {
            expect(result.userErrors).toEqual([]);
            acknowledged.set(result.externalId, result.application.id);
            if (killed) acknowledgedAfterKill++;
          }
          if (acknowledged.size >= 40) flowing();
          break;
        }
      }
    };
    const load = Array.from({ length: 4 }, connection);
    // Kill the second process once writes are flowing through both.
    await writesFlowing;
    services[1].child.kill("SIGKILL");
    killed = true;
    await services[1].exited;
    await Promise.all(load);

    const stored = await database.database.db
      .select({ externalId: applications.externalId })
      .from(applications)
      .where(inArray(applications.externalId, [...acknowledged.keys()]));
    expect(stored.length).toBe(acknowledged.size);
    expect(acknowledgedAfterKill).toBeGreaterThanOrEqual(40);
    // The survivor answered everything after the kill: a few requests cut in flight at most, each sent again.
    expect(failures).toBeLessThanOrEqual(20);
  });
});
