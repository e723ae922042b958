import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FolderInUseError, lockFolder } from "../../src/db/folder-lock";
import { onPostgres } from "../helpers/test-database";

/**
 * The embedded database's folder as a newcomer and an operator meet it: created on first start, held by one process
 * at a time (the service, a second service, the operator scripts), and free again once its holder is gone, however it
 * went. These run the compiled service and scripts as `npm start` and `npm run apikey` do; they need no database
 * server, so they run once, in the PGlite pass.
 */
const DIST = path.join(__dirname, "../../dist");
const describeEmbedded = onPostgres ? describe.skip : describe;

interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  port: number;
  exited: Promise<Exited>;
}

function run(script: string, args: string[], env: Record<string, string>): { child: ChildProcess; exited: Promise<Exited>; output: () => string } {
  const child = spawn(process.execPath, [path.join(DIST, script), ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<Exited>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited, output: () => stdout };
}

/** Starts the service and resolves once it prints its ready line (or rejects with what it printed if it exits first). */
async function startService(dataDir: string): Promise<Running> {
  const { child, exited, output } = run("src/main.js", [], { PGLITE_DIR: dataDir, PORT: "0", LOG_LEVEL: "info" });
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const ready = /GraphQL API ready at http:\/\/localhost:(\d+)\/graphql/.exec(output());
      if (ready) {
        child.stdout!.off("data", onData);
        resolve(Number(ready[1]));
      }
    };
    child.stdout!.on("data", onData);
    void exited.then((e) => reject(new Error(`the service exited before it was ready: ${e.stderr}${e.stdout}`)));
  });
  return { child, port, exited };
}

async function targetHeadcount(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ campaign { targetHeadcount } }" }),
  });
  const body = (await response.json()) as { data: { campaign: { targetHeadcount: number } } };
  return body.data.campaign.targetHeadcount;
}

describeEmbedded("the embedded database's folder", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "campaign-folder-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("a fresh start creates the folder, parents included, and serves the seeded campaign", async () => {
    const dataDir = path.join(root, "not", "yet", "there");
    const service = await startService(dataDir);
    try {
      expect(await targetHeadcount(service.port)).toBe(700);
      expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    } finally {
      service.child.kill("SIGTERM");
    }
    expect(await service.exited).toMatchObject({ code: 0 });
    // The holder's note goes with it.
    expect(existsSync(path.join(dataDir, "campaign-api.lock"))).toBe(false);
  });

  test("a folder that cannot be created is named as such, in one line", async () => {
    writeFileSync(path.join(root, "a-file"), "not a folder");
    const dataDir = path.join(root, "a-file", "pglite");
    const { exited } = run("src/main.js", [], { PGLITE_DIR: dataDir, PORT: "0" });
    const result = await exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `campaign-api: cannot create the embedded database's folder ${dataDir} (PGLITE_DIR): ENOTDIR ENOTDIR: not a directory, mkdir '${dataDir}'\n`,
    );
  });

  test("while the service holds the folder, a second service and the operator scripts are refused at once, naming it", async () => {
    const dataDir = path.join(root, "pglite");
    const service = await startService(dataDir);
    try {
      const holder = `process ${service.child.pid} (node ${path.relative(process.cwd(), path.join(DIST, "src/main.js"))}, since `;
      const second = await run("src/main.js", [], { PGLITE_DIR: dataDir, PORT: "0" }).exited;
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`campaign-api: the embedded database folder ${dataDir} is in use by ${holder}`);
      expect(second.stderr).toContain("use the createApiClient mutation with an ADMIN key");
      expect(second.stderr).toContain("use PostgreSQL (DATABASE_URL)");
      expect(second.stderr.trim().split("\n")).toHaveLength(1);

      const cli = await run("scripts/apikey.js", ["create", "--role", "TASKFORCE", "--name", "Taskforce"], { PGLITE_DIR: dataDir }).exited;
      expect(cli.code).toBe(1);
      expect(cli.stdout).toBe("");
      expect(cli.stderr).toContain(`apikey: the embedded database folder ${dataDir} is in use by ${holder}`);

      // The holder never noticed.
      expect(await targetHeadcount(service.port)).toBe(700);
    } finally {
      service.child.kill("SIGTERM");
    }
    expect(await service.exited).toMatchObject({ code: 0 });

    // Once it has stopped, the script gets the folder.
    const cli = await run("scripts/apikey.js", ["create", "--role", "TASKFORCE", "--name", "Taskforce"], { PGLITE_DIR: dataDir }).exited;
    expect(cli).toMatchObject({ code: 0, stderr: "" });
    expect(cli.stdout).toContain('Created API client "Taskforce" (TASKFORCE)');
  });

  test("a holder killed outright leaves nothing that blocks the next start", async () => {
    const dataDir = path.join(root, "pglite");
    const killed = await startService(dataDir);
    killed.child.kill("SIGKILL");
    expect(await killed.exited).toMatchObject({ signal: "SIGKILL" });
    // Its note is still there, naming a process that is gone.
    expect(existsSync(path.join(dataDir, "campaign-api.lock"))).toBe(true);
    const next = await startService(dataDir);
    try {
      expect(await targetHeadcount(next.port)).toBe(700);
    } finally {
      next.child.kill("SIGTERM");
    }
    expect(await next.exited).toMatchObject({ code: 0 });
  });

  test("within one process too, a folder is locked once until released", async () => {
    const folder = path.join(root, "locked");
    mkdirSync(folder);
    const first = await lockFolder(folder);
    const refused = await lockFolder(folder).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FolderInUseError);
    expect((refused as FolderInUseError).holder).toMatchObject({ pid: process.pid });
    await first.release();
    const again = await lockFolder(folder);
    await again.release();
  });
});
