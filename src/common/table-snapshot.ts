/**
 * A small table held whole in memory for at most `maxAgeMs`: the public reference data (agencies, waves, job profiles,
 * salary scales, places) that every vacancy card shows and that changes a few times per campaign. Within its bound a
 * lookup costs no statement; past it, or when a key is not in the copy (a row added since), the next lookup reads the
 * whole table again in one statement, once for all the lookups waiting on it.
 */
export class TableSnapshot<K, T> {
  private current: { at: number; byKey: Map<K, T> } | null = null;
  private loading: Promise<Map<K, T>> | null = null;

  constructor(
    private readonly loadAll: () => Promise<readonly T[]>,
    private readonly keyOf: (row: T) => K,
    private readonly maxAgeMs: number,
    private readonly clock: () => number,
  ) {}

  /** The rows for these keys, in their order (null where there is none), from a copy no older than the bound. */
  async get(keys: readonly K[]): Promise<(T | null)[]> {
    const fresh = this.fresh();
    const byKey = fresh && keys.every((key) => fresh.has(key)) ? fresh : await this.reload();
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /** The row for this key when the copy is within its bound and holds it, without waiting; else undefined (use get). */
  peek(key: K): T | undefined {
    return this.fresh()?.get(key);
  }

  private fresh(): Map<K, T> | null {
    const current = this.current;
    return current && this.clock() - current.at < this.maxAgeMs ? current.byKey : null;
  }

  private reload(): Promise<Map<K, T>> {
    this.loading ??= (async () => {
      // The copy's age runs from before the read: it holds nothing older than that moment.
      const at = this.clock();
      try {
        const rows = await this.loadAll();
        const byKey = new Map(rows.map((row) => [this.keyOf(row), row]));
        this.current = { at, byKey };
        return byKey;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
