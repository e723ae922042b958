import type http from "node:http";
import type { RequestHook } from "./http-server";

/**
 * Cross-origin access for browser pages on other origins (the campaign site), from an allow-list: a preflight from an
 * allowed origin is answered 204 with the methods and headers the API takes, cacheable for `maxAgeSeconds`; every
 * answer to an allowed origin carries Access-Control-Allow-Origin (and Vary: Origin, since the answer differs per
 * origin). Requests from other origins get no CORS headers at all, so browsers keep their pages from reading the API,
 * and Apollo's CSRF prevention still refuses their simple requests. No credentials: the API authenticates with the
 * Authorization header, never with cookies.
 */
export interface CorsPolicy {
  /** Exact origins, e.g. https://werkenbijasielenmigratie.be; empty: no cross-origin access. */
  origins: readonly string[];
  maxAgeSeconds: number;
}

export const NO_CORS: CorsPolicy = { origins: [], maxAgeSeconds: 600 };

const ALLOWED_METHODS = "GET, POST, OPTIONS";
/** Request headers a page may send: content negotiation, the key, a request id, and Apollo's preflight markers. */
const ALLOWED_HEADERS = ["accept", "accept-language", "authorization", "content-type", "x-request-id", "apollo-require-preflight", "x-apollo-operation-name"];
/** Response headers a page may read besides the simple ones. */
const EXPOSED_HEADERS = "content-language, retry-after, x-request-id";

export type CorsOutcome =
  /** Not cross-origin, or from an origin outside the list: carry on, without CORS headers. */
  | "same-origin-or-refused"
  /** From an allowed origin: its headers are set; carry on. */
  | "allowed"
  /** A preflight, answered here. */
  | "answered";

export function applyCors(req: http.IncomingMessage, res: http.ServerResponse, policy: CorsPolicy): CorsOutcome {
  const origin = req.headers.origin;
  if (!origin || policy.origins.length === 0) return "same-origin-or-refused";
  const allowed = policy.origins.includes(origin);
  const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
  res.appendHeader("vary", "Origin");
  if (!allowed) {
    if (!preflight) return "same-origin-or-refused";
    res.statusCode = 403;
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: "This origin may not call the API from a browser." }));
    return "answered";
  }
  res.setHeader("access-control-allow-origin", origin);
  if (!preflight) {
    res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    return "allowed";
  }
  const asked = String(req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  res.statusCode = 204;
  res.setHeader("access-control-allow-methods", ALLOWED_METHODS);
  res.setHeader("access-control-allow-headers", asked.filter((h) => ALLOWED_HEADERS.includes(h)).join(", ") || "content-type");
  res.setHeader("access-control-max-age", String(policy.maxAgeSeconds));
  res.end();
  return "answered";
}

/**
 * The CORS hook of the HTTP server: answers preflights, sets the headers for allowed origins, and lets a page of an
 * allowed origin past Apollo's CSRF check (which refuses simple requests, the kind a hostile page can send) as if it
 * were the service's own: everyone else keeps that protection.
 */
export function corsHook(policy: CorsPolicy): RequestHook {
  return (req, res) => {
    const outcome = applyCors(req, res, policy);
    if (outcome === "allowed") req.headers["apollo-require-preflight"] = "true";
    return outcome === "answered";
  };
}
