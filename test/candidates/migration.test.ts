import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { PersonKeys, personKey } from "../../src/candidates/person-keys";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows, type Db } from "../../src/db/client";
import { createKeys, MOVE, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { countersAndRecount, expectCountersToMatchEvents } from "../helpers/recount";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * drizzle/0014 splits the candidates every agency shared into one record per agency. The data is made through the API,
 * folded back into the shape it had before (one row per address, shared by the agencies), and migrated again: every
 * application, event and figure must come out as it went in, and each agency must see the same person data.
 */

let server: TestServer;
let keys: Keys;
/** drizzle/0014 splits the rows; 0015 relaxes one of its constraints; 0016 drops the foreign key 0014 gave scope_candidates. */
const MIGRATIONS = ["0014_persons_per_agency.sql", "0015_candidates_person_not_unique.sql", "0016_scope_candidates_without_person_fk.sql"].map((file) =>
  path.join(__dirname, "../../drizzle", file),
);

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
});
afterAll(() => server.close());

/** The schema and rows as they were before drizzle/0014: one candidate per address, shared by every agency. */
async function foldBackToSharedCandidates(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of [
      `alter table applications drop constraint applications_candidate_of_agency`,
      `alter table candidates drop constraint candidates_person_id_persons_id_fk`,
      `alter table candidates drop constraint candidates_agency_email_key`,
      `alter table candidates drop constraint candidates_id_agency`,
      // Each person's lowest candidate id becomes the shared row, as the person's id is (both were the candidate's id).
      `update applications a set candidate_id = k.keep from (select id, min(id) over (partition by person_id) as keep from candidates) k
       where a.candidate_id = k.id and k.id <> k.keep`,
      `update scope_candidates s set person_id = (select min(id) from candidates c where c.person_id = s.person_id)`,
      `delete from candidates c where exists (select 1 from candidates o where o.person_id = c.person_id and o.id < c.id)`,
      `alter table candidates drop column agency_code, drop column person_id, drop column email_key`,
      `alter table candidates add constraint candidates_email_unique unique (email)`,
      `alter table applications add constraint applications_candidate_id_candidates_id_fk foreign key (candidate_id) references candidates (id)`,
      `alter table scope_candidates rename column person_id to candidate_id`,
      `alter table scope_candidates rename constraint scope_candidates_scope_person_id_pk to scope_candidates_scope_candidate_id_pk`,
      `alter table scope_candidates add constraint scope_candidates_candidate_id_candidates_id_fk foreign key (candidate_id) references candidates (id)`,
      `drop table persons`,
      `drop table server_settings`,
    ]) {
      await tx.execute(sql.raw(statement));
    }
  });
}

async function applyMigration(db: Db): Promise<void> {
  const statements = MIGRATIONS.flatMap((file) => readFileSync(file, "utf8").split("--> statement-breakpoint"))
    .map((s) => s.trim())
    .filter(Boolean);
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

/** Every counter table but scope_candidates (above, without its person column). */
const ROLLUPS = [
  "vacancy_stage_daily",
  "rollup_stage_daily",
  "rollup_stage_weekly",
  "stage_durations",
  "rollup_duration_daily",
  "stage_exits",
  "rollup_exit_daily",
];

/** Everything the migration must leave as it was. */
async function snapshot(db: Db) {
  const q = <T>(query: ReturnType<typeof sql>) => selectRows<T>(db, query);
  return {
    applications: await q(
      sql`select id, vacancy_id, agency_code::text, external_id, stage::text, version, submitted_at::text, updated_at::text from applications order by id`,
    ),
    stageEvents: await q(sql`select id, application_id, from_stage::text, to_stage::text, occurred_at::text from stage_events order by id`),
    events: await q(sql`select id, type, agency_code::text, payload from events order by id`),
    scopeCandidates: await q(sql`select scope, first_day::text from scope_candidates order by 1, 2`),
    candidateDaily: await q(sql`select scope, day::text, new_candidates from rollup_candidate_daily order by 1, 2`),
    counters: await countersAndRecount(db),
    rollups: Object.fromEntries(
      await Promise.all(ROLLUPS.map(async (table) => [table, await q(sql.raw(`select * from ${table} order by 1, 2, 3, 4`))] as const)),
    ),
  };
}

const FIGURES = `{ dashboard { applications distinctCandidates crossAgencyCandidates hired laureates offered } }`;
const AGENCY_FIGURES = `query($agency: AgencyCode!) { dashboard(filter: { agencies: [$agency] }) { applications distinctCandidates } }`;

/** Submission times relative to the clock the server reads, so the dashboard's default period covers them. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

test("splitting the shared candidates changes no application, event or figure, and each agency keeps seeing its person data", async () => {
  const db = server.database.db;
  const vacancy = async (agency: "DVZ" | "CGVS") => toGlobalId("Vacancy", (await insertVacancies(db, 1, { agencyCode: agency, place: "Migratiestad" }))[0]);
  const [dvz1, dvz2, cgvs1] = [await vacancy("DVZ"), await vacancy("DVZ"), await vacancy("CGVS")];
  const submit = (key: string, items: unknown[]) =>
    server.data(
      `mutation($input: SubmitApplicationsInput!) { submitApplications(input: $input) { results { application { id candidate { id } } userErrors { code } } } }`,
      { input: { applications: items } },
      { key },
    );
  const shared = { firstName: "Gedeeld", lastName: "Persoon", email: "gedeeld@example.be", phone: "+32 470 12 12 12", birthDate: "1991-01-01" };
  const onlyDvz = { firstName: "Enkel", lastName: "DVZ", email: "enkel.dvz@example.be" };
  const erased = { firstName: "Gewist", lastName: "Persoon", email: "gewist@example.be" };
  const atDvz = await submit(keys.dvz, [
    { externalId: "m-1", vacancyId: dvz1, submittedAt: daysAgo(10), candidate: shared },
    { externalId: "m-2", vacancyId: dvz2, submittedAt: daysAgo(8), candidate: shared },
    { externalId: "m-3", vacancyId: dvz1, submittedAt: daysAgo(9), candidate: onlyDvz },
  ]);
  const atCgvs = await submit(keys.cgvs, [
    { externalId: "m-1", vacancyId: cgvs1, submittedAt: daysAgo(11), candidate: shared },
    { externalId: "m-4", vacancyId: cgvs1, submittedAt: daysAgo(7), candidate: erased },
  ]);
  await server.data(MOVE, { input: { applicationId: atDvz.submitApplications.results[0].application.id, toStage: "SCREENED" } }, { key: keys.dvz });
  await server.data(
    `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`,
    { id: atCgvs.submitApplications.results[1].application.candidate.id },
    { key: keys.admin },
  );
  const applicationIds = [...atDvz.submitApplications.results, ...atCgvs.submitApplications.results].map((r: any) => r.application.id);

  const personData = async () =>
    Promise.all(
      applicationIds.map(async (id, i) => {
        const key = i < 3 ? keys.dvz : keys.cgvs;
        const { application } = await server.data(
          `query($id: ID!) { application(id: $id) { candidate { firstName lastName email phone birthDate erased } } }`,
          { id },
          { key },
        );
        return application.candidate;
      }),
    );
  const figures = async () => ({
    campaign: (await server.data(FIGURES, {}, { key: keys.taskforce })).dashboard,
    dvz: (await server.data(AGENCY_FIGURES, { agency: "DVZ" }, { key: keys.taskforce })).dashboard,
    cgvs: (await server.data(AGENCY_FIGURES, { agency: "CGVS" }, { key: keys.taskforce })).dashboard,
  });
  const before = { data: await personData(), figures: await figures() };
  expect(before.figures.campaign).toMatchObject({ applications: 5, distinctCandidates: 3, crossAgencyCandidates: 1 });
  const settings = await selectRows<{ name: string; value: string }>(db, sql`select name, value from server_settings`);

  await foldBackToSharedCandidates(db);
  const shape = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from candidates`);
  expect(shape[0].n).toBe(3);
  const legacy = await snapshot(db);

  await applyMigration(db);
  for (const s of settings) await db.execute(sql`insert into server_settings (name, value) values (${s.name}, ${s.value})`);
  // The first start keys the migrated rows (the running server has its secret already).
  await new PersonKeys(db, null).ready();

  expect(await snapshot(db)).toEqual(legacy);
  expect(await personData()).toEqual(before.data);
  expect(await figures()).toEqual(before.figures);
  await expectCountersToMatchEvents(db);
  const rows = await selectRows<{ agency_code: string; email: string | null; email_key: string; person_key: string }>(
    db,
    sql`select c.agency_code::text, c.email, c.email_key, p.key as person_key from candidates c join persons p on p.id = c.person_id order by c.agency_code, c.email`,
  );
  // Agencies in their enum's order (DVZ, CGVS, ...): the shared person now has a record at each agency.
  expect(rows.map((r) => [r.agency_code, r.email])).toEqual([
    ["DVZ", "enkel.dvz@example.be"],
    ["DVZ", "gedeeld@example.be"],
    ["CGVS", "gedeeld@example.be"],
    ["CGVS", null],
  ]);
  const secret = Buffer.from(settings.find((s) => s.name === "person_key_secret")!.value, "utf8");
  for (const r of rows.filter((r) => r.email)) expect([r.email_key, r.person_key]).toEqual([personKey(secret, r.email!), personKey(secret, r.email!)]);

  // After the migration the agencies go on as before: a new application of the shared person is one more application
  // of a person already counted.
  const dvz3 = await vacancy("DVZ");
  const again = await submit(keys.dvz, [
    { externalId: "m-5", vacancyId: dvz3, submittedAt: daysAgo(6), candidate: { ...shared, email: "Gedeeld@Example.be" } },
  ]);
  expect(again.submitApplications.results[0].userErrors).toEqual([]);
  const after = (await server.data(FIGURES, {}, { key: keys.taskforce })).dashboard;
  expect(after).toEqual({ ...before.figures.campaign, applications: 6 });
});
