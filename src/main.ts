// First: tracing (when configured) must wrap http, graphql and pg before anything loads them.
import { tracing } from "./ops/start-tracing";
import "reflect-metadata";
import { createLogger, describeError } from "./common/logger";
import { OperatorError } from "./common/operator-error";
import { loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { installFatalErrorHandlers } from "./ops/fatal-errors";
import { prepareDatabase } from "./seeding/prepare-database";
import { createApp } from "./server/app";
import { SharedState } from "./server/shared-state";
import { WebhookWorker } from "./webhooks/webhook-worker";

/** Start-up: configuration, database, migrations, the campaign's seed (once), then the HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Until the server runs, a fatal error simply ends start-up; from then on it drains first (below).
  let onFatal: () => void = () => process.exit(1);
  installFatalErrorHandlers(logger, () => onFatal());
  const database = await openDatabase(config.database, { logger });
  logger.info("database connected", { database: database.description });
  const outcome = await prepareDatabase(database, { seed: !config.skipSeed });
  if (outcome) logger.info(outcome.seeded ? "campaign seeded" : "campaign already present, seed skipped", { campaign: outcome.campaignSlug });
  // A read replica for anonymous reads and dashboards, and Redis for what several processes must share (docs/operating.md, Scaling out).
  const readDatabase = config.readDatabase ? await openDatabase(config.readDatabase, { logger }) : null;
  if (readDatabase) logger.info("read replica connected", { database: readDatabase.description });
  const shared = config.redis ? await SharedState.open(config.redis, logger) : null;
  if (shared)
    logger.info(shared.client.isReady ? "redis connected" : "redis not answering yet: rate limits and the response cache kept in this process meanwhile");
  const app = await createApp({ config, database, logger, readDatabase, shared });
  // The person-key secret, checked (and rows migrated from shared candidates keyed) before the first request.
  await app.services.personKeys.ready();
  // Webhook deliveries run in the service unless separate workers do (npm run worker; docs/events.md).
  const worker = config.webhooks.worker ? new WebhookWorker(database.db, app.services.sequencer, { ...config.webhooks, logger }) : null;
  worker?.start();

  // SIGTERM (orchestrators) or SIGINT (Ctrl-C): drain, then exit. A second signal exits at once.
  // A fatal error (src/ops/fatal-errors.ts) takes the same way out without the drain delay, and exits with status 1.
  let stopping = false;
  const stop = (signal: NodeJS.Signals | "fatal") => {
    if (stopping) {
      logger.warn(signal === "fatal" ? "fatal error during shutdown, exiting now" : "second signal during shutdown, exiting now", { signal });
      process.exit(1);
    }
    stopping = true;
    const exitCode = signal === "fatal" ? 1 : 0;
    const { shutdownGraceMs } = config.operating;
    const shutdownDrainDelayMs = signal === "fatal" ? 0 : config.operating.shutdownDrainDelayMs;
    logger.info("shutting down", { signal, drainDelayMs: shutdownDrainDelayMs, graceMs: shutdownGraceMs });
    // Whatever hangs below (a pool that will not close), the process is gone 2 s after the grace period.
    setTimeout(() => {
      logger.error("shutdown did not finish in time, exiting");
      process.exit(1);
    }, shutdownGraceMs + 2_000).unref();
    // Deliveries in flight get the same grace as requests; those still unanswered then are released to other workers.
    Promise.all([app.shutdown({ drainDelayMs: shutdownDrainDelayMs, graceMs: shutdownGraceMs }), worker?.stop(shutdownGraceMs)])
      .then(() => Promise.all([database.close(), readDatabase?.close(), shared?.close(), tracing?.shutdown()]))
      .then(() => {
        logger.info("shutdown complete");
        process.exit(exitCode);
      })
      .catch((error: unknown) => {
        logger.error("shutdown failed", describeError(error));
        process.exit(1);
      });
  };
  onFatal = () => stop("fatal");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const address = await app.listen(config.port, config.host);
  if (config.metrics) {
    const metricsAddress = await app.listenMetrics(config.metrics.port, config.metrics.host);
    logger.info("metrics served", { host: config.metrics.host, port: metricsAddress.port });
  }
  logger.info(`GraphQL API ready at http://localhost:${address.port}/graphql`, { port: address.port });
}

main().catch((error: unknown) => {
  // One clear line for the operator, no stack trace: a setting, the data folder, an unreachable database.
  if (error instanceof OperatorError) {
    process.stderr.write(`campaign-api: ${error.message}\n`);
  } else {
    process.stderr.write(`campaign-api: start-up failed: ${JSON.stringify(describeError(error))}\n`);
  }
  process.exit(1);
});
