import "./lib/node-env";
import "reflect-metadata";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { createLogger } from "../src/common/logger";
import { defaultOperatingConfig } from "../src/config";
import { seedCampaign } from "../src/seeding/seed-campaign";
import { createApp } from "../src/server/app";
import { campaignSchema } from "../src/server/schema";
import { DEFAULT_POSTGRES_URL, openBenchDatabase, type DatabaseKind } from "./lib/databases";
import { emptyTally, fuzzRequest, inputTypesOf, prepareFuzzData, rootFieldsOf, runOne } from "./lib/fuzz";

/**
 * `npm run fuzz -- [--requests 10000] [--seed n] [--database pglite|postgres]`: the generative fuzz suite
 * (bench/lib/fuzz.ts) at length against the real service on a fresh seeded database, one request at a time (so that a
 * refusal can be checked to have changed nothing). Prints the counts; exits 1 if any answer was wrong.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { requests: { type: "string", default: "10000" }, seed: { type: "string", default: "20210614" }, database: { type: "string", default: "pglite" } },
    strict: true,
  });
  const requests = Number(values.requests);
  const seed = Number(values.seed);
  const kind = values.database as DatabaseKind;
  const bench = await openBenchDatabase(kind, { postgresUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL, poolMax: 10 });
  const adminKey = "fuzz-bootstrap-admin-key-0123456789";
  await seedCampaign(bench.database.db);
  const app = await createApp({
    config: { adminApiKey: adminKey, introspection: true, environment: "production", operating: { ...defaultOperatingConfig, rateLimit: null } },
    database: bench.database,
    logger: createLogger("silent"),
  });
  const { port } = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const gql = async (query: string, variables: Record<string, unknown>, key?: string) =>
      (
        await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify({ query, variables }),
        })
      ).json();
    const ctx = await prepareFuzzData(bench.database.db, gql);
    const schema = await campaignSchema();
    const tally = emptyTally();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const batches: ReturnType<typeof fuzzRequest>[] = rootFieldsOf(schema).map((rootField) => fuzzRequest(schema, ctx, { rootField, full: true }));
    // Each problem is printed as it is found (a long run may be stopped before its summary).
    const report = (problem: string | null) => problem && process.stdout.write(`\nPROBLEM ${tally.problemCount}: ${problem.slice(0, 3_000)}\n`);
    for (const arbitrary of batches)
      for (const request of fc.sample(arbitrary, { seed, numRuns: 1 })) report(await runOne(url, request, ctx, bench.database.db, tally));
    // Drawn 500 at a time (some requests carry a megabyte), each chunk from its own seed.
    const arbitrary = fuzzRequest(schema, ctx);
    for (let chunk = 0; tally.requests < requests; chunk++) {
      for (const request of fc.sample(arbitrary, { seed: seed + chunk, numRuns: Math.min(500, requests - tally.requests) })) {
        report(await runOne(url, request, ctx, bench.database.db, tally));
        if (tally.requests % 1000 === 0) process.stdout.write(`  ${tally.requests} requests, ${tally.problemCount} problems\n`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const sorted = (counts: Record<string, number>) =>
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
    const missingTypes = inputTypesOf(schema).filter((t) => !tally.inputTypes.has(t));
    process.stdout.write(
      [
        `fuzz: ${tally.requests} requests on ${kind} (seed ${seed}) in ${seconds.toFixed(1)} s, ${((used.user + used.system) / 1000 / tally.requests).toFixed(2)} ms CPU each (client and server in this process)`,
        `  by status: ${sorted(tally.byStatus)}`,
        `  by first error code: ${sorted(tally.byCode)}`,
        `  by kind: ${sorted(tally.byKind)}`,
        `  root fields: ${tally.rootFields.size - (tally.rootFields.has("envelope") ? 1 : 0)} of ${rootFieldsOf(schema).length}; input types: ${inputTypesOf(schema).length - missingTypes.length} of ${inputTypesOf(schema).length}${missingTypes.length ? ` (missing ${missingTypes.join(", ")})` : ""}`,
        `  problems: ${tally.problemCount}${tally.problemCount > tally.problems.length ? ` (the first ${tally.problems.length} below)` : ""}`,
      ].join("\n") + "\n",
    );
    if (tally.problemCount > 0 || missingTypes.length > 0) process.exitCode = 1;
  } finally {
    await app.close();
    await bench.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
