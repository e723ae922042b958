import "./node-env";
import "reflect-metadata";
import { createLogger } from "../../src/common/logger";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/client";
import { migrateDatabase } from "../../src/db/migrate";
import { seedCampaign } from "../../src/seeding/seed-campaign";
import { createApp } from "../../src/server/app";
import { createTaskforceKey } from "./hr";

/**
 * The service as deployed (rate limiter and response cache on, NODE_ENV=production, logging at info) in a process of
 * its own, for benchmarks that measure the service's own CPU (process.cpuUsage, asked over IPC) apart from the load
 * generators'.
 * BENCH_SERVICE_DATABASE_URL: a migrated PostgreSQL database; unset: PGlite in memory. TRUST_PROXY_HOPS=1, so a load
 * generator can speak for several addresses through X-Forwarded-For.
 */
async function main(): Promise<void> {
  const url = process.env.BENCH_SERVICE_DATABASE_URL;
  const database = await openDatabase(
    url ? { driver: "postgres", url, poolMax: 10, statementTimeoutMs: 5_000, connectTimeoutSeconds: 5 } : { driver: "pglite", dataDir: "memory://" },
  );
  if (!url) await migrateDatabase(database);
  await seedCampaign(database.db);
  const key = await createTaskforceKey(database.db);
  // Logging as deployed (a line per request, refusals included), to stdout: the benchmark discards it.
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "info", TRUST_PROXY_HOPS: "1", GRAPHQL_INTROSPECTION: "true" });
  const app = await createApp({ config, database, logger: createLogger(config.logLevel) });
  const { port } = await app.listen(0, "127.0.0.1");
  process.on("message", (message: string) => {
    if (message === "cpu") process.send!({ cpu: process.cpuUsage() });
    if (message === "stop")
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0));
  });
  process.send!({ ready: true, port, key });
}

main().catch((error: unknown) => {
  process.stderr.write(`service process: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
