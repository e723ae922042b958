/** Longest string an audit line keeps of a value it was given (ids and choices are far shorter). */
export const MAX_AUDITED_STRING = 200;

// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL refuses in text and jsonb.
const UNSTORABLE = /\u0000|\p{Cs}/gu;

/**
 * A string as an audit line can always store it: NUL characters and lone surrogates (which PostgreSQL refuses in text
 * and jsonb) written as `\u` escapes, and anything past MAX_AUDITED_STRING cut with an ellipsis. The audit keeps what a
 * caller sent even when the service refused it, so the rendering must never fail.
 */
export function safeString(value: string): string {
  const escaped = value.replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escaped.length > MAX_AUDITED_STRING ? `${escaped.slice(0, MAX_AUDITED_STRING - 1)}…` : escaped;
}

/** safeString applied to every string (keys included) of a JSON-like value. */
export function safeRendering(value: unknown): unknown {
  if (typeof value === "string") return safeString(value);
  if (Array.isArray(value)) return value.map(safeRendering);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [safeString(k), safeRendering(v)]));
  }
  return value;
}
