import { addDays, brusselsDate, daysBetween, isoWeek, isoWeekday, isoWeekMonday, isSaturdayInBrussels } from "../../src/common/brussels-time";
import { zonedInstant } from "../../src/common/zoned-instant";

describe("zonedInstant: Brussels clock time to the instant", () => {
  test.each([
    ["a winter day (UTC+1)", "2021-01-15", "09:00", "2021-01-15T08:00:00.000Z"],
    ["a summer day (UTC+2)", "2021-07-16", "09:00", "2021-07-16T07:00:00.000Z"],
    // Last Sunday of March: 02:00 winter time becomes 03:00 summer time.
    ["clocks go forward, before the jump", "2021-03-28", "01:30", "2021-03-28T00:30:00.000Z"],
    ["clocks go forward, a time that does not exist counts as after the jump", "2021-03-28", "02:30", "2021-03-28T01:30:00.000Z"],
    ["clocks go forward, after the jump", "2021-03-28", "03:30", "2021-03-28T01:30:00.000Z"],
    ["clocks go forward, midnight", "2021-03-28", "00:00", "2021-03-27T23:00:00.000Z"],
    // Last Sunday of October: 03:00 summer time becomes 02:00 winter time.
    ["clocks go back, before the change", "2021-10-31", "01:30", "2021-10-30T23:30:00.000Z"],
    ["clocks go back, a time shown twice is its summer-time one", "2021-10-31", "02:30", "2021-10-31T00:30:00.000Z"],
    ["clocks go back, after the change", "2021-10-31", "03:30", "2021-10-31T02:30:00.000Z"],
    ["clocks go back, the next midnight", "2021-11-01", "00:00", "2021-10-31T23:00:00.000Z"],
    ["one minute to midnight", "2021-12-31", "23:59", "2021-12-31T22:59:00.000Z"],
  ])("%s: %s %s", (_name, date, time, instant) => {
    expect(zonedInstant(date, time).toISOString()).toBe(instant);
  });

  test("another zone", () => {
    expect(zonedInstant("2021-07-16", "09:00", "UTC").toISOString()).toBe("2021-07-16T09:00:00.000Z");
  });
});

describe("brusselsDate: the calendar date in Brussels of an instant", () => {
  test.each([
    ["2021-07-16T21:59:59.999Z", "2021-07-16"],
    ["2021-07-16T22:00:00.000Z", "2021-07-17"],
    ["2021-01-15T22:59:59.999Z", "2021-01-15"],
    ["2021-01-15T23:00:00.000Z", "2021-01-16"],
    // The day before the clocks go forward starts at 23:00Z; the day they go back ends at 23:00Z.
    ["2021-03-27T22:59:59.000Z", "2021-03-27"],
    ["2021-03-27T23:00:00.000Z", "2021-03-28"],
    ["2021-03-28T21:59:59.000Z", "2021-03-28"],
    ["2021-03-28T22:00:00.000Z", "2021-03-29"],
    ["2021-10-30T21:59:59.000Z", "2021-10-30"],
    ["2021-10-30T22:00:00.000Z", "2021-10-31"],
    ["2021-10-31T22:59:59.000Z", "2021-10-31"],
    ["2021-10-31T23:00:00.000Z", "2021-11-01"],
  ])("%s is on %s", (instant, date) => {
    expect(brusselsDate(new Date(instant))).toBe(date);
  });

  test.each([
    ["a summer Friday 23:30 UTC is Saturday in Brussels", "2021-07-16T23:30:00Z", true],
    ["a winter Friday 23:30 UTC is Saturday in Brussels", "2021-01-15T23:30:00Z", true],
    ["a summer Saturday 22:30 UTC is Sunday in Brussels", "2021-07-17T22:30:00Z", false],
    ["a Saturday noon", "2021-07-17T12:00:00Z", true],
  ])("%s", (_name, instant, saturday) => {
    expect(isSaturdayInBrussels(new Date(instant))).toBe(saturday);
  });
});

describe("calendar arithmetic on dates", () => {
  test.each([
    ["2021-07-12", 1],
    ["2021-07-17", 6],
    ["2021-07-18", 7],
    ["2024-02-29", 4],
  ])("isoWeekday(%s) = %i", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  test.each([
    ["2021-07-16", "2021-W28"],
    ["2021-01-03", "2020-W53"],
    ["2021-01-04", "2021-W01"],
    ["2020-12-31", "2020-W53"],
    ["2019-12-30", "2020-W01"],
    ["2024-12-30", "2025-W01"],
    ["2026-12-31", "2026-W53"],
    ["2021-03-28", "2021-W12"],
    ["2021-10-31", "2021-W43"],
  ])("isoWeek(%s) = %s", (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  test.each([
    ["2021-07-16", "2021-07-12"],
    ["2021-07-12", "2021-07-12"],
    ["2021-07-18", "2021-07-12"],
    ["2021-01-03", "2020-12-28"],
  ])("isoWeekMonday(%s) = %s", (date, monday) => {
    expect(isoWeekMonday(date)).toBe(monday);
  });

  test.each([
    ["2021-07-16", 1, "2021-07-17"],
    ["2021-12-31", 1, "2022-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2021-03-01", -1, "2021-02-28"],
    ["2021-03-27", 1, "2021-03-28"],
    ["2021-10-31", 0, "2021-10-31"],
  ])("addDays(%s, %i) = %s", (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  test.each([
    ["2021-07-16", "2021-07-16", 0],
    ["2021-07-16", "2021-07-23", 7],
    ["2021-07-23", "2021-07-16", -7],
    ["2021-03-27", "2021-03-29", 2],
    ["2021-10-30", "2021-11-01", 2],
    ["2020-01-01", "2021-01-01", 366],
  ])("daysBetween(%s, %s) = %i", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
