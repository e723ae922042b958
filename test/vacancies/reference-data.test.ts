import { and, eq, sql } from "drizzle-orm";
import { toGlobalId } from "../../src/common/global-id";
import { agencies, jobProfileResultAreas, jobProfiles } from "../../src/db/tables";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { insertTestSession, insertVacancies } from "../helpers/factories";

/**
 * Agencies, waves, job profiles, salary scales and places are held in memory for anonymous readers, each for at most
 * its public max-age (60 s, src/server/plugins/cache-policy.ts): src/context/reference-data.ts.
 */
let server: TestServer;
let now = Date.parse("2026-11-30T10:00:00Z");
beforeAll(async () => {
  server = await startTestServer({ wallClock: () => now });
});
afterAll(() => server.close());

const CARD = `query($filter: VacancyFilter, $first: Int) {
  vacancies(filter: $filter, first: $first) {
    totalCount
    edges { node { title place agency { code name } wave { number name } jobProfile { functionCode title salaryScale { code minMonthlyGrossEur } } upcomingTestSessions { seatsLeft isSaturday } } }
  }
}`;

test("a page of vacancy cards reads its vacancies, their count and their sessions in one statement, whatever its size", async () => {
  const ids = await insertVacancies(server.database.db, 60, (i) => ({
    place: "Referentiestad",
    agencyCode: (["DVZ", "CGVS", "RVV", "FEDASIL"] as const)[i % 4],
    waveNumber: 1 + (i % 3),
    functionCode: ["NBV001", "NBV101", "NBV104", "NBV107"][i % 4],
  }));
  await insertTestSession(server.database.db, ids, { startsAt: new Date(Date.now() + 86_400_000) });
  const filter = { places: ["Referentiestad"] };
  // The first anonymous read loads each table once (one statement each, as the per-request lookups did).
  const cold = await server.gql(CARD, { filter, first: 5 });
  const small = await server.gql(CARD, { filter, first: 5 });
  const large = await server.gql(CARD, { filter, first: 60 });
  expect(cold.body.errors).toBeUndefined();
  expect(large.body.data!.vacancies.edges).toHaveLength(60);
  // The second vacancy inserted (i = 1).
  expect(large.body.data!.vacancies.edges.find((e: any) => e.node.title === "Testvacature 2").node).toMatchObject({
    agency: { code: "CGVS" },
    wave: { number: 2 },
    jobProfile: { functionCode: "NBV101" },
    upcomingTestSessions: [{ seatsLeft: expect.any(Number) }],
  });
  expect(small.statements).toBe(1);
  expect(large.statements).toBe(1);
  expect(cold.body.data).toEqual(small.body.data);
});

test("an edited agency reaches anonymous readers within its 60 s bound, and callers with a key at once", async () => {
  const [id] = await insertVacancies(server.database.db, 1, { place: "Hernoemstad", agencyCode: "RVV" });
  const filter = { places: ["Hernoemstad"] };
  const name = async (key?: string) => {
    const response = await server.gql(CARD, { filter }, { key });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.vacancies.edges[0].node.agency.name as string;
  };
  expect(id).toBeGreaterThan(0);
  const before = await name();
  expect(before).toBe("Raad voor Vreemdelingenbetwistingen");
  await server.database.db
    .update(agencies)
    .set({ name: sql`jsonb_set(${agencies.name}, '{nl}', '"Raad (hernoemd)"')` })
    .where(eq(agencies.code, "RVV"));
  try {
    expect(await name(ADMIN_KEY)).toBe("Raad (hernoemd)");
    now += 59_000;
    expect(await name()).toBe(before);
    now += 1_000;
    expect(await name()).toBe("Raad (hernoemd)");
  } finally {
    await server.database.db
      .update(agencies)
      .set({ name: sql`jsonb_set(${agencies.name}, '{nl}', ${JSON.stringify(before)}::jsonb)` })
      .where(eq(agencies.code, "RVV"));
    now += 60_000;
  }
});

test("a job profile added since the copy was read is found at once", async () => {
  await server.gql(CARD, { first: 1 });
  const [profile] = await server.database.db
    .insert(jobProfiles)
    .values({
      functionCode: "REF999",
      title: { nl: "Referentieprofiel" },
      level: "B",
      class: "B1",
      functionFamily: { nl: "Test" },
      professionalCategory: { nl: "Test" },
      purpose: { nl: "Test" },
    })
    .returning();
  await insertVacancies(server.database.db, 1, { place: "Nieuwprofielstad", functionCode: profile.functionCode });
  const response = await server.gql(CARD, { filter: { places: ["Nieuwprofielstad"] } });
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data!.vacancies.edges[0].node.jobProfile).toEqual({ functionCode: "REF999", title: "Referentieprofiel", salaryScale: null });
});

test("a vacancy page reads its job profile's result areas and competencies from memory too; an edit reaches anonymous readers within 60 s", async () => {
  const [id] = await insertVacancies(server.database.db, 1, { place: "Profielstad", functionCode: "NBV104" });
  const PAGE = `query($id: ID!) { vacancy(id: $id) { title jobProfile { functionCode resultAreas { position role } competencies { level area { number } } } } }`;
  const vacancyId = toGlobalId("Vacancy", id);
  const [profile] = await server.database.db.select({ id: jobProfiles.id }).from(jobProfiles).where(eq(jobProfiles.functionCode, "NBV104"));
  const page = async (key?: string) => {
    const response = await server.gql(PAGE, { id: vacancyId }, { key });
    expect(response.body.errors).toBeUndefined();
    return response;
  };
  await page();
  const warm = await page();
  // The vacancy alone: its profile, result areas and competencies come from the copy.
  expect(warm.statements).toBe(1);
  const areas = warm.body.data!.vacancy.jobProfile.resultAreas as { position: number; role: string }[];
  expect(areas.length).toBeGreaterThan(0);
  expect(warm.body.data!.vacancy.jobProfile.competencies.length).toBeGreaterThan(0);
  const [first] = await server.database.db
    .select({ role: jobProfileResultAreas.role })
    .from(jobProfileResultAreas)
    .where(and(eq(jobProfileResultAreas.jobProfileId, profile.id), eq(jobProfileResultAreas.position, areas[0].position)));
  const edit = (role: unknown) =>
    server.database.db
      .update(jobProfileResultAreas)
      .set({ role: role as typeof first.role })
      .where(and(eq(jobProfileResultAreas.jobProfileId, profile.id), eq(jobProfileResultAreas.position, areas[0].position)));
  await edit({ ...first.role, nl: "Herschreven rol" });
  try {
    const roleOf = async (key?: string) => (await page(key)).body.data!.vacancy.jobProfile.resultAreas[0].role as string;
    expect(await roleOf(ADMIN_KEY)).toBe("Herschreven rol");
    now += 59_000;
    expect(await roleOf()).toBe(areas[0].role);
    now += 1_000;
    expect(await roleOf()).toBe("Herschreven rol");
  } finally {
    await edit(first.role);
    now += 60_000;
  }
});
