import type { Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedCampaign, type SeedOutcome } from "./seed-campaign";

/** What start-up and the operator scripts do first: apply migrations, then load the campaign's seed unless it is there. */
export async function prepareDatabase(database: Database, options: { seed: boolean }): Promise<SeedOutcome | null> {
  await migrateDatabase(database);
  return options.seed ? database.withExclusiveLock((db) => seedCampaign(db)) : null;
}
