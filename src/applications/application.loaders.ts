import DataLoader from "dataloader";
import { groupedInKeyOrder, inKeyOrder } from "../common/loader";
import type { ApplicationService } from "./application.service";
import type { Application, Candidate, StageEvent } from "./application.type";

export function createApplicationLoaders(applications: ApplicationService) {
  return {
    /** Unchecked: callers apply mayViewApplication. */
    applicationByKey: new DataLoader<number, Application | null>(async (keys) => inKeyOrder(keys, await applications.byKeys(keys), (a) => a.key)),
    candidateByKey: new DataLoader<number, Candidate | null>(async (keys) => inKeyOrder(keys, await applications.candidatesByKeys(keys), (c) => c.key)),
    historyByApplication: new DataLoader<number, StageEvent[]>(async (keys) =>
      groupedInKeyOrder(keys, await applications.historyOf(keys), (e) => e.applicationKey),
    ),
  };
}
