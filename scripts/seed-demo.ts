import "reflect-metadata";
import { parseArgs } from "node:util";
import { PersonKeys } from "../src/candidates/person-keys";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { generateDemoData } from "../src/seeding/demo-generator";
import { prepareDatabase } from "../src/seeding/prepare-database";

const USAGE = `Usage: npm run seed:demo -- --applications 5000 [--seed 2021] [--until YYYY-MM-DD] [--campaign asiel-migratie-2021] [--bulk]
Adds demo candidates and applications, spread over the stages with their events, to the configured database
(DATABASE_URL, or the PGlite folder when the service is not running on it). The same options give the same data;
running it again adds nothing. --bulk writes the events alone and recounts every counter from the event log at the
end: much faster for hundreds of thousands of applications (run it while the service takes no writes).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      applications: { type: "string" },
      seed: { type: "string" },
      until: { type: "string" },
      campaign: { type: "string" },
      bulk: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const count = Number(values.applications);
  if (values.help || !Number.isInteger(count) || count < 1 || count > 10_000_000) {
    process.stdout.write(USAGE + "\n");
    return values.help ? 0 : 2;
  }
  if (values.until && !/^\d{4}-\d{2}-\d{2}$/.test(values.until)) {
    process.stderr.write("seed:demo: --until must be a date, YYYY-MM-DD\n");
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await prepareDatabase(database, { seed: true });
    const started = Date.now();
    const summary = await generateDemoData(database, {
      applications: count,
      seed: values.seed ? Number(values.seed) : undefined,
      until: values.until,
      campaignSlug: values.campaign,
      bulk: values.bulk,
      personKeys: new PersonKeys(database.db, config.personKeySecret),
      onProgress: (n) => process.stderr.write(`\r${n} / ${count} applications`),
    });
    process.stderr.write("\n");
    process.stdout.write(
      `Added ${summary.created} applications (${summary.requested - summary.created} skipped: already there), ${summary.candidates} candidates, ${summary.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
        `Final stages: ${Object.entries(summary.byStage)
          .map(([stage, n]) => `${stage} ${n}`)
          .join(", ")}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const cause = (error as { cause?: unknown }).cause;
    process.stderr.write(`seed:demo: ${((cause ?? error) as Error).message}\n`);
    process.exit(1);
  },
);
