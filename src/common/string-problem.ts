const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What is wrong with a string argument, or null: it must be well-formed UTF-16 (no lone surrogate) and hold no NUL.
 * The edge refuses such strings (src/server/plugins/input-strings.ts), and the batch mutations refuse the one item.
 */
export function stringProblem(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character";
  // With the u flag a surrogate pair is one code point; only a surrogate on its own matches \p{Cs}.
  if (LONE_SURROGATE.test(value)) return "is not well-formed Unicode (a lone surrogate)";
  return null;
}
