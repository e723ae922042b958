import { toGlobalId } from "../../src/common/global-id";
import { createKeys, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** DASHBOARD_CACHE_S: the figures of one selection shared by the taskforce's requests for a few seconds. */

const DASHBOARD = `query Dashboard($filter: DashboardFilter, $asOf: Date) {
  dashboard(campaignSlug: "asiel-migratie-2021", filter: $filter, asOf: $asOf) {
    applications hired distinctCandidates funnel { stage reached current } weekly { applications } timeInStage { count } exits { withdrawn }
  }
}`;

let server: TestServer;
let keys: Keys;
let now = 0;
const MAX_AGE_MS = 5_000;
/** What any request with a key costs (finding the key), dashboard or not. */
let keyStatements: number;

beforeAll(async () => {
  server = await startTestServer({ operating: { dashboardCache: { maxAgeMs: MAX_AGE_MS } }, clock: () => now });
  keys = await createKeys(server);
  keyStatements = (await server.gql("{ __typename }", {}, { key: keys.taskforce })).statements;
});
afterAll(async () => {
  await server.close();
});

/** A vacancy of this test's own, so its figures start at zero whatever the other tests do. */
async function ownVacancy(): Promise<string> {
  const [id] = await insertVacancies(server.database.db, 1, { agencyCode: "DVZ" });
  return toGlobalId("Vacancy", id);
}

const read = (vacancyId: string, extra: Record<string, unknown> = {}) =>
  server.gql(DASHBOARD, { filter: { vacancyIds: [vacancyId] }, ...extra }, { key: keys.taskforce });

const push = async (vacancyId: string, count: number) => {
  const data = await server.data(SUBMIT, { input: { applications: Array.from({ length: count }, () => submission(vacancyId)) } }, { key: keys.dvz });
  expect(data.submitApplications.createdCount).toBe(count);
};

describe("the dashboard's figures, shared for DASHBOARD_CACHE_S", () => {
  test("within the bound a read runs no statement of its own and shows what the first one read; past it, the push shows", async () => {
    const vacancy = await ownVacancy();
    now = 1_000;
    const first = await read(vacancy);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.dashboard.applications).toBe(0);
    expect(first.statements).toBeGreaterThan(keyStatements);

    await push(vacancy, 2);
    now = 1_000 + MAX_AGE_MS;
    const shared = await read(vacancy);
    expect(shared.body).toEqual(first.body);
    expect(shared.statements).toBe(keyStatements);

    now = 1_000 + MAX_AGE_MS + 1;
    const fresh = await read(vacancy);
    expect(fresh.body.data!.dashboard.applications).toBe(2);
    expect(fresh.body.data!.dashboard.funnel[0]).toEqual({ stage: "APPLIED", reached: 2, current: 2 });
    // Read afresh (fewer than the first read: that one also froze the closed weeks, once per process).
    expect(fresh.statements).toBeGreaterThan(keyStatements);
  });

  test("concurrent readers of one selection run its statements once between them", async () => {
    const vacancy = await ownVacancy();
    await push(vacancy, 3);
    now = 100_000;
    const alone = await read(vacancy, { asOf: null });
    now = 200_000;
    const together = await Promise.all(Array.from({ length: 5 }, () => read(vacancy)));
    for (const answer of together) expect(answer.body).toEqual(alone.body);
    const dashboardStatements = together.reduce((sum, answer) => sum + answer.statements - keyStatements, 0);
    expect(dashboardStatements).toBe(alone.statements - keyStatements);
    expect(alone.body.data!.dashboard.applications).toBe(3);
  });

  test("another filter or asOf is another selection, read afresh", async () => {
    const vacancy = await ownVacancy();
    const other = await ownVacancy();
    now = 300_000;
    expect((await read(vacancy)).statements).toBeGreaterThan(keyStatements);
    await push(other, 1);
    const otherFigures = await server.gql(DASHBOARD, { filter: { vacancyIds: [vacancy, other] } }, { key: keys.taskforce });
    expect(otherFigures.statements).toBeGreaterThan(keyStatements);
    expect(otherFigures.body.data!.dashboard.applications).toBe(1);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const past = await read(vacancy, { asOf: yesterday });
    expect(past.statements).toBeGreaterThan(keyStatements);
    expect(past.body.data!.dashboard.applications).toBe(0);
  });

  test("a refused argument is refused each time, and nothing is kept for it", async () => {
    const vacancy = await ownVacancy();
    now = 400_000;
    for (let i = 0; i < 2; i++) {
      const before = await read(vacancy, { asOf: "2001-01-01" });
      expect(before.status).toBe(200);
      expect(before.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(before.body.errors?.[0].message).toMatch(/^asOf \(2001-01-01\) lies outside the campaign/);
    }
  });

  test("an agency's key is still refused, whatever is kept", async () => {
    const vacancy = await ownVacancy();
    now = 500_000;
    await read(vacancy);
    const refused = await server.gql(DASHBOARD, { filter: { vacancyIds: [vacancy] } }, { key: keys.dvz });
    expect(refused.body.data?.dashboard ?? null).toBeNull();
    expect(refused.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
