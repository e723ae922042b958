import { MAX_AUDITED_STRING, safeRendering, safeString } from "../../src/audit/safe-rendering";

describe("what the audit keeps of a value it cannot store as given", () => {
  test.each([
    ["plain", "plain"],
    ["a\u0000b", "a\\u0000b"],
    ["lone \ud83d", "lone \\ud83d"],
    ["lone \udc00 low", "lone \\udc00 low"],
    ["pair \ud83d\ude00 kept", "pair \ud83d\ude00 kept"],
    ["x".repeat(MAX_AUDITED_STRING), "x".repeat(MAX_AUDITED_STRING)],
    ["x".repeat(MAX_AUDITED_STRING + 1), `${"x".repeat(MAX_AUDITED_STRING - 1)}…`],
  ])("%j is kept as %j", (given, kept) => {
    expect(safeString(given)).toBe(kept);
  });

  test("every string of a value, keys and nested lists included; other values as they are", () => {
    expect(safeRendering({ "k\u0000": ["a\ud800", 1, null, true], n: { s: "ok" } })).toEqual({ "k\\u0000": ["a\\ud800", 1, null, true], n: { s: "ok" } });
  });
});
