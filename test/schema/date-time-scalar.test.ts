import { GraphQLError } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { DateTimeScalar } from "../../src/common/scalars";

describe("the DateTime scalar", () => {
  test.each([
    ["a Date", new Date("2021-07-16T09:00:00Z"), "2021-07-16T09:00:00.000Z"],
    ["a Date with milliseconds", new Date(Date.UTC(2021, 6, 16, 9, 0, 0, 123)), "2021-07-16T09:00:00.123Z"],
    ["a string with an offset", "2021-07-16T11:00:00+02:00", "2021-07-16T09:00:00.000Z"],
    ["a Unix timestamp in milliseconds", 1626426000000, "2021-07-16T09:00:00.000Z"],
  ])("serializes %s to the ISO string JSON.stringify would write for the Date", (_name, value, expected) => {
    expect(DateTimeScalar.serialize(value)).toBe(expected);
    expect(JSON.stringify(DateTimeScalar.serialize(value))).toBe(JSON.stringify(DateTimeResolver.serialize(value)));
  });

  test.each([
    ["an invalid Date", new Date(Number.NaN)],
    ["a string that is no date-time", "yesterday"],
    ["a boolean", true],
  ])("refuses %s as graphql-scalars does", (_name, value) => {
    expect(() => DateTimeScalar.serialize(value)).toThrow(GraphQLError);
  });

  test("writes the same instant the same way every time, however many instants came between", () => {
    const instant = Date.UTC(2021, 6, 16, 9, 0, 0, 5);
    expect(DateTimeScalar.serialize(new Date(instant))).toBe("2021-07-16T09:00:00.005Z");
    // More instants than are kept: the first is written again from its Date, the same.
    for (let i = 1; i <= 10_001; i++) DateTimeScalar.serialize(new Date(instant + i * 1000));
    expect(DateTimeScalar.serialize(new Date(instant))).toBe("2021-07-16T09:00:00.005Z");
    expect(DateTimeScalar.serialize(new Date(instant + 10_001_000))).toBe(new Date(instant + 10_001_000).toISOString());
  });

  test("keeps graphql-scalars' name, description and input parsing", () => {
    expect([DateTimeScalar.name, DateTimeScalar.description]).toEqual([DateTimeResolver.name, DateTimeResolver.description]);
    expect(DateTimeScalar.parseValue("2021-07-16T09:00:00Z")).toEqual(new Date("2021-07-16T09:00:00Z"));
  });
});
