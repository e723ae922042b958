import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Agency } from "../agencies/agency.type";
import { Language, langArg } from "../common/language";
import { pickOptionalText, pickText } from "../common/localized-text";
import type { Context } from "../context/context";
import { Campaign, Wave } from "./campaign.type";

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
  name(@Root() campaign: Campaign, @Ctx() ctx: Context, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return pickText(campaign.names, ctx.lang(lang));
  }

  @FieldResolver(() => String, { nullable: true, description: "What the campaign is about." })
  description(@Root() campaign: Campaign, @Ctx() ctx: Context, @Arg("lang", () => Language, langArg) lang?: Language | null): string | null {
    return pickOptionalText(campaign.descriptions, ctx.lang(lang));
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
  name(@Root() wave: Wave, @Ctx() ctx: Context, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return pickText(wave.names, ctx.lang(lang));
  }

  @FieldResolver(() => String, { nullable: true, description: "Which posts the wave releases." })
  description(@Root() wave: Wave, @Ctx() ctx: Context, @Arg("lang", () => Language, langArg) lang?: Language | null): string | null {
    return pickOptionalText(wave.descriptions, ctx.lang(lang));
  }

  @FieldResolver(() => Campaign, { description: "The campaign the wave belongs to." })
  async campaign(@Root() wave: Wave, @Ctx() ctx: Context): Promise<Campaign> {
    return (await ctx.loaders.campaignByKey.load(wave.campaignKey))!;
  }
}
