import DataLoader from "dataloader";
import { groupedInKeyOrder, inKeyOrder } from "../common/loader";
import type { JobProfileService } from "./job-profile.service";
import type { JobProfile, RequiredCompetency, ResultArea, SalaryScale } from "./job-profile.type";

export function createJobProfileLoaders(profiles: JobProfileService) {
  return {
    jobProfileByKey: new DataLoader<number, JobProfile | null>(async (keys) => inKeyOrder(keys, await profiles.byKeys(keys), (p) => p.key)),
    resultAreasByProfile: new DataLoader<number, ResultArea[]>(async (keys) =>
      groupedInKeyOrder(keys, await profiles.resultAreasOf(keys), (r) => r.profileKey).map((rows) => rows.map((r) => r.area)),
    ),
    competenciesByProfile: new DataLoader<number, RequiredCompetency[]>(async (keys) =>
      groupedInKeyOrder(keys, await profiles.competenciesOf(keys), (r) => r.profileKey).map((rows) => rows.map((r) => r.competency)),
    ),
    salaryScaleByCode: new DataLoader<string, SalaryScale | null>(async (codes) => inKeyOrder(codes, await profiles.salaryScalesByCodes(codes), (s) => s.code)),
  };
}
