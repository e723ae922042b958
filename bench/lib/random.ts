/** A small seeded generator (mulberry32), so every run sends the same request mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks from weighted choices with the given generator. */
export function weightedPick<T>(random: () => number, choices: readonly { weight: number; value: T }[]): T {
  const total = choices.reduce((sum, c) => sum + c.weight, 0);
  let point = random() * total;
  for (const choice of choices) {
    point -= choice.weight;
    if (point < 0) return choice.value;
  }
  return choices[choices.length - 1].value;
}
