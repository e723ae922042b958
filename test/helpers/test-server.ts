import type { Database } from "../../src/db/client";
import { createLogger, type Logger } from "../../src/common/logger";
import { defaultOperatingConfig, type Config, type OperatingConfig } from "../../src/config";
import { seedCampaign } from "../../src/seeding/seed-campaign";
import { brusselsDate } from "../../src/common/brussels-time";
import { createApp, type App } from "../../src/server/app";
import type { SharedState } from "../../src/server/shared-state";
import { parseAllowedNetworks } from "../../src/webhooks/webhook-url";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const ADMIN_KEY = "test-admin-key-0123456789abcdef";
/** Tests run their webhook receivers on this machine: loopback is allowed explicitly (the product refuses it by default). */
export const TEST_ALLOWED_NETWORKS = parseAllowedNetworks("127.0.0.0/8,::1/128");

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
  /** SQL statements the request issued (from the x-sql-statements header). */
  statements: number;
}

export interface RequestOptions {
  key?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  testDatabase: TestDatabase;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns data. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Seed the campaign (default true). */
  seed?: boolean;
  introspection?: boolean;
  environment?: Config["environment"];
  /** CORS origins and the explorer (default: no cross-origin access, no explorer, as in production). */
  web?: Partial<Config["web"]>;
  /**
   * Overrides of the operating limits. By default tests run with the production limits except the rate limiter, the
   * response cache and the dashboard cache, which are off so that tests firing many requests or reading their own
   * writes stay independent,
   * and the request deadline, 5 minutes instead of 10 s, so that no test depends on how busy the machine is (50
   * concurrent invitations took over 10 s at a load average of 25); test/server turns each on where it tests it.
   */
  operating?: Partial<OperatingConfig>;
  logger?: Logger;
  /** The rate limiter's clock in milliseconds (default: performance.now), so rate-limit tests leak nothing while they run. */
  clock?: () => number;
  /** The response cache's clock, milliseconds since the epoch (default: Date.now), so cache tests move time themselves. */
  wallClock?: () => number;
  /** Serve this database instead of a fresh one (closed and dropped by close()). */
  testDatabase?: TestDatabase;
  /** The services' clock (default: the real one). */
  now?: () => Date;
  /** A read replica for anonymous reads and dashboards (the caller closes it). */
  readDatabase?: Database;
  /** Redis shared with other servers (the caller closes it). */
  shared?: SharedState;
  /** Answer repeated anonymous queries without Apollo's pipeline (default true, as in production). */
  preparedQueries?: boolean;
}

/** The real HTTP server on a fresh database (seeded with the campaign unless seed is false), on a free port. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const testDatabase = options.testDatabase ?? (await createTestDatabase());
  const { database } = testDatabase;
  // The seeded calendar follows the services' clock, so a test that injects one gets the same campaign every day.
  if (options.seed !== false) await seedCampaign(database.db, options.now ? brusselsDate(options.now()) : undefined);
  const app = await createApp({
    config: {
      adminApiKey: ADMIN_KEY,
      introspection: options.introspection ?? true,
      environment: options.environment ?? "test",
      web: options.web,
      operating: { ...defaultOperatingConfig, rateLimit: null, responseCache: null, dashboardCache: null, requestDeadlineMs: 300_000, ...options.operating },
      webhooks: { allowedNetworks: TEST_ALLOWED_NETWORKS },
    },
    database,
    logger: options.logger ?? createLogger((process.env.TEST_LOG_LEVEL as "debug" | undefined) ?? "silent"),
    now: options.now,
    clock: options.clock,
    wallClock: options.wallClock,
    readDatabase: options.readDatabase,
    shared: options.shared,
    preparedQueries: options.preparedQueries,
  });
  const address = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${address.port}/graphql`;

  async function gql<T>(query: string, variables?: Record<string, unknown>, requestOptions: RequestOptions = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(requestOptions.key ? { authorization: `Bearer ${requestOptions.key}` } : {}),
        ...requestOptions.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: GraphQLResponse<T>["body"];
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`non-JSON response ${response.status}: ${text.slice(0, 200)}`);
    }
    return { status: response.status, headers: response.headers, body, statements: Number(response.headers.get("x-sql-statements") ?? NaN) };
  }

  return {
    url,
    app,
    database,
    testDatabase,
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>, requestOptions?: RequestOptions): Promise<T> {
      const response = await gql<T>(query, variables, requestOptions);
      if (response.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
      return response.body.data as T;
    },
    async close() {
      await app.close();
      await testDatabase.drop();
    },
  };
}
