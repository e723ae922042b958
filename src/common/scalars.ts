import { DateResolver, DateTimeResolver } from "graphql-scalars";

/** ISO-8601 calendar date (2021-07-16). Values are handled as "YYYY-MM-DD" strings inside the service. */
export const DateScalar = DateResolver;
/** ISO-8601 instant with offset (2021-07-16T09:00:00.000Z). */
export const DateTimeScalar = DateTimeResolver;

/** The calendar date of a Date scalar input, as the service stores it. */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
