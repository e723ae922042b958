import { createHash } from "node:crypto";
import { readFileSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { OperatorError } from "../common/operator-error";

/**
 * One process per PGlite folder. PGlite has no lock of its own, and two processes writing one folder corrupt it.
 *
 * The lock is a listening socket whose name is derived from the folder's real path: on Linux an abstract Unix socket,
 * on Windows a named pipe. The kernel releases both when the process ends however it ends (kill -9 included), so a
 * lock is never stale and taking it is atomic: no pid-file heuristics, no timing. Elsewhere (macOS) a socket file in
 * the temporary folder stands in; a file left by a killed process is detected by connecting to it (refused: nobody
 * listens) and replaced. No maintained npm package does this: the lock-file packages (proper-lockfile and the like)
 * treat a lock as stale after a timeout, which would either block the restart after a crash or let two processes in.
 *
 * Beside the lock, a small file in the folder names the holder (pid, command, start time), so the refusal can say who.
 */
export const HOLDER_FILE = "campaign-api.lock";

export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  since: string;
}

export interface FolderLock {
  release(): Promise<void>;
}

export class FolderInUseError extends OperatorError {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `process ${holder.pid} (${holder.command}, since ${holder.since})` : "another process";
    super(
      `the embedded database folder ${folder} is in use by ${who}. PGlite allows one process per folder: stop that process first; ` +
        `to create API clients while the service runs, use the createApiClient mutation with an ADMIN key (such as the service's ADMIN_API_KEY); ` +
        `to run several processes on one database, use PostgreSQL (DATABASE_URL).`,
    );
  }
  override name = "FolderInUseError";
}

/** Takes the folder's lock (the folder must exist) or throws FolderInUseError. */
export async function lockFolder(folder: string): Promise<FolderLock> {
  const real = realpathSync(folder);
  const name = `campaign-api-pglite-${createHash("sha256").update(real).digest("hex").slice(0, 24)}`;
  const server = await listenExclusively(socketAddress(name)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new FolderInUseError(folder, readHolder(real));
    throw error;
  });
  server.unref();
  // Nobody is meant to connect; whoever does is shown the door.
  server.on("connection", (socket) => socket.destroy());
  const holderPath = path.join(real, HOLDER_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command: [path.basename(process.argv0), ...process.argv.slice(1).map((a) => path.relative(process.cwd(), a) || a)].join(" "),
    since: new Date().toISOString(),
  };
  writeFileSync(holderPath, JSON.stringify(holder) + "\n");
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= new Promise<void>((resolve) => {
        if (readHolder(real)?.pid === process.pid) unlinkQuietly(holderPath);
        server.close(() => resolve());
      });
      return released;
    },
  };
}

function socketAddress(name: string): string {
  if (process.platform === "linux") return `\0${name}`;
  if (process.platform === "win32") return `\\\\?\\pipe\\${name}`;
  return path.join(os.tmpdir(), `${name}.sock`);
}

async function listenExclusively(address: string): Promise<net.Server> {
  try {
    return await listen(address);
  } catch (error) {
    // A socket file (macOS) left by a process that died: nobody answers on it, so it can go.
    const isFile = !address.startsWith("\0") && !address.startsWith("\\\\");
    if (!isFile || (error as NodeJS.ErrnoException).code !== "EADDRINUSE" || (await answers(address))) throw error;
    unlinkQuietly(address);
    return listen(address);
  }
}

function listen(address: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ path: address, exclusive: true }, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ path: address });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function readHolder(folder: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path.join(folder, HOLDER_FILE), "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
