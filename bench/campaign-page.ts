import { isDeepStrictEqual } from "node:util";
import { seedCampaign } from "../src/seeding/seed-campaign";
import {
  comparableCard,
  POSTGRAPHILE_INSTALL,
  POSTGRAPHILE_QUERY,
  postgraphileInstalled,
  postgraphileVariables,
  startPostgraphile,
  type RunningPostgraphile,
} from "./campaign-page.postgraphile";
import { createCampaignPageFloor, FLOOR_STATEMENTS_PER_PAGE, PAGE_SIZE, type CampaignPage, type FloorRequest } from "./campaign-page.sql";
import type { Benchmark, BenchOptions, BenchResult, Measurement } from "./lib/benchmark";
import { openBenchDatabase, rawSqlOf, type DatabaseKind, type RawSql } from "./lib/databases";
import { measureHttp } from "./lib/http-load";
import { measureInProcess, type LoadFigures, type LoadOptions } from "./lib/load";
import { seededRandom, weightedPick } from "./lib/random";
import { postJson, startJsonServer, startService, type RunningServer } from "./lib/servers";
import { processCpuMs } from "./lib/thread-cpu";
import { generateVacancies } from "./lib/vacancy-generator";

/** What a front-end team's campaign page asks for: a page of open vacancies with everything a vacancy card shows. */
export const CAMPAIGN_PAGE_QUERY = `query CampaignPage($first: Int!, $after: String, $filter: VacancyFilter) {
  vacancies(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id title place headcountTarget languageRegime applicationDeadline
        agency { code name }
        wave { number name }
        jobProfile { functionCode title level salaryScale { code minMonthlyGrossEur } }
        upcomingTestSessions { startsAt place seatsLeft isSaturday }
      }
    }
  }
}`;

const AGENCIES = ["DVZ", "CGVS", "RVV", "FEDASIL"] as const;

interface Sizes {
  vacancies: number;
  sessions: number;
  /** Pages reachable by cursor in the mix (page 1 has no cursor). */
  pages: number;
  /** Length of the request sequence the load cycles through. */
  mix: number;
  /** Interleaved rounds of the service against PostGraphile, at each of COMPARISON_CONNECTIONS. */
  rounds: number;
}

const FULL: Sizes = { vacancies: 10_000, sessions: 200, pages: 5, mix: 1000, rounds: 3 };
const SMOKE: Sizes = { vacancies: 1000, sessions: 40, pages: 3, mix: 200, rounds: 1 };

/** A few readers refreshing a page, and a crowd. */
const COMPARISON_CONNECTIONS = [2, 16] as const;

/** One kind of request in the mix: a filter (one agency or none) and a page (0 = first page, no cursor). */
interface Variant {
  agency: string | null;
  page: number;
}

export const campaignPage: Benchmark = {
  name: "campaign-page",
  description:
    "The public campaign page over HTTP: vacancies(first: 50, filter: { statuses: [OPEN] }) with agency, wave, job profile, salary scale and upcoming test sessions, on 10,000 generated vacancies; against the same page read with hand-written SQL (the floor).",
  async run(options) {
    const sizes = options.smoke ? SMOKE : FULL;
    const result: BenchResult = { measurements: [], dataset: {}, notes: [] };
    const withPostgraphile = postgraphileInstalled();
    for (const kind of options.databases) {
      const { measurements, dataset, notes } = await onDatabase(kind, sizes, options, withPostgraphile);
      result.measurements.push(...measurements);
      result.dataset[kind] = dataset;
      result.notes.push(...notes);
    }
    if (!withPostgraphile)
      result.notes.push(
        `PostGraphile is not installed, so it was not measured beside the service: \`${POSTGRAPHILE_INSTALL}\` installs it (graphql 15, apart from the service).`,
      );
    result.notes.push(
      `Request mix (the same on every target): ${describeMix(sizes)}.`,
      "graphql: the service over HTTP (Apollo, type-graphql, drizzle, DataLoaders, its plugins), response cache and rate limit off, load from a worker thread.",
      `graphql-cached: the same with the anonymous response cache on, as deployed: with ${allVariants(sizes.pages).length} distinct requests nearly every answer is a cache hit, so this shows the cache, not the queries.`,
      "CPU ms/req: CPU time of the main thread per request, read from /proc over the recorded window: the service and, on PGlite, the database (PostgreSQL's own processes are not counted); the load generator runs in a worker thread and is left out. It holds steady when other processes compete for the CPUs, where req/s and latency do not.",
      `sql-http: the floor's SQL behind a bare node:http JSON endpoint (what HTTP and JSON cost without GraphQL). sql: the floor's ${FLOOR_STATEMENTS_PER_PAGE} statements called in-process (no HTTP), same concurrency.`,
    );
    return result;
  },
};

async function onDatabase(
  kind: DatabaseKind,
  sizes: Sizes,
  options: BenchOptions,
  withPostgraphile: boolean,
): Promise<{ measurements: Measurement[]; dataset: Record<string, unknown>; notes: string[] }> {
  const log = (line: string) => options.log(`[${kind}] ${line}`);
  const bench = await openBenchDatabase(kind, { postgresUrl: options.postgresUrl, poolMax: options.poolMax });
  const servers: RunningServer[] = [];
  try {
    log(`${bench.description}: seeding the campaign and generating ${sizes.vacancies} vacancies, ${sizes.sessions} test sessions`);
    await seedCampaign(bench.database.db);
    const generated = await generateVacancies(bench.database.db, { vacancies: sizes.vacancies, sessions: sizes.sessions });
    log(
      `generated ${generated.vacancies} vacancies (${generated.openVacancies} open), ${generated.sessionLinks} session links in ${(generated.milliseconds / 1000).toFixed(1)} s`,
    );

    const service = await startService(bench.database, { responseCache: false });
    servers.push(service);
    const cachedService = await startService(bench.database, { responseCache: true });
    servers.push(cachedService);
    const raw = rawSqlOf(bench.database);
    const floor = createCampaignPageFloor(raw);
    const [totals] = await raw.query<{ vacancies: number; open: number }>(
      "select count(*)::int as vacancies, (count(*) filter (where status = 'OPEN'))::int as open from vacancies",
      [],
    );
    const floorServer = await startJsonServer((body) => floor.read(body as FloorRequest));
    servers.push(floorServer);

    // Walk each filter's pages on both readers: the cursors for the mix, and a check that both read the same data.
    const variants = allVariants(sizes.pages);
    const graphqlAfter = new Map<string, string | null>();
    const floorAfter = new Map<string, string | null>();
    for (const agency of [null, ...AGENCIES]) {
      let graphqlCursor: string | null = null;
      let floorCursor: string | null = null;
      for (let page = 0; page < sizes.pages; page++) {
        const key = variantKey({ agency, page });
        graphqlAfter.set(key, graphqlCursor);
        floorAfter.set(key, floorCursor);
        const viaGraphql = await graphqlPage(service.url, agency, graphqlCursor);
        const viaFloor = await floor.read({ agency, after: floorCursor });
        assertSamePage(kind, { agency, page }, viaGraphql, viaFloor);
        if (page + 1 < sizes.pages && !viaGraphql.pageInfo.hasNextPage) throw new Error(`[${kind}] ${key}: too few open vacancies for ${sizes.pages} pages`);
        graphqlCursor = viaGraphql.pageInfo.endCursor;
        floorCursor = viaFloor.pageInfo.endCursor;
      }
    }
    log(`checked: GraphQL and hand-written SQL return the same ${variants.length} pages`);

    const sequence = requestSequence(sizes);
    const graphqlBodies = sequence.map((v) =>
      JSON.stringify({ query: CAMPAIGN_PAGE_QUERY, variables: graphqlVariables(v.agency, graphqlAfter.get(variantKey(v)) ?? null) }),
    );
    const floorRequests: FloorRequest[] = sequence.map((v) => ({ agency: v.agency, after: floorAfter.get(variantKey(v)) ?? null }));
    const floorBodies = floorRequests.map((r) => JSON.stringify(r));
    const load: LoadOptions = { connections: options.connections, warmupMs: options.warmupS * 1000, durationMs: options.durationS * 1000 };
    const measurements: Measurement[] = [];
    const describe = `${options.connections} connections, ${options.warmupS} s warm-up, ${options.durationS} s`;

    log(`graphql: ${describe}`);
    const graphql = await measureHttp({ ...load, url: service.url, bodies: graphqlBodies, counterHeader: "x-sql-statements" });
    measurements.push({ database: kind, target: "graphql", description: "the service over HTTP", baseline: "sql", ...graphql });

    log(`graphql-cached: ${describe}`);
    const cached = await measureHttp({ ...load, url: cachedService.url, bodies: graphqlBodies, counterHeader: "x-sql-statements" });
    measurements.push({
      database: kind,
      target: "graphql-cached",
      description: "the service over HTTP with its response cache on (as deployed)",
      baseline: "sql",
      ...cached,
    });

    log(`sql-http: ${describe}`);
    const sqlHttp = await measureHttp({ ...load, url: floorServer.url, bodies: floorBodies });
    measurements.push({
      database: kind,
      target: "sql-http",
      description: "hand-written SQL behind a bare node:http endpoint",
      baseline: "sql",
      ...sqlHttp,
      counterMean: FLOOR_STATEMENTS_PER_PAGE,
    });

    log(`sql: ${describe}`);
    const direct = await measureInProcess(load, async (i) => {
      await floor.read(floorRequests[i % floorRequests.length]);
      return { outcome: "ok", counter: FLOOR_STATEMENTS_PER_PAGE };
    });
    measurements.push({ database: kind, target: "sql", description: "hand-written SQL in-process (the floor)", ...direct });

    const notes: string[] = [];
    // PostgreSQL only: PGlite lives inside the service's process, where no other server can reach it.
    if (withPostgraphile && bench.url) {
      const postgraphile = await startPostgraphile(raw, bench.url, options.poolMax);
      servers.push(postgraphile);
      const postgraphileAfter = await walkPostgraphile(kind, postgraphile, sizes, graphqlAfter, service.url);
      log(`checked: PostGraphile returns the same ${variants.length} pages`);
      const postgraphileBodies = sequence.map((v) =>
        JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: postgraphileVariables(PAGE_SIZE, v.agency, postgraphileAfter.get(variantKey(v)) ?? null) }),
      );
      const databaseCpuMs = postgresBackendsCpu(raw);
      const compared = await compareWithPostgraphile(kind, sizes, options, log, {
        graphql: (connections) =>
          measureHttp({ ...load, connections, url: service.url, bodies: graphqlBodies, counterHeader: "x-sql-statements", databaseCpuMs }),
        postgraphile: (connections) =>
          measureHttp({ ...load, connections, url: postgraphile.url, bodies: postgraphileBodies, cpuMs: postgraphile.cpuMs, databaseCpuMs }),
      });
      measurements.push(...compared.measurements);
      notes.push(...compared.notes);
    }

    return {
      notes,
      measurements,
      dataset: {
        database: bench.description,
        version: bench.version,
        client: raw.client,
        generated,
        vacanciesInDatabase: totals.vacancies,
        openVacanciesInDatabase: totals.open,
        pageSize: PAGE_SIZE,
        variants: variants.length,
        poolMax: kind === "postgres" ? options.poolMax : 1,
      },
    };
  } finally {
    for (const server of servers.reverse()) await server.close().catch(() => {});
    await bench.dispose();
  }
}

/**
 * The same 25 pages through PostGraphile, by its own cursors, each checked against the service's page: the same
 * vacancies in the same order with the same fields. Returns PostGraphile's cursors for the mix.
 */
async function walkPostgraphile(
  kind: DatabaseKind,
  postgraphile: RunningPostgraphile,
  sizes: Sizes,
  graphqlAfter: Map<string, string | null>,
  serviceUrl: string,
): Promise<Map<string, string | null>> {
  const after = new Map<string, string | null>();
  for (const agency of [null, ...AGENCIES]) {
    let cursor: string | null = null;
    for (let page = 0; page < sizes.pages; page++) {
      const key = variantKey({ agency, page });
      after.set(key, cursor);
      const theirs = await postgraphile.page(PAGE_SIZE, agency, cursor);
      const ours = await graphqlPage(serviceUrl, agency, graphqlAfter.get(key) ?? null);
      const comparable = (p: CampaignPage) => ({
        totalCount: p.totalCount,
        hasNextPage: p.pageInfo.hasNextPage,
        edges: p.edges.map((e) => comparableCard(e.node)),
      });
      if (!isDeepStrictEqual(comparable(theirs), comparable(ours))) {
        const a = comparable(theirs);
        const b = comparable(ours);
        const index = a.edges.findIndex((edge, i) => !isDeepStrictEqual(edge, b.edges[i]));
        throw new Error(
          `[${kind}] ${key}: PostGraphile and the service disagree (totalCount ${a.totalCount} vs ${b.totalCount}; first difference at edge ${index}: ${JSON.stringify(a.edges[index])} vs ${JSON.stringify(b.edges[index])})`,
        );
      }
      cursor = theirs.pageInfo.endCursor;
    }
  }
  return after;
}

/**
 * The service (uncached) and PostGraphile, interleaved: at each connection count, rounds of one then the other (the
 * order alternating), so a neighbour's burst on the shared machine falls on both; each figure is the median over rounds.
 */
async function compareWithPostgraphile(
  kind: DatabaseKind,
  sizes: Sizes,
  options: BenchOptions,
  log: (line: string) => void,
  measure: Record<"graphql" | "postgraphile", (connections: number) => Promise<LoadFigures>>,
): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  for (const connections of COMPARISON_CONNECTIONS) {
    const runs: Record<"graphql" | "postgraphile", LoadFigures[]> = { graphql: [], postgraphile: [] };
    for (let round = 0; round < sizes.rounds; round++) {
      const order = round % 2 === 0 ? (["graphql", "postgraphile"] as const) : (["postgraphile", "graphql"] as const);
      for (const target of order) {
        log(
          `${target === "graphql" ? "graphql (uncached)" : "PostGraphile"} side by side, round ${round + 1} of ${sizes.rounds}: ${connections} connections, ${options.warmupS} s warm-up, ${options.durationS} s`,
        );
        runs[target].push(await measure[target](connections));
      }
    }
    const ours = medianFigures(runs.graphql);
    const theirs = medianFigures(runs.postgraphile);
    const label = `median of ${sizes.rounds}`;
    measurements.push(
      {
        database: kind,
        target: `graphql (beside PostGraphile, ${label})`,
        description: "the service over HTTP, uncached, interleaved with PostGraphile",
        ...ours,
      },
      { database: kind, target: `postgraphile (${label})`, description: "PostGraphile v4 in its own process, same data and pages", ...theirs },
    );
    const ratio = (a: number | null, b: number | null) => (a == null || b == null || b === 0 ? "n/a" : `${(a / b).toFixed(2)}x`);
    const perRound = runs.graphql.map((g, i) => ratio(g.requestsPerSecond, runs.postgraphile[i].requestsPerSecond)).join(", ");
    const perRoundCpu = runs.graphql.map((g, i) => ratio(g.cpuMsPerRequest, runs.postgraphile[i].cpuMsPerRequest)).join(", ");
    notes.push(
      `${kind}, ${connections} connections: the service uncached against PostGraphile: ${ratio(ours.requestsPerSecond, theirs.requestsPerSecond)} its req/s (per round: ${perRound}), ${ratio(ours.cpuMsPerRequest, theirs.cpuMsPerRequest)} its server CPU per page (${ours.cpuMsPerRequest?.toFixed(2)} ms against ${theirs.cpuMsPerRequest?.toFixed(2)} ms, main threads; per round: ${perRoundCpu}); PostgreSQL's CPU per page ${ours.databaseCpuMsPerRequest?.toFixed(2)} ms against ${theirs.databaseCpuMsPerRequest?.toFixed(2)} ms (${ratio(ours.databaseCpuMsPerRequest ?? null, theirs.databaseCpuMsPerRequest ?? null)}).`,
    );
  }
  return { measurements, notes };
}

/** Each figure's median over the runs (the runs of one target, one connection count). */
function medianFigures(runs: LoadFigures[]): LoadFigures {
  const median = (values: (number | null)[]): number | null => {
    const known = values.filter((v): v is number => v != null).sort((a, b) => a - b);
    if (known.length === 0) return null;
    const mid = Math.floor(known.length / 2);
    return known.length % 2 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
  };
  const at = (pick: (f: LoadFigures) => number | null) => median(runs.map(pick))!;
  return {
    ...runs[0],
    requests: at((f) => f.requests),
    requestsPerSecond: at((f) => f.requestsPerSecond),
    latencyMs: {
      ...runs[0].latencyMs,
      p50: at((f) => f.latencyMs.p50),
      p95: at((f) => f.latencyMs.p95),
      p99: at((f) => f.latencyMs.p99),
      mean: at((f) => f.latencyMs.mean),
      max: at((f) => f.latencyMs.max),
    },
    errors: runs.reduce((n, f) => n + f.errors, 0),
    non200: runs.reduce((n, f) => n + f.non200, 0),
    firstError: runs.find((f) => f.firstError)?.firstError ?? null,
    counterMean: median(runs.map((f) => f.counterMean)),
    cpuMsPerRequest: median(runs.map((f) => f.cpuMsPerRequest)),
    databaseCpuMsPerRequest: median(runs.map((f) => f.databaseCpuMsPerRequest ?? null)),
  };
}

/**
 * CPU of the PostgreSQL backends connected to the run's database (other than the one asking), in ms, from /proc (the
 * server runs on this machine), accumulated per backend since the first reading: the difference of two readings is
 * what the pages between them cost PostgreSQL (the other target's connections sit idle meanwhile). A backend that ends
 * between readings (an idle pooled connection closed) keeps what it had counted. Null where there is no /proc.
 */
function postgresBackendsCpu(raw: RawSql): () => Promise<number | null> {
  const seen = new Map<number, number>();
  let total = 0;
  return async () => {
    if (processCpuMs(process.pid) == null) return null;
    const backends = await raw.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()", []);
    for (const { pid } of backends) {
      const ms = processCpuMs(pid);
      if (ms == null) continue;
      total += ms - (seen.get(pid) ?? 0);
      seen.set(pid, ms);
    }
    return total;
  };
}

function graphqlVariables(agency: string | null, after: string | null) {
  return { first: PAGE_SIZE, after, filter: agency ? { statuses: ["OPEN"], agencies: [agency] } : { statuses: ["OPEN"] } };
}

async function graphqlPage(url: string, agency: string | null, after: string | null): Promise<CampaignPage> {
  const response = await postJson<{ data?: { vacancies: CampaignPage }; errors?: unknown[] }>(url, {
    query: CAMPAIGN_PAGE_QUERY,
    variables: graphqlVariables(agency, after),
  });
  if (response.errors?.length || !response.data) throw new Error(`campaign page query failed: ${JSON.stringify(response.errors).slice(0, 500)}`);
  return response.data.vacancies;
}

/** The same vacancies, in the same order, with the same fields; only the cursors' encodings differ. */
function assertSamePage(kind: DatabaseKind, variant: Variant, viaGraphql: CampaignPage, viaFloor: CampaignPage): void {
  const comparable = (page: CampaignPage) => ({ totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage, edges: page.edges });
  if (isDeepStrictEqual(comparable(viaGraphql), comparable(viaFloor))) return;
  const index = viaGraphql.edges.findIndex((edge, i) => !isDeepStrictEqual(edge, viaFloor.edges[i]));
  throw new Error(
    `[${kind}] ${variantKey(variant)}: GraphQL and SQL disagree ` +
      `(totalCount ${viaGraphql.totalCount} vs ${viaFloor.totalCount}, ${viaGraphql.edges.length} vs ${viaFloor.edges.length} edges; ` +
      `first difference at edge ${index}: ${JSON.stringify(viaGraphql.edges[index])} vs ${JSON.stringify(viaFloor.edges[index])})`,
  );
}

function variantKey(variant: Variant): string {
  return `${variant.agency ?? "all"}/page ${variant.page + 1}`;
}

function allVariants(pages: number): Variant[] {
  return [null, ...AGENCIES].flatMap((agency) => Array.from({ length: pages }, (_, page) => ({ agency, page })));
}

/**
 * The requests the load cycles through, drawn once with a fixed seed: 40 % every agency, 15 % each single agency; 60 %
 * first pages, the rest spread over later pages (with cursors). Several statements shapes and parameters, so no target
 * lives off one cached plan or one hot page.
 */
function requestSequence(sizes: Sizes): Variant[] {
  const random = seededRandom(2021);
  const agencies = [{ weight: 40, value: null as string | null }, ...AGENCIES.map((code) => ({ weight: 15, value: code }))];
  const pages = Array.from({ length: sizes.pages }, (_, page) => ({ weight: page === 0 ? 60 : 40 / (sizes.pages - 1), value: page }));
  return Array.from({ length: sizes.mix }, () => ({ agency: weightedPick(random, agencies), page: weightedPick(random, pages) }));
}

function describeMix(sizes: Sizes): string {
  return `${sizes.mix} requests drawn with a fixed seed over ${allVariants(sizes.pages).length} variants: filter statuses [OPEN] alone (40 %) or with one agency (15 % each); first page (60 %) or pages 2-${sizes.pages} by cursor`;
}
