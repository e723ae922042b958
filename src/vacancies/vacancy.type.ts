import { Node } from "../common/node";
import { enumObject } from "../common/enum-object";
import { VACANCY_STATUSES, LANGUAGE_REGIMES, CONTRACT_TYPES, type VacancyStatusValue, type LanguageRegimeValue, type ContractTypeValue } from "../db/tables";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { AgencyCode } from "../agencies/agency.type";
import { Connection } from "../common/connection";
import type { LocalizedText } from "../common/localized-text";
import { OrderDirection } from "../common/order";
import { JobLevel } from "../job-profiles/job-profile.type";
import { ProvinceCode, RegionCode } from "../places/place.type";
import { TestKind } from "../test-sessions/test-session.type";

export const VacancyStatus = enumObject(VACANCY_STATUSES);
export type VacancyStatus = VacancyStatusValue;

registerEnumType(VacancyStatus, {
  name: "VacancyStatus",
  description: "Where a vacancy stands. Drafts are visible only to the owning agency, the taskforce and administrators.",
  valuesConfig: {
    DRAFT: { description: "Being prepared; not public." },
    OPEN: { description: "Published and accepting applications (until the deadline, if any)." },
    CLOSED: { description: "No longer accepting applications; selection continues." },
    FILLED: { description: "The headcount target has been hired." },
    CANCELLED: { description: "Withdrawn without filling." },
  },
});

export const LanguageRegime = enumObject(LANGUAGE_REGIMES);
export type LanguageRegime = LanguageRegimeValue;

registerEnumType(LanguageRegime, {
  name: "LanguageRegime",
  description: "The language role of the post under the law on the use of languages in administrative matters.",
  valuesConfig: {
    NL: { description: "Dutch-speaking post." },
    FR: { description: "French-speaking post." },
    DE: { description: "German-speaking post." },
    BILINGUAL: { description: "Post requiring Dutch and French." },
  },
});

export const ContractType = enumObject(CONTRACT_TYPES);
export type ContractType = ContractTypeValue;

registerEnumType(ContractType, {
  name: "ContractType",
  description: "How the post is filled.",
  valuesConfig: {
    STATUTORY: { description: "Statutory appointment (civil servant)." },
    PERMANENT_CONTRACT: { description: "Employment contract of indefinite duration." },
    FIXED_TERM_CONTRACT: { description: "Employment contract of fixed duration." },
  },
});

@ObjectType({ description: "One part of a selection procedure's exam." })
export class ExamPart {
  @Field({ description: 'The part\'s name, e.g. "Schriftelijk": its key, in Dutch; results are recorded against it. Pages show `title`.' })
  name!: string;

  titles!: LocalizedText;

  @Field(() => Float, { description: "The most points one can score on this part." })
  maxPoints!: number;

  @Field(() => Float, { description: "The share of this part's points needed to pass it, in percent (default 50)." })
  passPercent!: number;

  @Field(() => TestKind, { description: "The kind of test session that examines the part (what the Saturday planning matches seats by)." })
  kind!: TestKind;
}

@ObjectType({ description: "How a vacancy selects: exam parts in the order they are taken, each with its own pass mark, and an overall pass mark." })
export class SelectionProcedure {
  @Field(() => [ExamPart], { description: "The exam parts, in the order they are taken. Only those who pass a part go on to the next." })
  parts!: ExamPart[];

  @Field(() => Float, { description: "The share of all parts' points together needed to become a laureate, in percent (default 60)." })
  overallPassPercent!: number;
}

@ObjectType({ implements: Node, description: "One opening at one agency, in one wave, for one job profile, with a headcount target." })
export class Vacancy {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;
  campaignKey!: number;
  waveKey!: number;
  jobProfileKey!: number;

  @Field(() => AgencyCode, { description: "Code of the recruiting agency (the same as agency.code, without a lookup)." })
  agencyCode!: AgencyCode;

  @Field(() => Int, { description: "How many people this vacancy hires." })
  headcountTarget!: number;

  @Field(() => VacancyStatus, { description: "Where the vacancy stands." })
  status!: VacancyStatus;

  placeName!: string;
  placeKey!: number | null;

  @Field(() => LanguageRegime, { description: "The post's language role." })
  languageRegime!: LanguageRegime;

  @Field(() => ContractType, { description: "How the post is filled." })
  contractType!: ContractType;

  @Field(() => Date, { nullable: true, description: "When the vacancy was published; null for drafts." })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Last moment to apply; null for continuous recruitment (no deadline)." })
  applicationDeadline!: Date | null;

  titles!: LocalizedText;
  descriptions!: LocalizedText | null;
  overallPassPercent!: number;
}

@InputType({ description: "Narrows a vacancy list. Every given criterion must hold; a list criterion matches any of its values." })
export class VacancyFilter {
  @Field(() => String, { nullable: true, description: "Only vacancies of this campaign." })
  campaignSlug?: string | null;

  @Field(() => [AgencyCode], { nullable: true, description: "Only vacancies of these agencies." })
  agencies?: AgencyCode[] | null;

  @Field(() => [ID], { nullable: true, description: "Only vacancies of these waves (wave ids)." })
  waveIds?: string[] | null;

  @Field(() => [Int], { nullable: true, description: "Only vacancies of the waves with these numbers." })
  waveNumbers?: number[] | null;

  @Field(() => [JobLevel], { nullable: true, description: "Only vacancies whose job profile has one of these levels." })
  levels?: JobLevel[] | null;

  @Field(() => [String], { nullable: true, description: "Only vacancies of these job profiles (function codes, e.g. NBV001)." })
  functionCodes?: string[] | null;

  @Field(() => [VacancyStatus], { nullable: true, description: "Only vacancies in these statuses. Default: every status the caller may see." })
  statuses?: VacancyStatus[] | null;

  @Field(() => [LanguageRegime], { nullable: true, description: "Only vacancies with these language regimes." })
  languageRegimes?: LanguageRegime[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only vacancies in these places, by name in any language, regardless of case and accents: ["Bruxelles"] and ["brussel"] both find Brussels.',
  })
  places?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only vacancies in these places (place ids, from `places` or Vacancy.location)." })
  placeIds?: string[] | null;

  @Field(() => [ProvinceCode], { nullable: true, description: "Only vacancies in these provinces." })
  provinces?: ProvinceCode[] | null;

  @Field(() => [RegionCode], { nullable: true, description: "Only vacancies in these regions." })
  regions?: RegionCode[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only vacancies that accept applications now (open, deadline not passed)." })
  acceptingApplications?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Free text, at most 200 characters: every word must begin a word of the vacancy (its title, its job profile\'s title, family, category or function code, its place with province and region, its agency\'s code or name, in any language), regardless of case and accents, or be spelled nearly like one ("psychologue" finds "psychologie"). Ordered by relevance unless orderBy says otherwise.',
  })
  search?: string | null;
}

export enum VacancyOrderField {
  RELEVANCE = "RELEVANCE",
  PUBLISHED_AT = "PUBLISHED_AT",
  APPLICATION_DEADLINE = "APPLICATION_DEADLINE",
  HEADCOUNT_TARGET = "HEADCOUNT_TARGET",
}

registerEnumType(VacancyOrderField, {
  name: "VacancyOrderField",
  description: "What a vacancy list can be ordered by; ties are broken by id.",
  valuesConfig: {
    RELEVANCE: {
      description:
        "How well the vacancy matches filter.search (words in the title first, whole words before beginnings, then near spellings); all equal without a search.",
    },
    PUBLISHED_AT: { description: "Publication time (drafts first when ascending)." },
    APPLICATION_DEADLINE: { description: "Application deadline (continuous recruitment last when ascending)." },
    HEADCOUNT_TARGET: { description: "Headcount target." },
  },
});

@InputType({ description: "Order of a vacancy list." })
export class VacancyOrder {
  @Field(() => VacancyOrderField, { description: "What to order by." })
  field!: VacancyOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Which way." })
  direction!: OrderDirection;
}

export const VacancyConnection = Connection(Vacancy, "Vacancy", "vacancy");
export type VacancyConnection = InstanceType<typeof VacancyConnection>;
