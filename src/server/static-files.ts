import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type http from "node:http";
import path from "node:path";

/**
 * The service's own web pages, built by `npm run build` into dist/web/<page>/ (see web/vite.config.mts): GET /<page>/...
 * serves them, and GET /assets/... the bundles they share (the pages refer to them as ../assets/). Bundled assets carry a content hash in their names and are cached for a year; the pages themselves are
 * revalidated on every load, so a new build shows at once. A .br or .gz sibling written by the build is sent to
 * browsers that accept it. Files are read into memory once: the pages are small and do not change while the process runs.
 */
export interface StaticFiles {
  /** The pages there are (folder names under dist/web). */
  readonly pages: ReadonlySet<string>;
  /** Answers the request if its path is one of the pages' files; false when it is not (the caller answers 404). */
  serve(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * What a page may load: only this service's own files and its own API. No page loads anything from another host.
 * Inline styles are allowed because the bundled editor and chart libraries set element styles at run time.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/** dist/web at the project root, whether running compiled (dist/src/server) or from source (src/server). */
export function webBuildFolder(): string | null {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) {
      const folder = path.join(dir, "dist", "web");
      return existsSync(folder) ? folder : null;
    }
  }
  return null;
}

interface Entry {
  body: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  contentType: string;
  immutable: boolean;
}

export function createStaticFiles(folder: string | null = webBuildFolder()): StaticFiles {
  const pages = new Set<string>();
  if (folder) {
    for (const name of safeReaddir(folder)) {
      if (existsSync(path.join(folder, name, "index.html"))) pages.add(name);
    }
  }
  const cache = new Map<string, Entry | null>();

  function load(relative: string): Entry | null {
    if (cache.has(relative)) return cache.get(relative)!;
    const file = path.join(folder!, relative);
    let entry: Entry | null = null;
    // The resolved file must stay inside the build folder, whatever the path said.
    if (file.startsWith(folder! + path.sep) && existsSync(file) && statSync(file).isFile()) {
      const sibling = (suffix: string) => (existsSync(file + suffix) ? readFileSync(file + suffix) : null);
      entry = {
        body: readFileSync(file),
        br: sibling(".br"),
        gzip: sibling(".gz"),
        contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
        immutable: relative.startsWith("assets" + path.sep),
      };
    }
    cache.set(relative, entry);
    return entry;
  }

  return {
    pages,
    serve(req, res, pathname) {
      if (!folder || (req.method !== "GET" && req.method !== "HEAD")) return false;
      const [, page, ...rest] = pathname.split("/");
      const shared = page === "assets";
      if (!shared && !pages.has(page)) return false;
      if (!shared && pathname === `/${page}`) {
        res.statusCode = 308;
        res.setHeader("location", `/${page}/`);
        res.end();
        return true;
      }
      let relative: string;
      try {
        relative = path.join(page, path.normalize(decodeURIComponent(rest.join("/")) || "index.html"));
      } catch {
        return false;
      }
      const entry = load(relative);
      if (!entry) return false;
      const accepted = String(req.headers["accept-encoding"] ?? "");
      const [body, encoding] =
        entry.br && /\bbr\b/.test(accepted) ? [entry.br, "br"] : entry.gzip && /\bgzip\b/.test(accepted) ? [entry.gzip, "gzip"] : [entry.body, null];
      res.statusCode = 200;
      res.setHeader("content-type", entry.contentType);
      res.setHeader("content-length", body.length);
      res.setHeader("cache-control", entry.immutable ? "public, max-age=31536000, immutable" : "no-cache");
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("referrer-policy", "no-referrer");
      if (entry.contentType.startsWith("text/html")) res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
      if (entry.br || entry.gzip) res.setHeader("vary", "accept-encoding");
      if (encoding) res.setHeader("content-encoding", encoding);
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    },
  };
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
