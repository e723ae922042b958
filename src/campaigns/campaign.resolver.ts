import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Info } from "type-graphql";
import { Agency } from "../agencies/agency.type";
import { Language, langArg } from "../common/language";
import type { Context } from "../context/context";
import { AGENCY_CODES } from "../db/tables";
import { Campaign, Wave } from "./campaign.type";
import type { ProgressRow } from "./campaign.service";
import { AgencyProgress, CampaignProgress, JobProfileProgress, WaveProgress, type ProgressFigures } from "./progress.type";
import type { JobProfile } from "../job-profiles/job-profile.type";

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true, description: "A campaign by slug; without a slug, the most recent campaign. Null when no campaign has that slug." })
  campaign(
    @Ctx() ctx: Context,
    @Arg("slug", () => String, { nullable: true, description: "The campaign's slug, e.g. asiel-migratie-2021." }) slug?: string | null,
  ): Promise<Campaign | null> {
    return ctx.services.campaigns.bySlug(slug);
  }

  @FieldResolver(() => String, { description: "The campaign's name." })
  name(
    @Root() campaign: Campaign,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string {
    return ctx.text(campaign.names, lang, info);
  }

  @FieldResolver(() => String, { nullable: true, description: "What the campaign is about." })
  description(
    @Root() campaign: Campaign,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | null {
    return ctx.optionalText(campaign.descriptions, lang, info);
  }

  @FieldResolver(() => Int, { description: "How many people have been hired so far, across all the campaign's vacancies." })
  async hiredCount(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.campaignFigures.load(campaign.key)).hired;
  }

  @FieldResolver(() => Int, { description: "How many of the campaign's vacancies accept applications now (status OPEN)." })
  async openVacancyCount(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.campaignFigures.load(campaign.key)).openVacancies;
  }

  @FieldResolver(() => Int, { description: "The headcount targets of the open vacancies, summed: how many posts one can apply for now." })
  async openPostCount(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.campaignFigures.load(campaign.key)).openPosts;
  }

  @FieldResolver(() => CampaignProgress, {
    description: 'Public progress: posts, hires and open posts in total and per agency, wave and job profile, for "N of 700 filled" and its breakdowns.',
  })
  async progress(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<CampaignProgress> {
    const rows = await ctx.loaders.campaignProgress.load(campaign.key);
    const figures = (row: ProgressRow): ProgressFigures => ({
      target: row.target,
      hired: row.hired,
      openPosts: row.openPosts,
      openVacancies: row.openVacancies,
    });
    const agencyRows = rows.filter((r) => r.agencyCode != null).sort((a, b) => AGENCY_CODES.indexOf(a.agencyCode!) - AGENCY_CODES.indexOf(b.agencyCode!));
    const waveRows = rows.filter((r) => r.waveKey != null);
    const profileRows = rows.filter((r) => r.jobProfileKey != null);
    const [agencies, waves, profiles] = await Promise.all([
      ctx.loaders.agencyByCode.loadMany(agencyRows.map((r) => r.agencyCode!)),
      ctx.loaders.waveByKey.loadMany(waveRows.map((r) => r.waveKey!)),
      ctx.loaders.jobProfileByKey.loadMany(profileRows.map((r) => r.jobProfileKey!)),
    ]);
    const sum = (key: keyof ProgressFigures) => agencyRows.reduce((total, r) => total + r[key], 0);
    return Object.assign(new CampaignProgress(), {
      target: sum("target"),
      hired: sum("hired"),
      openPosts: sum("openPosts"),
      openVacancies: sum("openVacancies"),
      byAgency: agencyRows.map((r, i) => Object.assign(new AgencyProgress(), figures(r), { agency: agencies[i] })),
      byWave: waveRows.map((r, i) => Object.assign(new WaveProgress(), figures(r), { wave: waves[i] as Wave })).sort((a, b) => a.wave.number - b.wave.number),
      byJobProfile: profileRows
        .map((r, i) => Object.assign(new JobProfileProgress(), figures(r), { jobProfile: profiles[i] as JobProfile }))
        .sort((a, b) => (a.jobProfile.functionCode < b.jobProfile.functionCode ? -1 : 1)),
    });
  }

  @FieldResolver(() => [Wave], { description: "The campaign's waves, by number." })
  waves(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<Wave[]> {
    return ctx.loaders.wavesByCampaign.load(campaign.key);
  }

  @FieldResolver(() => [Agency], { description: "The agencies recruiting in the campaign, by code." })
  async agencies(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<Agency[]> {
    const codes = await ctx.loaders.agencyCodesByCampaign.load(campaign.key);
    const agencies = await ctx.loaders.agencyByCode.loadMany(codes);
    return agencies.filter((a): a is Agency => a != null && !(a instanceof Error));
  }
}

@Resolver(() => Wave)
export class WaveResolver {
  @FieldResolver(() => String, { description: 'The wave\'s name, e.g. "Golf 1".' })
  name(@Root() wave: Wave, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(wave.names, lang, info);
  }

  @FieldResolver(() => String, { nullable: true, description: "Which posts the wave releases." })
  description(
    @Root() wave: Wave,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string | null {
    return ctx.optionalText(wave.descriptions, lang, info);
  }

  @FieldResolver(() => Campaign, { description: "The campaign the wave belongs to." })
  async campaign(@Root() wave: Wave, @Ctx() ctx: Context): Promise<Campaign> {
    return (await ctx.loaders.campaignByKey.load(wave.campaignKey))!;
  }
}
