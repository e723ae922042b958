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

  test("keeps graphql-scalars' name, description and input parsing", () => {
    expect([DateTimeScalar.name, DateTimeScalar.description]).toEqual([DateTimeResolver.name, DateTimeResolver.description]);
    expect(DateTimeScalar.parseValue("2021-07-16T09:00:00Z")).toEqual(new Date("2021-07-16T09:00:00Z"));
  });
});
