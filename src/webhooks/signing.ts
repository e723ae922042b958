import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";

/** A new endpoint secret in the Standard Webhooks form: "whsec_" and 32 random bytes in base64. */
export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/**
 * The Standard Webhooks headers of one attempt: webhook-id (the event's id, the same on every retry), webhook-timestamp
 * (seconds) and webhook-signature, one "v1,<base64 HMAC-SHA256 of id.timestamp.body>" per secret in use (two while a
 * rotated-out secret lives on), space-separated, as the specification has it. Signed with node:crypto rather than the
 * standardwebhooks library's sign(), whose pure-JavaScript SHA-256 costs six times as much per delivery; the tests verify
 * every delivery with that library's verify(), so the two cannot drift apart.
 */
export function signedHeaders(secrets: readonly string[], messageId: string, at: Date, body: string): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
    return `v1,${createHmac("sha256", key).update(`${messageId}.${timestamp}.${body}`).digest("base64")}`;
  });
  return { "webhook-id": messageId, "webhook-timestamp": timestamp, "webhook-signature": signatures.join(" ") };
}
