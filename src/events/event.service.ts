import { sql, type SQL } from "drizzle-orm";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { toGlobalId } from "../common/global-id";
import { selectRows, type Db } from "../db/client";
import { readableByReader, type Reader } from "./audience";
import { typeOfWire, wireName, type EventType } from "./event-types";
import { Event } from "./event.type";
import type { Sequencer } from "./sequencer";

export interface EventRow {
  id: string | number;
  position: string | number;
  type: string;
  agency_code: string | null;
  payload: Record<string, unknown>;
  recorded_at: string | Date;
}

export function toEvent(row: EventRow): Event {
  return Object.assign(new Event(), {
    id: toGlobalId("Event", row.id),
    key: Number(row.id),
    position: Number(row.position),
    type: typeOfWire(row.type)!,
    typeName: row.type,
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
    agencyCode: row.agency_code,
    payload: row.payload,
  });
}

const FEED_ORDER = "position:ASC";
export const eventCursors = new CursorCodec<[number]>("events", (v): v is [number] => v.length === 1 && Number.isSafeInteger(v[0]) && (v[0] as number) >= 0);

/** The cursor of the feed's position p, for a reader to start after it. */
export function eventCursor(position: number): string {
  return eventCursors.encode(FEED_ORDER, [position]);
}

/**
 * The change feed: events in position order (see sequencer.ts), those the reader may read, of the asked types. A reader
 * that follows pageInfo.endCursor sees each event exactly once; an empty page keeps the cursor where it was.
 */
export class EventService {
  constructor(
    private readonly db: Db,
    private readonly sequencer: Sequencer,
  ) {}

  async feed(reader: Reader, args: PageArgs & { types?: EventType[] | null }): Promise<PageResult<Event>> {
    const page = eventCursors.page(args, FEED_ORDER);
    // Events committed since the last run get their positions now, so a feed reader never waits for the worker.
    if (await this.sequencer.pending()) await this.sequencer.run();
    const where = this.filter(reader, args.types);
    const rows = await selectRows<EventRow>(
      this.db,
      sql`select e.id, e.position, e.type, e.agency_code, e.payload, e.recorded_at from events e
          where e.position > ${page.after?.[0] ?? 0} and ${where}
          order by e.position limit ${page.first + 1}`,
    );
    return toPage(
      rows,
      page,
      (row) => eventCursor(Number(row.position)),
      toEvent,
      async () => (await selectRows<{ n: number }>(this.db, sql`select count(*)::int as n from events e where e.position is not null and ${where}`))[0].n,
    );
  }

  /** Events by key, for loaders (callers have checked the reader may read them: a delivery's endpoint was allowed). */
  async byKeys(keys: readonly number[]): Promise<Event[]> {
    const rows = await selectRows<EventRow>(
      this.db,
      sql`select e.id, e.position, e.type, e.agency_code, e.payload, e.recorded_at from events e
          where e.id in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)::bigint)`,
    );
    return rows.map(toEvent);
  }

  /** Events by key that the reader may read in the feed (sequenced ones only), for node(). */
  async readableByKeys(reader: Reader, keys: readonly number[]): Promise<Event[]> {
    const rows = await selectRows<EventRow>(
      this.db,
      sql`select e.id, e.position, e.type, e.agency_code, e.payload, e.recorded_at from events e
          where e.id in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)::bigint)
            and e.position is not null and ${readableByReader(reader)}`,
    );
    return rows.map(toEvent);
  }

  private filter(reader: Reader, types: EventType[] | null | undefined): SQL {
    const readable = readableByReader(reader);
    if (types == null) return readable;
    return sql`${readable} and e.type in (select jsonb_array_elements_text(${JSON.stringify(types.map(wireName))}::jsonb))`;
  }
}
