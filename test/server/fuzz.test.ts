import fc from "fast-check";
import { emptyTally, fuzzRequest, inputTypesOf, prepareFuzzData, rootFieldsOf, runOne, type FuzzContext } from "../../bench/lib/fuzz";
import { campaignSchema } from "../../src/server/schema";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * The generative fuzz suite (bench/lib/fuzz.ts) on a short seeded run: one filled-in request per root field (so every
 * root field and input type is reached), then FUZZ_REQUESTS drawn at random. No answer may be a 5xx or an internal error,
 * show internals or another's personal data, and a refused request must leave the database as it was. FUZZ_SEED and
 * FUZZ_REQUESTS explore further; `npm run fuzz` runs 10,000 and prints the counts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20210614);
const RUNS = Number(process.env.FUZZ_REQUESTS ?? 300);

let server: TestServer;
let ctx: FuzzContext;
beforeAll(async () => {
  server = await startTestServer({ operating: { responseCache: { maxBytes: 4 * 1024 * 1024 } } });
  ctx = await prepareFuzzData(server.database.db, async (query, variables, key) => (await server.gql(query, variables, { key })).body);
});
afterAll(() => server.close());

test("every root field, with every optional argument and input field filled in, answered cleanly", async () => {
  const schema = await campaignSchema();
  const tally = emptyTally();
  const problems: string[] = [];
  for (const rootField of rootFieldsOf(schema)) {
    for (const request of fc.sample(fuzzRequest(schema, ctx, { rootField, full: true }), { seed: SEED, numRuns: 2 })) {
      const problem = await runOne(server.url, request, ctx, server.database.db, tally);
      if (problem) problems.push(problem);
    }
  }
  expect(problems).toEqual([]);
  expect([...tally.rootFields].sort()).toEqual(rootFieldsOf(schema));
  expect([...tally.inputTypes].sort()).toEqual(inputTypesOf(schema));
});

test(`${RUNS} requests drawn from the schema and around it (seed ${SEED}): no 5xx, no internal error, no leak, nothing written on refusal`, async () => {
  const schema = await campaignSchema();
  const tally = emptyTally();
  await fc.assert(
    fc.asyncProperty(fuzzRequest(schema, ctx), async (request) => {
      const problem = await runOne(server.url, request, ctx, server.database.db, tally);
      if (problem) throw new Error(problem);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  // The mix reaches executed answers, refusals of every layer, and raw envelopes.
  expect(tally.byStatus[200]).toBeGreaterThan(RUNS * 0.1);
  expect(tally.byStatus[400]).toBeGreaterThan(RUNS * 0.05);
  expect(tally.byKind.envelope).toBeGreaterThan(0);
  expect(await server.data(`{ campaign { targetHeadcount } }`)).toEqual({ campaign: { targetHeadcount: 700 } });
}, 600_000);
