import { Temporal } from "temporal-polyfill";

/**
 * The instant at which clocks in the zone show this date and time (HH:MM), summer time included. On the night the clocks
 * go forward a time that does not exist counts as the same time after the jump (02:30 is 03:30 summer time); on the
 * night they go back a time shown twice is its first, summer-time, occurrence (Temporal's "compatible" choice).
 */
export function zonedInstant(date: string, time: string, timeZone = "Europe/Brussels"): Date {
  const local = Temporal.PlainDateTime.from(`${date}T${time}`);
  return new Date(local.toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds);
}
