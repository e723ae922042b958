import { Node } from "../common/node";
import { enumObject } from "../common/enum-object";
import { COMPLEXITY_LEVELS, JOB_LEVELS, COMPETENCE_GROUPS, type ComplexityLevelValue, type JobLevelValue, type CompetenceGroupValue } from "../db/tables";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { LocalizedText } from "../common/localized-text";

export const ComplexityLevel = enumObject(COMPLEXITY_LEVELS);
export type ComplexityLevel = ComplexityLevelValue;

registerEnumType(ComplexityLevel, {
  name: "ComplexityLevel",
  description: "Level of complexity in the European sectoral qualification framework.",
  valuesConfig: {
    A: { description: "Broad basic knowledge; applies it within one's own function." },
    B: { description: "Thorough knowledge; handles standard cases independently and advises others." },
    C: { description: "Highly specialised knowledge; handles complex cases and develops guidance." },
  },
});

export const JobLevel = enumObject(JOB_LEVELS);
export type JobLevel = JobLevelValue;

registerEnumType(JobLevel, {
  name: "JobLevel",
  description: "Level of a federal job, by the diploma it asks.",
  valuesConfig: {
    A: { description: "Master's degree." },
    B: { description: "Bachelor's degree." },
    C: { description: "Upper secondary school." },
    D: { description: "No diploma required." },
  },
});

export const CompetenceGroup = enumObject(COMPETENCE_GROUPS);
export type CompetenceGroup = CompetenceGroupValue;

registerEnumType(CompetenceGroup, {
  name: "CompetenceGroup",
  description: "Section of the European sectoral qualification framework a competence area belongs to.",
  valuesConfig: {
    GENERAL: { description: "General competences in asylum and reception." },
    SPECIFIC: { description: "Competences specific to asylum and reception work." },
    MANAGEMENT: { description: "Management competences." },
  },
});

@ObjectType({ description: "One of the numbered competence areas of the European sectoral qualification framework for asylum and reception officials." })
export class CompetenceArea {
  @Field(() => Int, { description: "The area's number in the framework (1 to 37)." })
  number!: number;

  @Field(() => CompetenceGroup, { description: "The framework section the area belongs to." })
  group!: CompetenceGroup;

  titles!: LocalizedText;
}

@ObjectType({ description: "A competence area a job profile requires, at a level of complexity." })
export class RequiredCompetency {
  @Field(() => CompetenceArea, { description: "The competence area." })
  area!: CompetenceArea;

  @Field(() => ComplexityLevel, { description: "The level of complexity required." })
  level!: ComplexityLevel;
}

@ObjectType({ description: "What the holder of a job is accountable for in one role, with example tasks." })
export class ResultArea {
  @Field(() => Int, { description: "Order of the result area within the profile, from 1." })
  position!: number;

  roles!: LocalizedText;
  aims!: LocalizedText;
  taskTexts!: LocalizedText[];
}

@ObjectType({ description: "Gross monthly pay for a number of years of seniority." })
export class SalaryStep {
  @Field(() => Int, { description: "Years of relevant seniority (public or private sector)." })
  seniorityYears!: number;

  @Field(() => Float, { description: "Gross monthly pay in euro, indexed." })
  monthlyGrossEur!: number;
}

@ObjectType({ description: "A salary scale: gross monthly pay by seniority." })
export class SalaryScale {
  @Field({ description: "The scale's code, e.g. B1 or A11." })
  code!: string;

  @Field(() => JobLevel, { description: "The job level the scale belongs to." })
  level!: JobLevel;

  @Field({
    description: "True when the amounts are filled in for illustration and are not the real pay (no source gives them): a page must say so.",
  })
  illustrative!: boolean;

  sources!: LocalizedText | null;

  @Field(() => Float, { nullable: true, description: "The index factor the amounts include, when known (e.g. 2.0807)." })
  indexFactor!: number | null;

  @Field(() => [SalaryStep], { description: "Pay per year of seniority, from 0 years." })
  steps!: SalaryStep[];

  @Field(() => Float, { description: "Pay at 0 years of seniority." })
  minMonthlyGrossEur!: number;

  @Field(() => Float, { description: "Pay at the top of the scale." })
  maxMonthlyGrossEur!: number;

  names!: LocalizedText;
}

@ObjectType({ implements: Node, description: "A function description: what the job is for, what it involves and what it requires." })
export class JobProfile {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;

  @Field({ description: "The function code, e.g. NBV001." })
  functionCode!: string;

  @Field({ description: "Job level, A (master's) to D." })
  level!: string;

  @Field({ description: "Class within the level, e.g. A1." })
  class!: string;

  @Field(() => Int, { description: "How many staff the holder manages." })
  managesCount!: number;

  salaryScaleCode!: string | null;
  titles!: LocalizedText;
  functionFamilies!: LocalizedText;
  professionalCategories!: LocalizedText;
  purposes!: LocalizedText;
  reportsToTexts!: LocalizedText | null;
  diplomaRequirements!: LocalizedText | null;
  languageRequirements!: LocalizedText | null;
}
