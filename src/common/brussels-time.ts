import { Temporal } from "temporal-polyfill";

/**
 * Calendar facts in Europe/Brussels, where the campaign happens: a session at 23:30 UTC on a summer Friday is on Saturday
 * there. Temporal (a polyfill until Node ships it) does the zone's summer-time rules and the calendar arithmetic.
 */
const BRUSSELS = "Europe/Brussels";

const HOUR = 3_600_000;
const dateByHour = new Map<number, string>();

/**
 * The Brussels calendar date of an instant, as YYYY-MM-DD. The zone's offset changes only on the hour, so the date is
 * the same for every instant of a UTC hour: remembered per hour, since counters and sessions ask for it by the thousand.
 */
export function brusselsDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR);
  let date = dateByHour.get(hour);
  if (date === undefined) {
    date = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(BRUSSELS).toPlainDate().toString();
    if (dateByHour.size > 100_000) dateByHour.clear();
    dateByHour.set(hour, date);
  }
  return date;
}

/**
 * ISO weekday (Monday 1 .. Sunday 7) of a calendar date (YYYY-MM-DD), by Date's proleptic Gregorian calendar at UTC
 * midnight: the same answer as Temporal's, without building a PlainDate for each of a page's sessions.
 */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (Number.isNaN(day)) throw new RangeError(`not a calendar date: ${date}`);
  return day === 0 ? 7 : day;
}

const saturdayByHour = new Map<number, boolean>();

/** Whether an instant falls on a Saturday in Brussels; per UTC hour, as brusselsDate (a page asks it of every session). */
export function isSaturdayInBrussels(instant: Date): boolean {
  const hour = Math.floor(instant.getTime() / HOUR);
  let saturday = saturdayByHour.get(hour);
  if (saturday === undefined) {
    saturday = isoWeekday(brusselsDate(instant)) === 6;
    if (saturdayByHour.size > 100_000) saturdayByHour.clear();
    saturdayByHour.set(hour, saturday);
  }
  return saturday;
}

/** ISO-8601 week of a calendar date, e.g. 2021-W29 (2021-01-03, a Sunday, is in 2020-W53). */
export function isoWeek(date: string): string {
  const day = Temporal.PlainDate.from(date);
  return `${day.yearOfWeek}-W${String(day.weekOfYear).padStart(2, "0")}`;
}

const mondayByDate = new Map<string, string>();

/** The Monday starting the ISO week of a calendar date. Remembered per date: counters ask for it once per move. */
export function isoWeekMonday(date: string): string {
  let monday = mondayByDate.get(date);
  if (monday === undefined) {
    const day = Temporal.PlainDate.from(date);
    monday = day.subtract({ days: day.dayOfWeek - 1 }).toString();
    if (mondayByDate.size > 100_000) mondayByDate.clear();
    mondayByDate.set(date, monday);
  }
  return monday;
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days;
}
