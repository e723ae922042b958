import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { OrderDirection } from "./order";

/**
 * Keyset pagination on (sort key, id). The sort key travels in the cursor as PostgreSQL's own text form and is cast back,
 * so timestamps keep their microseconds and no row is skipped or repeated between pages.
 */
export interface SortKey {
  /** The expression rows are ordered by; nulls must be coalesced away so the row comparison is total. */
  expression: SQL | AnyColumn;
  /** The SQL type the cursor's text is cast back to. */
  type: "timestamptz" | "int" | "text" | "date";
}

export function sortKeyText(key: SortKey): SQL<string> {
  return sql<string>`(${key.expression})::text`;
}

/** `after` is the cursor's key, as values or as placeholders standing for them (src/db/prepared-statements.ts). */
export function afterCondition(key: SortKey, idColumn: AnyColumn, direction: OrderDirection, after: readonly [unknown, unknown]): SQL {
  const value = sql`cast(${after[0]} as ${sql.raw(key.type)})`;
  return direction === OrderDirection.ASC
    ? sql`(${key.expression}, ${idColumn}) > (${value}, ${after[1]})`
    : sql`(${key.expression}, ${idColumn}) < (${value}, ${after[1]})`;
}

export function orderByKey(key: SortKey, idColumn: AnyColumn, direction: OrderDirection): SQL[] {
  return direction === OrderDirection.ASC ? [sql`${key.expression} asc`, sql`${idColumn} asc`] : [sql`${key.expression} desc`, sql`${idColumn} desc`];
}

export function isSortCursor(value: unknown[]): value is [string, number] {
  return value.length === 2 && typeof value[0] === "string" && value[0].length <= 64 && Number.isSafeInteger(value[1]);
}
