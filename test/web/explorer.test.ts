import type { Browser, Page, Request } from "playwright-core";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { launchBrowser } from "../helpers/browser";

/**
 * The explorer (GraphiQL bundled by the build, web/explorer/) in headless Chromium on a closed network: it loads only
 * from the service, runs the example operations, and sends a pasted key for this tab only.
 */
let server: TestServer;
let origin: string;
let browser: Browser;
let page: Page;
const requests: Request[] = [];
const problems: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ web: { explorer: true } });
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("request", (request) => requests.push(request));
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("a browser opening /graphql gets the explorer, which runs the example operations from nothing but the service", async () => {
  const response = await page.goto(server.url);
  expect(page.url()).toBe(`${origin}/explorer/`);
  expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
  await page.waitForSelector(".graphiql-container", { timeout: 60_000 });
  // The first tab holds the public example; run it.
  await page.waitForFunction(() => (globalThis as any).document.querySelector(".graphiql-query-editor")?.textContent?.includes("CampaignProgress"), null, {
    timeout: 60_000,
  });
  await page.click(".graphiql-execute-button");
  await page.waitForFunction(() => (globalThis as any).document.querySelector(".graphiql-response")?.textContent?.includes("targetHeadcount"), null, {
    timeout: 60_000,
  });
  expect(await page.textContent(".graphiql-response")).toContain("700");
  expect(await page.$$eval(".graphiql-tab", (tabs) => tabs.length)).toBe(8);
  expect(requests.map((r) => new URL(r.url()).origin).filter((o) => o !== origin && !o.startsWith("blob:") && o !== "null")).toEqual([]);
  expect(problems).toEqual([]);
});

test("a pasted key goes with each request as a bearer token and stays in this tab's session storage only", async () => {
  await page.fill("#api-key", ADMIN_KEY);
  expect(await page.textContent("#key-state")).toContain("key set for this tab");
  const sent = page.waitForRequest((r) => r.url() === server.url && r.method() === "POST");
  await page.click(".graphiql-execute-button");
  expect((await sent).headers()["authorization"]).toBe(`Bearer ${ADMIN_KEY}`);
  const stored = await page.evaluate(() => {
    const w = globalThis as any;
    const values = (s: any) => Object.keys(s).map((k) => s.getItem(k));
    return { local: values(w.localStorage).join(" "), session: values(w.sessionStorage).join(" ") };
  });
  expect(stored.local).not.toContain(ADMIN_KEY);
  expect(stored.session).toContain(ADMIN_KEY);
  await page.click("#forget-key");
  const anonymous = page.waitForRequest((r) => r.url() === server.url && r.method() === "POST");
  await page.click(".graphiql-execute-button");
  expect((await anonymous).headers()["authorization"]).toBeUndefined();
});

test("off by configuration: no explorer, and GET /graphql from a browser is not sent anywhere", async () => {
  const plain = await startTestServer({ seed: false, web: { explorer: false } });
  try {
    const explorer = await fetch(plain.url.replace("/graphql", "/explorer/"));
    expect(explorer.status).toBe(404);
    const get = await fetch(plain.url, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(get.status).not.toBe(302);
    expect(get.headers.get("content-type")).not.toContain("text/html");
  } finally {
    await plain.close();
  }
});
