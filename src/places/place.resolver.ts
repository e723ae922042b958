import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Language, langArg } from "../common/language";
import type { Context } from "../context/context";
import { Place, Province, Region } from "./place.type";

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => [Place], { description: "Every known place where posts are based or tests are held, by Dutch name: a filter menu's options." })
  places(@Ctx() ctx: Context): Promise<Place[]> {
    return ctx.services.places.list();
  }

  @FieldResolver(() => String, { description: 'The place\'s name, e.g. "Brussel", "Bruxelles", "Brussels".' })
  name(@Root() place: Place, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(place.names, lang, info);
  }

  @FieldResolver(() => Province, { nullable: true, description: "The province the place lies in; null in the Brussels-Capital Region, which has none." })
  async province(@Root() place: Place, @Ctx() ctx: Context): Promise<Province | null> {
    return place.provinceCode ? ctx.loaders.provinceByCode.load(place.provinceCode) : null;
  }

  @FieldResolver(() => Region, { description: "The region the place lies in." })
  async region(@Root() place: Place, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.regionByCode.load(place.regionCode))!;
  }
}

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => String, { description: "The province's name." })
  name(
    @Root() province: Province,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string {
    return ctx.text(province.names, lang, info);
  }

  @FieldResolver(() => Region, { description: "The region the province lies in." })
  async region(@Root() province: Province, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.regionByCode.load(province.regionCode))!;
  }
}

@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => String, { description: "The region's name." })
  name(@Root() region: Region, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(region.names, lang, info);
  }
}
