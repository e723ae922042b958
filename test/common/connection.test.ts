import type { GraphQLError } from "graphql";
import { CursorCodec, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toPage } from "../../src/common/connection";
import { isSortCursor } from "../../src/common/keyset";

const vacancies = new CursorCodec<[string, number]>("vacancies", isSortCursor);
const encodeRaw = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

/** The error a call throws, as code, argument and message, or null when it does not throw. */
function refusal(call: () => unknown): { code: unknown; argumentName: unknown; message: string } | null {
  try {
    call();
    return null;
  } catch (error) {
    const e = error as GraphQLError;
    return { code: e.extensions.code, argumentName: e.extensions.argumentName, message: e.message };
  }
}

describe("CursorCodec", () => {
  test.each([
    ["a timestamp key", ["2021-07-16 09:00:00.123456+00", 42]],
    ["an empty text key", ["", 1]],
    ["text with quotes and accents", ['Brussel "centrum" é', 7]],
  ] as [string, [string, number]][])("round trip of %s", (_name, key) => {
    expect(vacancies.decode("TITLE_ASC", vacancies.encode("TITLE_ASC", key))).toEqual(key);
  });

  test("a cursor is base64url of JSON [list, order, ...key]", () => {
    expect(vacancies.encode("TITLE_ASC", ["b", 2])).toBe(encodeRaw(["vacancies", "TITLE_ASC", "b", 2]));
  });

  const notOfThisList = `"after" is not a cursor of this list: pass an edge's cursor or pageInfo.endCursor from the same list.`;
  test.each([
    ["not base64url", "not a cursor!", notOfThisList],
    ["base64url of no JSON", Buffer.from("{{").toString("base64url"), notOfThisList],
    ["JSON that is no list", encodeRaw({ list: "vacancies" }), notOfThisList],
    ["another list's cursor", encodeRaw(["applications", "TITLE_ASC", "b", 2]), notOfThisList],
    ["over 512 characters", "A".repeat(513), notOfThisList],
    [
      "another ordering",
      encodeRaw(["vacancies", "TITLE_DESC", "b", 2]),
      `"after" was issued for another ordering of this list: keep orderBy the same while paging.`,
    ],
    ["a key of the wrong shape", encodeRaw(["vacancies", "TITLE_ASC", 2, "b"]), `"after" is not a cursor of this list.`],
    ["a key with an unsafe id", encodeRaw(["vacancies", "TITLE_ASC", "b", 2 ** 53]), `"after" is not a cursor of this list.`],
    ["a key too long", encodeRaw(["vacancies", "TITLE_ASC", "x".repeat(65), 1]), `"after" is not a cursor of this list.`],
  ])("refuses %s as BAD_USER_INPUT on after", (_name, cursor, message) => {
    expect(refusal(() => vacancies.decode("TITLE_ASC", cursor))).toEqual({ code: "BAD_USER_INPUT", argumentName: "after", message });
  });

  test("page(): the size and the decoded cursor", () => {
    const after = vacancies.encode("TITLE_ASC", ["b", 2]);
    expect(vacancies.page({ first: 5, after }, "TITLE_ASC")).toEqual({ first: 5, after: ["b", 2] });
    expect(vacancies.page({}, "TITLE_ASC")).toEqual({ first: DEFAULT_PAGE_SIZE, after: null });
  });
});

describe("pageSize", () => {
  test.each([
    [undefined, DEFAULT_PAGE_SIZE],
    [null, DEFAULT_PAGE_SIZE],
    [0, 0],
    [1, 1],
    [MAX_PAGE_SIZE, MAX_PAGE_SIZE],
  ])("first %p gives %i", (first, size) => {
    expect(pageSize(first)).toBe(size);
  });

  test.each([[-1], [MAX_PAGE_SIZE + 1]])("first %i is refused", (first) => {
    expect(refusal(() => pageSize(first))).toEqual({
      code: "BAD_USER_INPUT",
      argumentName: "first",
      message: `"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`,
    });
  });
});

describe("toPage: rows fetched with first + 1", () => {
  const count = () => Promise.resolve(9);
  test.each([
    ["fewer rows than asked", [1, 2], { first: 3, after: null }, [1, 2], false, false],
    ["exactly as many", [1, 2, 3], { first: 3, after: null }, [1, 2, 3], false, false],
    ["one more: a next page", [1, 2, 3, 4], { first: 3, after: null }, [1, 2, 3], true, false],
    ["after a cursor: a previous page", [5], { first: 3, after: ["x", 4] }, [5], false, true],
    ["first 0", [1], { first: 0, after: null }, [], true, false],
  ])("%s", (_name, rows, page, nodes, hasNextPage, hasPreviousPage) => {
    const result = toPage(
      rows,
      page,
      (n) => `c${n}`,
      (n) => n * 10,
      count,
    );
    expect(result.edges).toEqual(nodes.map((n) => ({ cursor: `c${n}`, node: n * 10 })));
    expect([result.hasNextPage, result.hasPreviousPage]).toEqual([hasNextPage, hasPreviousPage]);
    expect(result.totalCount).toBe(count);
  });

  test("a ranking carries each edge's rank", () => {
    const result = toPage(
      [3, 4],
      { first: 5, after: null },
      String,
      (n) => n,
      count,
      (n) => n + 100,
    );
    expect(result.edges).toEqual([
      { cursor: "3", node: 3, rank: 103 },
      { cursor: "4", node: 4, rank: 104 },
    ]);
  });
});

describe("isSortCursor", () => {
  test.each([
    [["2021-07-16", 1], true],
    [["", 2_147_483_647], true],
    [["x".repeat(64), 1], true],
    [["x".repeat(65), 1], false],
    [["a", 1.5], false],
    [["a", "1"], false],
    [[1, 1], false],
    [["a"], false],
    [["a", 1, 2], false],
  ])("%j: %p", (value, ok) => {
    expect(isSortCursor(value)).toBe(ok);
  });
});
