import type http from "node:http";
import type { ViewerService } from "../auth/viewer.service";
import type { Viewer } from "../auth/viewer";

/**
 * Who sent a request, worked out once per request and used by everything after it (the rate limiter's bucket, the
 * GraphQL context): the viewer of its API key, or the reason the key was refused, and its network address.
 */
export type Caller = { viewer: Viewer; refusal: null; address: string } | { viewer: null; refusal: unknown; address: string };

export async function identifyCaller(viewers: ViewerService, authorization: string | undefined, address: string): Promise<Caller> {
  try {
    return { viewer: await viewers.fromAuthorization(authorization), refusal: null, address };
  } catch (error) {
    return { viewer: null, refusal: error, address };
  }
}

/**
 * The caller's address: the socket's, or behind `hops` trusted reverse proxies, the address the outermost of them saw
 * (X-Forwarded-For entries further left were written by the client and prove nothing).
 */
export function clientAddressOf(req: Pick<http.IncomingMessage, "headers" | "socket">, hops: number): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  if (hops === 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - hops)];
}
