import "reflect-metadata";
import { rebuildCounters } from "../src/applications/counter-rebuild";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";

/** Recounts every dashboard counter from the event log (a repair tool; the service keeps them current by itself). */
async function main(): Promise<void> {
  const database = await openDatabase(loadConfig().database);
  try {
    await migrateDatabase(database);
    const started = Date.now();
    // A connection of its own, without the service's per-statement timeouts: the recount can take minutes.
    await database.withExclusiveLock((db) => db.transaction((tx) => rebuildCounters(tx)));
    process.stdout.write(`counters rebuilt from the event log in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.description})\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const cause = (error as { cause?: unknown }).cause;
  process.stderr.write(`counters:rebuild: ${((cause ?? error) as Error).message}\n`);
  process.exit(1);
});
