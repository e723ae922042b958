import { eq, inArray, sql } from "drizzle-orm";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { applications, candidates, stageEvents } from "../../src/db/tables";
import { createKeys, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let keys: Keys;
let dvzVacancy: string;
let dvzOther: string;
let cgvsVacancy: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  const [a, b] = await insertVacancies(server.database.db, 2, { agencyCode: "DVZ", place: "Indieningstad" });
  const [c] = await insertVacancies(server.database.db, 1, { agencyCode: "CGVS", place: "Indieningstad" });
  [dvzVacancy, dvzOther, cgvsVacancy] = [a, b, c].map((id) => toGlobalId("Vacancy", id));
});
afterAll(() => server.close());

async function submit(key: string, items: unknown[]) {
  const response = await server.gql(SUBMIT, { input: { applications: items } }, { key });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.submitApplications;
}

const tableCounts = async () => {
  const [row] = await selectRows<{ apps: number; events: number; people: number }>(
    server.database.db,
    sql`select (select count(*)::int from applications) as apps, (select count(*)::int from stage_events) as events, (select count(*)::int from candidates) as people`,
  );
  return row;
};

test("a batch creates applications with their APPLIED events and counters", async () => {
  const items = [submission(dvzVacancy), submission(dvzVacancy), submission(dvzOther)];
  const result = await submit(keys.dvz, items);
  expect(result).toMatchObject({ createdCount: 3, existingCount: 0, refusedCount: 0, userErrors: [] });
  expect(result.results.map((r: any) => [r.externalId, r.created, r.updated, r.application.stage, r.application.version, r.userErrors])).toEqual(
    items.map((i) => [i.externalId, true, false, "APPLIED", 1, []]),
  );
  const events = await server.database.db.select().from(stageEvents).where(eq(stageEvents.toStage, "APPLIED"));
  expect(events.filter((e) => e.fromStage === null)).toHaveLength(events.length);
  await expectCountersToMatchEvents(server.database.db);
});

test("resending the same batch returns the same ids, created: false, and writes nothing", async () => {
  const items = [submission(dvzVacancy), submission(dvzOther)];
  const first = await submit(keys.dvz, items);
  const before = await tableCounts();
  const again = await submit(keys.dvz, items);
  expect(again).toMatchObject({ createdCount: 0, existingCount: 2, refusedCount: 0 });
  expect(again.results.map((r: any) => [r.application.id, r.created, r.updated])).toEqual(first.results.map((r: any) => [r.application.id, false, false]));
  expect(await tableCounts()).toEqual(before);
});

test("a resend with changed details updates the candidate, bumps the version, but never resets the stage", async () => {
  const item = submission(dvzVacancy, {}, { phone: "+32 2 123 45 67" });
  const [created] = (await submit(keys.dvz, [item])).results;
  const moved = await server.data(
    `mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { application { stage version } userErrors { code } } }`,
    { input: { applicationId: created.application.id, toStage: "SCREENED" } },
    { key: keys.dvz },
  );
  expect(moved.moveApplication).toEqual({ application: { stage: "SCREENED", version: 2 }, userErrors: [] });

  const changed = { ...item, candidate: { ...item.candidate, lastName: "Nieuwe Naam", phone: "+32 9 999 99 99", email: item.candidate.email.toUpperCase() } };
  const [resent] = (await submit(keys.dvz, [changed])).results;
  // The change is one a syncing HR system must see: a new version.
  expect(resent).toMatchObject({ created: false, updated: true, application: { id: created.application.id, stage: "SCREENED", version: 3 } });
  const person = await server.data(
    `query($id: ID!) { application(id: $id) { candidate { lastName phone email } history { toStage } } }`,
    { id: created.application.id },
    { key: keys.dvz },
  );
  expect(person.application).toEqual({
    candidate: { lastName: "Nieuwe Naam", phone: "+32 9 999 99 99", email: item.candidate.email },
    history: [{ toStage: "APPLIED" }, { toStage: "SCREENED" }],
  });
});

test("one person applying to several vacancies of an agency is one candidate; each agency has its own record of them", async () => {
  const person = { email: "  Sara.Janssens@Example.BE ", firstName: "Sara", lastName: "Janssens" };
  const dvz = await submit(keys.dvz, [submission(dvzVacancy, {}, person), submission(dvzOther, {}, person)]);
  const cgvs = await submit(keys.cgvs, [submission(cgvsVacancy, {}, person)]);
  expect([dvz.createdCount, cgvs.createdCount]).toEqual([2, 1]);
  const rows = await server.database.db.select().from(candidates).where(eq(candidates.email, "sara.janssens@example.be")).orderBy(candidates.agencyCode);
  expect(rows.map((r) => r.agencyCode)).toEqual(["DVZ", "CGVS"]);
  // One person for the taskforce's figures, linked by the keyed hash alone.
  expect(rows[0].personId).toBe(rows[1].personId);
  const apps = await server.database.db
    .select()
    .from(applications)
    .where(inArray(applications.candidateId, [rows[0].id, rows[1].id]));
  expect(apps.map((a) => `${a.agencyCode}:${a.candidateId === rows[0].id ? "dvz" : "cgvs"}`).sort()).toEqual(["CGVS:cgvs", "DVZ:dvz", "DVZ:dvz"]);

  // Each agency still sees only its own applications.
  const cgvsView = await server.data(
    `{ applications(first: 100) { edges { node { agencyCode: vacancy { agencyCode } candidate { email } } } } }`,
    {},
    { key: keys.cgvs },
  );
  expect(cgvsView.applications.edges.map((e: any) => e.node.agencyCode.agencyCode)).toEqual(expect.arrayContaining(["CGVS"]));
  expect(new Set(cgvsView.applications.edges.map((e: any) => e.node.agencyCode.agencyCode))).toEqual(new Set(["CGVS"]));
});

test("each refused application gets its code, the others are stored", async () => {
  const closed = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", status: "CLOSED" }))[0]);
  const draft = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", status: "DRAFT" }))[0]);
  const expired = toGlobalId(
    "Vacancy",
    (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", applicationDeadline: new Date("2022-01-01T00:00:00Z") }))[0],
  );
  const good = submission(dvzVacancy);
  const duplicate = submission(dvzVacancy);
  const items = [
    good,
    submission(cgvsVacancy),
    submission(toGlobalId("Vacancy", 999999)),
    submission("not-an-id"),
    submission(closed),
    submission(draft),
    submission(expired),
    submission(dvzVacancy, {}, { email: "not an address" }),
    submission(dvzVacancy, {}, { birthDate: "2999-01-01" }),
    submission(dvzVacancy, { submittedAt: "2999-01-01T00:00:00Z" }),
    submission(dvzVacancy, {}, { firstName: "x".repeat(101) }),
    submission(dvzVacancy, {}, { lastName: "   " }),
    submission(dvzVacancy, { externalId: "e".repeat(101) }),
    submission(dvzVacancy, {}, { phone: "call me maybe" }),
    submission(dvzVacancy, {}, { phone: "((((((" }),
    submission(dvzVacancy, {}, { phone: "+32 2 123" }),
    duplicate,
    { ...submission(dvzVacancy), externalId: duplicate.externalId },
    submission(expired, { submittedAt: "2021-12-31T12:00:00Z" }),
    // Strings the edge leaves to the batch, and dates out of range: refused per item.
    submission(dvzVacancy, {}, { email: "ls\ud83d@x.be" }),
    submission(dvzVacancy, {}, { firstName: "a\u0000b", phone: "\udc00" }),
    submission(dvzVacancy, { externalId: "\u0000" }),
    submission("\ud800"),
    submission(dvzVacancy, {}, { birthDate: "0001-01-01" }),
    submission(dvzVacancy, { submittedAt: "0001-01-01T00:00:00Z" }),
  ];
  const before = await tableCounts();
  const result = await submit(keys.dvz, items);
  expect(result.results.map((r: any) => r.userErrors.map((e: any) => `${e.code}@${e.field.slice(3).join(".")}`))).toEqual([
    [],
    ["VACANCY_NOT_FOUND@vacancyId"],
    ["VACANCY_NOT_FOUND@vacancyId"],
    ["VACANCY_NOT_FOUND@vacancyId"],
    ["VACANCY_NOT_OPEN@vacancyId"],
    ["VACANCY_NOT_OPEN@vacancyId"],
    ["DEADLINE_PASSED@vacancyId"],
    ["INVALID_EMAIL@candidate.email"],
    ["BIRTH_DATE_IN_FUTURE@candidate.birthDate"],
    ["SUBMITTED_IN_FUTURE@submittedAt"],
    ["TOO_LONG@candidate.firstName"],
    ["REQUIRED@candidate.lastName"],
    ["TOO_LONG@externalId"],
    ["INVALID_PHONE@candidate.phone"],
    ["INVALID_PHONE@candidate.phone"],
    ["INVALID_PHONE@candidate.phone"],
    [],
    ["DUPLICATE_IN_BATCH@externalId"],
    [],
    ["INVALID_TEXT@candidate.email"],
    ["INVALID_TEXT@candidate.firstName", "INVALID_TEXT@candidate.phone"],
    ["INVALID_TEXT@externalId"],
    ["INVALID_TEXT@vacancyId"],
    ["BIRTH_DATE_OUT_OF_RANGE@candidate.birthDate"],
    ["SUBMITTED_OUT_OF_RANGE@submittedAt"],
  ]);
  expect(result).toMatchObject({ createdCount: 3, existingCount: 0, refusedCount: 22 });
  expect(result.results[1].userErrors[0]).toEqual({
    field: ["input", "applications", "1", "vacancyId"],
    code: "VACANCY_NOT_FOUND",
    message: "No vacancy of your agency has this id.",
  });
  const after = await tableCounts();
  expect([after.apps - before.apps, after.events - before.events]).toEqual([3, 3]);
});

test("an application the database refuses is NOT_STORED; the rest of the batch is stored", async () => {
  const db = server.database.db;
  const [good, refused, other] = [submission(dvzVacancy), submission(dvzVacancy), submission(dvzOther)];
  // The fault, injected: a trigger refuses one application as a data error would (every rule checked before the write
  // passes it), so the batch's transaction fails and each application is written on its own.
  await db.execute(sql`create function refuse_application() returns trigger language plpgsql as $$
    begin raise exception 'injected refusal of an application' using errcode = 'check_violation'; end $$`);
  await db.execute(
    sql`create trigger refuse_one_application before insert on applications for each row when (new.external_id = ${sql.raw(`'${refused.externalId}'`)}) execute function refuse_application()`,
  );
  const before = await tableCounts();
  let result: any;
  try {
    result = await submit(keys.dvz, [good, refused, other]);
  } finally {
    await db.execute(sql`drop trigger refuse_one_application on applications`);
    await db.execute(sql`drop function refuse_application()`);
  }
  expect(result.results.map((r: any) => [r.externalId, r.created, r.application === null, r.userErrors.map((e: any) => [e.code, e.field])])).toEqual([
    [good.externalId, true, false, []],
    [refused.externalId, false, true, [["NOT_STORED", ["input", "applications", "1"]]]],
    [other.externalId, true, false, []],
  ]);
  expect(result).toMatchObject({ createdCount: 2, existingCount: 0, refusedCount: 1 });
  const after = await tableCounts();
  // Nothing of the refused one: not its application, its APPLIED event, nor its person.
  expect([after.apps - before.apps, after.events - before.events, after.people - before.people]).toEqual([2, 2, 2]);
  expect(await db.select({ id: applications.id }).from(applications).where(eq(applications.externalId, refused.externalId))).toEqual([]);
  await expectCountersToMatchEvents(db);
  // Sent again once the fault is gone, it is stored.
  expect((await submit(keys.dvz, [refused])).createdCount).toBe(1);
});

test("the same person applying twice to one vacancy under two external ids is refused", async () => {
  const person = { email: "dubbel@example.be" };
  await submit(keys.dvz, [submission(dvzVacancy, {}, person)]);
  const [second] = (await submit(keys.dvz, [submission(dvzVacancy, {}, person)])).results;
  expect(second.userErrors.map((e: any) => e.code)).toEqual(["ALREADY_APPLIED"]);
});

test("an external id cannot be reused for another vacancy", async () => {
  const item = submission(dvzVacancy);
  await submit(keys.dvz, [item]);
  const [reused] = (await submit(keys.dvz, [{ ...item, vacancyId: dvzOther }])).results;
  expect(reused).toMatchObject({ created: false, application: null, userErrors: [{ code: "EXTERNAL_ID_REUSED" }] });
});

test("external ids are per agency: another agency may use the same one", async () => {
  const dvz = submission(dvzVacancy);
  const cgvs = { ...submission(cgvsVacancy), externalId: dvz.externalId };
  const [a] = (await submit(keys.dvz, [dvz])).results;
  const [b] = (await submit(keys.cgvs, [cgvs])).results;
  expect([a.created, b.created]).toEqual([true, true]);
  expect(a.application.id).not.toBe(b.application.id);
});

test("more than 500 in one call is BAD_USER_INPUT and writes nothing", async () => {
  const before = await tableCounts();
  const items = Array.from({ length: 501 }, () => submission(dvzVacancy));
  const response = await server.gql(SUBMIT, { input: { applications: items } }, { key: keys.dvz });
  expect(response.body.data).toBeNull();
  expect(response.body.errors).toEqual([
    expect.objectContaining({
      message: "input.applications holds 501 applications; at most 500 per call.",
      extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
    }),
  ]);
  expect(await tableCounts()).toEqual(before);
});

test("a full batch of 500 is stored in a constant number of statements", async () => {
  const small = await server.gql(SUBMIT, { input: { applications: Array.from({ length: 5 }, () => submission(dvzVacancy)) } }, { key: keys.dvz });
  const large = await server.gql(SUBMIT, { input: { applications: Array.from({ length: 500 }, () => submission(dvzOther)) } }, { key: keys.dvz });
  expect(large.body.data!.submitApplications.createdCount).toBe(500);
  expect(large.statements).toBe(small.statements);
  await expectCountersToMatchEvents(server.database.db);
});

test("only agency HR keys submit", async () => {
  for (const key of [keys.taskforce, keys.admin]) {
    const response = await server.gql(SUBMIT, { input: { applications: [submission(dvzVacancy)] } }, { key });
    expect(response.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  }
  const anonymous = await server.gql(SUBMIT, { input: { applications: [submission(dvzVacancy)] } });
  expect(anonymous.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
});
