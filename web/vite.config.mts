import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The service's own web pages: every folder of web/ with an index.html is a page, served by the service at /<folder>/
 * (src/server/static-files.ts). Built into dist/web/ by `npm run build` (scripts/build-web.ts); everything a page needs is
 * bundled, nothing is loaded from another host at run time.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const pages = Object.fromEntries(
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, "index.html")))
    .map((entry) => [entry.name, path.join(root, entry.name, "index.html")]),
);

export default defineConfig({
  root,
  // Relative asset addresses: a page works wherever it is mounted.
  base: "./",
  logLevel: "warn",
  build: {
    outDir: path.join(root, "../dist/web"),
    emptyOutDir: true,
    // Every browser the pages support preloads modules natively; with more than one page the polyfill would otherwise
    // become a shared chunk of its own, too small to be served compressed.
    modulePreload: { polyfill: false },
    rollupOptions: { input: pages },
  },
});
