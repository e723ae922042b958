/**
 * Opaque ids for the API: base64url of "Type:key". Clients treat them as strings; the service can tell an id meant for
 * another type from an unknown one, and neither leaks anything (both read as "not found").
 */
export const NODE_TYPES = [
  "Campaign",
  "Wave",
  "JobProfile",
  "Vacancy",
  "Place",
  "TestSession",
  "Application",
  "Candidate",
  "ApiClient",
  "AuditEntry",
  "Event",
  "WebhookEndpoint",
  "WebhookDelivery",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Types keyed by 64-bit identities (rows that grow without bound). */
const WIDE_KEYS: ReadonlySet<NodeType> = new Set(["AuditEntry", "Event", "WebhookDelivery"]);

export function toGlobalId(type: NodeType, key: number | string): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

/** The numeric key of an id of the given type, or null when the id is malformed or names another type. */
export function fromGlobalId(type: NodeType, id: string): number | null {
  if (id.length === 0 || id.length > 64 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0 || decoded.slice(0, separator) !== type) return null;
  const key = decoded.slice(separator + 1);
  if (!/^[1-9][0-9]{0,15}$/.test(key)) return null;
  const n = Number(key);
  // Keys are 32-bit integers, except the WIDE_KEYS (64-bit): a larger number cannot name a row.
  const max = WIDE_KEYS.has(type) ? Number.MAX_SAFE_INTEGER : 2_147_483_647;
  return n <= max ? n : null;
}

/** The type and key an id names, or null when it is malformed or names no known type. */
export function parseGlobalId(id: string): { type: NodeType; key: number } | null {
  if (id.length === 0 || id.length > 64 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const type = decoded.slice(0, Math.max(0, decoded.indexOf(":"))) as NodeType;
  if (!(NODE_TYPES as readonly string[]).includes(type)) return null;
  const key = fromGlobalId(type, id);
  return key == null ? null : { type, key };
}
