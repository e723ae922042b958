import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { sql, type SQL } from "drizzle-orm";
import type { Logger as DrizzleLogger } from "drizzle-orm/logger";
import { drizzle as drizzleNodePg, NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgTransaction, PgTransactionConfig } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { mkdirSync } from "node:fs";
import type { Logger } from "../common/logger";
import { OperatorError } from "../common/operator-error";
import { currentRequestScope } from "../common/request-scope";
import { installCommitHooks, takeLastStatements } from "./commit-hooks";
import { asDatabaseFault, describeConnectionFault } from "./faults";
import { lockFolder, type FolderLock } from "./folder-lock";
import { install as instrumentQueries } from "./query-instrumentation";
import * as tables from "./tables";

export type Tables = typeof tables;
/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Tables>;
export type Tx = PgTransaction<PgQueryResultHKT, Tables>;
/** Anything statements can be run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseConfig =
  | {
      driver: "postgres";
      url: string;
      poolMax: number;
      statementTimeoutMs: number;
      /** Opening the start-up and migration connections. */
      connectTimeoutSeconds: number;
      /**
       * How long a statement may wait for a pooled connection (a busy pool, or a new connection being opened) before it
       * fails with SERVICE_UNAVAILABLE. Default DEFAULT_POOL_QUEUE_TIMEOUT_MS.
       */
      poolQueueTimeoutMs?: number;
    }
  | { driver: "pglite"; dataDir: string };

/**
 * DATABASE_POOL_MAX's default. Above the 16 requests in flight the benchmarks drive: a write's transaction holds its
 * connection while it waits for the shared counter rows, and with 10 connections reads queued behind those writes
 * (the mixed load: 176 req/s with 10, 240 with 20, on one process). N processes need N times this under the server's
 * max_connections (docs/operating.md).
 */
export const DEFAULT_POOL_MAX = 20;

/** DATABASE_POOL_QUEUE_TIMEOUT_MS's default: well inside the 10 s request deadline, long past any healthy wait. */
export const DEFAULT_POOL_QUEUE_TIMEOUT_MS = 2_000;

export interface OpenOptions {
  /** Where connection faults (a connection lost while idle or in use) are logged; they are otherwise only seen by the statement that meets them. */
  logger?: Logger;
}

export interface Database {
  readonly db: Db;
  readonly driver: "postgres" | "pglite";
  /** Connections the pool may open (1 for PGlite: one connection inside this process). */
  readonly poolSize: number;
  /** A short description without secrets, for log lines. */
  readonly description: string;
  /** Runs fn while holding a database-wide lock, so concurrent start-ups migrate and seed one at a time. */
  withExclusiveLock<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Counts every statement drizzle sends, per request, so tests can hold the N+1 budget. */
const countingLogger: DrizzleLogger = {
  logQuery() {
    const scope = currentRequestScope();
    if (scope) scope.statements++;
  },
};

const MIGRATION_LOCK_KEY = 7_000_2021;

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  return config.driver === "postgres" ? openPostgres(config, options.logger) : openPglite(config.dataDir);
}

/**
 * PostgreSQL through node-postgres (pg) and its pool. Not postgres.js: version 3.4.9, the latest, throws an uncatchable
 * TypeError from a timer (connection.js `nextWrite`, porsager/postgres#1066, #1154) when the server closes a connection
 * inside an open `sql.begin()` transaction, which kills the process on every PostgreSQL restart under write load, and
 * the statements of such a transaction can go on running, outside any transaction, on the connection once it has
 * reconnected (porsager/postgres#1155). The README's "Database faults" has the whole story.
 *
 * node-postgres reports a lost connection as an 'error' event on the client, which Node turns into an uncaught exception
 * when nobody listens: every pooled client gets a listener for its whole life, and the pool one for its idle clients.
 */
async function openPostgres(config: Extract<DatabaseConfig, { driver: "postgres" }>, logger: Logger | undefined): Promise<Database> {
  const description = describePostgresUrl(config.url);
  const common: pg.ClientConfig = {
    connectionString: config.url,
    application_name: "campaign-api",
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  // Fail at start-up, with one clear line, when the database cannot be reached at all.
  const probe = new pg.Client({ ...common, connectionTimeoutMillis: config.connectTimeoutSeconds * 1000 });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.query("select 1");
  } catch (error) {
    throw new DatabaseUnreachableError(description, error);
  } finally {
    await endQuietly(probe);
  }

  const pool = new pg.Pool({
    ...common,
    max: config.poolMax,
    // pg-pool applies this both to waiting for a busy pool and to opening a new connection: either way a statement
    // gets a connection within this time or fails with SERVICE_UNAVAILABLE, instead of queueing for ever.
    connectionTimeoutMillis: config.poolQueueTimeoutMs ?? DEFAULT_POOL_QUEUE_TIMEOUT_MS,
    idleTimeoutMillis: 60_000,
    statement_timeout: config.statementTimeoutMs > 0 ? config.statementTimeoutMs : undefined,
    // PostgreSQL ends a statement at statement_timeout and answers; no answer 2 s after that means the connection is
    // dead without having said so (a network partition): the statement fails and its connection is thrown away.
    query_timeout: config.statementTimeoutMs > 0 ? config.statementTimeoutMs + 2_000 : undefined,
  });
  // Each pooled client keeps this listener for its whole life, idle or in use, so a lost connection is logged once.
  // The pool re-emits the errors of idle clients (and Node would throw them without a listener): nothing more to say.
  const connectionLost = (error: Error) => logger?.warn("database connection lost", describeConnectionFault(error));
  pool.on("connect", (client) => client.on("error", connectionLost));
  pool.on("error", () => {});

  const db = drizzleNodePg({ client: pool, schema: tables, logger: countingLogger }) as unknown as Db;
  guardTransactions(db, pool);
  installCommitHooks(db, { sentWithCommit: true });
  instrumentQueries();
  let closing: Promise<void> | undefined;
  return {
    db,
    driver: "postgres",
    poolSize: config.poolMax,
    description,
    async withExclusiveLock(fn) {
      // One connection: the session-level advisory lock and everything fn runs share it.
      const lockClient = new pg.Client({ ...common, connectionTimeoutMillis: config.connectTimeoutSeconds * 1000 });
      lockClient.on("error", connectionLost);
      await lockClient.connect();
      try {
        await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        return await fn(drizzleNodePg({ client: lockClient, schema: tables }));
      } finally {
        await endQuietly(lockClient);
      }
    },
    close() {
      // Idempotent. pool.end() waits for every client to be released; a request cut at shutdown may never release its own.
      closing ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([pool.end(), new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]).finally(() => clearTimeout(timer));
      })();
      return closing;
    },
  };
}

function beginStatement(config: PgTransactionConfig | undefined): string {
  const modes = [
    config?.isolationLevel ? `isolation level ${config.isolationLevel}` : null,
    config?.accessMode ?? null,
    typeof config?.deferrable === "boolean" ? (config.deferrable ? "deferrable" : "not deferrable") : null,
  ].filter(Boolean);
  return ["begin", ...modes].join(" ");
}

/**
 * COMMIT, after the statements deferred to it (src/db/commit-hooks.ts: atCommit) as one simple-protocol message, so
 * the server runs them and commits without waiting for this process in between. The simple protocol takes no
 * parameters: each is written as a literal by the driver's own escaping (pg's escapeLiteral, which also copes with
 * backslashes). An error in any of them ends the message there (PostgreSQL skips the rest, COMMIT included) and fails
 * the transaction, which is rolled back as for any other failed statement. Counted among the request's statements as
 * if each had gone alone.
 */
function commitStatement(last: SQL[], dialect: PgDialect, client: pg.ClientBase): string {
  if (last.length === 0) return "commit";
  const scope = currentRequestScope();
  if (scope) scope.statements += last.length;
  const texts = last.map((statement) => {
    const { sql: text, params } = dialect.sqlToQuery(statement);
    return text.replace(/\$(\d+)/g, (_, n: string) => {
      const value = params[Number(n) - 1];
      if (typeof value === "number") return String(value);
      if (typeof value === "string") return client.escapeLiteral(value);
      throw new Error(`a statement run at commit takes only text and numbers (parameter $${n} is ${typeof value})`);
    });
  });
  return [...texts, "commit"].join(";\n");
}

/** Closes a single connection, whatever state it is in, without waiting more than a second. */
async function endQuietly(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.end().catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]).finally(() => clearTimeout(timer));
}

interface SessionInternals {
  dialect: PgDialect;
  schema: unknown;
  options: ConstructorParameters<typeof NodePgSession>[3];
  transaction: (fn: (tx: unknown) => Promise<unknown>, config?: PgTransactionConfig) => Promise<unknown>;
}

/**
 * Replaces drizzle's node-postgres transaction (drizzle-orm 0.45.4, NodePgSession.transaction), which
 * - leaves its pooled client checked out for ever when `begin` fails (a connection lost just then, or a request past its
 *   deadline): a few such failures during an outage and the pool is exhausted for good;
 * - hands a client whose `rollback` failed back to the pool as if it were healthy.
 * Here the client is always released, and destroyed (not reused) when its connection is in doubt. begin, commit and
 * rollback go straight to the client, as with the other drivers: they are not counted among a request's statements
 * nor refused past its deadline (a rollback must run).
 */
function guardTransactions(db: Db, pool: pg.Pool): void {
  const session = (db as unknown as { session: SessionInternals }).session;
  session.transaction = async (fn, config) => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw asDatabaseFault(error);
    }
    const txSession = new NodePgSession(client, session.dialect, session.schema as never, session.options);
    const tx = new NodePgTransaction(session.dialect, txSession, session.schema as never);
    let broken: Error | undefined;
    try {
      await client.query(beginStatement(config));
      const result = await fn(tx);
      await client.query(commitStatement(takeLastStatements(tx), session.dialect, client));
      return result;
    } catch (error) {
      try {
        await client.query("rollback");
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw asDatabaseFault(error);
    } finally {
      client.release(broken);
    }
  };
}

/**
 * The embedded database. A folder is created when missing (parents included) and locked for this process (see
 * folder-lock.ts): a second process on the same folder is refused at once, naming the one that holds it.
 */
async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === "memory://";
  let lock: FolderLock | null = null;
  if (!inMemory) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new DataFolderError(`cannot create the embedded database's folder ${dataDir} (PGLITE_DIR): ${causeMessage(error)}`);
    }
    lock = await lockFolder(dataDir);
  }
  let client: PGlite;
  try {
    // The extensions vacancy search uses (drizzle/0013 creates them); PGlite loads an extension's code only when asked.
    client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { unaccent, pg_trgm } });
  } catch (error) {
    await lock?.release();
    throw new DataFolderError(`cannot open the embedded database in ${dataDir}: ${causeMessage(error)}`);
  }
  const db = drizzlePglite({ client, schema: tables, logger: countingLogger }) as unknown as Db;
  installCommitHooks(db, { sentWithCommit: false });
  let closing: Promise<void> | undefined;
  return {
    db,
    driver: "pglite",
    poolSize: 1,
    description: inMemory ? "PGlite in memory" : `PGlite in ${dataDir}`,
    // PGlite is one connection inside this process: nothing else can run concurrently.
    withExclusiveLock: (fn) => fn(db),
    close() {
      closing ??= client.close().finally(() => lock?.release());
      return closing;
    },
  };
}

export class DatabaseUnreachableError extends OperatorError {
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`cannot reach the database (${target}): ${causeMessage(cause)}`);
  }
  override name = "DatabaseUnreachableError";
}

/** The embedded database's folder cannot be created or opened. */
export class DataFolderError extends OperatorError {
  override name = "DataFolderError";
}

function causeMessage(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors.length > 0) return causeMessage(cause.errors[0]);
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ? `${(cause as NodeJS.ErrnoException).code} ${cause.message}` : cause.message;
  return String(cause);
}

/** host:port/database, never the password. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "PostgreSQL (unparseable DATABASE_URL)";
  }
}

/** Rows of a raw statement: postgres.js returns an array, PGlite an object with rows. */
export async function selectRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

export { sql };
