import { campaign2021, places } from "../../seeds";
import { addDays, brusselsDate } from "../../src/common/brussels-time";
import { calendarShift } from "../../src/seeding/seed-campaign";
import { toGlobalId } from "../../src/common/global-id";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { insertTestSession, insertVacancies } from "../helpers/factories";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The seed's vacancies, with their places as a Dutch-language request reads them ("Tubize" is "Tubeke"). */
const seeded = campaign2021.vacancies.map((v) => ({ ...v, place: places.find((p) => Object.values(p.name).includes(v.place))!.name.nl }));
const LIST = `query List($filter: VacancyFilter, $orderBy: VacancyOrder, $first: Int, $after: String) {
  vacancies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title place headcountTarget status agency { code } wave { number } } }
  }
}`;

async function list(variables: Record<string, unknown>, key?: string) {
  const response = await server.gql(LIST, variables, { key });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.vacancies;
}

describe("listing vacancies", () => {
  test("the public sees every published vacancy of the campaign, never drafts", async () => {
    const all = await list({ filter: { campaignSlug: "asiel-migratie-2021" }, first: 100 });
    expect(all.totalCount).toBe(seeded.filter((v) => v.status !== "DRAFT").length);
    expect(all.totalCount).toBe(36);
    expect(all.edges.map((e: any) => e.node.status)).not.toContain("DRAFT");
    const drafts = await list({ filter: { campaignSlug: "asiel-migratie-2021", statuses: ["DRAFT"] } });
    expect(drafts).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  test("the taskforce and administrators also see drafts", async () => {
    const drafts = await list({ filter: { campaignSlug: "asiel-migratie-2021", statuses: ["DRAFT"] } }, ADMIN_KEY);
    expect(drafts.totalCount).toBe(1);
    expect(drafts.edges[0].node).toMatchObject({ place: "Bevekom", status: "DRAFT", agency: { code: "DVZ" }, wave: { number: 3 } });
  });

  test.each([
    ["agencies", { agencies: ["RVV"] }, seeded.filter((v) => v.agency === "RVV")],
    ["wave and agency", { waveNumbers: [2], agencies: ["CGVS"] }, seeded.filter((v) => v.wave === 2 && v.agency === "CGVS")],
    ["level", { levels: ["B"] }, seeded.filter((v) => ["NBV104", "NBV105"].includes(v.functionCode))],
    ["language regime", { languageRegimes: ["BILINGUAL"] }, seeded.filter((v) => v.languageRegime === "BILINGUAL")],
    ["place, case-insensitive", { places: ["BRUSSEL"] }, seeded.filter((v) => v.place === "Brussel")],
    ["status", { statuses: ["CLOSED"] }, seeded.filter((v) => v.status === "CLOSED")],
    ["function code", { functionCodes: ["nbv106"] }, seeded.filter((v) => v.functionCode === "NBV106")],
    ["free text over the profile title", { search: "Migratiewetboek" }, seeded.filter((v) => v.functionCode === "NBV106")],
    ["free text, every word must match", { search: "terugkeercoach attaché" }, seeded.filter((v) => v.functionCode === "NBV001")],
    ["free text over the function code", { search: "nbv107" }, seeded.filter((v) => v.functionCode === "NBV107")],
  ])("filter by %s", async (_name, filter, expected) => {
    const visible = expected.filter((v) => v.status !== "DRAFT");
    const result = await list({ filter: { campaignSlug: "asiel-migratie-2021", ...filter }, first: 100 });
    expect(result.totalCount).toBe(visible.length);
    expect(result.edges.map((e: any) => `${e.node.agency.code}/${e.node.wave.number}/${e.node.place}/${e.node.headcountTarget}`).sort()).toEqual(
      visible.map((v) => `${v.agency}/${v.wave}/${v.place}/${v.headcountTarget}`).sort(),
    );
  });

  test("accepting applications: open and before the deadline", async () => {
    await insertVacancies(server.database.db, 1, { place: "Verlopenstad", applicationDeadline: new Date(Date.now() - 60_000) });
    await insertVacancies(server.database.db, 1, { place: "Verlopenstad", applicationDeadline: new Date(Date.now() + 86_400_000) });
    const accepting = await list({ filter: { places: ["Verlopenstad"], acceptingApplications: true } });
    const notAccepting = await list({ filter: { places: ["Verlopenstad"], acceptingApplications: false } });
    expect([accepting.totalCount, notAccepting.totalCount]).toEqual([1, 1]);
  });

  test("pages through a list in a stable order without gaps or repeats", async () => {
    const targets = [5, 3, 9, 3, 1, 7, 3];
    const ids = await insertVacancies(server.database.db, targets.length, (i) => ({ place: "Pagingstad", headcountTarget: targets[i] }));
    const expected = ids
      .map((id, i) => ({ id: toGlobalId("Vacancy", id), target: targets[i], key: id }))
      .sort((a, b) => b.target - a.target || b.key - a.key)
      .map((v) => v.id);

    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const page: any = await list({ filter: { places: ["Pagingstad"] }, orderBy: { field: "HEADCOUNT_TARGET", direction: "DESC" }, first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e: any) => e.node.id));
      pages.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(pages).toEqual([true, true, false]);
  });

  test("orders by deadline with continuous recruitment last, and by publication", async () => {
    const now = Date.now();
    const ids = await insertVacancies(server.database.db, 3, (i) => ({
      place: "Ordestad",
      applicationDeadline: i === 0 ? null : new Date(now + (3 - i) * 86_400_000),
      publishedAt: new Date(Date.UTC(2021, 6, 1 + i)),
    }));
    const byDeadline = await list({ filter: { places: ["Ordestad"] }, orderBy: { field: "APPLICATION_DEADLINE", direction: "ASC" } });
    expect(byDeadline.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1], ids[0]].map((id) => toGlobalId("Vacancy", id)));
    const newestFirst = await list({ filter: { places: ["Ordestad"] } });
    expect(newestFirst.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1], ids[0]].map((id) => toGlobalId("Vacancy", id)));
  });

  test("first: 0 returns no edges but the total", async () => {
    const result = await list({ filter: { agencies: ["RVV"], campaignSlug: "asiel-migratie-2021" }, first: 0 });
    expect(result).toEqual({ totalCount: 2, pageInfo: { hasNextPage: true, endCursor: null }, edges: [] });
  });
});

describe("bad input is refused with BAD_USER_INPUT and a message that says what is wrong", () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ["first over 100", LIST, { first: 101 }, '"first" must be between 0 and 100, got 101.'],
    ["negative first", LIST, { first: -1 }, '"first" must be between 0 and 100, got -1.'],
    [
      "a malformed cursor",
      LIST,
      { after: "not-a-cursor" },
      '"after" is not a cursor of this list: pass an edge\'s cursor or pageInfo.endCursor from the same list.',
    ],
    ["a malformed wave id", LIST, { filter: { waveIds: ["nope"] } }, 'filter.waveIds[0]: "nope" is not a wave id.'],
    ["an unknown campaign", LIST, { filter: { campaignSlug: "nope" } }, 'filter.campaignSlug: no campaign has the slug "nope".'],
    ["an overlong search", LIST, { filter: { search: "x".repeat(201) } }, "filter.search must be at most 200 characters."],
  ];
  test.each(cases)("%s", async (_name, query, variables, message) => {
    const response = await server.gql(query, variables);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
  });

  test("a level that is not a JobLevel (levels is an enum)", async () => {
    const response = await server.gql(LIST, { filter: { levels: ["E"] } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.body.errors?.[0].message).toContain('Value "E" does not exist in "JobLevel" enum.');
  });

  test("an unknown enum value, in variables or inline", async () => {
    const viaVariables = await server.gql(LIST, { filter: { agencies: ["NASA"] } });
    expect(viaVariables.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(viaVariables.body.errors?.[0].message).toContain('Value "NASA" does not exist in "AgencyCode" enum.');
    const inline = await server.gql(`{ vacancies(filter: { agencies: [NASA] }) { totalCount } }`);
    expect(inline.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(inline.body.errors?.[0].message).toContain('Value "NASA" does not exist in "AgencyCode" enum.');
  });

  test("a cursor of another list or another ordering", async () => {
    const sessions = await server.data(`{ testSessions(first: 1) { edges { cursor } } }`);
    const foreign = await server.gql(LIST, { after: sessions.testSessions.edges[0].cursor });
    expect(foreign.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    const page = await list({ first: 1 });
    const reordered = await server.gql(LIST, { after: page.pageInfo.endCursor, orderBy: { field: "HEADCOUNT_TARGET", direction: "ASC" } });
    expect(reordered.body.errors?.[0]).toMatchObject({
      message: '"after" was issued for another ordering of this list: keep orderBy the same while paging.',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("one vacancy", () => {
  const DETAIL = `query One($id: ID!) {
    vacancy(id: $id) {
      id title(lang: EN) place headcountTarget status languageRegime contractType applicationDeadline acceptsApplications
      agency { code name }
      wave { number opensOn }
      jobProfile { functionCode level class title }
      salaryScale { code minMonthlyGrossEur maxMonthlyGrossEur }
      procedure { overallPassPercent parts { name maxPoints passPercent } }
      upcomingTestSessions(first: 2) { kind place capacity seatsLeft isSaturday language }
    }
  }`;

  test("with its agency, wave, profile, salary scale, procedure and upcoming sessions with seats left", async () => {
    const [id] = await insertVacancies(server.database.db, 1, {
      place: "Detailstad",
      headcountTarget: 4,
      functionCode: "NBV104",
      agencyCode: "FEDASIL",
      waveNumber: 2,
      title: { nl: "Maatschappelijk assistent Detailstad", en: "Social assistant Detailstad" },
      applicationDeadline: new Date("2099-01-31T22:59:00Z"),
    });
    const soon = Date.now() + 2 * 86_400_000;
    await insertTestSession(server.database.db, [id], { startsAt: new Date(soon + 86_400_000), capacity: 40, seatsTaken: 15, place: "Later" });
    await insertTestSession(server.database.db, [id], { startsAt: new Date(soon), capacity: 20, seatsTaken: 20, place: "Eerst", language: "FR" });
    await insertTestSession(server.database.db, [id], { startsAt: new Date(soon + 2 * 86_400_000), place: "Te laat voor first: 2" });
    await insertTestSession(server.database.db, [id], { startsAt: new Date(Date.now() - 86_400_000), place: "Voorbij" });
    await insertTestSession(server.database.db, [id], { startsAt: new Date(soon), place: "Geannuleerd", status: "CANCELLED" });

    const data = await server.data(DETAIL, { id: toGlobalId("Vacancy", id) });
    expect(data.vacancy).toEqual({
      id: toGlobalId("Vacancy", id),
      title: "Social assistant Detailstad",
      place: "Detailstad",
      headcountTarget: 4,
      status: "OPEN",
      languageRegime: "NL",
      contractType: "PERMANENT_CONTRACT",
      applicationDeadline: "2099-01-31T22:59:00.000Z",
      acceptsApplications: true,
      agency: { code: "FEDASIL", name: "Federaal agentschap voor de opvang van asielzoekers" },
      wave: { number: 2, opensOn: addDays("2021-07-16", calendarShift("2021-10-18", brusselsDate(new Date()))) },
      jobProfile: { functionCode: "NBV104", level: "B", class: "B", title: "Maatschappelijk assistent" },
      salaryScale: { code: "B11", minMonthlyGrossEur: 3000, maxMonthlyGrossEur: 4800 },
      procedure: {
        overallPassPercent: 60,
        parts: [
          { name: "Schriftelijk", maxPoints: 50, passPercent: 50 },
          { name: "Mondeling", maxPoints: 50, passPercent: 50 },
        ],
      },
      upcomingTestSessions: [
        { kind: "COMPUTER_TEST", place: "Eerst", capacity: 20, seatsLeft: 0, isSaturday: expect.any(Boolean), language: "FR" },
        { kind: "COMPUTER_TEST", place: "Later", capacity: 40, seatsLeft: 25, isSaturday: expect.any(Boolean), language: "NL" },
      ],
    });
  });

  test("an unknown, malformed or foreign id gives null", async () => {
    for (const id of [toGlobalId("Vacancy", 999999), "garbage", toGlobalId("Wave", 1), toGlobalId("Vacancy", 2 ** 40)]) {
      const response = await server.gql(DETAIL, { id });
      expect(response.body).toEqual({ data: { vacancy: null } });
    }
  });

  test("a draft is null for the public and visible to an administrator", async () => {
    const [id] = await insertVacancies(server.database.db, 1, { status: "DRAFT", place: "Conceptstad" });
    expect((await server.gql(DETAIL, { id: toGlobalId("Vacancy", id) })).body).toEqual({ data: { vacancy: null } });
    const asAdmin = await server.data(DETAIL, { id: toGlobalId("Vacancy", id) }, { key: ADMIN_KEY });
    expect(asAdmin.vacancy).toMatchObject({ status: "DRAFT", place: "Conceptstad" });
  });
});

describe("languages", () => {
  const Q = `query($id: ID!) { vacancy(id: $id) { title nl: title(lang: NL) de: title(lang: DE) agency { name } } }`;

  test("Accept-Language picks the language, the lang argument overrides it, missing texts fall back to Dutch", async () => {
    const [id] = await insertVacancies(server.database.db, 1, { title: { nl: "Jurist", fr: "Juriste" }, agencyCode: "RVV" });
    const variables = { id: toGlobalId("Vacancy", id) };
    expect(await server.data(Q, variables, { headers: { "accept-language": "fr-BE,fr;q=0.9,en;q=0.8" } })).toEqual({
      vacancy: { title: "Juriste", nl: "Jurist", de: "Jurist", agency: { name: "Conseil du contentieux des étrangers" } },
    });
    expect(await server.data(Q, variables, { headers: { "accept-language": "en" } })).toEqual({
      vacancy: { title: "Jurist", nl: "Jurist", de: "Jurist", agency: { name: "Council for Alien Law Litigation" } },
    });
    expect(await server.data(Q, variables, { headers: { "accept-language": "es, it;q=0.5" } })).toEqual({
      vacancy: { title: "Jurist", nl: "Jurist", de: "Jurist", agency: { name: "Raad voor Vreemdelingenbetwistingen" } },
    });
  });
});

describe("SQL statements per request", () => {
  const PAGE = `query($first: Int) {
    vacancies(first: $first, filter: { places: ["Telstad"] }) {
      totalCount
      edges { node {
        title agency { code name } wave { number name campaign { slug } } campaign { targetHeadcount }
        jobProfile { functionCode title salaryScale { code steps { seniorityYears } } resultAreas { role } competencies { level area { number } } }
        salaryScale { code } procedure { parts { name } }
        upcomingTestSessions { seatsLeft isSaturday vacancies { id } }
      } }
    }
  }`;

  test("do not grow with the number of vacancies returned", async () => {
    const ids = await insertVacancies(server.database.db, 120, (i) => ({
      place: "Telstad",
      agencyCode: (["DVZ", "CGVS", "RVV", "FEDASIL"] as const)[i % 4],
      waveNumber: 1 + (i % 3),
      functionCode: ["NBV001", "NBV101", "NBV104", "NBV107"][i % 4],
    }));
    for (let s = 0; s < 6; s++) {
      await insertTestSession(
        server.database.db,
        ids.filter((_, i) => i % 6 === s),
        { startsAt: new Date(Date.now() + (s + 1) * 86_400_000) },
      );
    }
    // The first anonymous read may load the reference data held in memory (test/vacancies/reference-data.test.ts).
    await server.gql(PAGE, { first: 1 });
    const small = await server.gql(PAGE, { first: 5 });
    const large = await server.gql(PAGE, { first: 100 });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data!.vacancies.edges).toHaveLength(100);
    expect(large.body.data!.vacancies.edges.every((e: any) => e.node.upcomingTestSessions.length === 1)).toBe(true);
    expect(large.statements).toBe(small.statements);
    // the list with its count and upcoming sessions (src/vacancies/vacancy.resolver.ts, pageIncludes), campaigns, exam
    // parts, and the sessions' vacancies joined to their links (agencies, waves, profiles with their result areas and
    // competencies, and salary scales are held in memory for anonymous readers)
    expect(large.statements).toBe(4);
  });
});
