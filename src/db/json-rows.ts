import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Rows a statement hands over as JSON it builds itself (a page of vacancies, their sessions): each row an array of its
 * values in a fixed order rather than an object, so the JSON carries no column names (fewer bytes for PostgreSQL to
 * write, the driver to decode and JSON.parse to read), and instants as milliseconds since the epoch, so a Date is built
 * from a number instead of parsing text.
 */
export function jsonRow(values: (SQL | AnyColumn)[]): SQL {
  return sql`json_build_array(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

/** A timestamptz as whole milliseconds since the epoch (what a Date holds), null as null. */
export function epochMs(instant: SQL | AnyColumn): SQL {
  return sql`floor(extract(epoch from ${instant}) * 1000)`;
}

/** An instant read back from epochMs. */
export function fromEpochMs(ms: number | null): Date | null {
  return ms == null ? null : new Date(ms);
}
