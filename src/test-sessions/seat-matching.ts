import type { LanguageValue, TestKindValue } from "../db/tables";

/**
 * Matching the applicants who wait for a seat to the free seats ahead, as Selor can really seat them: a seat fits an
 * applicant when its session tests the applicant's vacancy, is of a kind the vacancy's procedure has (each kind in the
 * procedure is a seat the applicant needs) and is held in the vacancy's language (a bilingual vacancy's applicants
 * sit in Dutch or French). Pure; a maximum flow per test kind (see docs/decisions.md on why it is written here).
 */

export type Regime = "NL" | "FR" | "DE" | "BILINGUAL";

export interface WaitingVacancy {
  vacancyId: number;
  languageRegime: Regime;
  /** The test kinds of the vacancy's procedure, each once. */
  kinds: readonly TestKindValue[];
  /** Applicants waiting for a seat (SCREENED, or INVITED whose session was cancelled). */
  waiting: number;
}

export interface FreeSession {
  kind: TestKindValue;
  language: LanguageValue;
  freeSeats: number;
  vacancyIds: readonly number[];
  saturday: boolean;
  capacity: number;
}

export interface SeatNeed {
  kind: TestKindValue;
  language: LanguageValue;
  /** Applicants who need a seat of this kind in this language (bilingual ones where they were seated, or put). */
  waiting: number;
  /** Free seats ahead in sessions of this kind and language. */
  freeSeats: number;
  /** Of the waiting, those the free seats can take. */
  seated: number;
  shortfall: number;
  averageSaturdayCapacity: number;
  extraSaturdaySessions: number;
}

const KINDS: readonly TestKindValue[] = ["COMPUTER_TEST", "WRITTEN", "ORAL", "ASSESSMENT"];
const LANGUAGES: readonly LanguageValue[] = ["NL", "FR", "DE", "EN"];
export const DEFAULT_SATURDAY_CAPACITY = 60;

export function fits(regime: Regime, language: LanguageValue): boolean {
  return regime === "BILINGUAL" ? language === "NL" || language === "FR" : regime === language;
}

/** Seats, shortfall and extra Saturday sessions per test kind and language; combinations with neither waiting nor seats left out. */
export function matchSeats(
  waiting: readonly WaitingVacancy[],
  sessions: readonly FreeSession[],
  saturdaySessions: readonly FreeSession[] = sessions,
): SeatNeed[] {
  const needs: SeatNeed[] = [];
  for (const kind of KINDS) {
    const demand = waiting.filter((v) => v.waiting > 0 && v.kinds.includes(kind));
    const supply = sessions.filter((s) => s.kind === kind && s.freeSeats > 0);
    const flow = maxFlow(
      demand.map((v) => v.waiting),
      supply.map((s) => s.freeSeats),
      (d, s) => supply[s].vacancyIds.includes(demand[d].vacancyId) && fits(demand[d].languageRegime, supply[s].language),
    );
    const seated = new Map<LanguageValue, number>();
    const short = new Map<LanguageValue, number>();
    const add = (map: Map<LanguageValue, number>, language: LanguageValue, n: number) => map.set(language, (map.get(language) ?? 0) + n);
    const bilingualLeft: number[] = [];
    demand.forEach((v, d) => {
      let placed = 0;
      supply.forEach((s, i) => {
        const n = flow.get(`${d}:${i}`) ?? 0;
        if (n) add(seated, s.language, n);
        placed += n;
      });
      if (v.waiting > placed) {
        if (v.languageRegime === "BILINGUAL") bilingualLeft.push(v.waiting - placed);
        else add(short, v.languageRegime, v.waiting - placed);
      }
    });
    const capacity = (language: LanguageValue) =>
      averageCapacity(
        saturdaySessions.filter((s) => s.kind === kind && s.saturday),
        language,
      );
    // Bilingual applicants left over fill the room the extra sessions already needed leave, French then Dutch; then Dutch ones.
    let left = bilingualLeft.reduce((a, b) => a + b, 0);
    for (const language of ["FR", "NL"] as const) {
      const shortfall = short.get(language) ?? 0;
      if (!shortfall || !left) continue;
      const room = Math.ceil(shortfall / capacity(language)) * capacity(language) - shortfall;
      const taken = Math.min(room, left);
      add(short, language, taken);
      left -= taken;
    }
    if (left) add(short, "NL", left);

    for (const language of LANGUAGES) {
      const freeSeats = supply.filter((s) => s.language === language).reduce((sum, s) => sum + s.freeSeats, 0);
      const shortfall = short.get(language) ?? 0;
      const seatedHere = seated.get(language) ?? 0;
      if (!freeSeats && !shortfall && !seatedHere) continue;
      const averageSaturdayCapacity = capacity(language);
      needs.push({
        kind,
        language,
        waiting: seatedHere + shortfall,
        freeSeats,
        seated: seatedHere,
        shortfall,
        averageSaturdayCapacity,
        extraSaturdaySessions: Math.ceil(shortfall / averageSaturdayCapacity),
      });
    }
  }
  return needs;
}

/** The average capacity of Saturday sessions in this language, else of any language, else Selor's usual room. */
function averageCapacity(saturdays: readonly FreeSession[], language: LanguageValue): number {
  const own = saturdays.filter((s) => s.language === language);
  const pool = own.length ? own : saturdays;
  return pool.length ? Math.round(pool.reduce((sum, s) => sum + s.capacity, 0) / pool.length) : DEFAULT_SATURDAY_CAPACITY;
}

/**
 * Maximum flow from demand nodes (capacities `demand`) to supply nodes (capacities `supply`) over the edges `linked`
 * allows (unbounded), by Dinic's algorithm. Returns the flow per edge, keyed `${demandIndex}:${supplyIndex}`.
 */
export function maxFlow(demand: readonly number[], supply: readonly number[], linked: (d: number, s: number) => boolean): Map<string, number> {
  // Nodes: 0 source, 1..D demand, D+1..D+S supply, D+S+1 sink.
  const D = demand.length;
  const S = supply.length;
  const sink = D + S + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const head: number[][] = Array.from({ length: sink + 1 }, () => []);
  const edge = (a: number, b: number, c: number) => {
    head[a].push(to.length);
    to.push(b);
    cap.push(c);
    head[b].push(to.length);
    to.push(a);
    cap.push(0);
    return to.length - 2;
  };
  for (let d = 0; d < D; d++) edge(0, 1 + d, demand[d]);
  for (let s = 0; s < S; s++) edge(1 + D + s, sink, supply[s]);
  const middle = new Map<string, number>();
  for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) if (linked(d, s)) middle.set(`${d}:${s}`, edge(1 + d, 1 + D + s, Number.MAX_SAFE_INTEGER));

  const level = new Array<number>(sink + 1);
  const next = new Array<number>(sink + 1);
  const bfs = () => {
    level.fill(-1);
    level[0] = 0;
    const queue = [0];
    for (let q = 0; q < queue.length; q++) {
      for (const e of head[queue[q]]) {
        if (cap[e] > 0 && level[to[e]] < 0) {
          level[to[e]] = level[queue[q]] + 1;
          queue.push(to[e]);
        }
      }
    }
    return level[sink] >= 0;
  };
  const dfs = (node: number, pushed: number): number => {
    if (node === sink) return pushed;
    for (; next[node] < head[node].length; next[node]++) {
      const e = head[node][next[node]];
      if (cap[e] > 0 && level[to[e]] === level[node] + 1) {
        const got = dfs(to[e], Math.min(pushed, cap[e]));
        if (got > 0) {
          cap[e] -= got;
          cap[e ^ 1] += got;
          return got;
        }
      }
    }
    return 0;
  };
  while (bfs()) {
    next.fill(0);
    while (dfs(0, Number.MAX_SAFE_INTEGER) > 0);
  }
  const flow = new Map<string, number>();
  for (const [key, e] of middle) if (cap[e ^ 1] > 0) flow.set(key, cap[e ^ 1]);
  return flow;
}
