/**
 * What reading a request costs, charged to the caller's rate-limit bucket before its body is parsed (the operation's
 * own cost is charged later, once it is known: src/server/plugins/query-cost.ts). Pure functions; the GraphQL handler
 * (src/server/graphql-handler.ts) applies them.
 */
export const ADMISSION = {
  /** Every request, on arrival, before its body is read. */
  arrivalPoints: 1,
  /** Each full KiB of body beyond the first. */
  pointsPerKiB: 1,
  /** Each level of JSON nesting beyond `freeDepth`. */
  pointsPerLevel: 1,
  freeDepth: 8,
  /** Largest body from an API client: a 500-application batch (about 150 KB) fits with room to spare. */
  maxBodyBytes: 1_048_576,
  /** Largest body from anyone else: a public page's query and its variables are a few KB. */
  maxAnonymousBodyBytes: 16_384,
  /**
   * Deepest JSON nesting of a body ({"variables":{"input":{"applications":[{"candidate":{...}}]}}} is 6): deeper is
   * refused before the body is parsed into objects.
   */
  maxJsonDepth: 16,
  /**
   * A document refused by parsing or validation, charged once it is refused (the work is done by then): Apollo keeps
   * only valid documents, so a refused one is parsed and validated again each time it is sent, about 0.5 ms of CPU
   * where a known valid document costs nothing more to read (a subscription, 10,000 times: 1.6 ms a request against
   * 1.2 for `{ __typename }`).
   */
  refusedDocumentPoints: 10,
} as const;

/** The largest body this caller may send. */
export function maxBodyBytes(authenticated: boolean): number {
  return authenticated ? ADMISSION.maxBodyBytes : ADMISSION.maxAnonymousBodyBytes;
}

/** Points for reading a body of `bytes` nested `depth` deep (the arrival point is charged separately, before). */
export function bodyPoints(bytes: number, depth: number): number {
  return Math.floor(Math.max(0, bytes - 1) / 1024) * ADMISSION.pointsPerKiB + Math.max(0, depth - ADMISSION.freeDepth) * ADMISSION.pointsPerLevel;
}

/**
 * How deeply a JSON text nests arrays and objects, without parsing it: one pass over its characters, strings skipped
 * with indexOf (character by character, this cost as much as JSON.parse on a batch of 500 applications).
 * Stops counting once past `limit` (returns limit + 1), so a body of a million brackets costs no more than its length.
 * Not a validator: JSON.parse still refuses malformed text afterwards.
 */
export function jsonDepth(text: string, limit: number = ADMISSION.maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: it ends at the next quote not escaped (preceded by an even number of backslashes).
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escaped(text, end, i)) end = text.indexOf('"', end + 1);
      if (end === -1) return deepest; // the rest is inside an unterminated string
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return limit + 1;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/** Whether the quote at `at` is escaped: an odd number of backslashes before it, after the string's opening quote at `from`. */
function escaped(text: string, at: number, from: number): boolean {
  let backslashes = 0;
  for (let k = at - 1; k > from && text.charCodeAt(k) === 0x5c; k--) backslashes++;
  return backslashes % 2 === 1;
}
