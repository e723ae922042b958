import { DrizzleQueryError } from "drizzle-orm/errors";
import { badUserInput, ErrorCode, forbidden, unauthenticated } from "../../src/common/errors";
import { groupedInKeyOrder, inKeyOrder } from "../../src/common/loader";
import { describeError, errorCodeOf } from "../../src/common/logger";
import { userError } from "../../src/common/user-error";

describe("loader helpers: results in the order of the keys", () => {
  const rows = [
    { id: 3, v: "c" },
    { id: 1, v: "a" },
    { id: 1, v: "a2" },
  ];
  test("inKeyOrder: one row per key (the last of duplicates), null where none", () => {
    expect(inKeyOrder([1, 2, 3], rows, (r) => r.id)).toEqual([{ id: 1, v: "a2" }, null, { id: 3, v: "c" }]);
    expect(inKeyOrder([], rows, (r) => r.id)).toEqual([]);
  });
  test("groupedInKeyOrder: every row of each key, empty where none; rows of other keys dropped", () => {
    expect(groupedInKeyOrder([1, 2], rows, (r) => r.id)).toEqual([
      [
        { id: 1, v: "a" },
        { id: 1, v: "a2" },
      ],
      [],
    ]);
  });
});

describe("GraphQL errors", () => {
  test.each([
    ["badUserInput with an argument", badUserInput("Bad first.", "first"), "Bad first.", { code: ErrorCode.BadUserInput, argumentName: "first" }],
    ["badUserInput without", badUserInput("Bad."), "Bad.", { code: "BAD_USER_INPUT" }],
    ["unauthenticated (401)", unauthenticated(), "The API key is not valid or has been revoked.", { code: "UNAUTHENTICATED", http: { status: 401 } }],
    ["forbidden", forbidden(), "Your role may not do this.", { code: "FORBIDDEN" }],
  ])("%s", (_name, error, message, extensions) => {
    expect([error.message, error.extensions]).toEqual([message, extensions]);
  });

  test("userError", () => {
    expect({ ...userError("VACANCY_NOT_OPEN", "Closed.", ["input", "vacancyId"]) }).toEqual({
      code: "VACANCY_NOT_OPEN",
      message: "Closed.",
      field: ["input", "vacancyId"],
    });
    expect(userError("X", "y").field).toBeNull();
  });
});

describe("what the log may say about an error", () => {
  const withCode = (message: string, code: unknown) => Object.assign(new Error(message), { code });
  test.each([
    [withCode("x", "ECONNREFUSED"), "ECONNREFUSED"],
    [withCode("x", 23505), "23505"],
    [withCode("x", { nested: 1 }), undefined],
    [new Error("x"), undefined],
    [null, undefined],
    ["text", undefined],
  ])("errorCodeOf(%p) = %p", (error, code) => {
    expect(errorCodeOf(error)).toBe(code);
  });

  test.each([
    ["an application error: class and message", new TypeError("bad thing"), { errorName: "TypeError", errorMessage: "bad thing" }],
    [
      "a system error: with its code",
      withCode("connect ECONNREFUSED", "ECONNREFUSED"),
      { errorName: "Error", errorMessage: "connect ECONNREFUSED", errorCode: "ECONNREFUSED" },
    ],
    [
      "a driver error with a SQLSTATE: no message (it may quote values)",
      withCode("Key (email)=(a@b.be) exists", "23505"),
      { errorName: "Error", errorCode: "23505" },
    ],
    ["not an Error", "oops", { errorName: "string" }],
  ])("%s", (_name, error, described) => {
    expect(describeError(error)).toEqual(described);
  });

  test("a drizzle error: the statement and the names of what failed, never the parameters or PostgreSQL's message", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "candidates_email_unique" Key (email)=(a@b.be)'), {
      code: "23505",
      table_name: "candidates",
      constraint_name: "candidates_email_unique",
    });
    const error = new DrizzleQueryError("insert into candidates (email) values ($1)", ["a@b.be"], cause);
    expect(describeError(error)).toEqual({
      errorName: "DatabaseError",
      statement: "insert into candidates (email) values ($1)",
      causeName: "Error",
      errorCode: "23505",
      table: "candidates",
      constraint: "candidates_email_unique",
    });
  });

  test("a drizzle error without a SQLSTATE (the connection closed) keeps the driver's message", () => {
    const error = new DrizzleQueryError("select 1", [], new Error("Connection terminated unexpectedly"));
    expect(describeError(error)).toEqual({
      errorName: "DatabaseError",
      statement: "select 1",
      causeName: "Error",
      causeMessage: "Connection terminated unexpectedly",
    });
  });
});
