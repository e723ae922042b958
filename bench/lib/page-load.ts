import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { launchBrowser } from "../../test/helpers/browser";

/**
 * The dashboard page in Debian's Chromium: from the click on "sign in" to every figure on the screen (the page sets
 * body[data-ready] once it has drawn the answer), measured in the browser with performance.now(), each run in a fresh
 * browser context (no cache, an empty sessionStorage).
 */
export async function measurePageLoad(base: string, key: string, runs: number): Promise<number[]> {
  const browser = await launchBrowser();
  const timings: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/dashboard/`);
      await page.fill("#key", key);
      const ms = await page.evaluate<number>(`new Promise((resolve, reject) => {
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (document.body.dataset.ready === "true") { observer.disconnect(); resolve(performance.now() - started); }
        }).observe(document.body, { attributes: true });
        setTimeout(() => reject(new Error("no figures within 30 s")), 30000);
        document.querySelector("#signin-form button[type=submit]").click();
      })`);
      timings.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return timings;
}

/**
 * The page's JavaScript (its entry and the chunks it preloads, as its built index.html names them) as browsers that
 * accept brotli receive it (the .br siblings the build writes), in bytes.
 */
export function pageScriptBytes(page = "dashboard", web = path.resolve(__dirname, "../../web")): { raw: number; brotli: number } {
  const html = readFileSync(path.join(web, page, "index.html"), "utf8");
  const scripts = [...new Set([...html.matchAll(/(?:src|href)="\.\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]))];
  const size = (file: string) => statSync(path.join(web, "assets", file)).size;
  return { raw: scripts.reduce((s, f) => s + size(f), 0), brotli: scripts.reduce((s, f) => s + size(`${f}.br`), 0) };
}
