import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium (apt-get install -y chromium), driven by playwright-core: nothing downloads a browser of its own.
 * The flags keep it off the network it cannot reach (background updates, first-run pages) and runnable as root.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
