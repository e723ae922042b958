import { createHash } from "node:crypto";
import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/**
 * The values of one statement, gathered while its conditions are built: each value becomes a named placeholder, and
 * the statement's shape (which placeholders, in which order, and the branches taken that no value shows) becomes the
 * key its text is kept under. Inline, values go into the SQL as ordinary parameters, for statements built every time.
 */
export class StatementValues {
  readonly values: Record<string, unknown> = {};
  private readonly shape: string[] = [];

  private constructor(private readonly placeholders: boolean) {}

  /** Values as placeholders, for a statement kept by PreparedStatements. */
  static prepared(): StatementValues {
    return new StatementValues(true);
  }

  /** Values in the SQL itself (drizzle's parameters), for a statement rendered every time. */
  static inline(): StatementValues {
    return new StatementValues(false);
  }

  /** A value: in the statement as a placeholder named after its label and position. */
  value<T>(label: string, value: T): T | Placeholder {
    if (!this.placeholders) return value;
    const name = `${label}_${this.shape.length}`;
    this.shape.push(name);
    this.values[name] = value;
    return sql.placeholder(name);
  }

  /** Each of a list's values (the list's length is part of the shape). */
  list<T>(label: string, values: readonly T[]): (T | Placeholder)[] {
    return values.map((v) => this.value(label, v));
  }

  /** A branch the text depends on that no value shows (a flag, a viewer's kind, an ordering). */
  mark(token: string): void {
    if (this.placeholders) this.shape.push(`#${token}`);
  }

  /** What the statement's text depends on, given the same code built it. */
  get key(): string {
    return this.shape.join(",");
  }
}

interface PreparedRows {
  execute(values: Record<string, unknown>): Promise<unknown>;
}

interface Prepared {
  text: string;
  query: PreparedRows;
}

/** Statements named on the server (parsed once per connection); shapes past this are kept as text, sent unnamed. */
const MAX_NAMED = 200;
/** Shapes kept at all: a request of an unusual shape builds its statement and may push out the oldest. */
const MAX_KEPT = 1_000;

/**
 * Statements whose text is built once per shape and kept, so a request only fills in its values: no SQL rendered, and
 * on node-postgres each named (a prepared statement, parsed and planned by PostgreSQL once per connection; PGlite
 * ignores the name). Rows come back raw, as the driver parses them (instants as PostgreSQL's text on both drivers, as
 * drizzle sets the parsers), for the caller to map. Each execution goes through drizzle's prepared query, so statement
 * counting, timing and fault handling see it as any other (src/db/query-instrumentation.ts).
 *
 * Under test (NODE_ENV=test), every hit is also rendered again and must give the kept text: a branch that changes
 * the text without changing the key fails loudly there instead of running the wrong statement here.
 */
export class PreparedStatements {
  private readonly kept = new Map<string, Prepared>();
  private named = 0;
  private readonly verify = process.env.NODE_ENV === "test";

  constructor(
    private readonly db: Db,
    /** Names the statements on the server: one prefix per PreparedStatements. */
    private readonly prefix: string,
  ) {}

  async rows<T>(key: string, build: () => SQL, values: Record<string, unknown>): Promise<T[]> {
    let prepared = this.kept.get(key);
    if (!prepared) {
      prepared = this.prepare(build());
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(key, prepared);
    } else if (this.verify) {
      const text = this.render(build()).sql;
      if (text !== prepared.text)
        throw new Error(`prepared statement ${this.prefix} "${key}": the kept text differs from the text built now:\n${prepared.text}\n${text}`);
    }
    const result: unknown = await prepared.query.execute(values);
    return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
  }

  private render(query: SQL) {
    return (this.db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
  }

  private prepare(query: SQL): Prepared {
    const rendered = this.render(query);
    const name = this.named < MAX_NAMED ? `${this.prefix}_${createHash("sha1").update(rendered.sql).digest("hex").slice(0, 16)}` : undefined;
    if (name) this.named++;
    const session = (this.db as unknown as { session: PgSession }).session;
    const query_ = session.prepareQuery(rendered, undefined, name, false) as unknown as PreparedRows;
    return { text: rendered.sql, query: query_ };
  }
}
