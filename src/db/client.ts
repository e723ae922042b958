import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { currentRequestScope } from "../common/request-scope";
import * as tables from "./tables";

export type Tables = typeof tables;
/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Tables>;
export type Tx = PgTransaction<PgQueryResultHKT, Tables>;
/** Anything statements can be run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseConfig =
  | { driver: "postgres"; url: string; poolMax: number; statementTimeoutMs: number; connectTimeoutSeconds: number }
  | { driver: "pglite"; dataDir: string };

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
const countingLogger: Logger = {
  logQuery() {
    const scope = currentRequestScope();
    if (scope) scope.statements++;
  },
};

const MIGRATION_LOCK_KEY = 7_000_2021;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.driver === "postgres" ? openPostgres(config) : openPglite(config.dataDir);
}

async function openPostgres(config: Extract<DatabaseConfig, { driver: "postgres" }>): Promise<Database> {
  const client = postgres(config.url, {
    max: config.poolMax,
    connect_timeout: config.connectTimeoutSeconds,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { statement_timeout: config.statementTimeoutMs, application_name: "campaign-api" },
  });
  const description = describePostgresUrl(config.url);
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnreachableError(description, error);
  }
  const db = drizzlePostgres({ client, schema: tables, logger: countingLogger }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    poolSize: config.poolMax,
    description,
    async withExclusiveLock(fn) {
      // A one-connection pool: the session-level advisory lock and everything fn runs share that connection.
      const lockClient = postgres(config.url, { max: 1, onnotice: () => {}, connect_timeout: config.connectTimeoutSeconds });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        return await fn(drizzlePostgres({ client: lockClient, schema: tables }) as unknown as Db);
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir === "memory://" ? undefined : dataDir);
  } catch (error) {
    throw new DatabaseUnreachableError(`PGlite at ${dataDir}`, error);
  }
  const db = drizzlePglite({ client, schema: tables, logger: countingLogger }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    poolSize: 1,
    description: dataDir === "memory://" ? "PGlite in memory" : `PGlite in ${dataDir}`,
    // PGlite is one connection inside this process: nothing else can run concurrently.
    withExclusiveLock: (fn) => fn(db),
    close: () => client.close(),
  };
}

export class DatabaseUnreachableError extends Error {
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`cannot reach the database (${target}): ${causeMessage(cause)}`);
    this.name = "DatabaseUnreachableError";
  }
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
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { sql };
