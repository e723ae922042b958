import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { PageArgs } from "../common/connection";
import type { Context } from "../context/context";
import { readerOf } from "./audience";
import { EventType } from "./event-types";
import { Event, EventConnection } from "./event.type";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, {
    description:
      "The change feed, in commit order: follow pageInfo.endCursor and you see every event you may read exactly once, however many writers commit at once. An agency's HR systems read their own agency's events and public ones; the taskforce those without candidate references; anonymous callers public ones (published vacancies, test sessions).",
  })
  async events(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("types", () => [EventType], { nullable: true, description: "Only these kinds of event (default: all)." }) types?: EventType[] | null,
  ): Promise<EventConnection> {
    return EventConnection.of(await ctx.services.events.feed(readerOf(ctx.viewer), { ...page, types }));
  }
}
