import "reflect-metadata";
import { parseArgs } from "node:util";
import { ApiClientService } from "../src/api-clients/api-client.service";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { AGENCY_CODES, ROLES } from "../src/db/tables/enums";
import { prepareDatabase } from "../src/seeding/prepare-database";

const USAGE = `Usage:
  npm run apikey -- create --role AGENCY_HR --agency DVZ --name "DVZ HR system"
  npm run apikey -- create --role TASKFORCE --name "Recruitment taskforce"
  npm run apikey -- list
  npm run apikey -- revoke --id <API client id>
Uses DATABASE_URL, or the PGlite folder (PGLITE_DIR, default data/pglite) when the service is not running on it.`;

/** Operator CLI for API clients: create (prints the key once), list, revoke. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: "string" }, agency: { type: "string" }, name: { type: "string" }, id: { type: "string" }, help: { type: "boolean" } },
  });
  const command = positionals[0];
  if (values.help || !["create", "list", "revoke"].includes(command ?? "")) {
    process.stdout.write(USAGE + "\n");
    return values.help ? 0 : 2;
  }
  const role = ROLES.find((r) => r === values.role);
  const agency = AGENCY_CODES.find((a) => a === values.agency?.toUpperCase()) ?? null;
  if (command === "create") {
    if (!role) return fail(`--role must be one of ${ROLES.join(", ")}`);
    if (values.agency && !agency) return fail(`--agency must be one of ${AGENCY_CODES.join(", ")}`);
    if (!values.name) return fail("--name is required");
  }
  if (command === "revoke" && !values.id) return fail("--id is required");

  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    // Agencies come with the seed; a fresh database gets it here just as `npm start` would give it.
    await prepareDatabase(database, { seed: !config.skipSeed });
    const clients = new ApiClientService(database.db);
    if (command === "create") {
      const result = await clients.create({
        name: values.name!,
        role: role!,
        agency,
      });
      if (result.userErrors.length) return fail(result.userErrors.map((e) => `${e.code}: ${e.message}`).join("\n"));
      const c = result.apiClient!;
      process.stdout.write(`Created API client "${c.name}" (${c.role}${c.agencyCode ? `, ${c.agencyCode}` : ""}), id ${c.id}\n`);
      process.stdout.write(`API key, shown this once (only its hash is stored):\n${result.apiKey}\n`);
    } else if (command === "list") {
      for (let after: string | null = null; ;) {
        const page = await clients.list({ first: 100, after });
        for (const { node: c } of page.edges) {
          process.stdout.write(
            `${c.id}\t${c.role}\t${c.agencyCode ?? "-"}\t${c.keyPrefix}…\t${c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : "active"}\t${c.name}\n`,
          );
        }
        if (!page.hasNextPage) break;
        after = page.edges[page.edges.length - 1].cursor;
      }
    } else {
      const result = await clients.revoke(values.id!);
      if (result.userErrors.length) return fail(result.userErrors.map((e) => `${e.code}: ${e.message}`).join("\n"));
      process.stdout.write(`Revoked API client "${result.apiClient!.name}" (${result.apiClient!.id})\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

function fail(message: string): number {
  process.stderr.write(`apikey: ${message}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The database's own message, never drizzle's wrapper (which repeats the statement's parameters).
    const cause = (error as { cause?: unknown }).cause;
    process.stderr.write(`apikey: ${((cause ?? error) as Error).message}\n`);
    process.exit(1);
  },
);
