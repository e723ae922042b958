import "reflect-metadata";
import { createLogger, describeError } from "../src/common/logger";
import { OperatorError } from "../src/common/operator-error";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";
import { createServices } from "../src/context/services";
import { WebhookWorker } from "../src/webhooks/webhook-worker";

/**
 * A webhook worker on its own (npm run worker): sequences events and sends deliveries, beside or instead of the ones in
 * the API processes (WEBHOOK_WORKER=false there). Any number may run on one PostgreSQL database; none sends a delivery
 * another holds. SIGTERM or SIGINT: deliveries in flight get SHUTDOWN_GRACE_MS to finish, the rest are released.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database, { logger });
  await migrateDatabase(database);
  const services = createServices(database.db, {
    adminApiKey: null,
    webhookAllowedNetworks: config.webhooks.allowedNetworks,
    personKeySecret: config.personKeySecret,
  });
  const worker = new WebhookWorker(database.db, services.sequencer, { ...config.webhooks, logger });
  worker.start();
  logger.info("webhook worker started", { database: database.description, concurrency: config.webhooks.concurrency });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info("webhook worker stopping", { signal });
    setTimeout(() => process.exit(1), config.operating.shutdownGraceMs + 2_000).unref();
    worker
      .stop(config.operating.shutdownGraceMs)
      .then(() => database.close())
      .then(() => {
        logger.info("webhook worker stopped");
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error("webhook worker shutdown failed", describeError(error));
        process.exit(1);
      });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`campaign-api worker: ${error instanceof OperatorError ? error.message : JSON.stringify(describeError(error))}\n`);
  process.exit(1);
});
