import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * The reference campaign site (site/), served by a static server of its own on another origin than the API, in
 * headless Chromium: a visitor sees "N of 700", searches, filters, opens a vacancy and switches language; every figure
 * on the page is checked against the API.
 */
const SITE = path.join(__dirname, "../../site");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
let site: http.Server;
let siteOrigin: string;
let api: TestServer;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  site = http.createServer((req, res) => {
    const file = path.join(SITE, new URL(req.url ?? "/", "http://x").pathname.replace(/\/$/, "/index.html"));
    if (!file.startsWith(SITE)) return res.writeHead(404).end();
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  // localhost and 127.0.0.1 are different origins: the page is cross-origin to the API.
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
  api = await startTestServer({ web: { corsOrigins: [siteOrigin] } });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== siteOrigin && url.origin !== new URL(api.url).origin) foreignRequests.push(request.url());
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((resolve) => site?.close(resolve));
});

async function ready(prefix: string): Promise<void> {
  await page.waitForFunction((p) => (globalThis as any).document.getElementById("app")?.dataset.ready?.startsWith(p) ?? false, prefix, { timeout: 30_000 });
}
const text = async (selector: string) => (await page.textContent(selector))?.trim();

test("home, search, filter, vacancy page and language switch, against the API", async () => {
  await page.goto(`${siteOrigin}/?api=${encodeURIComponent(api.url)}`);
  await ready("NL:");
  const progress = (
    await api.data(`{ campaign { progress { target hired openPosts byAgency { agency { name(lang: NL) } } byWave { wave { name(lang: NL) } } } } }`)
  ).campaign.progress;
  expect(await text("#filled")).toBe(`${progress.hired} van de ${progress.target} posten ingevuld`);
  expect(await text("#open-posts")).toBe(`${progress.openPosts} posten staan nu open`);
  expect(await page.$$eval("#by-agency th", (cells) => cells.map((c) => c.textContent))).toEqual(progress.byAgency.map((a: any) => a.agency.name));
  expect(await page.$$eval("#by-wave th", (cells) => cells.map((c) => c.textContent))).toEqual(progress.byWave.map((w: any) => w.wave.name));

  // Search, as a French speaker would type it, then narrow to Wallonia with the region menu.
  await page.fill("#search", "assistante sociale");
  await page.press("#search", "Enter");
  await ready('NL::{"campaignSlug":"asiel-migratie-2021","search":"assistante sociale"}');
  const found = await api.data(`query($f: VacancyFilter) { vacancies(filter: $f, first: 50) { totalCount edges { node { id title(lang: NL) } } } }`, {
    f: { campaignSlug: "asiel-migratie-2021", search: "assistante sociale" },
  });
  expect(found.vacancies.totalCount).toBeGreaterThan(0);
  expect(await text("#result-count")).toBe(`${found.vacancies.totalCount} vacatures`);
  await page.check('[data-facet="regions"] input[value="WALLONIA"]');
  await ready('NL::{"campaignSlug":"asiel-migratie-2021","search":"assistante sociale","regions":["WALLONIA"]}');
  const wallonia = await api.data(`query($f: VacancyFilter) { vacancies(filter: $f, first: 50) { totalCount edges { node { id } } } }`, {
    f: { campaignSlug: "asiel-migratie-2021", search: "assistante sociale", regions: ["WALLONIA"] },
  });
  expect(wallonia.vacancies.totalCount).toBeLessThan(found.vacancies.totalCount);
  expect(await text("#result-count")).toBe(`${wallonia.vacancies.totalCount} vacatures`);
  expect(await page.$$eval("#results a", (links) => links.map((a) => a.getAttribute("data-id")))).toEqual(wallonia.vacancies.edges.map((e: any) => e.node.id));

  // The first result's page.
  const id = wallonia.vacancies.edges[0].node.id;
  await page.click(`#results a[data-id="${id}"]`);
  await ready(`NL:#/vacancy/${id}`);
  const VACANCY = `query($id: ID!, $lang: Language) { vacancy(id: $id) { title(lang: $lang) place(lang: $lang) description(lang: $lang)
    jobProfile { functionCode title(lang: $lang) } salaryScale { code illustrative } applicationDeadline upcomingTestSessions(first: 5) { place(lang: $lang) } } }`;
  const nl = (await api.data(VACANCY, { id, lang: "NL" })).vacancy;
  expect(await text("#vacancy-title")).toBe(nl.title);
  expect(await text("#vacancy-place")).toContain(nl.place);
  expect(await text("#vacancy-description")).toBe(nl.description);
  expect(await text("#vacancy-profile")).toContain(`${nl.jobProfile.functionCode} — ${nl.jobProfile.title}`);
  expect(await text("#vacancy-salary")).toMatch(new RegExp(`^${nl.salaryScale.code}: `));
  expect(nl.salaryScale.illustrative).toBe(true);
  expect(await text("#salary-note")).toBe("Bedragen ter illustratie, niet de werkelijke wedde.");
  expect(await text("#vacancy-deadline")).toMatch(nl.applicationDeadline ? /^Uiterste datum: / : /^Doorlopend solliciteren$/);
  expect(await page.$$eval("#vacancy-sessions li", (items) => items.length)).toBe(nl.upcomingTestSessions.length);

  // In French.
  await page.click('[data-lang="FR"]');
  await ready(`FR:#/vacancy/${id}`);
  const fr = (await api.data(VACANCY, { id, lang: "FR" })).vacancy;
  expect(await text("#vacancy-title")).toBe(fr.title);
  expect(await text("#vacancy-description")).toBe(fr.description);
  expect(await text("#vacancy-place")).toContain(fr.place);
  expect(await page.$$eval("#vacancy-sessions li", (items) => items.map((i) => i.textContent))).toEqual(
    fr.upcomingTestSessions.map((s: any) => expect.stringContaining(s.place)),
  );
  expect(await text("#salary-note")).toBe("Montants à titre d'illustration, pas le traitement réel.");
  expect(await page.getAttribute("html", "lang")).toBe("fr");

  expect(foreignRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
});
