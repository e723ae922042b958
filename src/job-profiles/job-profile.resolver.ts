import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import { Language, langArg } from "../common/language";
import type { Context } from "../context/context";
import { CompetenceArea, JobProfile, RequiredCompetency, ResultArea, SalaryScale } from "./job-profile.type";

@Resolver(() => JobProfile)
export class JobProfileResolver {
  @Query(() => JobProfile, { nullable: true, description: "A job profile by function code (e.g. NBV001); null when unknown." })
  jobProfile(
    @Ctx() ctx: Context,
    @Arg("functionCode", { description: "The function code, e.g. NBV001 (case-insensitive)." }) functionCode: string,
  ): Promise<JobProfile | null> {
    return ctx.services.jobProfiles.byFunctionCode(functionCode);
  }

  @Query(() => [JobProfile], { description: "Every job profile, by function code." })
  jobProfiles(@Ctx() ctx: Context): Promise<JobProfile[]> {
    return ctx.services.jobProfiles.list();
  }

  @Query(() => [CompetenceArea], { description: "The 37 competence areas of the European sectoral qualification framework, by number." })
  competenceAreas(@Ctx() ctx: Context): Promise<CompetenceArea[]> {
    return ctx.services.jobProfiles.competenceAreas();
  }

  @FieldResolver(() => String, { description: "The job's title." })
  title(@Root() p: JobProfile, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(p.titles, lang, info);
  }

  @FieldResolver(() => String, { description: 'The function family, e.g. "Begeleiders" (coaches).' })
  functionFamily(
    @Root() p: JobProfile,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string {
    return ctx.text(p.functionFamilies, lang, info);
  }

  @FieldResolver(() => String, { description: 'The professional category, e.g. "11. Bevolking en Veiligheid (BV)" or "Juridische expertise".' })
  professionalCategory(
    @Root() p: JobProfile,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string {
    return ctx.text(p.professionalCategories, lang, info);
  }

  @FieldResolver(() => String, { description: "What the job is for." })
  purpose(@Root() p: JobProfile, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(p.purposes, lang, info);
  }

  @FieldResolver(() => String, { nullable: true, description: "Whom the holder reports to." })
  reportsTo(
    @Root() p: JobProfile,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | null {
    return ctx.optionalText(p.reportsToTexts, lang, info);
  }

  @FieldResolver(() => String, { nullable: true, description: "The diploma required." })
  diplomaRequirement(
    @Root() p: JobProfile,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | null {
    return ctx.optionalText(p.diplomaRequirements, lang, info);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "What the profile asks of languages beyond the post's own language, which each vacancy's languageRequirement states.",
  })
  languageRequirement(
    @Root() p: JobProfile,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | null {
    return ctx.optionalText(p.languageRequirements, lang, info);
  }

  @FieldResolver(() => [ResultArea], { description: "The result areas, in order." })
  resultAreas(@Root() p: JobProfile, @Ctx() ctx: Context): Promise<ResultArea[]> {
    return ctx.loaders.resultAreasByProfile.load(p.key);
  }

  @FieldResolver(() => [RequiredCompetency], { description: "The competence areas required, by area number." })
  competencies(@Root() p: JobProfile, @Ctx() ctx: Context): Promise<RequiredCompetency[]> {
    return ctx.loaders.competenciesByProfile.load(p.key);
  }

  @FieldResolver(() => SalaryScale, { nullable: true, description: "The salary scale the job starts in." })
  salaryScale(@Root() p: JobProfile, @Ctx() ctx: Context): SalaryScale | null | Promise<SalaryScale | null> {
    if (!p.salaryScaleCode) return null;
    return ctx.reference?.salaryScales.peek(p.salaryScaleCode) ?? ctx.loaders.salaryScaleByCode.load(p.salaryScaleCode);
  }
}

@Resolver(() => ResultArea)
export class ResultAreaResolver {
  @FieldResolver(() => String, { description: 'The role the holder plays, e.g. "coach".' })
  role(@Root() r: ResultArea, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(r.roles, lang, info);
  }

  @FieldResolver(() => String, { description: "What the holder achieves in that role, and to what end." })
  aim(@Root() r: ResultArea, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(r.aims, lang, info);
  }

  @FieldResolver(() => [String], { description: "Example tasks." })
  tasks(@Root() r: ResultArea, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string[] {
    return r.taskTexts.map((t) => ctx.text(t, lang, info));
  }
}

@Resolver(() => CompetenceArea)
export class CompetenceAreaResolver {
  @FieldResolver(() => String, { description: "The competence area's title." })
  title(
    @Root() a: CompetenceArea,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string {
    return ctx.text(a.titles, lang, info);
  }
}

@Resolver(() => SalaryScale)
export class SalaryScaleResolver {
  @FieldResolver(() => String, { description: "The scale's name." })
  name(@Root() s: SalaryScale, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(s.names, lang, info);
  }
  @FieldResolver(() => String, {
    nullable: true,
    description: "Where the amounts come from: a document, or a note that they are illustrative; null when not recorded.",
  })
  source(
    @Root() s: SalaryScale,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | null {
    return ctx.optionalText(s.sources, lang, info);
  }
}
