import type { GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Info } from "type-graphql";
import { Agency } from "../agencies/agency.type";
import { Campaign, Wave } from "../campaigns/campaign.type";
import { MAX_PAGE_SIZE, PageArgs, pageSize } from "../common/connection";
import { selectedAt } from "../common/lookahead";
import { fromGlobalId } from "../common/global-id";
import { Language, langArg } from "../common/language";
import { JobProfile, SalaryScale } from "../job-profiles/job-profile.type";
import type { Context } from "../context/context";
import { TestSession } from "../test-sessions/test-session.type";
import { Place } from "../places/place.type";
import { languageRequirementOf } from "./language-requirement";
import { AgencyFacet, LanguageRegimeFacet, LevelFacet, ProvinceFacet, RegionFacet, VacancyFacets, WaveFacet } from "./vacancy-facets.type";
import { acceptsApplications, mayView, type PageIncludes, type VacancyPage } from "./vacancy.service";
import { ExamPart, SelectionProcedure, Vacancy, VacancyConnection, VacancyFilter, VacancyOrder } from "./vacancy.type";

/** How many upcoming sessions a vacancy lists when `first` is not given. */
const UPCOMING_SESSIONS_DEFAULT = 5;

const filterArg = { nullable: true, description: "Which vacancies to list." } as const;
const orderArg = { nullable: true, description: "Order of the list. Default: most recently published first." } as const;

@Resolver(() => Vacancy)
export class VacancyResolver {
  @Query(() => VacancyConnection, { description: "Vacancies the caller may see, filtered and ordered. The public sees every published vacancy, never drafts." })
  async vacancies(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg("filter", () => VacancyFilter, filterArg) filter?: VacancyFilter | null,
    @Arg("orderBy", () => VacancyOrder, orderArg) orderBy?: VacancyOrder | null,
  ): Promise<VacancyConnection> {
    const include = pageIncludes(info);
    return connectionOf(ctx, include, await ctx.services.vacancies.list(ctx.viewer, filter, orderBy, page, {}, include));
  }

  @Query(() => Vacancy, { nullable: true, description: "A vacancy by id; null when unknown or not visible to the caller (drafts)." })
  async vacancy(@Ctx() ctx: Context, @Arg("id", () => ID, { description: "The vacancy's id." }) id: string): Promise<Vacancy | null> {
    const key = fromGlobalId("Vacancy", id);
    const vacancy = key == null ? null : await ctx.loaders.vacancyByKey.load(key);
    return vacancy && mayView(ctx.viewer, vacancy) ? vacancy : null;
  }

  @Query(() => VacancyFacets, {
    description:
      "Counts per agency, wave, level, language regime, province and region of the vacancies the caller may see under a filter, in one statement: a page's filter menus, asked beside `vacancies` with the same filter.",
  })
  async vacancyFacets(@Ctx() ctx: Context, @Arg("filter", () => VacancyFilter, filterArg) filter?: VacancyFilter | null): Promise<VacancyFacets> {
    const counts = await ctx.services.vacancies.facets(ctx.viewer, filter);
    const [agencies, waves, provinces, regions] = await Promise.all([
      ctx.loaders.agencyByCode.loadMany(counts.agencies.map((f) => f.key)),
      ctx.loaders.waveByKey.loadMany(counts.waves.map((f) => f.key)),
      ctx.loaders.provinceByCode.loadMany(counts.provinces.map((f) => f.key)),
      ctx.loaders.regionByCode.loadMany(counts.regions.map((f) => f.key)),
    ]);
    return Object.assign(new VacancyFacets(), {
      agencies: counts.agencies.map((f, i) => Object.assign(new AgencyFacet(), { agency: agencies[i], count: f.count })),
      waves: counts.waves.map((f, i) => Object.assign(new WaveFacet(), { wave: waves[i], count: f.count })),
      levels: counts.levels.map((f) => Object.assign(new LevelFacet(), { level: f.key, count: f.count })),
      languageRegimes: counts.languageRegimes.map((f) => Object.assign(new LanguageRegimeFacet(), { languageRegime: f.key, count: f.count })),
      provinces: counts.provinces.map((f, i) => Object.assign(new ProvinceFacet(), { province: provinces[i], count: f.count })),
      regions: counts.regions.map((f, i) => Object.assign(new RegionFacet(), { region: regions[i], count: f.count })),
    });
  }

  @FieldResolver(() => String, { description: "The vacancy's title." })
  title(@Root() v: Vacancy, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(v.titles, lang, info);
  }

  @FieldResolver(() => String, { nullable: true, description: "What the vacancy offers beyond its job profile." })
  description(
    @Root() v: Vacancy,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | null {
    return ctx.optionalText(v.descriptions, lang, info);
  }

  @FieldResolver(() => String, {
    description:
      'Where the job is based: the place\'s name in the asked language ("Brussel", "Bruxelles", "Brussels"), or the name it was given when it is not a known place.',
  })
  place(
    @Root() v: Vacancy,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | Promise<string> {
    if (v.placeKey == null) return v.placeName;
    const named = (place: Place | null) => (place ? ctx.text(place.names, lang, info) : v.placeName);
    // Without a promise when the process's copy of the places holds it (anonymous requests; src/context/reference-data.ts).
    const held = ctx.reference?.places.peek(v.placeKey);
    return held ? named(held) : ctx.loaders.placeByKey.load(v.placeKey).then(named);
  }

  @FieldResolver(() => Place, { nullable: true, description: "The place with its province and region; null when the vacancy's place is not a known one." })
  async location(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<Place | null> {
    return v.placeKey == null ? null : ctx.loaders.placeByKey.load(v.placeKey);
  }

  @FieldResolver(() => String, {
    description:
      "The languages the post requires, from its language regime (a Dutch-, French- or German-speaking or a bilingual post); the job profile's languageRequirement adds what the profile asks beyond that.",
  })
  languageRequirement(
    @Root() v: Vacancy,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string {
    return ctx.text(languageRequirementOf(v.languageRegime), lang, info);
  }

  @FieldResolver(() => Boolean, { description: "Whether applications are accepted right now: open, and the deadline (if any) not passed." })
  acceptsApplications(@Root() v: Vacancy): boolean {
    return acceptsApplications(v);
  }

  @FieldResolver(() => Agency, { description: "The recruiting agency." })
  agency(@Root() v: Vacancy, @Ctx() ctx: Context): Agency | Promise<Agency> {
    return ctx.reference?.agencies.peek(v.agencyCode) ?? ctx.loaders.agencyByCode.load(v.agencyCode).then((found) => found!);
  }

  @FieldResolver(() => Wave, { description: "The wave the vacancy was released in." })
  wave(@Root() v: Vacancy, @Ctx() ctx: Context): Wave | Promise<Wave> {
    return ctx.reference?.waves.peek(v.waveKey) ?? ctx.loaders.waveByKey.load(v.waveKey).then((found) => found!);
  }

  @FieldResolver(() => Campaign, { description: "The campaign the vacancy belongs to." })
  async campaign(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<Campaign> {
    return (await ctx.loaders.campaignByKey.load(v.campaignKey))!;
  }

  @FieldResolver(() => JobProfile, { description: "The job profile: what the job is and requires." })
  jobProfile(@Root() v: Vacancy, @Ctx() ctx: Context): JobProfile | Promise<JobProfile> {
    return ctx.reference?.jobProfiles.peek(v.jobProfileKey) ?? ctx.loaders.jobProfileByKey.load(v.jobProfileKey).then((found) => found!);
  }

  @FieldResolver(() => SalaryScale, { nullable: true, description: "The salary scale the job starts in (the job profile's)." })
  async salaryScale(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<SalaryScale | null> {
    const profile = await ctx.loaders.jobProfileByKey.load(v.jobProfileKey);
    return profile?.salaryScaleCode ? ctx.loaders.salaryScaleByCode.load(profile.salaryScaleCode) : null;
  }

  @FieldResolver(() => SelectionProcedure, { description: "How the vacancy selects: exam parts and pass marks." })
  async procedure(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<SelectionProcedure> {
    const parts = await ctx.loaders.examPartsByVacancy.load(v.key);
    return Object.assign(new SelectionProcedure(), { parts, overallPassPercent: v.overallPassPercent });
  }

  @FieldResolver(() => [TestSession], { description: "Scheduled test sessions for this vacancy that have not started yet, soonest first, with seats left." })
  upcomingTestSessions(
    @Root() v: Vacancy,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: UPCOMING_SESSIONS_DEFAULT, description: "How many sessions at most (0 to 100)." }) first: number,
  ): Promise<TestSession[]> {
    return ctx.loaders.upcomingSessionsByVacancy(pageSize(first)).load(v.key);
  }
}

@Resolver(() => Campaign)
export class CampaignVacanciesResolver {
  @FieldResolver(() => VacancyConnection, { description: "The campaign's vacancies the caller may see, filtered and ordered like Query.vacancies." })
  async vacancies(
    @Root() campaign: Campaign,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg("filter", () => VacancyFilter, filterArg) filter?: VacancyFilter | null,
    @Arg("orderBy", () => VacancyOrder, orderArg) orderBy?: VacancyOrder | null,
  ): Promise<VacancyConnection> {
    const include = pageIncludes(info);
    return connectionOf(ctx, include, await ctx.services.vacancies.list(ctx.viewer, filter, orderBy, page, { campaignKey: campaign.key }, include));
  }
}

@Resolver(() => ExamPart)
export class ExamPartResolver {
  @FieldResolver(() => String, { description: 'The part\'s name as the public reads it, e.g. "Épreuve écrite".' })
  title(@Root() part: ExamPart, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(part.titles, lang, info);
  }
}

/**
 * What a page of vacancies reads in its own statement (VacancyService.list): the total when `totalCount` is selected,
 * and each vacancy's upcoming sessions when every `upcomingTestSessions` under `edges.node` asks for the same, valid
 * `first` (otherwise each asks its loader, and an invalid `first` gets its error there, on its own path).
 */
function pageIncludes(info: GraphQLResolveInfo): PageIncludes {
  const include: PageIncludes = { totalCount: selectedAt(info, ["totalCount"]).length > 0 };
  const sessions = selectedAt(info, ["edges", "node", "upcomingTestSessions"]);
  if (sessions.length === 0) return include;
  const field = (info.schema.getType("Vacancy") as GraphQLObjectType).getFields().upcomingTestSessions;
  const limits = new Set(sessions.map((node) => getArgumentValues(field, node, info.variableValues).first));
  const [limit] = limits;
  if (limits.size === 1 && typeof limit === "number" && Number.isInteger(limit) && limit >= 0 && limit <= MAX_PAGE_SIZE) include.upcomingSessions = limit;
  return include;
}

/** The connection, with the loader of the page's upcoming sessions primed when the page's statement read them. */
function connectionOf(ctx: Context, include: PageIncludes, page: VacancyPage): VacancyConnection {
  if (page.upcomingSessions && include.upcomingSessions !== undefined) {
    const loader = ctx.loaders.upcomingSessionsByVacancy(include.upcomingSessions);
    for (const [vacancyKey, sessions] of page.upcomingSessions) loader.prime(vacancyKey, sessions);
  }
  return VacancyConnection.of(page);
}
