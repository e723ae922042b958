import { existsSync } from "node:fs";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Database, Db } from "./client";

/** drizzle/ at the project root, found from here whether running compiled (dist/src/db) or from source (src/db). */
export function migrationsFolder(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, "drizzle");
    if (existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
  }
  throw new Error("drizzle/ migrations folder not found above " + __dirname);
}

/** Applies pending migrations. Safe to call from several processes at once on PostgreSQL (an advisory lock orders them). */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withExclusiveLock((db) => applyMigrations(database.driver, db));
}

export async function applyMigrations(driver: Database["driver"], db: Db): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (driver === "pglite") await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, config);
  else await migratePostgres(db as unknown as NodePgDatabase<Record<string, never>>, config);
}
