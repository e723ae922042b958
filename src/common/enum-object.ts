/**
 * A closed set's values keyed by themselves (`{ DVZ: "DVZ", ... }`): the object type-graphql's registerEnumType takes,
 * read as `AgencyCode.DVZ`. Its values are the set's own string literals, so a database row's value is one without a
 * cast, and comparisons are between strings (no TypeScript enum beside the database's union).
 */
export function enumObject<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { readonly [K in T]: K };
}

/** Whether a string from outside (a command-line flag, a raw SQL row) is one of a closed set's values. */
export function isOneOf<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
