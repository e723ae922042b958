import { addDays, brusselsDate } from "../../src/common/brussels-time";
import { sql } from "drizzle-orm";
import { selectRows } from "../../src/db/client";
import { generateDemoData } from "../../src/seeding/demo-generator";
import { rebuildCounters } from "../../src/applications/counter-rebuild";
import { countersAndRecount, expectCountersToMatchEvents, rollupsAndRecount } from "../helpers/recount";
import { startTestServer, type TestServer } from "../helpers/test-server";

// A week before today: inside the seeded campaign, whose calendar moves to the day the seed runs.
const UNTIL = addDays(brusselsDate(new Date()), -7);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test("demo data: legal histories, exact counters, deterministic and idempotent", async () => {
  const db = server.database.db;
  const first = await generateDemoData(server.database, { applications: 1200, seed: 7, until: UNTIL, chunkSize: 500 });
  expect(first.created).toBe(1200);
  expect(Object.values(first.byStage).reduce((a, b) => a + b, 0)).toBe(1200);
  expect(first.candidates).toBeLessThan(1200);

  const again = await generateDemoData(server.database, { applications: 1200, seed: 7, until: UNTIL, chunkSize: 300 });
  expect(again).toMatchObject({ created: 0, candidates: 0, events: 0 });

  await expectCountersToMatchEvents(db);

  // Every history is a legal path: each event starts where the previous one ended, in time order, and none is in the future.
  const [broken] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
          select from_stage, lag(to_stage) over w as previous, occurred_at, lag(occurred_at) over w as previous_at
          from stage_events window w as (partition by application_id order by occurred_at, id)) e
        where e.from_stage is distinct from e.previous or e.occurred_at < e.previous_at or e.occurred_at > ${addDays(UNTIL, 1)}::date`,
  );
  expect(broken.n).toBe(0);
  const [mismatch] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from applications a
        where a.version <> (select count(*) from stage_events e where e.application_id = a.id)
           or a.stage <> (select e.to_stage from stage_events e where e.application_id = a.id order by occurred_at desc, id desc limit 1)`,
  );
  expect(mismatch.n).toBe(0);
  // No vacancy hires more than its target.
  const [overHired] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from vacancy_stage_counts c join vacancies v on v.id = c.vacancy_id where c.stage = 'HIRED' and c.reached > v.headcount_target`,
  );
  expect(overHired.n).toBe(0);
});

test("the bulk path recounts the counters to exactly what the moves kept", async () => {
  const db = server.database.db;
  const incremental = [await countersAndRecount(db), await rollupsAndRecount(db)];
  await db.transaction((tx) => rebuildCounters(tx));
  expect([await countersAndRecount(db), await rollupsAndRecount(db)]).toEqual(incremental);

  const bulk = await generateDemoData(server.database, { applications: 800, seed: 8, until: UNTIL, bulk: true });
  expect(bulk.created).toBe(800);
  await expectCountersToMatchEvents(db);
});
