import { campaign2021, places } from "../../seeds";
import { insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Search and filter menus as the campaign site uses them: a visitor types what they have in mind, in any language,
 * with or without accents, and the page builds its menus from one query.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const published = campaign2021.vacancies.filter((v) => v.status !== "DRAFT");
const SEARCH = `query($filter: VacancyFilter, $first: Int, $after: String) {
  vacancies(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { place headcountTarget agency { code } wave { number } jobProfile { functionCode } } }
  }
}`;
const key = (v: { agency: string; wave: number; place: string; headcountTarget: number }) => `${v.agency}/${v.wave}/${v.place}/${v.headcountTarget}`;
const placeOf = (name: string) => places.find((p) => Object.values(p.name).includes(name))!;

async function search(filter: Record<string, unknown>) {
  const data = await server.data(SEARCH, { filter: { campaignSlug: "asiel-migratie-2021", ...filter }, first: 100 });
  return data.vacancies;
}

describe("search that finds", () => {
  const codes = (...functionCodes: string[]) => published.filter((v) => functionCodes.includes(v.functionCode));
  test.each([
    ["without accents", "attache", published.filter((v) => ["NBV001", "NBV102", "NBV103", "NBV106", "NBV107"].includes(v.functionCode))],
    ["with accents, in capitals", "ATTACHÉ", published.filter((v) => ["NBV001", "NBV102", "NBV103", "NBV106", "NBV107"].includes(v.functionCode))],
    ["a near spelling in French", "psychologue", codes("NBV105")],
    ["two words in the feminine", "assistante sociale", codes("NBV104")],
    ["a word beginning", "terugkeer", codes("NBV001")],
    ["the place, in Dutch", "Brussel", published.filter((v) => v.place === "Brussel")],
    ["the place, in French", "bruxelles", published.filter((v) => v.place === "Brussel")],
    ["the province", "Limburg", published.filter((v) => v.place === "Sint-Truiden")],
    ["the agency's code", "Fedasil", published.filter((v) => v.agency === "FEDASIL")],
    ["the agency's German name", "Ausländeramt", published.filter((v) => v.agency === "DVZ")],
    ["the category", "juridische", codes("NBV106", "NBV107")],
    ["words across fields", "jurist brussel rvv", published.filter((v) => v.functionCode === "NBV107")],
  ])("%s: %p", async (_what, text, expected) => {
    const result = await search({ search: text });
    expect(
      result.edges
        .map((e: any) => key({ agency: e.node.agency.code, wave: e.node.wave.number, place: e.node.place, headcountTarget: e.node.headcountTarget }))
        .sort(),
    ).toEqual(expected.map((v) => key({ ...v, place: placeOf(v.place).name.nl })).sort());
    expect(result.totalCount).toBe(expected.length);
  });

  test("a word that begins nothing and resembles nothing finds nothing; punctuation alone filters nothing", async () => {
    expect((await search({ search: "zzyzx" })).totalCount).toBe(0);
    expect((await search({ search: " - / " })).totalCount).toBe(published.length);
  });

  test("ordered by RELEVANCE without a search: every vacancy ranks equal, so the order is by id and pages follow it", async () => {
    const ORDERED = `query($first: Int, $after: String) {
      vacancies(filter: { campaignSlug: "asiel-migratie-2021" }, orderBy: { field: RELEVANCE, direction: ASC }, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
      }
    }`;
    const whole = (await server.data(ORDERED, { first: 100 })).vacancies;
    expect(whole.totalCount).toBe(published.length);
    const ids: string[] = whole.edges.map((e: any) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await server.data(ORDERED, { first: 7, after })).vacancies;
      paged.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(ids);
    expect(new Set(ids).size).toBe(published.length);
  });

  test("results are ranked: a title match before a match elsewhere, then by id, and pages follow the ranking", async () => {
    // "assistent" is in the titles of NBV104 and NBV105 (nl), "psychologische" only in NBV105's title.
    const ranked = await search({ search: "psychologisch assistent" });
    expect(ranked.edges.every((e: any) => e.node.jobProfile.functionCode === "NBV105")).toBe(true);
    const broad = await search({ search: "fedasil psychologisch" });
    expect(broad.edges.map((e: any) => e.node.jobProfile.functionCode)).toEqual(
      published.filter((v) => v.agency === "FEDASIL" && v.functionCode === "NBV105").map(() => "NBV105"),
    );
    // Paging by relevance gives the same order as one large page, without repeats.
    const all = (await search({ search: "attache brussel" })).edges.map((e: any) => key({ ...e.node, agency: e.node.agency.code, wave: e.node.wave.number }));
    const pages: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await server.data(SEARCH, { filter: { campaignSlug: "asiel-migratie-2021", search: "attache brussel" }, first: 4, after })).vacancies;
      pages.push(...page.edges.map((e: any) => key({ ...e.node, agency: e.node.agency.code, wave: e.node.wave.number })));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual(all);
    // A relevance cursor belongs to its search.
    const first = (await server.data(SEARCH, { filter: { search: "attache" }, first: 1 })).vacancies;
    const other = await server.gql(SEARCH, { filter: { search: "brussel" }, first: 1, after: first.pageInfo.endCursor });
    expect(other.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });

  test("a place by any language's name, a province, a region; a level as an enum", async () => {
    const brussels = published.filter((v) => v.place === "Brussel");
    for (const name of ["Bruxelles", "brussels", "BRÜSSEL", "Brussel"]) expect((await search({ places: [name] })).totalCount).toBe(brussels.length);
    expect((await search({ places: ["Moeskroen"] })).totalCount).toBe(published.filter((v) => v.place === "Mouscron").length);
    const inProvince = (province: string) => published.filter((v) => placeOf(v.place).province === province);
    expect((await search({ provinces: ["ANTWERP"] })).totalCount).toBe(inProvince("ANTWERP").length);
    expect((await search({ regions: ["WALLONIA"] })).totalCount).toBe(published.filter((v) => placeOf(v.place).region === "WALLONIA").length);
    expect((await search({ levels: ["B"] })).totalCount).toBe(published.filter((v) => ["NBV104", "NBV105"].includes(v.functionCode)).length);
    const refused = await server.gql(SEARCH, { filter: { levels: ["a"] } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });

  test("a vacancy shows its place in the asked language, with province and region", async () => {
    const data = await server.data(`{ vacancies(filter: { places: ["Mouscron"] }, first: 1) { edges { node {
      nl: place(lang: NL) fr: place(lang: FR) location { name(lang: EN) province { code name(lang: NL) region { code name(lang: FR) } } region { code } }
    } } } }`);
    expect(data.vacancies.edges[0].node).toEqual({
      nl: "Moeskroen",
      fr: "Mouscron",
      location: {
        name: "Mouscron",
        province: { code: "HAINAUT", name: "Henegouwen", region: { code: "WALLONIA", name: "Région wallonne" } },
        region: { code: "WALLONIA" },
      },
    });
  });

  test("a vacancy written with a place nobody knows keeps its name and has no location", async () => {
    const [id] = await insertVacancies(server.database.db, 1, { place: "Nergensdorp", agencyCode: "RVV" });
    const data = await server.data(`{ vacancies(filter: { places: ["nergensdorp"] }) { totalCount edges { node { id place location { name } } } } }`);
    expect(data.vacancies.totalCount).toBe(1);
    expect(data.vacancies.edges[0].node).toMatchObject({ place: "Nergensdorp", location: null });
    expect(id).toBeGreaterThan(0);
  });

  test("bad input: a search over 200 characters, a malformed place id", async () => {
    for (const [filter, message] of [
      [{ search: "x".repeat(201) }, "filter.search must be at most 200 characters."],
      [{ placeIds: ["nope"] }, 'filter.placeIds[0]: "nope" is not a place id.'],
    ] as const) {
      const response = await server.gql(SEARCH, { filter });
      expect(response.body).toEqual({
        data: null,
        errors: [expect.objectContaining({ message, extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })],
      });
    }
  });
});

describe("filter menus", () => {
  const FACETS = `query($filter: VacancyFilter) { vacancyFacets(filter: $filter) {
    agencies { agency { code } count } waves { wave { number } count } levels { level count } languageRegimes { languageRegime count }
    provinces { province { code name(lang: FR) } count } regions { region { code } count }
  } }`;
  const count = <T>(items: T[], by: (v: T) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(by(item), (counts.get(by(item)) ?? 0) + 1);
    return counts;
  };

  test("counts per agency, wave, level, language regime, province and region, each under the rest of the filter", async () => {
    const filter = { campaignSlug: "asiel-migratie-2021", agencies: ["FEDASIL"], regions: ["FLANDERS"] };
    // The first anonymous read may load the reference data held in memory (test/vacancies/reference-data.test.ts).
    await server.gql(FACETS, { filter });
    const response = await server.gql(FACETS, { filter });
    const facets = response.body.data!.vacancyFacets;
    const flanders = published.filter((v) => placeOf(v.place).region === "FLANDERS");
    const fedasil = published.filter((v) => v.agency === "FEDASIL");
    const both = fedasil.filter((v) => placeOf(v.place).region === "FLANDERS");
    // Agencies count without the agency criterion: every agency's vacancies in Flanders.
    expect(facets.agencies).toEqual(
      ["DVZ", "CGVS", "RVV", "FEDASIL"]
        .filter((a) => flanders.some((v) => v.agency === a))
        .map((a) => ({ agency: { code: a }, count: flanders.filter((v) => v.agency === a).length })),
    );
    // Regions count without the region criterion: Fedasil's vacancies per region.
    const regions = count(fedasil, (v) => placeOf(v.place).region);
    expect(facets.regions).toEqual([...regions].sort().map(([code, n]) => ({ region: { code }, count: n })));
    // The other dimensions count under both criteria.
    expect(facets.waves).toEqual([...count(both, (v) => String(v.wave))].sort().map(([n, c]) => ({ wave: { number: Number(n) }, count: c })));
    expect(facets.levels).toEqual([{ level: "B", count: both.length }]);
    expect(facets.languageRegimes).toEqual([...count(both, (v) => v.languageRegime)].sort().map(([r, c]) => ({ languageRegime: r, count: c })));
    const provinces = count(both, (v) => placeOf(v.place).province!);
    expect(facets.provinces.map((p: any) => [p.province.code, p.count])).toEqual([...provinces].sort());
    expect(facets.provinces.find((p: any) => p.province.code === "LIMBURG").province.name).toBe("Limbourg");
    // The campaign by slug, the counts, then provinces and regions by key (agencies and waves are held in memory).
    expect(response.statements).toBe(4);
    expect(response.headers.get("cache-control")).toBe("max-age=20, public");
  });

  test("the menus and the list together cost the same number of statements for any filter", async () => {
    const QUERY = `query($filter: VacancyFilter) { ${FACETS.slice(FACETS.indexOf("vacancyFacets"), -2)} vacancies(filter: $filter, first: 50) { totalCount edges { node { title place agency { name } } } } }`;
    const narrow = await server.gql(QUERY, { filter: { campaignSlug: "asiel-migratie-2021", search: "fedasil" } });
    const wide = await server.gql(QUERY, { filter: { campaignSlug: "asiel-migratie-2021" } });
    expect(narrow.body.errors).toBeUndefined();
    expect(wide.body.data!.vacancies.edges.length).toBeGreaterThan(narrow.body.data!.vacancies.edges.length);
    expect(wide.statements).toBe(narrow.statements);
  });
});
