import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumObject } from "../common/enum-object";
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatusValue } from "../db/tables";
import { Connection } from "../common/connection";
import { Node } from "../common/node";
import { UserError, withCodes } from "../common/user-error";
import { EventType } from "../events/event-types";
import { Event } from "../events/event.type";
import { WEBHOOK_OPERATION_CODES as CODES, type WebhookCode } from "./webhook.errors";

export const WebhookDeliveryStatus = enumObject(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = WebhookDeliveryStatusValue;

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Not yet delivered: waiting for its first attempt, for an earlier event of the same subject, or for a retry (nextAttemptAt)." },
    DELIVERED: { description: "The receiver answered 2xx." },
    DEAD: { description: "Every attempt of the retry schedule failed (27 hours): dead-lettered. redeliverWebhook queues it again." },
  },
});

@ObjectType({ implements: Node, description: "Where an API client has its events delivered, signed with the endpoint's secret (Standard Webhooks)." })
export class WebhookEndpoint {
  @Field(() => ID, { description: "Opaque global id." })
  id!: string;

  key!: number;
  clientKey!: number;

  @Field({ description: "Where deliveries are POSTed." })
  url!: string;

  @Field(() => [EventType], { nullable: true, description: "The kinds of event delivered; null: every kind the owner may read." })
  eventTypes!: EventType[] | null;

  @Field({ description: "false once disabled: no new deliveries are created and pending ones wait until it is enabled again." })
  enabled!: boolean;

  @Field({ description: 'The first characters of the signing secret ("whsec_" and 4 more), to tell secrets apart; never enough to sign.' })
  secretPrefix!: string;

  @Field(() => Date, { nullable: true, description: "Until when the secret replaced by the last rotation still signs too (deliveries carry both signatures)." })
  previousSecretExpiresAt!: Date | null;

  @Field(() => Int, { description: "The sequence number of the latest delivery created for this endpoint (0: none yet). Sequence numbers are consecutive." })
  lastSequence!: number;

  @Field(() => Date, { description: "When the endpoint was registered: it receives the events recorded from then on." })
  createdAt!: Date;
}

@ObjectType({ description: "One attempt to deliver: when, how long it took, what came back." })
export class WebhookAttempt {
  @Field(() => Date, { description: "When the request was sent." })
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when no answer came (see error)." })
  responseStatus!: number | null;

  @Field(() => Int, { description: "Milliseconds from sending to the answer (or to the failure)." })
  latencyMs!: number;

  @Field({ description: "Whether the receiver answered 2xx." })
  succeeded!: boolean;

  @Field(() => String, { nullable: true, description: "Why no answer came: timeout, connection refused, address not allowed, ... (never the response body)." })
  error!: string | null;
}

@ObjectType({ implements: Node, description: "One event for one endpoint, with every attempt to deliver it." })
export class WebhookDelivery {
  @Field(() => ID, { description: "Opaque global id (redeliverWebhook takes it)." })
  id!: string;

  key!: number;
  eventKey!: number;

  @Field(() => Int, {
    description: "This endpoint's sequence number of the delivery: consecutive, so a gap on the receiver's side shows a delivery it missed.",
  })
  sequence!: number;

  @Field(() => Event, { description: "What is delivered." })
  event!: Event;

  @Field(() => WebhookDeliveryStatus, { description: "Where the delivery stands." })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: "Attempts since it was (re)queued; the retry schedule counts these." })
  attemptCount!: number;

  @Field(() => Date, {
    nullable: true,
    description: "When the next attempt is due, while PENDING after a failed attempt; null when due at once or not pending.",
  })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the receiver accepted it." })
  deliveredAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The status of the latest answer." })
  lastResponseStatus!: number | null;

  @Field(() => [WebhookAttempt], { description: "Every attempt, oldest first." })
  attempts!: WebhookAttempt[];
}

export const WebhookEndpointConnection = Connection(WebhookEndpoint, "WebhookEndpoint", "webhook endpoint");
export type WebhookEndpointConnection = InstanceType<typeof WebhookEndpointConnection>;
export const WebhookDeliveryConnection = Connection(WebhookDelivery, "WebhookDelivery", "webhook delivery");
export type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

@InputType({ description: "A new webhook endpoint." })
export class CreateWebhookEndpointInput {
  @Field({ description: "Where to POST deliveries: http(s), a public address (private and loopback ones are refused unless the operator allows them)." })
  url!: string;

  @Field(() => [EventType], { nullable: true, description: "The kinds of event to deliver; leave out for every kind you may read." })
  eventTypes?: EventType[] | null;
}

@ObjectType({ description: withCodes("The outcome of createWebhookEndpoint.", CODES.createWebhookEndpoint) })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: "The endpoint; null when refused." })
  webhookEndpoint!: WebhookEndpoint | null;

  @Field(() => String, { nullable: true, description: "The signing secret, shown this once: verify every delivery's webhook-signature with it." })
  secret!: string | null;

  @Field(() => [UserError], { description: "Why nothing was created; empty on success." })
  userErrors!: UserError<WebhookCode<"createWebhookEndpoint">>[];
}

@InputType({ description: "Which endpoint." })
export class WebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint." })
  endpointId!: string;
}

/** The payload of disableWebhookEndpoint or enableWebhookEndpoint, named after it, with the codes it returns. */
function statusPayload<Op extends "disableWebhookEndpoint" | "enableWebhookEndpoint">(operation: Op) {
  @ObjectType(`${operation[0].toUpperCase()}${operation.slice(1)}Payload`, { description: withCodes(`The outcome of ${operation}.`, CODES[operation]) })
  class StatusPayload {
    @Field(() => WebhookEndpoint, { nullable: true, description: "The endpoint as it is now; null when refused." })
    webhookEndpoint!: WebhookEndpoint | null;

    @Field(() => [UserError], { description: "Why nothing changed; empty on success." })
    userErrors!: UserError<WebhookCode<Op>>[];
  }
  return StatusPayload;
}
export const DisableWebhookEndpointPayload = statusPayload("disableWebhookEndpoint");
export const EnableWebhookEndpointPayload = statusPayload("enableWebhookEndpoint");

@ObjectType({ description: withCodes("The outcome of rotateWebhookSecret.", CODES.rotateWebhookSecret) })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: "The endpoint; null when refused." })
  webhookEndpoint!: WebhookEndpoint | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The new secret, shown this once. For 24 hours deliveries carry a signature by the old secret too, so receivers can switch over without a gap.",
  })
  secret!: string | null;

  @Field(() => [UserError], { description: "Why nothing changed; empty on success." })
  userErrors!: UserError<WebhookCode<"rotateWebhookSecret">>[];
}

@ObjectType({ description: withCodes("The outcome of deleteWebhookEndpoint.", CODES.deleteWebhookEndpoint) })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { nullable: true, description: "The id of the deleted endpoint; null when refused." })
  deletedEndpointId!: string | null;

  @Field(() => [UserError], { description: "Why nothing was deleted; empty on success." })
  userErrors!: UserError<WebhookCode<"deleteWebhookEndpoint">>[];
}

@InputType({ description: "Deliveries to send again: one (deliveryId) or a range of this endpoint's sequence numbers (fromSequence to toSequence)." })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: "The endpoint." })
  endpointId!: string;

  @Field(() => ID, { nullable: true, description: "One delivery." })
  deliveryId?: string | null;

  @Field(() => Int, { nullable: true, description: "The first sequence number of a range." })
  fromSequence?: number | null;

  @Field(() => Int, { nullable: true, description: "The last sequence number of a range (at most 10000 deliveries at once)." })
  toSequence?: number | null;
}

@ObjectType({ description: withCodes("The outcome of redeliverWebhook.", CODES.redeliverWebhook) })
export class RedeliverWebhookPayload {
  @Field(() => Int, { description: "How many deliveries were queued again (as PENDING, due now, with a fresh retry schedule)." })
  queuedCount!: number;

  @Field(() => [UserError], { description: "Why nothing was queued; empty on success." })
  userErrors!: UserError<WebhookCode<"redeliverWebhook">>[];
}
