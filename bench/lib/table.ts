/** A plain-text table: columns sized to their widest cell, numbers right-aligned. */
export interface Column<Row> {
  header: string;
  value(row: Row): string | number | null | undefined;
  align?: "left" | "right";
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i].length)));
  const alignOf = (i: number) => columns[i].align ?? (i === 0 ? "left" : "right");
  const line = (values: string[]) =>
    values
      .map((value, i) => (alignOf(i) === "left" ? value.padEnd(widths[i]) : value.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

function cellText(value: string | number | null | undefined): string {
  if (value == null || (typeof value === "number" && Number.isNaN(value))) return "-";
  return String(value);
}

/** Fixed decimals that shrink as numbers grow: 0.873, 12.4, 1532. */
export function formatNumber(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return "-";
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toString();
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
