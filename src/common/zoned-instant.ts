/** The instant at which Brussels clocks show this date and time (summer time included). */
export function zonedInstant(date: string, time: string, timeZone = "Europe/Brussels"): Date {
  const asUtc = new Date(`${date}T${time}:00Z`);
  // The zone's offset at that moment: format the UTC guess in the zone and compare.
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(asUtc);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const shown = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offset = shown - asUtc.getTime();
  return new Date(asUtc.getTime() - offset);
}
