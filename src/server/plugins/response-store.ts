import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";

/**
 * The last share of an entry's max-age during which the first reader to find it refreshes it (its request runs the
 * query) while every other reader is still served the entry. The entry is never served past its max-age, so the bounds
 * of the cache policy hold as stated; a page read at least once in that window never misses under a crowd.
 */
export const REFRESH_SHARE = 0.25;

export interface ResponseStoreOptions {
  /** Milliseconds since the epoch: entries carry their refresh and expiry times, read by every process sharing the store. */
  now: () => number;
  /** The request asking (its request scope): a flight belongs to the request that leads it. */
  owner: () => object | undefined;
  /** The longest a reader waits for the request computing its page (then it computes the page itself). */
  maxWaitMs: number;
}

interface Flight {
  owner: object | undefined;
  answer: Promise<string | undefined>;
  settle(value: string | undefined): void;
}

/**
 * The response cache's store (src/server/response-cache.ts): a KeyValueCache of whole answers, wrapped so that it
 * holds under a crowd:
 *
 * - single flight: of concurrent readers missing one page, the first computes it (get answers undefined) and the others
 *   wait for its answer, which set() hands them directly; if it ends without one (an error, an answer not to be cached),
 *   release() lets them go and each computes the page itself;
 * - stale while revalidate: in the last REFRESH_SHARE of an entry's max-age, the first reader refreshes it and the others
 *   are served the entry meanwhile.
 *
 * Flights are per process: with a store shared by several processes (Redis), each process computes an expired page at
 * most once at a time. Its user only calls get, then set or release.
 */
export class ResponseStore implements KeyValueCache<string> {
  private readonly flights = new Map<string, Flight>();

  constructor(
    private readonly store: KeyValueCache<string>,
    private readonly options: ResponseStoreOptions,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const entry = decode(await this.store.get(key));
    const now = this.options.now();
    if (entry && now < entry.expiresAt) {
      if (now < entry.refreshAt || this.flights.has(key)) return entry.value;
      this.lead(key);
      return undefined;
    }
    const flight = this.flights.get(key);
    if (flight) return flight.answer;
    this.lead(key);
    return undefined;
  }

  /** Stores an answer for `ttl` seconds (the plugin passes the answer's max-age) and hands it to the readers waiting for it. */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    this.settle(key, value);
    const ttl = options?.ttl;
    if (!ttl || ttl <= 0) return;
    const now = this.options.now();
    await this.store.set(key, encode(now + ttl * 1000 * (1 - REFRESH_SHARE), now + ttl * 1000, value), { ttl });
  }

  async delete(key: string): Promise<boolean | void> {
    return this.store.delete(key);
  }

  /** The request asking ends without storing an answer: readers waiting on the pages it computes compute them themselves. */
  release(): void {
    const owner = this.options.owner();
    for (const [key, flight] of this.flights) if (flight.owner === owner) this.settle(key, undefined);
  }

  /** Pages being computed in this process right now (for tests and metrics). */
  get inFlight(): number {
    return this.flights.size;
  }

  private lead(key: string): void {
    let settle!: (value: string | undefined) => void;
    const answer = new Promise<string | undefined>((resolve) => (settle = resolve));
    // A guard only: the leading request always ends (its deadline bounds it) and settles the flight.
    const timer = setTimeout(() => this.settle(key, undefined), this.options.maxWaitMs);
    timer.unref();
    this.flights.set(key, {
      owner: this.options.owner(),
      answer,
      settle: (value) => {
        clearTimeout(timer);
        settle(value);
      },
    });
  }

  private settle(key: string, value: string | undefined): void {
    const flight = this.flights.get(key);
    if (!flight) return;
    this.flights.delete(key);
    flight.settle(value);
  }
}

/** An entry as stored: "<refreshAt> <expiresAt> <answer>", times in epoch milliseconds. */
function encode(refreshAt: number, expiresAt: number, value: string): string {
  return `${Math.round(refreshAt)} ${Math.round(expiresAt)} ${value}`;
}

function decode(stored: string | undefined): { refreshAt: number; expiresAt: number; value: string } | undefined {
  if (stored === undefined) return undefined;
  const first = stored.indexOf(" ");
  const second = stored.indexOf(" ", first + 1);
  if (first < 0 || second < 0) return undefined;
  return { refreshAt: Number(stored.slice(0, first)), expiresAt: Number(stored.slice(first + 1, second)), value: stored.slice(second + 1) };
}
