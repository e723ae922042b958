import { asc, eq, inArray } from "drizzle-orm";
import { toGlobalId } from "../common/global-id";
import type { Db } from "../db/client";
import { competenceAreas, jobProfileCompetencies, jobProfileResultAreas, jobProfiles, salaryScales, salaryScaleSteps } from "../db/tables";
import { CompetenceArea, JobProfile, RequiredCompetency, ResultArea, SalaryScale, SalaryStep } from "./job-profile.type";

type JobProfileRow = typeof jobProfiles.$inferSelect;

export function toJobProfile(row: JobProfileRow): JobProfile {
  return Object.assign(new JobProfile(), {
    id: toGlobalId("JobProfile", row.id),
    key: row.id,
    functionCode: row.functionCode,
    level: row.level,
    class: row.class,
    managesCount: row.managesCount,
    salaryScaleCode: row.salaryScaleCode,
    titles: row.title,
    functionFamilies: row.functionFamily,
    professionalCategories: row.professionalCategory,
    purposes: row.purpose,
    reportsToTexts: row.reportsTo,
    diplomaRequirements: row.diplomaRequirement,
    languageRequirements: row.languageRequirement,
  });
}

function toCompetenceArea(row: typeof competenceAreas.$inferSelect): CompetenceArea {
  return Object.assign(new CompetenceArea(), { number: row.number, group: row.group, titles: row.title });
}

/** Rows per profile, in their order, with an entry (maybe empty) for each of `profileKeys`. */
function everyProfile<R extends { profileKey: number }, T>(profileKeys: readonly number[], rows: readonly R[], item: (row: R) => T) {
  const byProfile = new Map(profileKeys.map((key) => [key, [] as T[]]));
  for (const row of rows) byProfile.get(row.profileKey)?.push(item(row));
  return [...byProfile].map(([profileKey, items]) => ({ profileKey, items }));
}

export class JobProfileService {
  constructor(private readonly db: Db) {}

  async byFunctionCode(functionCode: string): Promise<JobProfile | null> {
    const rows = await this.db.select().from(jobProfiles).where(eq(jobProfiles.functionCode, functionCode.trim().toUpperCase())).limit(1);
    return rows[0] ? toJobProfile(rows[0]) : null;
  }

  async list(): Promise<JobProfile[]> {
    return (await this.db.select().from(jobProfiles).orderBy(asc(jobProfiles.functionCode))).map(toJobProfile);
  }

  async byKeys(keys: readonly number[]): Promise<JobProfile[]> {
    return (
      await this.db
        .select()
        .from(jobProfiles)
        .where(inArray(jobProfiles.id, [...keys]))
    ).map(toJobProfile);
  }

  /** The result areas of these profiles, or of every profile (null). */
  async resultAreasOf(profileKeys: readonly number[] | null): Promise<{ profileKey: number; area: ResultArea }[]> {
    const rows = await this.db
      .select()
      .from(jobProfileResultAreas)
      .where(profileKeys ? inArray(jobProfileResultAreas.jobProfileId, [...profileKeys]) : undefined)
      .orderBy(asc(jobProfileResultAreas.jobProfileId), asc(jobProfileResultAreas.position));
    return rows.map((r) => ({
      profileKey: r.jobProfileId,
      area: Object.assign(new ResultArea(), { position: r.position, roles: r.role, aims: r.aim, taskTexts: r.tasks }),
    }));
  }

  /** The required competencies of these profiles, or of every profile (null). */
  async competenciesOf(profileKeys: readonly number[] | null): Promise<{ profileKey: number; competency: RequiredCompetency }[]> {
    const rows = await this.db
      .select({ profileKey: jobProfileCompetencies.jobProfileId, level: jobProfileCompetencies.level, area: competenceAreas })
      .from(jobProfileCompetencies)
      .innerJoin(competenceAreas, eq(competenceAreas.number, jobProfileCompetencies.competenceAreaNumber))
      .where(profileKeys ? inArray(jobProfileCompetencies.jobProfileId, [...profileKeys]) : undefined)
      .orderBy(asc(jobProfileCompetencies.jobProfileId), asc(competenceAreas.number));
    return rows.map((r) => ({
      profileKey: r.profileKey,
      competency: Object.assign(new RequiredCompetency(), { area: toCompetenceArea(r.area), level: r.level }),
    }));
  }

  /**
   * Every profile's result areas, an entry per profile (an empty list for one without any, so that a lookup of it finds
   * the entry): the public reference data held in memory (src/context/reference-data.ts).
   */
  async resultAreasOfEveryProfile(): Promise<{ profileKey: number; items: ResultArea[] }[]> {
    const [profiles, rows] = await Promise.all([this.profileKeys(), this.resultAreasOf(null)]);
    return everyProfile(profiles, rows, (r) => r.area);
  }

  /** Every profile's required competencies, an entry per profile (as resultAreasOfEveryProfile). */
  async competenciesOfEveryProfile(): Promise<{ profileKey: number; items: RequiredCompetency[] }[]> {
    const [profiles, rows] = await Promise.all([this.profileKeys(), this.competenciesOf(null)]);
    return everyProfile(profiles, rows, (r) => r.competency);
  }

  private async profileKeys(): Promise<number[]> {
    return (await this.db.select({ id: jobProfiles.id }).from(jobProfiles)).map((r) => r.id);
  }

  async competenceAreas(): Promise<CompetenceArea[]> {
    return (await this.db.select().from(competenceAreas).orderBy(asc(competenceAreas.number))).map(toCompetenceArea);
  }

  /** Scales with their steps, in one statement. */
  async salaryScalesByCodes(codes: readonly string[]): Promise<SalaryScale[]> {
    return this.salaryScales(codes);
  }

  /** Every salary scale with its steps: the public reference data held in memory (src/context/reference-data.ts). */
  async allSalaryScales(): Promise<SalaryScale[]> {
    return this.salaryScales(null);
  }

  /** The scales with these codes, or every scale (null). */
  private async salaryScales(codes: readonly string[] | null): Promise<SalaryScale[]> {
    const rows = await this.db
      .select({ scale: salaryScales, step: salaryScaleSteps })
      .from(salaryScales)
      .leftJoin(salaryScaleSteps, eq(salaryScaleSteps.scaleCode, salaryScales.code))
      .where(codes ? inArray(salaryScales.code, [...codes]) : undefined)
      .orderBy(asc(salaryScales.code), asc(salaryScaleSteps.seniorityYears));
    const scales = new Map<string, SalaryScale>();
    for (const { scale, step } of rows) {
      let entry = scales.get(scale.code);
      if (!entry) {
        entry = Object.assign(new SalaryScale(), {
          code: scale.code,
          level: scale.level,
          indexFactor: scale.indexFactor,
          illustrative: scale.illustrative,
          sources: scale.source,
          names: scale.name,
          steps: [],
        });
        scales.set(scale.code, entry);
      }
      if (step) entry.steps.push(Object.assign(new SalaryStep(), { seniorityYears: step.seniorityYears, monthlyGrossEur: step.monthlyGrossEur }));
    }
    for (const scale of scales.values()) {
      const amounts = scale.steps.map((s) => s.monthlyGrossEur);
      scale.minMonthlyGrossEur = amounts.length ? Math.min(...amounts) : 0;
      scale.maxMonthlyGrossEur = amounts.length ? Math.max(...amounts) : 0;
    }
    return [...scales.values()];
  }
}
