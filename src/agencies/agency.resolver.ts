import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Info } from "type-graphql";
import { Language, langArg } from "../common/language";
import type { Context } from "../context/context";
import { Agency } from "./agency.type";

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: "The four agencies, by code." })
  agencies(@Ctx() ctx: Context): Promise<Agency[]> {
    return ctx.services.agencies.list();
  }

  @FieldResolver(() => String, { description: "The agency's name, in the requested language (default: Accept-Language, then Dutch)." })
  name(@Root() agency: Agency, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return ctx.text(agency.names, lang, info);
  }
}
