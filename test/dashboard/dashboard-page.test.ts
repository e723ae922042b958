import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { DASHBOARD_REPORT_QUERY, planningPeriod } from "../../src/dashboard/report-query";
import { generateDemoData } from "../../src/seeding/demo-generator";
import { launchBrowser } from "../helpers/browser";
import { createKeys, type Keys } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * The taskforce's page in a real browser (Debian's Chromium through playwright-core): sign in with a key, read the
 * headline figures and hold them against the API, change a filter, download the exports and read their numbers back,
 * and check accessibility with axe-core. Leaves a screenshot at artifacts/dashboard.png (the README names it).
 */
export const SCREENSHOT = path.resolve(__dirname, "../../artifacts/dashboard.png");

describe("the dashboard page", () => {
  let server: TestServer;
  let keys: Keys;
  let browser: Browser;
  let page: Page;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date() });
    keys = await createKeys(server);
    await generateDemoData(server.database, { applications: 600, seed: 7, until: "2026-11-20", chunkSize: 300 });
    base = server.url.replace("/graphql", "");
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true, locale: "nl-BE", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("request", (request) => seen.push(request.url()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const api = async (variables: Record<string, unknown>) =>
    (await server.data(DASHBOARD_REPORT_QUERY, { ...planningPeriod(new Date().toISOString().slice(0, 10)), lang: "NL", ...variables }, { key: keys.taskforce }))
      .dashboard;
  const card = async (id: string) => page.getAttribute(`#${id}`, "data-value");
  const ready = () => page.waitForSelector("body[data-ready=true]");

  test("the page's JavaScript is at most 300 KB compressed, and served so", async () => {
    const html = await (await fetch(`${base}/dashboard/`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="\.\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const script of scripts) {
      const response = await fetch(`${base}/assets/${script}`, { headers: { "accept-encoding": "br" } });
      expect(response.headers.get("content-encoding")).toBe("br");
      total += Number(response.headers.get("content-length"));
    }
    expect(total).toBeLessThanOrEqual(300 * 1024);
  });

  test("a bad key is refused and asked again; nothing is kept", async () => {
    await page.goto(`${base}/dashboard/`);
    await page.fill("#key", "not-a-key-0123456789abcdef");
    await page.click("#signin-form button[type=submit]");
    await page.waitForFunction(`document.querySelector("#signin-error")?.textContent?.includes("niet aanvaard")`);
    expect(await page.evaluate("sessionStorage.length")).toBe(0);
    expect(await page.isVisible("#signin")).toBe(true);
  });

  test("signs in and shows the API's figures; the key stays in the tab, never in an address", async () => {
    await page.fill("#key", keys.taskforce);
    await page.click("#signin-form button[type=submit]");
    await ready();
    const expected = await api({});
    expect({
      target: await card("h-target"),
      hired: await card("h-hired"),
      laureates: await card("h-laureates"),
      applications: await card("h-applications"),
      onTrack: await card("f-ontrack"),
    }).toEqual({
      target: String(expected.target),
      hired: String(expected.hired),
      laureates: String(expected.laureates),
      applications: String(expected.applications),
      onTrack: String(expected.forecast.onTrack),
    });
    expect(expected.applications).toBeGreaterThan(0);
    const agencies = await page.$$eval("#t-agencies tbody tr", (rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.dataset.value ?? c.textContent)),
    );
    expect(agencies.map((r) => r.slice(1, 4))).toEqual(expected.byAgency.map((a: any) => [String(a.target), String(a.hired), String(a.gapToTarget)]));
    const weeks = await page.$$eval("#t-weekly tbody tr", (rows) => rows.map((r) => r.querySelector("td")!.textContent));
    expect(weeks).toEqual(expected.weekly.map((w: any) => w.isoWeek));
    expect(await page.evaluate("Object.keys(sessionStorage)")).toEqual(["taskforce-dashboard-key"]);
    expect(seen.some((url) => url.includes(keys.taskforce))).toBe(false);
    expect(seen.every((url) => url.startsWith(base))).toBe(true);
  });

  test("a filter changes the figures, to the API's for the same filter", async () => {
    const before = await card("h-target");
    await page.selectOption("#f-agency", "CGVS");
    await page.evaluate("delete document.body.dataset.ready");
    await page.click("#apply");
    await ready();
    const expected = await api({ filter: { agencies: ["CGVS"] } });
    expect(await card("h-target")).toBe(String(expected.target));
    expect(await card("h-target")).not.toBe(before);
    expect(await card("h-applications")).toBe(String(expected.applications));
    expect(await page.$$eval("#t-agencies tbody tr", (rows) => rows.length)).toBe(1);
  });

  test("downloads the weekly report as CSV and XLSX, with the page's numbers", async () => {
    const expected = await api({ filter: { agencies: ["CGVS"] } });
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const rows: { section: string; group: string; figure: string; value: string }[] = parse(readFileSync(await csv.path(), "utf8"), { columns: true });
    expect(rows.find((r) => r.section === "summary" && r.figure === "target")?.value).toBe(String(expected.target));
    expect(rows.find((r) => r.section === "summary" && r.figure === "applications")?.value).toBe(String(expected.applications));
    expect(rows.filter((r) => r.section === "agency").map((r) => r.group)).toEqual(Array(6).fill("CGVS"));

    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.click("#export-xlsx")]);
    expect(xlsx.suggestedFilename()).toMatch(/^asiel-migratie-2021-dashboard-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const agencies = book.getWorksheet("Agencies")!;
    expect([agencies.getRow(2).getCell(1).value, agencies.getRow(2).getCell(2).value]).toEqual(["CGVS", expected.target]);
    expect(book.getWorksheet("Weekly")!.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  });

  test("in French on request", async () => {
    await page.selectOption("#lang", "fr");
    await page.waitForFunction(`document.querySelector("h1")?.textContent === "Tableau de bord de la taskforce"`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await page.selectOption("#lang", "nl");
  });

  test("accessible: no serious or critical axe-core violations; a screenshot for CI", async () => {
    await page.selectOption("#f-agency", "");
    await page.evaluate("delete document.body.dataset.ready");
    await page.click("#apply");
    await ready();
    // Run in the page by the driver (not a page script, so the page's own CSP still stands).
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate<{ id: string; impact: string; nodes: number }[]>(
      `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
    );
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
