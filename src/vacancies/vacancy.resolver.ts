import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Agency } from "../agencies/agency.type";
import { Campaign, Wave } from "../campaigns/campaign.type";
import { PageArgs, pageSize } from "../common/connection";
import { fromGlobalId } from "../common/global-id";
import { Language, langArg } from "../common/language";
import { pickOptionalText, pickText } from "../common/localized-text";
import { JobProfile, SalaryScale } from "../job-profiles/job-profile.type";
import type { Context } from "../context/context";
import { TestSession } from "../test-sessions/test-session.type";
import { acceptsApplications, mayView } from "./vacancy.service";
import { SelectionProcedure, Vacancy, VacancyConnection, VacancyFilter, VacancyOrder } from "./vacancy.type";

const filterArg = { nullable: true, description: "Which vacancies to list." } as const;
const orderArg = { nullable: true, description: "Order of the list. Default: most recently published first." } as const;

@Resolver(() => Vacancy)
export class VacancyResolver {
  @Query(() => VacancyConnection, { description: "Vacancies the caller may see, filtered and ordered. The public sees every published vacancy, never drafts." })
  async vacancies(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => VacancyFilter, filterArg) filter?: VacancyFilter | null,
    @Arg("orderBy", () => VacancyOrder, orderArg) orderBy?: VacancyOrder | null,
  ): Promise<VacancyConnection> {
    return VacancyConnection.of(await ctx.services.vacancies.list(ctx.viewer, filter, orderBy, page));
  }

  @Query(() => Vacancy, { nullable: true, description: "A vacancy by id; null when unknown or not visible to the caller (drafts)." })
  async vacancy(@Ctx() ctx: Context, @Arg("id", () => ID, { description: "The vacancy's id." }) id: string): Promise<Vacancy | null> {
    const key = fromGlobalId("Vacancy", id);
    const vacancy = key == null ? null : await ctx.loaders.vacancyByKey.load(key);
    return vacancy && mayView(ctx.viewer, vacancy) ? vacancy : null;
  }

  @FieldResolver(() => String, { description: "The vacancy's title." })
  title(@Root() v: Vacancy, @Ctx() ctx: Context, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return pickText(v.titles, ctx.lang(lang));
  }

  @FieldResolver(() => String, { nullable: true, description: "What the vacancy offers beyond its job profile." })
  description(@Root() v: Vacancy, @Ctx() ctx: Context, @Arg("lang", () => Language, langArg) lang?: Language | null): string | null {
    return pickOptionalText(v.descriptions, ctx.lang(lang));
  }

  @FieldResolver(() => Boolean, { description: "Whether applications are accepted right now: open, and the deadline (if any) not passed." })
  acceptsApplications(@Root() v: Vacancy): boolean {
    return acceptsApplications(v);
  }

  @FieldResolver(() => Agency, { description: "The recruiting agency." })
  async agency(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<Agency> {
    return (await ctx.loaders.agencyByCode.load(v.agencyCode))!;
  }

  @FieldResolver(() => Wave, { description: "The wave the vacancy was released in." })
  async wave(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<Wave> {
    return (await ctx.loaders.waveByKey.load(v.waveKey))!;
  }

  @FieldResolver(() => Campaign, { description: "The campaign the vacancy belongs to." })
  async campaign(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<Campaign> {
    return (await ctx.loaders.campaignByKey.load(v.campaignKey))!;
  }

  @FieldResolver(() => JobProfile, { description: "The job profile: what the job is and requires." })
  async jobProfile(@Root() v: Vacancy, @Ctx() ctx: Context): Promise<JobProfile> {
    return (await ctx.loaders.jobProfileByKey.load(v.jobProfileKey))!;
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
    @Arg("first", () => Int, { defaultValue: 5, description: "How many sessions at most (0 to 100)." }) first: number,
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
    @Args() page: PageArgs,
    @Arg("filter", () => VacancyFilter, filterArg) filter?: VacancyFilter | null,
    @Arg("orderBy", () => VacancyOrder, orderArg) orderBy?: VacancyOrder | null,
  ): Promise<VacancyConnection> {
    return VacancyConnection.of(await ctx.services.vacancies.list(ctx.viewer, filter, orderBy, page, { campaignKey: campaign.key }));
  }
}
