import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { DASHBOARD_REPORT_QUERY, planningPeriod } from "../../src/dashboard/report-query";
import { createKeys, type Keys } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** The weekly report's files, fetched as an automation would: a GET with the key in the Authorization header. */

describe("dashboard exports", () => {
  let server: TestServer;
  let keys: Keys;
  let base: string;
  const clock = new Date("2026-11-25T10:00:00Z");

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    keys = await createKeys(server);
    base = server.url.replace("/graphql", "");
  });
  afterAll(() => server.close());

  const get = (path: string, key?: string) => fetch(`${base}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const api = async (variables: Record<string, unknown>) =>
    (await server.data(DASHBOARD_REPORT_QUERY, { ...planningPeriod("2026-11-25"), ...variables }, { key: keys.taskforce })) as any;

  test("CSV: every breakdown, the API's numbers, as numbers", async () => {
    const response = await get("/export/dashboard.csv?agencies=DVZ,CGVS&lang=en", keys.taskforce);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="asiel-migratie-2021-dashboard-2026-11-25.csv"');
    const rows: { section: string; group: string; date: string; figure: string; value: string }[] = parse(await response.text(), { columns: true });
    const expected = (await api({ filter: { agencies: ["DVZ", "CGVS"] }, lang: "EN" })).dashboard;
    const value = (section: string, group: string, figure: string) =>
      rows.find((r) => r.section === section && r.group === group && r.figure === figure)?.value;
    expect(value("summary", "asiel-migratie-2021", "target")).toBe(String(expected.target));
    expect(value("summary", "asiel-migratie-2021", "applications")).toBe(String(expected.applications));
    expect(rows.filter((r) => r.section === "agency").map((r) => r.group)).toEqual([
      "DVZ",
      "DVZ",
      "DVZ",
      "DVZ",
      "DVZ",
      "DVZ",
      "CGVS",
      "CGVS",
      "CGVS",
      "CGVS",
      "CGVS",
      "CGVS",
    ]);
    expect(value("agency", "CGVS", "target")).toBe(String(expected.byAgency[1].target));
    expect(new Set(rows.map((r) => r.section))).toEqual(
      new Set(["summary", "forecast", "forecastByAgency", "funnel", "agency", "wave", "jobProfile", "weekly", "testSessions", "planning"]),
    );
    const weeks = rows.filter((r) => r.section === "weekly" && r.figure === "applications");
    expect(weeks.map((w) => w.date)).toEqual(expected.weekly.map((w: any) => w.weekStart));
    // No personal data: no e-mail address or name column anywhere.
    expect(rows.some((r) => /@/.test(r.value))).toBe(false);
  });

  test("XLSX: a sheet per breakdown, numbers and dates as real cells", async () => {
    const response = await get("/export/dashboard.xlsx?lang=fr&view=AS_REPORTED", keys.admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Agencies",
      "Waves",
      "Job profiles",
      "Funnel",
      "Weekly",
      "Revisions",
      "Test sessions",
      "Planning",
    ]);
    const expected = (await api({ lang: "FR", view: "AS_REPORTED" })).dashboard;
    const summary = book.getWorksheet("Summary")!;
    const figure = (name: string) => summary.getColumn(1).values.indexOf(name);
    expect(summary.getRow(figure("target")).getCell(2).value).toBe(expected.target);
    expect(summary.getRow(figure("campaign")).getCell(2).value).toBe("Travailler dans l'asile et la migration 2021");
    expect(summary.getRow(figure("asOf")).getCell(2).value).toEqual(new Date("2026-11-25T00:00:00Z"));
    const agencies = book.getWorksheet("Agencies")!;
    expect(agencies.getRow(2).values).toEqual([
      undefined,
      "DVZ",
      expected.byAgency[0].target,
      expected.byAgency[0].hired,
      expected.byAgency[0].gapToTarget,
      expected.byAgency[0].fillRate,
      expected.byAgency[0].funnel[4].reached,
      expected.byAgency[0].funnel[0].reached,
    ]);
    expect(typeof agencies.getRow(2).getCell(2).value).toBe("number");
    const weekly = book.getWorksheet("Weekly")!;
    expect(weekly.rowCount - 1).toBe(expected.weekly.length);
    expect(weekly.getRow(2).getCell(2).value).toEqual(new Date(`${expected.weekly[0].weekStart}T00:00:00Z`));
    expect(weekly.getRow(2).getCell(2).numFmt).toBe("yyyy-mm-dd");
    expect(weekly.getRow(2).getCell(3).value).toBe(expected.weekly[0].applications);
  });

  test("the report query costs the same statements whatever the filter (the page's and the exports' one request)", async () => {
    // The first read of the week freezes the weeks that closed (one statement more, once a week): done before counting.
    await api({});
    const statements = [];
    for (const variables of [{}, { filter: { agencies: ["RVV"] } }, { filter: { agencies: ["DVZ"], from: "2026-09-01" } }, { view: "AS_REPORTED" }]) {
      const response = await server.gql(DASHBOARD_REPORT_QUERY, { ...planningPeriod("2026-11-25"), ...variables }, { key: keys.taskforce });
      expect(response.body.errors).toBeUndefined();
      statements.push(response.statements);
    }
    expect(statements).toEqual([statements[0], statements[0], statements[0], statements[0]]);
  });

  test("the same key and roles as the API; bad parameters are named; nothing for other callers", async () => {
    expect((await get("/export/dashboard.csv")).status).toBe(401);
    const forbidden = await get("/export/dashboard.csv", keys.dvz);
    expect([forbidden.status, ((await forbidden.json()) as any).errors[0].extensions.code]).toEqual([403, "FORBIDDEN"]);
    for (const [query, message] of [
      ["agencies=XYZ", 'agencies: "XYZ" is not an agency code (DVZ, CGVS, RVV, FEDASIL).'],
      ["from=yesterday", 'from: "yesterday" is not a date (YYYY-MM-DD).'],
      ["view=LATEST", 'view: "LATEST" is not CURRENT or AS_REPORTED.'],
    ]) {
      const response = await get(`/export/dashboard.xlsx?${query}`, keys.taskforce);
      expect([response.status, await response.json()]).toEqual([400, { errors: [{ message, extensions: { code: "BAD_USER_INPUT" } }] }]);
    }
    const badWave = await get("/export/dashboard.csv?waveIds=nope", keys.taskforce);
    expect([badWave.status, ((await badWave.json()) as any).errors[0].extensions.code]).toEqual([400, "BAD_USER_INPUT"]);
    expect((await get("/export/dashboard.csv?campaign=nope", keys.taskforce)).status).toBe(404);
    expect((await fetch(`${base}/export/dashboard.csv`, { method: "POST", headers: { authorization: `Bearer ${keys.taskforce}` } })).status).toBe(405);
  });
});

describe("exports are priced like any request", () => {
  test("from the same bucket as the API: when it is empty, the export waits too", async () => {
    const server = await startTestServer({
      seed: true,
      now: () => new Date("2026-11-25T10:00:00Z"),
      operating: { rateLimit: { client: { capacity: 1500, refillPerSecond: 0.001 }, anonymous: { capacity: 1500, refillPerSecond: 0.001 } } },
    });
    try {
      const keys = await createKeys(server);
      const base = server.url.replace("/graphql", "");
      const exports: number[] = [];
      for (let i = 0; i < 40 && !exports.includes(429); i++) {
        exports.push((await fetch(`${base}/export/dashboard.csv`, { headers: { authorization: `Bearer ${keys.taskforce}` } })).status);
      }
      expect(exports.at(-1)).toBe(429);
      expect(exports.length).toBeGreaterThan(1);
      expect(exports.slice(0, -1).every((s) => s === 200)).toBe(true);
      // The GraphQL API refuses the same operation for the same key now: one bucket.
      const response = await server.gql(DASHBOARD_REPORT_QUERY, planningPeriod("2026-11-25"), { key: keys.taskforce });
      expect(response.status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
