import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { AgencyCode } from "../agencies/agency.type";
import { UserError, withCodes } from "../common/user-error";
import { TestKind } from "../test-sessions/test-session.type";
import { ContractType, LanguageRegime, Vacancy } from "./vacancy.type";
import { VACANCY_OPERATION_CODES, type VacancyCode } from "./vacancy.errors";

@InputType({ description: "A text in Dutch (required) and, where known, French, English and German." })
export class LocalizedTextInput {
  @Field({ description: "Dutch." })
  nl!: string;

  @Field(() => String, { nullable: true, description: "French." })
  fr?: string | null;

  @Field(() => String, { nullable: true, description: "English." })
  en?: string | null;

  @Field(() => String, { nullable: true, description: "German." })
  de?: string | null;
}

@InputType({ description: "One exam part of a selection procedure." })
export class ExamPartInput {
  @Field({ description: "The part's name, 1 to 100 characters, unique within the procedure; results are recorded against it." })
  name!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: "The part's name as the public reads it, per language. Default: the name, in Dutch." })
  title?: LocalizedTextInput | null;

  @Field(() => Float, { description: "The most points one can score, more than 0." })
  maxPoints!: number;

  @Field(() => Float, { defaultValue: 50, description: "The share of the part's points needed to pass it, in percent." })
  passPercent!: number;

  @Field(() => TestKind, { defaultValue: TestKind.WRITTEN, description: "The kind of test session that examines the part." })
  kind!: TestKind;
}

@InputType({ description: "A selection procedure: exam parts in the order they are taken and the overall pass mark." })
export class SelectionProcedureInput {
  @Field(() => [ExamPartInput], { description: "1 to 10 parts, in the order they are taken." })
  parts!: ExamPartInput[];

  @Field(() => Float, { defaultValue: 60, description: "The share of all points needed overall, in percent." })
  overallPassPercent!: number;
}

@InputType({ description: "A new vacancy. It starts as a DRAFT; publishVacancy opens it." })
export class CreateVacancyInput {
  @Field(() => AgencyCode, { description: "The recruiting agency; an AGENCY_HR key may only give its own." })
  agency!: AgencyCode;

  @Field(() => ID, { description: "The job profile." })
  jobProfileId!: string;

  @Field(() => ID, { description: "The wave (which also decides the campaign)." })
  waveId!: string;

  @Field(() => Int, { description: "How many people to hire, more than 0; the campaign's vacancies together may not exceed its target." })
  headcountTarget!: number;

  @Field({ defaultValue: "Brussel", description: "Where the job is based, 1 to 200 characters." })
  place!: string;

  @Field(() => LanguageRegime, { defaultValue: LanguageRegime.NL, description: "The post's language role." })
  languageRegime!: LanguageRegime;

  @Field(() => ContractType, { defaultValue: ContractType.STATUTORY, description: "How the post is filled." })
  contractType!: ContractType;

  @Field(() => LocalizedTextInput, { nullable: true, description: "The title; default: the job profile's title." })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: "What the vacancy offers beyond its job profile." })
  description?: LocalizedTextInput | null;

  @Field(() => Date, { nullable: true, description: "Last moment to apply, in the future; omit for continuous recruitment." })
  applicationDeadline?: Date | null;

  @Field(() => SelectionProcedureInput, {
    nullable: true,
    description: "The selection procedure; default: written 50 and oral 50 points, each at least 50 %, overall at least 60 %.",
  })
  procedure?: SelectionProcedureInput | null;
}

@InputType({ description: "Changes to a vacancy; fields left out stay as they are." })
export class UpdateVacancyInput {
  @Field(() => ID, { description: "The vacancy." })
  vacancyId!: string;

  @Field(() => Int, { nullable: true, description: "New headcount target, more than 0, within the campaign's target." })
  headcountTarget?: number | null;

  @Field(() => String, { nullable: true, description: "New place." })
  place?: string | null;

  @Field(() => LanguageRegime, { nullable: true, description: "New language regime." })
  languageRegime?: LanguageRegime | null;

  @Field(() => ContractType, { nullable: true, description: "New contract type." })
  contractType?: ContractType | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: "New title." })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: "New description; null removes it." })
  description?: LocalizedTextInput | null;

  @Field(() => Date, { nullable: true, description: "New deadline, in the future; null makes the recruitment continuous." })
  applicationDeadline?: Date | null;

  @Field(() => SelectionProcedureInput, {
    nullable: true,
    description: "New selection procedure; only while no test result has been recorded for the vacancy.",
  })
  procedure?: SelectionProcedureInput | null;
}

@InputType({ description: "Open a draft vacancy to applications." })
export class PublishVacancyInput {
  @Field(() => ID, { description: "The vacancy." })
  vacancyId!: string;
}

export enum VacancyClosure {
  CLOSED = "CLOSED",
  FILLED = "FILLED",
  CANCELLED = "CANCELLED",
}

registerEnumType(VacancyClosure, {
  name: "VacancyClosure",
  description: "How a vacancy stops taking applications.",
  valuesConfig: {
    CLOSED: { description: "No more applications; selection goes on." },
    FILLED: { description: "The target has been hired." },
    CANCELLED: { description: "Withdrawn without filling; its target no longer counts against the campaign's." },
  },
});

@InputType({ description: "Stop a vacancy taking applications." })
export class CloseVacancyInput {
  @Field(() => ID, { description: "The vacancy." })
  vacancyId!: string;

  @Field(() => VacancyClosure, { defaultValue: VacancyClosure.CLOSED, description: "The status to close to." })
  status!: VacancyClosure;
}

/** The payload of mutation `operation`: named after it, its description listing the codes it returns. */
function payload<Op extends keyof typeof VACANCY_OPERATION_CODES>(operation: Op) {
  const name = `${operation[0].toUpperCase()}${operation.slice(1)}Payload`;
  @ObjectType(name, { description: withCodes(`The outcome of ${operation}.`, VACANCY_OPERATION_CODES[operation]) })
  class VacancyPayload {
    @Field(() => Vacancy, { nullable: true, description: "The vacancy after the change; null when refused." })
    vacancy!: Vacancy | null;

    @Field(() => [UserError], { description: "Why the change was refused; empty on success." })
    userErrors!: UserError<VacancyCode<Op>>[];
  }
  return VacancyPayload;
}

export const CreateVacancyPayload = payload("createVacancy");
export const UpdateVacancyPayload = payload("updateVacancy");
export const PublishVacancyPayload = payload("publishVacancy");
export const CloseVacancyPayload = payload("closeVacancy");
