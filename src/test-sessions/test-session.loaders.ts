import DataLoader from "dataloader";
import { groupedInKeyOrder, inKeyOrder } from "../common/loader";
import type { Application } from "../applications/application.type";
import type { ScoreOutcome } from "./scoring";
import type { SelectionService } from "./selection.service";
import type { TestSessionService } from "./test-session.service";
import type { TestSession } from "./test-session.type";
import type { Vacancy } from "../vacancies/vacancy.type";

export function createTestSessionLoaders(sessions: TestSessionService, selection: SelectionService) {
  const upcomingByLimit = new Map<number, DataLoader<number, TestSession[]>>();
  const laureatePages = new Map<string, DataLoader<number, { rank: number; application: Application }[]>>();
  return {
    /** Laureates of each vacancy after a rank, one loader per page request so a list of vacancies shares it. */
    laureatePage(afterRank: number, limit: number): DataLoader<number, { rank: number; application: Application }[]> {
      const key = `${afterRank}:${limit}`;
      let loader = laureatePages.get(key);
      if (!loader) {
        loader = new DataLoader(async (keys) => groupedInKeyOrder(keys, await selection.laureates(keys, afterRank, limit), (r) => r.vacancyKey));
        laureatePages.set(key, loader);
      }
      return loader;
    },
    laureateCount: new DataLoader<number, number>(async (keys) =>
      inKeyOrder(keys, await selection.laureateCounts(keys), (r) => r.vacancyKey).map((r) => r?.count ?? 0),
    ),
    scoreByApplication: new DataLoader<{ key: number; vacancyKey: number }, ScoreOutcome | null, number>(
      async (apps) => {
        const scores = await selection.scoresOf(apps);
        return apps.map((a) => scores.get(a.key) ?? null);
      },
      { cacheKeyFn: (a) => a.key },
    ),
    testSessionByKey: new DataLoader<number, TestSession | null>(async (keys) => inKeyOrder(keys, await sessions.byKeys(keys), (s) => s.key)),
    vacanciesBySession: new DataLoader<number, Vacancy[]>(async (keys) =>
      groupedInKeyOrder(keys, await sessions.vacanciesOfSessions(keys), (r) => r.sessionKey).map((rows) => rows.map((r) => r.vacancy)),
    ),
    /** One loader per page size asked for, so vacancies asking for the same number of sessions share one statement. */
    upcomingSessionsByVacancy(limit: number): DataLoader<number, TestSession[]> {
      let loader = upcomingByLimit.get(limit);
      if (!loader) {
        loader = new DataLoader<number, TestSession[]>(async (keys) =>
          groupedInKeyOrder(keys, await sessions.upcomingForVacancies(keys, limit), (r) => r.vacancyKey).map((rows) => rows.map((r) => r.session)),
        );
        upcomingByLimit.set(limit, loader);
      }
      return loader;
    },
  };
}
