import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Language, langArg } from "../common/language";
import { brusselsDate, isoWeek } from "../common/brussels-time";
import { PageArgs } from "../common/connection";
import { DateScalar } from "../common/scalars";
import type { Context } from "../context/context";
import { mayView } from "../vacancies/vacancy.service";
import { Vacancy } from "../vacancies/vacancy.type";
import { TestSession, TestSessionConnection, TestSessionFilter } from "./test-session.type";

@Resolver(() => TestSession)
export class TestSessionResolver {
  @Query(() => TestSessionConnection, { description: "Test sessions by start time. Default: upcoming scheduled sessions of every campaign." })
  async testSessions(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => TestSessionFilter, { nullable: true, description: "Which sessions to list." }) filter?: TestSessionFilter | null,
  ): Promise<TestSessionConnection> {
    return TestSessionConnection.of(await ctx.services.testSessions.list(filter, page));
  }

  @FieldResolver(() => String, { description: 'Where the session takes place, in the asked language, e.g. "Selor, testcentrum Brussel (WTC III)".' })
  place(
    @Root() session: TestSession,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("lang", () => Language, langArg) lang?: Language | null,
  ): string {
    return session.placeNames ? ctx.text(session.placeNames, lang, info) : session.placeName;
  }

  @FieldResolver(() => DateScalar, { description: "The session's calendar date in Brussels." })
  date(@Root() session: TestSession): string {
    return brusselsDate(session.startsAt);
  }

  @FieldResolver({ description: "The ISO week of the session in Brussels, e.g. 2021-W29." })
  isoWeek(@Root() session: TestSession): string {
    return isoWeek(brusselsDate(session.startsAt));
  }

  @FieldResolver(() => Date, { description: "When the session ends." })
  endsAt(@Root() session: TestSession): Date {
    return new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
  }

  @FieldResolver(() => [Vacancy], { description: "The vacancies the session tests (those the caller may see)." })
  async vacancies(@Root() session: TestSession, @Ctx() ctx: Context): Promise<Vacancy[]> {
    const vacancies = await ctx.loaders.vacanciesBySession.load(session.key);
    return vacancies.filter((v) => mayView(ctx.viewer, v));
  }
}
