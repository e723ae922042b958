import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API keys are 32 random bytes, so a plain SHA-256 is enough to store them: unlike passwords they cannot be guessed from a
 * dictionary, and a fast hash keeps the per-request lookup cheap.
 */
const KEY_PREFIX = "amk_";

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** What an operator sees to tell keys apart: the first characters, never enough to use. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The key of an "Authorization: Bearer <key>" header; undefined without a header, null when malformed. */
export function bearerKey(header: string | undefined): string | null | undefined {
  if (header === undefined || header === "") return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_\-.~+/=]{16,256})\s*$/i.exec(header);
  return match ? match[1] : null;
}
