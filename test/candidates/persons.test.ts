import { sql } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { createKeys, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Candidates belong to their agency (issue 10): each agency's data about a person is its own record. Two agencies are
 * played against each other over every mutation and field that touches a person, both ways round; the schema is walked
 * so a new mutation or field that touches a person fails here until it is played too.
 */

let server: TestServer;
let keys: Keys;
type Agency = "DVZ" | "CGVS";
const vacancies: Record<Agency, string[]> = { DVZ: [], CGVS: [] };
const keyOf = (agency: Agency) => (agency === "DVZ" ? keys.dvz : keys.cgvs);

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  for (const agency of ["DVZ", "CGVS"] as const) {
    vacancies[agency] = (await insertVacancies(server.database.db, 4, { agencyCode: agency, place: "Personenstad" })).map((id) => toGlobalId("Vacancy", id));
  }
});
afterAll(() => server.close());

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

const RESULT = `results { externalId created updated application { id version updatedAt candidate { ${"id firstName lastName email phone birthDate erased"} } } userErrors { field code } }`;

async function submit(agency: Agency, items: unknown[]) {
  const response = await server.gql(
    `mutation($input: SubmitApplicationsInput!) { submitApplications(input: $input) { createdCount existingCount refusedCount ${RESULT} } }`,
    { input: { applications: items } },
    { key: keyOf(agency) },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.submitApplications;
}

async function erase(key: string, candidateId: string) {
  return (
    await server.data(
      `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { candidate { id email erased } userErrors { field code } } }`,
      { id: candidateId },
      { key },
    )
  ).eraseCandidate;
}

/** The schema's own list of a type's fields, so the test follows the schema. */
async function fieldsOf(type: string): Promise<{ name: string; type: string }[]> {
  const data = await server.data(
    `query($name: String!) { __type(name: $name) { fields { name type { name kind ofType { name kind ofType { name } } } } inputFields { name type { name kind ofType { name kind } } } } }`,
    { name: type },
  );
  const unwrap = (t: any): string => t.name ?? unwrap(t.ofType);
  return (data.__type.fields ?? data.__type.inputFields).map((f: any) => ({ name: f.name, type: unwrap(f.type) }));
}

/** What an agency knows of the person behind one of its applications: every field of Candidate, the version, updatedAt. */
async function view(agency: Agency, applicationId: string) {
  const fields = (await fieldsOf("Candidate")).map((f) => f.name).join(" ");
  return (
    await server.data(`query($id: ID!) { application(id: $id) { version updatedAt candidate { ${fields} } } }`, { id: applicationId }, { key: keyOf(agency) })
  ).application;
}

const eventsOf = async (agency: Agency) =>
  (await selectRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from events where agency_code = ${agency}`))[0].n;

async function taskforceFigures() {
  return (await server.data(`{ dashboard { applications distinctCandidates crossAgencyCandidates } }`, {}, { key: keys.taskforce })).dashboard;
}

/** A value for every field of CandidateInput, different per agency and round; a new field fails until it gets one. */
const VALUES: Record<string, (tag: string) => unknown> = {
  firstName: (tag) => `Voornaam ${tag}`,
  lastName: (tag) => `Achternaam ${tag}`,
  email: (tag) => `persoon.${tag}@example.be`,
  phone: (tag) => `+32 470 ${String(10 + (tag.length % 80)).padStart(2, "0")} ${String(counter % 100).padStart(2, "0")} 11`,
  birthDate: (tag) => `19${String(50 + (tag.length % 40)).padStart(2, "0")}-0${1 + (counter % 9)}-1${counter % 10}`,
};

test("the plays below cover every input field of a candidate and every mutation that touches a person", async () => {
  expect((await fieldsOf("CandidateInput")).map((f) => f.name).sort()).toEqual(Object.keys(VALUES).sort());
  const schema = await server.data(
    `{ __schema { mutationType { fields { name args { type { ...T } } } } types { name kind inputFields { name type { ...T } } } } }
     fragment T on __Type { name ofType { name ofType { name ofType { name } } } }`,
  );
  const unwrap = (t: any): string => t.name ?? unwrap(t.ofType);
  const inputs = new Map<string, { name: string; type: string }[]>(
    schema.__schema.types
      .filter((t: any) => t.kind === "INPUT_OBJECT")
      .map((t: any) => [t.name, t.inputFields.map((f: any) => ({ name: f.name, type: unwrap(f.type) }))]),
  );
  const touchesPerson = (type: string, seen = new Set<string>()): boolean => {
    if (type === "CandidateInput") return true;
    if (seen.has(type) || !inputs.has(type)) return false;
    seen.add(type);
    return inputs.get(type)!.some((f) => /candidate/i.test(f.name) || touchesPerson(f.type, seen));
  };
  const touching = schema.__schema.mutationType.fields
    .filter((m: any) => m.args.some((a: any) => touchesPerson(unwrap(a.type))))
    .map((m: any) => m.name)
    .sort();
  expect(touching).toEqual(["eraseCandidate", "submitApplications"]);
});

describe.each([
  ["CGVS", "DVZ"],
  ["DVZ", "CGVS"],
] as const)("%s plays against %s's record of a person", (other, owner) => {
  test("no read, no write, no side effect, no code that tells the record exists", async () => {
    const tag = unique();
    const email = `Sara.${tag}@Example.be`;
    const mine = {
      externalId: `own-${tag}`,
      vacancyId: vacancies[owner][0],
      candidate: { firstName: "Sara", lastName: "Janssens", email, phone: "+32 470 12 34 56", birthDate: "1994-03-18" },
    };
    const [created] = (await submit(owner, [mine])).results;
    const ownerApp = created.application.id;
    const ownerCandidate = created.application.candidate.id;
    // A second candidate of the owner's, whose address the other agency will use as well.
    const [second] = (await submit(owner, [{ ...mine, externalId: `own2-${tag}`, candidate: { ...mine.candidate, email: `second.${tag}@example.be` } }]))
      .results;
    const before = { record: await view(owner, ownerApp), second: await view(owner, second.application.id), events: await eventsOf(owner) };
    const figures = await taskforceFigures();

    // Every field of CandidateInput at once, then each left out, then each cleared where it may be.
    const theirs = (candidate: Record<string, unknown>) => ({ externalId: `theirs-${tag}`, vacancyId: vacancies[other][0], candidate });
    const all = Object.fromEntries(Object.entries(VALUES).map(([field, value]) => [field, value(`${other}${tag}`)]));
    const plays: Record<string, unknown>[] = [
      { ...all, email: email.toUpperCase(), firstName: "Evil" },
      { firstName: "Evil", lastName: "Overwrite", email },
      { ...all, email, phone: null, birthDate: null },
      { ...all, email: `second.${tag}@example.be` },
      { ...all, email: `anders.${tag}@example.be`, phone: "+32 2 555 55 55" },
    ];
    let theirApp: string | null = null;
    for (const candidate of plays) {
      const [result] = (await submit(other, [theirs(candidate)])).results;
      // Their answer holds their own data only, never the owner's phone or birth date, and no cross-agency code.
      expect(result.userErrors).toEqual([]);
      expect(result.application.candidate.phone).not.toBe(mine.candidate.phone);
      expect(result.application.candidate.birthDate).not.toBe(mine.candidate.birthDate);
      expect(result.application.candidate.id).not.toBe(ownerCandidate);
      theirApp = result.application.id;
      expect(await view(owner, ownerApp)).toEqual(before.record);
      expect(await view(owner, second.application.id)).toEqual(before.second);
      expect(await eventsOf(owner)).toBe(before.events);
    }
    // Another agency's candidate and application read like unknown ids, and erasing one is CANDIDATE_NOT_FOUND, as for an unknown id.
    expect((await server.data(`query($id: ID!) { node(id: $id) { id } }`, { id: ownerCandidate }, { key: keyOf(other) })).node).toBeNull();
    expect((await server.data(`query($id: ID!) { application(id: $id) { id } }`, { id: ownerApp }, { key: keyOf(other) })).application).toBeNull();
    const unknown = await erase(keyOf(other), toGlobalId("Candidate", 999_999_999));
    expect(await erase(keyOf(other), ownerCandidate)).toEqual(unknown);
    expect(unknown).toEqual({ candidate: null, userErrors: [{ field: ["input", "candidateId"], code: "CANDIDATE_NOT_FOUND" }] });
    // Their erasure of their own record of the person leaves the owner's as it was.
    const theirCandidate = (await view(other, theirApp!)).candidate.id;
    expect((await erase(keyOf(other), theirCandidate)).userErrors).toEqual([]);
    expect(await view(owner, ownerApp)).toEqual(before.record);
    expect(await eventsOf(owner)).toBe(before.events);

    // For the taskforce: one more application, of a person already counted, now at both agencies (linked when their
    // record was first stored, so the later change of address does not unlink it).
    expect(await taskforceFigures()).toEqual({
      applications: figures.applications + 1,
      distinctCandidates: figures.distinctCandidates,
      crossAgencyCandidates: figures.crossAgencyCandidates + 1,
    });
  });
});

describe("the taskforce's figures link persons by the keyed hash only", () => {
  test("one person at two agencies is one distinct candidate and one cross-agency candidate; the hash is not the address", async () => {
    const figures = await taskforceFigures();
    const tag = unique();
    const person = { firstName: "Twee", lastName: "Agentschappen", email: `twee.${tag}@example.be` };
    await submit("DVZ", [{ externalId: `a-${tag}`, vacancyId: vacancies.DVZ[1], candidate: person }]);
    await submit("DVZ", [{ externalId: `b-${tag}`, vacancyId: vacancies.DVZ[2], candidate: person }]);
    await submit("CGVS", [{ externalId: `c-${tag}`, vacancyId: vacancies.CGVS[1], candidate: { ...person, email: ` ${person.email.toUpperCase()}` } }]);
    expect(await taskforceFigures()).toEqual({
      applications: figures.applications + 3,
      distinctCandidates: figures.distinctCandidates + 1,
      crossAgencyCandidates: figures.crossAgencyCandidates + 1,
    });
    const keysStored = await selectRows<{ key: string }>(server.database.db, sql`select key from persons`);
    expect(keysStored.every((k) => /^[A-Za-z0-9_-]{43}$/.test(k.key))).toBe(true);
    expect(JSON.stringify(keysStored)).not.toContain("example");
    await expectCountersToMatchEvents(server.database.db);
  });
});

describe("resends are idempotent", () => {
  test("two items for one person in a batch do not flip-flop; resending changes nothing and answers updated: false", async () => {
    const tag = unique();
    const person = { firstName: "Idem", lastName: "Potent", email: `idem.${tag}@example.be` };
    const batch = [
      { externalId: `x-${tag}`, vacancyId: vacancies.DVZ[0], candidate: { ...person, phone: "+32 470 11 22 33", birthDate: "1990-01-02" } },
      { externalId: `y-${tag}`, vacancyId: vacancies.DVZ[1], candidate: person },
    ];
    const first = await submit("DVZ", batch);
    expect(first.results.map((r: any) => [r.created, r.updated])).toEqual([
      [true, false],
      [true, false],
    ]);
    const stored = first.results[1].application;
    expect(stored.candidate).toMatchObject({ phone: "+32 470 11 22 33", birthDate: "1990-01-02" });
    const reversed = [...batch].reverse();
    for (const again of [batch, batch, reversed, batch]) {
      const result = await submit("DVZ", again);
      expect(result.results.map((r: any) => [r.created, r.updated, r.userErrors])).toEqual([
        [false, false, []],
        [false, false, []],
      ]);
      expect(result.results.map((r: any) => [r.application.version, r.application.updatedAt, r.application.candidate])).toEqual(
        again.map(() => [stored.version, expect.any(String), stored.candidate]),
      );
    }
    expect((await view("DVZ", stored.id)).updatedAt).toBe(first.results[1].application.updatedAt);
  });

  test("a field left out keeps its value, null clears it, and only a real change answers updated: true and bumps the version", async () => {
    const tag = unique();
    const base = { externalId: `n-${tag}`, vacancyId: vacancies.DVZ[0] };
    const person = { firstName: "Nul", lastName: "Waarde", email: `nul.${tag}@example.be` };
    const [created] = (await submit("DVZ", [{ ...base, candidate: { ...person, phone: "0470 99 88 77", birthDate: "1980-05-06" } }])).results;
    const steps: [Record<string, unknown>, boolean, Record<string, unknown>][] = [
      [person, false, { phone: "0470 99 88 77", birthDate: "1980-05-06" }],
      [{ ...person, phone: null }, true, { phone: null, birthDate: "1980-05-06" }],
      [{ ...person, phone: null }, false, { phone: null, birthDate: "1980-05-06" }],
      [{ ...person, birthDate: null }, true, { phone: null, birthDate: null }],
      [{ ...person, lastName: "Nieuw" }, true, { lastName: "Nieuw" }],
      [{ ...person, lastName: "Nieuw" }, false, { lastName: "Nieuw" }],
    ];
    let version = created.application.version;
    for (const [candidate, updated, expected] of steps) {
      const [result] = (await submit("DVZ", [{ ...base, candidate }])).results;
      if (updated) version++;
      expect([result.updated, result.application.version]).toEqual([updated, version]);
      expect(result.application.candidate).toMatchObject(expected);
    }
  });

  test("a candidate whose address changed keeps it; a later application with the old address is a new candidate of the agency", async () => {
    const tag = unique();
    const old = { firstName: "Oud", lastName: "Adres", email: `oud.${tag}@example.be` };
    const item = { externalId: `o-${tag}`, vacancyId: vacancies.DVZ[0], candidate: old };
    const [first] = (await submit("DVZ", [item])).results;
    const [moved] = (await submit("DVZ", [{ ...item, candidate: { ...old, email: `nieuw.${tag}@example.be` } }])).results;
    expect([moved.updated, moved.application.candidate.id, moved.application.candidate.email]).toEqual([
      true,
      first.application.candidate.id,
      `nieuw.${tag}@example.be`,
    ]);
    const [again] = (await submit("DVZ", [{ externalId: `o2-${tag}`, vacancyId: vacancies.DVZ[1], candidate: old }])).results;
    expect(again).toMatchObject({ created: true, userErrors: [] });
    expect(again.application.candidate.id).not.toBe(first.application.candidate.id);
    await expectCountersToMatchEvents(server.database.db);
  });

  test("concurrent identical batches create each application once and apply a change once", async () => {
    const tag = unique();
    const batch = Array.from({ length: 6 }, (_, i) => ({
      externalId: `c-${tag}-${i}`,
      vacancyId: vacancies.CGVS[i % 3],
      candidate: { firstName: "Gelijk", lastName: `Tijdig ${i % 2}`, email: `gelijk.${tag}.${i % 2}@example.be`, phone: i % 3 ? null : "+32 2 222 22 22" },
    }));
    const figures = await taskforceFigures();
    const sends = await Promise.all(Array.from({ length: 4 }, () => submit("CGVS", batch)));
    expect(sends.flatMap((s) => s.results.flatMap((r: any) => r.userErrors))).toEqual([]);
    // Each application was created by exactly one of the sends; all answer with the same ids.
    for (let i = 0; i < batch.length; i++) {
      expect(sends.filter((s) => s.results[i].created)).toHaveLength(1);
      expect(new Set(sends.map((s) => s.results[i].application?.id)).size).toBe(1);
    }
    expect((await taskforceFigures()).distinctCandidates).toBe(figures.distinctCandidates + 2);

    const changed = batch.map((item) => ({ ...item, candidate: { ...item.candidate, firstName: "Anders" } }));
    const resends = await Promise.all(Array.from({ length: 4 }, () => submit("CGVS", changed)));
    // The change is applied once: each item answers updated: true in exactly one send, and the version moves by one.
    for (let i = 0; i < batch.length; i++) {
      expect(resends.filter((s) => s.results[i].updated)).toHaveLength(1);
      expect(new Set(resends.map((s) => s.results[i].application.version))).toEqual(new Set([sends[0].results[i].application.version + 1]));
    }
    await expectCountersToMatchEvents(server.database.db);
  });
});

describe("erasure holds", () => {
  test("an agency's HR key erases its own record; resends and new applications of the address are refused; no figure moves", async () => {
    const tag = unique();
    const person = { firstName: "Wis", lastName: "Mij", email: `wis.${tag}@example.be`, phone: "+32 470 00 00 01", birthDate: "1970-07-07" };
    const batch = [
      { externalId: `e1-${tag}`, vacancyId: vacancies.DVZ[0], candidate: person },
      { externalId: `e2-${tag}`, vacancyId: vacancies.DVZ[1], candidate: person },
    ];
    const created = await submit("DVZ", batch);
    const [atCgvs] = (await submit("CGVS", [{ externalId: `e3-${tag}`, vacancyId: vacancies.CGVS[0], candidate: person }])).results;
    const candidateId = created.results[0].application.candidate.id;
    const before = await view("DVZ", created.results[0].application.id);
    const figures = await taskforceFigures();

    expect(
      (
        await server.gql(
          `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`,
          { id: candidateId },
          { key: keys.taskforce },
        )
      ).body.errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    expect(await erase(keys.dvz, candidateId)).toEqual({ candidate: { id: candidateId, email: null, erased: true }, userErrors: [] });
    const after = await view("DVZ", created.results[0].application.id);
    // The erasure is a change the agency's sync must see.
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.candidate).toMatchObject({ firstName: null, lastName: null, email: null, phone: null, birthDate: null, erased: true });
    // What is kept: the row, its keyed hash, no personal data.
    const [row] = await selectRows<Record<string, unknown>>(
      server.database.db,
      sql`select * from candidates where id = ${fromGlobalId("Candidate", candidateId)}`,
    );
    expect(row).toMatchObject({
      email: null,
      first_name: null,
      last_name: null,
      phone: null,
      birth_date: null,
      email_key: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    // The original batch, and a new application of the same address (in another case), are refused per item.
    for (const again of [batch, [{ externalId: `e4-${tag}`, vacancyId: vacancies.DVZ[2], candidate: { ...person, email: person.email.toUpperCase() } }]]) {
      const result = await submit("DVZ", again);
      expect(result.results.map((r: any) => [r.created, r.updated, r.application, r.userErrors])).toEqual(
        again.map(() => [false, false, null, [{ field: expect.arrayContaining(["candidate", "email"]), code: "ERASED" }]]),
      );
    }
    expect(await view("DVZ", created.results[0].application.id)).toEqual(after);
    expect(await taskforceFigures()).toEqual(figures);
    // CGVS's own record of the person is CGVS's: untouched, and CGVS may still take her applications.
    expect((await view("CGVS", atCgvs.application.id)).candidate).toMatchObject({ email: person.email, phone: person.phone, erased: false });
    const [more] = (await submit("CGVS", [{ externalId: `e5-${tag}`, vacancyId: vacancies.CGVS[1], candidate: person }])).results;
    expect(more).toMatchObject({ created: true, userErrors: [] });
    expect(await erase(keys.dvz, candidateId)).toMatchObject({ candidate: null, userErrors: [{ code: "ALREADY_ERASED" }] });
    // ADMIN may erase any agency's record.
    expect((await erase(keys.admin, atCgvs.application.candidate.id)).userErrors).toEqual([]);
    await expectCountersToMatchEvents(server.database.db);
  });
});

if (onPostgres) {
  test("concurrent submissions of one new person by two agencies count the person once", async () => {
    const figures = await taskforceFigures();
    const tag = unique();
    const person = { firstName: "Gelijk", lastName: "Beide", email: `beide.${tag}@example.be` };
    await Promise.all([
      submit("DVZ", [{ externalId: `p-${tag}`, vacancyId: vacancies.DVZ[3], candidate: person }]),
      submit("CGVS", [{ externalId: `q-${tag}`, vacancyId: vacancies.CGVS[3], candidate: person }]),
    ]);
    expect(await taskforceFigures()).toEqual({
      applications: figures.applications + 2,
      distinctCandidates: figures.distinctCandidates + 1,
      crossAgencyCandidates: figures.crossAgencyCandidates + 1,
    });
    await expectCountersToMatchEvents(server.database.db);
  });
}
