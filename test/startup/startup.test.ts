import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { selectRows } from "../../src/db/client";
import { createTestDatabase, onPostgres } from "../helpers/test-database";

/** The compiled service as `npm start` runs it (pretest builds dist/). */
const MAIN = path.join(__dirname, "../../dist/src/main.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runService(env: Record<string, string>, untilReady = false): Promise<Run & { stop?: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let stopping = false;
    child.stdout.on("data", (d) => {
      stdout += d;
      if (untilReady && !stopping && stdout.includes("GraphQL API ready")) {
        stopping = true;
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("an unreachable database gives one clear line and a non-zero exit", async () => {
  const run = await runService({ DATABASE_URL: "postgres://campaign:secret@127.0.0.1:1/campaign", DATABASE_CONNECT_TIMEOUT_S: "2" });
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^campaign-api: cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/campaign\): ECONNREFUSED/);
  expect(run.stderr).not.toContain("secret");
  expect(run.stderr).not.toContain("    at ");
});

test("a bad setting gives one clear line and a non-zero exit", async () => {
  const run = await runService({ PORT: "eighty" });
  expect(run).toMatchObject({ code: 1, stderr: 'campaign-api: PORT must be an integer from 0 to 65535, got "eighty"\n' });
});

test("the embedded database keeps its data across restarts and is seeded once", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "campaign-pglite-"));
  try {
    const env = { PGLITE_DIR: path.join(dir, "db"), PORT: "0", LOG_LEVEL: "info" };
    const first = await runService(env, true);
    expect(first.stdout).toContain('"msg":"campaign seeded"');
    expect(first.code).toBe(0);
    const second = await runService(env, true);
    expect(second.stdout).toContain('"msg":"campaign already present, seed skipped"');
    expect(second.code).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

(onPostgres ? test : test.skip)(
  "on PostgreSQL: two processes starting together migrate and seed exactly once",
  async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      const env = { DATABASE_URL: fresh.url!, PORT: "0", LOG_LEVEL: "info" };
      const [a, b] = await Promise.all([runService(env, true), runService(env, true)]);
      expect([a.code, b.code]).toEqual([0, 0]);
      const seeded = [a, b].filter((r) => r.stdout.includes('"msg":"campaign seeded"'));
      const skipped = [a, b].filter((r) => r.stdout.includes('"msg":"campaign already present, seed skipped"'));
      expect([seeded.length, skipped.length]).toEqual([1, 1]);
      const [row] = await selectRows<{ n: number }>(fresh.database.db, sql`select count(*)::int as n from vacancies`);
      expect(row.n).toBe(37);
    } finally {
      await fresh.drop();
    }
  },
  90_000,
);
