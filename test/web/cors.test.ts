import { loadConfig } from "../../src/config";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** The campaign site's origin may call the API from a browser; other origins may not, and CSRF protection stays on. */
const SITE = "https://werkenbijasielenmigratie.be";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ web: { corsOrigins: [SITE, "http://localhost:5173"], corsMaxAgeSeconds: 7200 } });
});
afterAll(() => server.close());

const QUERY = JSON.stringify({ query: "{ campaign { targetHeadcount } }" });

test("a preflight from an allowed origin is answered with the methods, headers and how long to cache it", async () => {
  const response = await fetch(server.url, {
    method: "OPTIONS",
    headers: { origin: SITE, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization, x-evil" },
  });
  expect(response.status).toBe(204);
  expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith("access-control") || name === "vary"))).toEqual({
    "access-control-allow-origin": SITE,
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "content-type, authorization",
    "access-control-max-age": "7200",
    vary: "Origin",
  });
});

test("an allowed origin's POST carries Access-Control-Allow-Origin and can read the answer's headers", async () => {
  const response = await fetch(server.url, { method: "POST", headers: { origin: SITE, "content-type": "application/json" }, body: QUERY });
  expect(response.status).toBe(200);
  expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
  expect(response.headers.get("access-control-expose-headers")).toBe("content-language, retry-after, x-request-id");
  expect(response.headers.get("vary")).toContain("Origin");
  expect(await response.json()).toEqual({ data: { campaign: { targetHeadcount: 700 } } });
});

test("an allowed origin's simple GET (cacheable by a CDN) is answered", async () => {
  const response = await fetch(`${server.url}?query=${encodeURIComponent("{ campaign { targetHeadcount } }")}`, { headers: { origin: SITE } });
  expect(response.status).toBe(200);
  expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
  expect(response.headers.get("cache-control")).toMatch(/^max-age=\d+, public$/);
});

test("another origin gets no CORS headers, its preflight is refused, and Apollo's CSRF check still stops its simple requests", async () => {
  const preflight = await fetch(server.url, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
  expect(preflight.status).toBe(403);
  expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  const post = await fetch(server.url, { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, body: QUERY });
  expect(post.headers.get("access-control-allow-origin")).toBeNull();
  const simple = await fetch(`${server.url}?query=${encodeURIComponent("{ campaign { targetHeadcount } }")}`, { headers: { origin: "https://evil.example" } });
  expect(simple.status).toBe(400);
  expect(simple.headers.get("access-control-allow-origin")).toBeNull();
  expect(await simple.text()).toContain("CSRF");
});

test("without configuration no origin is allowed", async () => {
  const plain = await startTestServer({ seed: false });
  try {
    const response = await fetch(plain.url, { method: "OPTIONS", headers: { origin: SITE, "access-control-request-method": "POST" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  } finally {
    await plain.close();
  }
});

describe("configuration", () => {
  test("defaults: no origin; the explorer on in development only", () => {
    expect(loadConfig({}).web).toEqual({ corsOrigins: [], corsMaxAgeSeconds: 600, explorer: true });
    expect(loadConfig({ NODE_ENV: "production" }).web.explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", EXPLORER_ENABLED: "true" }).web.explorer).toBe(true);
  });
  test("origins are checked", () => {
    expect(loadConfig({ CORS_ALLOWED_ORIGINS: " https://a.example , http://localhost:5173", CORS_MAX_AGE_S: "60" }).web).toMatchObject({
      corsOrigins: ["https://a.example", "http://localhost:5173"],
      corsMaxAgeSeconds: 60,
    });
    for (const bad of ["a.example", "https://a.example/", "https://a.example/path", "ftp://a.example", "*"]) {
      expect(() => loadConfig({ CORS_ALLOWED_ORIGINS: bad })).toThrow(
        `CORS_ALLOWED_ORIGINS: "${bad}" is not an origin (scheme://host[:port], no path, no trailing slash)`,
      );
    }
  });
});
