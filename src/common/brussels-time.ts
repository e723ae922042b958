/**
 * Calendar facts in Europe/Brussels, where the campaign happens: a session at 23:30 UTC on a summer Friday is on Saturday
 * there. Node's Intl data carries the zone's summer-time rules.
 */
const dateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" });

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
    date = dateFormat.format(instant);
    if (dateByHour.size > 100_000) dateByHour.clear();
    dateByHour.set(hour, date);
  }
  return date;
}

/** ISO weekday (Monday 1 .. Sunday 7) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isSaturdayInBrussels(instant: Date): boolean {
  return isoWeekday(brusselsDate(instant)) === 6;
}

/** ISO-8601 week of a calendar date, e.g. 2021-W29. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = isoWeekday(date);
  // The Thursday of the same ISO week decides the year.
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const year = d.getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1);
  const week = Math.ceil(((d.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday starting the ISO week of a calendar date. */
export function isoWeekMonday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (isoWeekday(date) - 1));
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
