import { toGlobalId } from "../../src/common/global-id";
import { mulberry32 } from "../../src/seeding/demo-generator";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * The sync recipe of docs/hr-integration.md, replayed by a client while random changes (moves, withdrawals, changed
 * and cleared candidate details, erasures, new applications) happen at the same time: the client must end with
 * exactly the server's state. It holds only because every change an agency can see bumps version and updatedAt.
 */

let server: TestServer;
let keys: Keys;
let vacancies: string[];

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  vacancies = (await insertVacancies(server.database.db, 3, { agencyCode: "RVV", place: "Syncstad" })).map((id) => toGlobalId("Vacancy", id));
});
afterAll(() => server.close());

const NODE = `id version updatedAt stage rejectionReason candidate { id firstName lastName email phone birthDate erased }`;
const SYNC = `query($since: DateTime, $after: String) {
  applications(first: 7, after: $after, filter: { updatedSince: $since }) { pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } }
}`;

type Node = { id: string; version: number; updatedAt: string; candidate: { id: string } };

/** The client: exactly the documented recipe. */
class SyncingClient {
  readonly held = new Map<string, Node>();
  private since: string | null = null;

  async sync(): Promise<void> {
    const from = this.since ? new Date(Date.parse(this.since) - 60_000).toISOString() : null;
    let after: string | null = null;
    let latest = this.since;
    do {
      const page: any = (await server.data(SYNC, { since: from, after }, { key: keys.rvv })).applications;
      for (const { node } of page.edges as { node: Node }[]) {
        const known = this.held.get(node.id);
        if (!known || known.version < node.version) this.held.set(node.id, node);
        if (!latest || node.updatedAt > latest) latest = node.updatedAt;
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    this.since = latest;
  }
}

async function serverState(): Promise<Map<string, Node>> {
  const state = new Map<string, Node>();
  let after: string | null = null;
  do {
    const page: any = (
      await server.data(
        `query($after: String) { applications(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } }`,
        { after },
        { key: keys.rvv },
      )
    ).applications;
    for (const { node } of page.edges as { node: Node }[]) state.set(node.id, node);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return state;
}

test("a client following the sync recipe while random changes happen ends with exactly the server's state", async () => {
  const people = Array.from({ length: 8 }, (_, i) => ({
    firstName: "Sync",
    lastName: `Persoon ${i}`,
    email: `sync.${process.pid}.${i}@example.be`,
    phone: "+32 470 55 44 33",
  }));
  const items = people.flatMap((candidate, i) =>
    vacancies.map((vacancyId, v) => submission(vacancyId, { externalId: `sync-${process.pid}-${i}-${v}` }, candidate)),
  );
  const created = (await server.data(SUBMIT, { input: { applications: items } }, { key: keys.rvv })).submitApplications.results;
  const ids: string[] = created.map((r: any) => r.application.id);

  const client = new SyncingClient();
  await client.sync();
  let changing = true;

  /** One worker of random changes, each drawn from its own seeded stream. */
  async function changes(seed: number, count: number) {
    const draw = mulberry32(seed);
    const pick = <T>(list: T[]) => list[Math.floor(draw() * list.length)];
    for (let n = 0; n < count; n++) {
      const choice = draw();
      const applicationId = pick(ids);
      const i = Math.floor(draw() * people.length);
      if (choice < 0.3) await server.data(MOVE, { input: { applicationId, toStage: "SCREENED" } }, { key: keys.rvv });
      else if (choice < 0.4) await server.data(MOVE, { input: { applicationId, toStage: "REJECTED", reason: "INELIGIBLE" } }, { key: keys.rvv });
      else if (choice < 0.45)
        await server.data(
          `mutation($id: ID!) { withdrawApplication(input: { applicationId: $id }) { userErrors { code } } }`,
          { id: applicationId },
          { key: keys.rvv },
        );
      else if (choice < 0.75) {
        // A resend of one person's applications with changed, left-out or cleared details.
        const candidate = { ...people[i], lastName: `Persoon ${i} ${Math.floor(draw() * 3)}`, phone: pick([undefined, null, "+32 2 111 22 33"]) };
        const resend = items.filter((item) => item.candidate.email === people[i].email).map((item) => ({ ...item, candidate }));
        await server.data(SUBMIT, { input: { applications: resend } }, { key: keys.rvv });
      } else if (choice < 0.8) {
        const { application } = await server.data(`query($id: ID!) { application(id: $id) { candidate { id } } }`, { id: applicationId }, { key: keys.rvv });
        await server.data(
          `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`,
          { id: application.candidate.id },
          { key: keys.rvv },
        );
      } else {
        const [fresh] = (await server.data(SUBMIT, { input: { applications: [submission(pick(vacancies))] } }, { key: keys.rvv })).submitApplications.results;
        ids.push(fresh.application.id);
      }
    }
  }

  const syncing = (async () => {
    while (changing) await client.sync();
  })();
  await Promise.all(onPostgres ? [changes(1, 60), changes(2, 60), changes(3, 60)] : [changes(1, 80)]);
  changing = false;
  await syncing;
  await client.sync();

  const state = await serverState();
  expect(state.size).toBe(ids.length);
  expect([...client.held.entries()].sort()).toEqual([...state.entries()].sort());
});
