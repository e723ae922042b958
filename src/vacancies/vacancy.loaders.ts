import DataLoader from "dataloader";
import { groupedInKeyOrder, inKeyOrder } from "../common/loader";
import type { VacancyService } from "./vacancy.service";
import type { ExamPart, Vacancy } from "./vacancy.type";

export function createVacancyLoaders(vacancies: VacancyService) {
  return {
    /** Unchecked: callers apply mayView before showing a vacancy. */
    vacancyByKey: new DataLoader<number, Vacancy | null>(async (keys) => inKeyOrder(keys, await vacancies.byKeys(keys), (v) => v.key)),
    examPartsByVacancy: new DataLoader<number, ExamPart[]>(async (keys) =>
      groupedInKeyOrder(keys, await vacancies.examPartsOf(keys), (r) => r.vacancyKey).map((rows) => rows.map((r) => r.part)),
    ),
  };
}
