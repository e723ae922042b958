import { sql } from "drizzle-orm";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { FeedFollower } from "../helpers/events";
import { insertVacancies } from "../helpers/factories";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let keys: Keys;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
});
afterAll(() => server.close());

const WRITERS = 8;
const ROUNDS = 8;

/**
 * Eight HR-system writers whose transactions differ in size (so they commit out of id order), and one feed reader
 * polling all the while. Afterwards the reader has seen every event exactly once, and each application's events in
 * the order of its versions.
 */
(onPostgres ? test : test.skip)(
  "8 concurrent writers and a reader: no event skipped or seen twice (PostgreSQL)",
  async () => {
    const agencies = ["dvz", "cgvs", "rvv", "fedasil"] as const;
    const codes = { dvz: "DVZ", cgvs: "CGVS", rvv: "RVV", fedasil: "FEDASIL" } as const;
    const vacancies = Object.fromEntries(
      await Promise.all(agencies.map(async (a) => [a, toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: codes[a] }))[0])])),
    ) as Record<(typeof agencies)[number], string>;
    const reader = new FeedFollower(server, keys.admin, null, 37);
    await reader.poll();
    const [{ before }] = await selectRows<{ before: string }>(server.database.db, sql`select coalesce(max(id), 0)::text as before from events`);

    // As an HR system does: a retryable refusal (a busy pool on a loaded machine) is sent again; every write is idempotent
    // or refused as already done.
    const send = async (query: string, variables: Record<string, unknown>, key: string) => {
      for (;;) {
        const response = await server.gql(query, variables, { key });
        if (!response.body.errors?.some((e) => e.extensions?.retryable || e.extensions?.code === "DEADLINE_EXCEEDED")) {
          if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
          return response.body.data as Record<string, any>;
        }
      }
    };
    reader.retrying = true;
    let writing = true;
    const writer = async (w: number) => {
      const agency = agencies[w % agencies.length];
      for (let round = 0; round < ROUNDS; round++) {
        const size = 1 + ((w * 7 + round * 13) % 40);
        const result = await send(SUBMIT, { input: { applications: Array.from({ length: size }, () => submission(vacancies[agency])) } }, keys[agency]);
        const ids: string[] = result.submitApplications.results.map((r: any) => r.application.id);
        for (const id of ids.slice(0, 3)) await send(MOVE, { input: { applicationId: id, toStage: "SCREENED" } }, keys[agency]);
        await send(MOVE, { input: { applicationId: ids[0], toStage: "REJECTED", reason: "INELIGIBLE" } }, keys[agency]);
      }
    };
    const readLoop = async () => {
      while (writing) await reader.poll();
    };
    const reading = readLoop();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await reading;
    await reader.poll();

    const written = await selectRows<{ id: string }>(server.database.db, sql`select id::text from events where id > ${before} order by id`);
    const seenKeys = reader.seen.map((e) => Buffer.from(e.id, "base64url").toString().split(":")[1]);
    expect(written.length).toBeGreaterThan(WRITERS * ROUNDS * 4);
    expect(new Set(seenKeys).size).toBe(seenKeys.length);
    expect(new Set(seenKeys)).toEqual(new Set(written.map((r) => r.id)));
    const versions = new Map<string, number[]>();
    for (const e of reader.seen) versions.set(e.payload.applicationId, [...(versions.get(e.payload.applicationId) ?? []), e.payload.version]);
    for (const [, list] of versions) expect(list).toEqual([...list].sort((a, b) => a - b));
  },
  600_000,
);
