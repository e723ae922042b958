import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/client";
import { migrateDatabase } from "../../src/db/migrate";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new PostgreSQL database on the
 * server of TEST_DATABASE_URL (created here, dropped by `drop`).
 */
export interface TestDatabase {
  database: Database;
  /** The connection URL on PostgreSQL, null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** `migrate: false` leaves the database empty, for tests of start-up itself. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ driver: "pglite", dataDir: "memory://" });
    if (options.migrate !== false) await migrateDatabase(database);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `campaign_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await adminStatement(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ driver: "postgres", url, poolMax: 10, statementTimeoutMs: 30_000, connectTimeoutSeconds: 5 });
  if (options.migrate !== false) await migrateDatabase(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      await adminStatement(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** One statement on the server's maintenance database, on a connection of its own. */
async function adminStatement(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
