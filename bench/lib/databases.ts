import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { describePostgresUrl, openDatabase, type Database } from "../../src/db/client";
import { migrateDatabase } from "../../src/db/migrate";

export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  kind: DatabaseKind;
  database: Database;
  /** Without secrets. */
  description: string;
  /** The server's version string. */
  version: string;
  /** On PostgreSQL, the run's database (for a server the benchmark starts beside the service); null on PGlite. */
  url: string | null;
  /** Closes the connections and, on PostgreSQL, drops the database the run created. */
  dispose(): Promise<void>;
}

export interface OpenOptions {
  /** A server URL; the run creates its own database there. */
  postgresUrl: string;
  /** Size of the service's PostgreSQL connection pool (the service's own default is 10). */
  poolMax: number;
}

/**
 * A fresh, migrated database for one run: PGlite in memory, or a new database `bench_<timestamp>` on the PostgreSQL server,
 * dropped by dispose (also on Ctrl-C, through the cleanup registry).
 */
export async function openBenchDatabase(kind: DatabaseKind, options: OpenOptions): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ driver: "pglite", dataDir: "memory://" });
    await migrateDatabase(database);
    const version = await serverVersion(database);
    const dispose = once(() => database.close());
    return { kind, database, description: database.description, version, url: null, dispose: unregisteringOnDispose(dispose) };
  }

  const name = `bench_${Date.now()}`;
  // The server's own database, through the service's driver: CREATE and DROP DATABASE need a connection elsewhere.
  const admin = await openDatabase(postgresConfig(options.postgresUrl, 1)).catch((error: unknown) => {
    throw new Error(`cannot reach ${describePostgresUrl(options.postgresUrl)} (set BENCH_DATABASE_URL): ${(error as Error).message}`);
  });
  try {
    await admin.db.execute(sql.raw(`create database ${name}`));
  } catch (error) {
    await admin.close().catch(() => {});
    throw new Error(`cannot create a database on ${describePostgresUrl(options.postgresUrl)}: ${(error as Error).message}`, { cause: error });
  }
  const dropIt = once(async () => {
    try {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    } finally {
      await admin.close();
    }
  });
  let database: Database | undefined;
  const dispose = once(async () => {
    try {
      await database?.close();
    } finally {
      await dropIt();
    }
  });
  const unregister = registerCleanup(dispose);
  try {
    database = await openDatabase(postgresConfig(withDatabase(options.postgresUrl, name), options.poolMax));
    await migrateDatabase(database);
    const version = await serverVersion(database);
    return {
      kind,
      database,
      description: describePostgresUrl(withDatabase(options.postgresUrl, name)),
      version,
      url: withDatabase(options.postgresUrl, name),
      async dispose() {
        unregister();
        await dispose();
      },
    };
  } catch (error) {
    unregister();
    await dispose().catch(() => {});
    throw error;
  }
}

/** Plain SQL on the service's own client (the same PGlite instance, the same PostgreSQL pool), bypassing drizzle. */
export interface RawSql {
  /** Which client library runs the statements. */
  readonly client: string;
  query<T>(text: string, params: readonly unknown[]): Promise<T[]>;
}

/** node-postgres' Pool, as far as used here. */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** postgres.js' sql, as far as used here. */
interface PostgresJs {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
}

/**
 * The driver under drizzle, whichever the service uses: PGlite, or on PostgreSQL node-postgres' pool or postgres.js.
 * Told apart by shape, not by type, so the floor follows the service when it changes drivers. On PostgreSQL every
 * statement is a named prepared statement, as an engineer would write it: parsed and planned once per connection.
 */
export function rawSqlOf(database: Database): RawSql {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.driver === "pglite") {
    const pglite = client as PGlite;
    return { client: "PGlite", query: async <T>(text: string, params: readonly unknown[]) => (await pglite.query<T>(text, [...params])).rows };
  }
  if (typeof (client as Partial<PostgresJs>).unsafe === "function") {
    const postgresJs = client as PostgresJs;
    return {
      client: "postgres.js",
      query: async <T>(text: string, params: readonly unknown[]) => (await postgresJs.unsafe(text, [...params], { prepare: true })) as T[],
    };
  }
  if (typeof (client as Partial<PgPool>).query === "function") {
    const pool = client as PgPool;
    const names = new Map<string, string>();
    const nameOf = (text: string) => {
      let name = names.get(text);
      if (!name) names.set(text, (name = `floor_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`));
      return name;
    };
    return {
      client: "node-postgres",
      query: async <T>(text: string, params: readonly unknown[]) => (await pool.query({ name: nameOf(text), text, values: [...params] })).rows as T[],
    };
  }
  throw new Error("rawSqlOf: the service's PostgreSQL client is neither node-postgres nor postgres.js");
}

function postgresConfig(url: string, poolMax: number) {
  // Generous: on a saturated shared machine, generating 10,000 vacancies in one statement took over a minute.
  return { driver: "postgres" as const, url, poolMax, statementTimeoutMs: 300_000, connectTimeoutSeconds: 5 };
}

async function serverVersion(database: Database): Promise<string> {
  const [row] = await rawSqlOf(database).query<{ version: string }>("select version() as version", []);
  return row.version;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

function unregisteringOnDispose(dispose: () => Promise<void>): () => Promise<void> {
  const unregister = registerCleanup(dispose);
  return async () => {
    unregister();
    await dispose();
  };
}

const cleanups = new Set<() => Promise<void>>();

function registerCleanup(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs every pending cleanup (drops the run's databases); for an interrupted run. */
export async function cleanUpAll(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((fn) => fn()));
}
