import { GraphQLScalarType } from "graphql";
import { DateResolver, DateTimeResolver } from "graphql-scalars";

/** ISO-8601 calendar date (2021-07-16). Values are handled as "YYYY-MM-DD" strings inside the service. */
export const DateScalar = DateResolver;

/**
 * ISO-8601 instant with offset (2021-07-16T09:00:00.000Z): graphql-scalars' DateTime (its name, description, input
 * parsing and checks), serialized to the string itself instead of a Date. A Date in the result leaves V8's fast path
 * for JSON.stringify (Date.prototype.toJSON is called for each one, about ten times the cost of a string); the JSON sent
 * is the same.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  // A valid Date (what the services hand over) straight to its string; anything else through graphql-scalars' checks.
  serialize: (value) => isoString(value instanceof Date && !Number.isNaN(value.getTime()) ? value : DateTimeResolver.serialize(value)),
});

/** Instants written recently, by their time value, and their strings; emptied when full. */
const isoStrings = new Map<number, string>();
const MAX_ISO_STRINGS = 10_000;

/**
 * A Date's ISO 8601 string, kept for the next time the same instant is written: a page of vacancies writes the same
 * few hundred instants on every request (its sessions' start times, its vacancies' deadlines), and toISOString (about
 * 0.8 µs, a string each time) cost 3 % of an uncached campaign page's CPU; a lookup takes 20 ns. The string is a
 * function of the time value alone.
 */
function isoString(date: Date): string {
  const time = date.getTime();
  let iso = isoStrings.get(time);
  if (iso === undefined) {
    iso = date.toISOString();
    if (isoStrings.size >= MAX_ISO_STRINGS) isoStrings.clear();
    isoStrings.set(time, iso);
  }
  return iso;
}

/** The calendar date of a Date scalar input, as the service stores it. */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
