import type { ClassType } from "type-graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { badUserInput } from "./errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return: 0 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (an edge's cursor or pageInfo.endCursor)." })
  after?: string | null;
}

@ObjectType({ description: "Where a page sits in its list (Relay's PageInfo)." })
export class PageInfo {
  @Field({ description: "Whether more items follow this page." })
  hasNextPage!: boolean;

  @Field({
    description: "Whether items come before this page: true when it was asked for `after` a cursor. Lists page forwards only (first/after).",
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the first item on this page; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The cursor of the last item on this page; pass it as `after` for the next page." })
  endCursor!: string | null;
}

/** A page request, checked: a bad `first` or cursor is the client's error and says what is wrong. */
export interface Page<K> {
  first: number;
  after: K | null;
}

/**
 * The cursor of a list: base64url of JSON [list, order, ...key]. The list and order are checked on the way back in, so a
 * cursor from another list or another ordering is refused rather than silently misread.
 */
export class CursorCodec<K extends readonly unknown[]> {
  constructor(
    private readonly list: string,
    private readonly isKey: (value: unknown[]) => value is unknown[] & K,
  ) {}

  encode(order: string, key: K): string {
    return Buffer.from(JSON.stringify([this.list, order, ...key]), "utf8").toString("base64url");
  }

  decode(order: string, cursor: string): K {
    let parsed: unknown;
    try {
      parsed = /^[A-Za-z0-9_-]{1,512}$/.test(cursor) ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed[0] !== this.list) {
      throw badUserInput(`"after" is not a cursor of this list: pass an edge's cursor or pageInfo.endCursor from the same list.`, "after");
    }
    if (parsed[1] !== order) {
      throw badUserInput(`"after" was issued for another ordering of this list: keep orderBy the same while paging.`, "after");
    }
    const key = parsed.slice(2);
    if (!this.isKey(key)) throw badUserInput(`"after" is not a cursor of this list.`, "after");
    return key;
  }

  page(args: PageArgs, order: string): Page<K> {
    return { first: pageSize(args.first), after: args.after == null ? null : this.decode(order, args.after) };
  }
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, "first");
  }
  return first;
}

/** One page of a list: the nodes with their cursors, whether more follow, and the total counted only when asked for. */
export interface PageResult<T> {
  edges: { cursor: string; node: T; rank?: number }[];
  hasNextPage: boolean;
  /** Whether the page was asked for after a cursor (so items come before it). */
  hasPreviousPage?: boolean;
  totalCount: () => Promise<number>;
}

/** Turns rows fetched with `first + 1` into a page (a page asked for after a cursor has items before it). */
export function toPage<Row, T>(
  rows: Row[],
  page: Page<unknown>,
  cursorOf: (row: Row) => string,
  nodeOf: (row: Row) => T,
  totalCount: () => Promise<number>,
  rankOf?: (row: Row) => number,
): PageResult<T> {
  const visible = rows.slice(0, page.first);
  return {
    // Each cursor is encoded when read: a page usually asks only for pageInfo's end cursor, and encoding one per row
    // (JSON and base64url) cost about 1 % of an uncached campaign page's CPU in the profile.
    edges: visible.map((row) =>
      rankOf
        ? {
            get cursor() {
              return cursorOf(row);
            },
            node: nodeOf(row),
            rank: rankOf(row),
          }
        : {
            get cursor() {
              return cursorOf(row);
            },
            node: nodeOf(row),
          },
    ),
    hasNextPage: rows.length > page.first,
    hasPreviousPage: page.after != null,
    totalCount,
  };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T; rank?: number }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Builds the Relay connection and edge types of a node type: `<Name>Connection` and `<Name>Edge`. `rank` adds a
 * nullable `rank: Int` to the edges, for the lists that are rankings (laureates).
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, what: string, options: { rank?: string } = {}) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a list, with its cursor.` })
  class Edge {
    @Field({ description: `Pass as "after" to continue after this ${what}.` })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;

    rank?: number;
  }
  if (options.rank) Field(() => Int, { nullable: true, description: options.rank })(Edge.prototype, "rank");

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items, in a stable order.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The items of this page with their cursors." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Whether more items follow and the cursor to fetch them." })
    pageInfo!: PageInfo;

    private count!: () => Promise<number>;

    @Field(() => Int, { description: "How many items the whole list holds under the given filter (not only this page)." })
    totalCount(): Promise<number> {
      return this.count();
    }

    static of(page: PageResult<T>): ConnectionType {
      const connection = new ConnectionType();
      connection.edges = page.edges;
      connection.pageInfo = Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage ?? false,
        startCursor: page.edges.length ? page.edges[0].cursor : null,
        endCursor: page.edges.length ? page.edges[page.edges.length - 1].cursor : null,
      });
      connection.count = page.totalCount;
      return connection;
    }
  }
  return ConnectionType;
}
