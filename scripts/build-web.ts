import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Builds the service's web pages (web/*, see web/vite.config.mts) into dist/web/, unless dist/web was built from exactly
 * the same sources and lock file: a restart without changes costs a hash of web/, not a bundle. Each text asset also
 * gets .br and .gz siblings, which the service sends to browsers that accept them.
 */
const ROOT = path.resolve(__dirname, "../..");
const WEB = path.join(ROOT, "web");
const OUT = path.join(ROOT, "dist", "web");
const STAMP = path.join(OUT, ".build-stamp");
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt)$/;
/** Files outside web/ that pages bundle (the dashboard's report query, shared with the exports). */
const SHARED_SOURCES = [path.join(ROOT, "src", "dashboard", "report-query.ts")];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of [...filesUnder(WEB), ...SHARED_SOURCES, path.join(ROOT, "package-lock.json")]) {
    hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function compressAssets(): void {
  for (const file of filesUnder(OUT)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) continue;
    const content = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

async function main(): Promise<void> {
  const pages = readdirSync(WEB, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(WEB, e.name, "index.html")));
  if (pages.length === 0) return;
  const hash = sourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  const started = performance.now();
  const { build } = await import("vite");
  await build({ configFile: path.join(WEB, "vite.config.mts") });
  compressAssets();
  writeFileSync(STAMP, hash);
  process.stdout.write(`built web pages (${pages.map((p) => p.name).join(", ")}) in ${Math.round(performance.now() - started)} ms\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`build-web: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
