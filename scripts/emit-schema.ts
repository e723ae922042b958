import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { printCampaignSchema } from "../src/server/schema";

/** Writes the published SDL to schema/schema.graphql (sorted), or with --check fails when the file is stale. */
async function main(): Promise<void> {
  const file = path.resolve(process.argv.includes("--out") ? process.argv[process.argv.indexOf("--out") + 1] : "schema/schema.graphql");
  const sdl = await printCampaignSchema();
  writeFileSync(file, sdl);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)} (${sdl.split("\n").length} lines)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`emit-schema: ${(error as Error).message}\n`);
  process.exit(1);
});
