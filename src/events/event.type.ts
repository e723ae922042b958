import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { AgencyCode } from "../agencies/agency.type";
import { Connection } from "../common/connection";
import { Node } from "../common/node";
import { EventType } from "./event-types";

@ObjectType({
  implements: Node,
  description:
    "One change, as the events feed and webhooks carry it: ids, codes and stages, never personal data (read details through the API with your own key).",
})
export class Event {
  @Field(() => ID, { description: "Opaque global id; webhooks send it as the webhook-id header, the same on every retry, so receivers can ignore repeats." })
  id!: string;

  key!: number;
  position!: number;

  @Field(() => EventType, { description: "What happened." })
  type!: EventType;

  @Field({ description: 'The dotted name webhook bodies carry as "type", e.g. application.moved.' })
  typeName!: string;

  @Field(() => Date, { description: "When the change was written (its transaction's clock)." })
  recordedAt!: Date;

  @Field(() => AgencyCode, { nullable: true, description: "The agency the event concerns; null for campaign-wide ones (test sessions, weekly reports)." })
  agencyCode!: AgencyCode | null;

  @Field(() => GraphQLJSONObject, {
    description: 'The event\'s data, exactly as webhook bodies carry it under "data": ids (opaque, as the API shows them), codes, stages, times.',
  })
  payload!: Record<string, unknown>;
}

export const EventConnection = Connection(Event, "Event", "event");
export type EventConnection = InstanceType<typeof EventConnection>;
