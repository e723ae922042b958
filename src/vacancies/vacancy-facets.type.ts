import { Field, Int, ObjectType } from "type-graphql";
import { Agency } from "../agencies/agency.type";
import { Wave } from "../campaigns/campaign.type";
import { JobLevel } from "../job-profiles/job-profile.type";
import { Province, Region } from "../places/place.type";
import { LanguageRegime } from "./vacancy.type";

const countField = { description: "How many vacancies have this value under the filter (every criterion but this dimension's own)." } as const;

@ObjectType({ description: "An agency with its count of matching vacancies." })
export class AgencyFacet {
  @Field(() => Agency, { description: "The agency." })
  agency!: Agency;

  @Field(() => Int, countField)
  count!: number;
}

@ObjectType({ description: "A wave with its count of matching vacancies." })
export class WaveFacet {
  @Field(() => Wave, { description: "The wave." })
  wave!: Wave;

  @Field(() => Int, countField)
  count!: number;
}

@ObjectType({ description: "A job level with its count of matching vacancies." })
export class LevelFacet {
  @Field(() => JobLevel, { description: "The level." })
  level!: JobLevel;

  @Field(() => Int, countField)
  count!: number;
}

@ObjectType({ description: "A language regime with its count of matching vacancies." })
export class LanguageRegimeFacet {
  @Field(() => LanguageRegime, { description: "The language regime." })
  languageRegime!: LanguageRegime;

  @Field(() => Int, countField)
  count!: number;
}

@ObjectType({ description: "A province with its count of matching vacancies." })
export class ProvinceFacet {
  @Field(() => Province, { description: "The province." })
  province!: Province;

  @Field(() => Int, countField)
  count!: number;
}

@ObjectType({ description: "A region with its count of matching vacancies." })
export class RegionFacet {
  @Field(() => Region, { description: "The region." })
  region!: Region;

  @Field(() => Int, countField)
  count!: number;
}

@ObjectType({
  description:
    "Counts for a vacancy list's filter menus. Each dimension counts under the whole filter except its own criterion, so choosing one agency still shows the others' counts; values with no vacancy are left out.",
})
export class VacancyFacets {
  @Field(() => [AgencyFacet], { description: "Per agency, in the order DVZ, CGVS, RVV, FEDASIL." })
  agencies!: AgencyFacet[];

  @Field(() => [WaveFacet], { description: "Per wave." })
  waves!: WaveFacet[];

  @Field(() => [LevelFacet], { description: "Per job level, A to D." })
  levels!: LevelFacet[];

  @Field(() => [LanguageRegimeFacet], { description: "Per language regime." })
  languageRegimes!: LanguageRegimeFacet[];

  @Field(() => [ProvinceFacet], { description: "Per province (vacancies in Brussels, which has no province, count under regions only)." })
  provinces!: ProvinceFacet[];

  @Field(() => [RegionFacet], { description: "Per region." })
  regions!: RegionFacet[];
}
