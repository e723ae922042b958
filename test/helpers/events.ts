import type { TestServer } from "./test-server";

export const FEED = `query Feed($after: String, $first: Int, $types: [EventType!]) {
  events(after: $after, first: $first, types: $types) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id type typeName agencyCode recordedAt payload } }
  }
}`;

export interface FeedEvent {
  id: string;
  type: string;
  typeName: string;
  agencyCode: string | null;
  recordedAt: string;
  payload: Record<string, any>;
}

/** A feed reader as an HR system writes one: follows endCursor until the feed has nothing more, keeps its cursor. */
export class FeedFollower {
  cursor: string | null = null;
  readonly seen: FeedEvent[] = [];
  /** Ask again, with the same cursor, when the service answers with a retryable error (a busy pool, say). */
  retrying = false;

  constructor(
    private readonly server: TestServer,
    private readonly key: string | undefined,
    private readonly types: string[] | null = null,
    private readonly pageSize = 100,
  ) {}

  /** Reads everything new; returns what this call read. */
  async poll(): Promise<FeedEvent[]> {
    const read: FeedEvent[] = [];
    for (;;) {
      const response = await this.server.gql(FEED, { after: this.cursor, first: this.pageSize, types: this.types }, { key: this.key });
      if (response.body.errors?.length) {
        if (this.retrying && response.body.errors.every((e) => e.extensions?.retryable || e.extensions?.code === "DEADLINE_EXCEEDED")) continue;
        throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
      }
      const page = response.body.data!.events;
      read.push(...page.edges.map((e: any) => e.node));
      if (page.pageInfo.endCursor) this.cursor = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    this.seen.push(...read);
    return read;
  }
}
