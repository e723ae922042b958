/**
 * The p-th percentile of a histogram by the nearest-rank method: the smallest value such that at least p % of the
 * observations are at or below it. The median is the 50th percentile (for an even count, the lower middle value). Exact
 * on whole days, so a figure from the counters equals a recount from the events. Null for an empty histogram.
 */
export function percentile(histogram: readonly { value: number; count: number }[], p: number): number | null {
  const total = histogram.reduce((sum, h) => sum + h.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const h of [...histogram].sort((a, b) => a.value - b.value)) {
    seen += h.count;
    if (seen >= rank) return h.value;
  }
  return null;
}
