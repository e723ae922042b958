import DataLoader from "dataloader";
import { groupedInKeyOrder, inKeyOrder } from "../common/loader";
import type { TestSessionService } from "./test-session.service";
import type { TestSession } from "./test-session.type";

export function createTestSessionLoaders(sessions: TestSessionService) {
  const upcomingByLimit = new Map<number, DataLoader<number, TestSession[]>>();
  return {
    testSessionByKey: new DataLoader<number, TestSession | null>(async (keys) => inKeyOrder(keys, await sessions.byKeys(keys), (s) => s.key)),
    vacancyKeysBySession: new DataLoader<number, number[]>(async (keys) =>
      groupedInKeyOrder(keys, await sessions.vacancyKeysOfSessions(keys), (r) => r.sessionKey).map((rows) => rows.map((r) => r.vacancyKey)),
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
