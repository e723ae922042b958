import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The compiled service, as `npm start` runs it. */
const MAIN = path.join(__dirname, "../../src/main.js");

export interface ServiceProcess {
  pid: number;
  port: number;
  /** CPU time this process has used so far, ms (user + system, from /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts the compiled service (dist/src/main.js) with `env` on a free port; resolves once its /readyz answers 200. */
export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // Polled: start-up (migrations checked, schema built) takes seconds, and says nothing at LOG_LEVEL=warn.
  while (!(await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { pid: child.pid!, port, cpuMs: () => processCpuMs(child.pid!), stop: () => stop(child, exited) };
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode === null) child.kill("SIGTERM");
  await exited;
}

/** utime + stime of a process, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's HAProxy in the foreground, round robin over `ports`, checking each on /readyz, adding X-Forwarded-For, and
 * sending a request whose connection was refused to another process. Resolves once it answers /livez.
 */
export async function startHaproxy(ports: number[]): Promise<Balancer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "haproxy-"));
  const port = await freePort();
  writeFileSync(
    path.join(dir, "haproxy.cfg"),
    `global
  maxconn 1024
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
  option forwardfor
frontend api
  bind 127.0.0.1:${port}
  default_backend services
backend services
  balance roundrobin
  option httpchk GET /readyz
  # Tolerant checks: on a loaded machine a slow /readyz must not take every process out (HAProxy then answers 503 alone).
  timeout check 10s
${ports.map((p, i) => `  server s${i} 127.0.0.1:${p} check inter 2s fall 5 rise 1`).join("\n")}
`,
  );
  const child = spawn("haproxy", ["-f", path.join(dir, "haproxy.cfg"), "-db"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const answer = await fetch(`${url}/livez`).catch(() => null);
    if (answer?.ok) break;
    if (child.exitCode !== null || i > 200) throw new Error(`haproxy did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
