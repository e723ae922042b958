import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { payload } from "../common/user-error";
import { PageArgs } from "../common/connection";
import { badUserInput } from "../common/errors";
import { Event } from "../events/event.type";
import type { Context } from "../context/context";
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  RedeliverWebhookInput,
  RedeliverWebhookPayload,
  RotateWebhookSecretPayload,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointConnection,
  WebhookEndpointInput,
  DisableWebhookEndpointPayload,
  EnableWebhookEndpointPayload,
} from "./webhook.type";

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Authorized()
  @Query(() => WebhookEndpointConnection, { description: "Your API client's webhook endpoints, oldest first (an administrator sees every client's)." })
  async webhookEndpoints(@Ctx() ctx: Context, @Args() page: PageArgs): Promise<WebhookEndpointConnection> {
    return WebhookEndpointConnection.of(await ctx.services.webhooks.list(ctx.viewer, page));
  }

  @Authorized()
  @Query(() => WebhookDeliveryConnection, {
    description: "One of your endpoints' deliveries, newest first, each with every attempt (status, response code, latency, next retry).",
  })
  async webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg("endpointId", () => ID, { description: "The endpoint." }) endpointId: string,
    @Args() page: PageArgs,
    @Arg("status", () => WebhookDeliveryStatus, { nullable: true, description: "Only deliveries in this state." }) status?: WebhookDeliveryStatus | null,
  ): Promise<WebhookDeliveryConnection> {
    const result = await ctx.services.webhooks.deliveries(ctx.viewer, endpointId, page, status ?? null);
    if (!result) throw badUserInput("endpointId: you have no webhook endpoint with this id.", "endpointId");
    return WebhookDeliveryConnection.of(result as never);
  }

  @Authorized()
  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      "Register a URL to receive events as signed webhooks (Standard Webhooks). The payload carries the signing secret, shown this once. The endpoint receives what your key may read in the events feed, from now on.",
  })
  async createWebhookEndpoint(
    @Ctx() ctx: Context,
    @Arg("input", () => CreateWebhookEndpointInput, { description: "The endpoint." }) input: CreateWebhookEndpointInput,
  ): Promise<CreateWebhookEndpointPayload> {
    return payload(CreateWebhookEndpointPayload, await ctx.services.webhooks.create(ctx.viewer, input));
  }

  @Authorized()
  @Mutation(() => DisableWebhookEndpointPayload, { description: "Stop creating deliveries for an endpoint; pending ones wait until it is enabled again." })
  async disableWebhookEndpoint(
    @Ctx() ctx: Context,
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
  ): Promise<InstanceType<typeof DisableWebhookEndpointPayload>> {
    return payload(DisableWebhookEndpointPayload, await ctx.services.webhooks.disable(ctx.viewer, input.endpointId));
  }

  @Authorized()
  @Mutation(() => EnableWebhookEndpointPayload, {
    description:
      "Deliver to a disabled endpoint again: its pending deliveries go out, and new events are delivered (those recorded while disabled are not: read them from the feed).",
  })
  async enableWebhookEndpoint(
    @Ctx() ctx: Context,
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
  ): Promise<InstanceType<typeof EnableWebhookEndpointPayload>> {
    return payload(EnableWebhookEndpointPayload, await ctx.services.webhooks.enable(ctx.viewer, input.endpointId));
  }

  @Authorized()
  @Mutation(() => RotateWebhookSecretPayload, {
    description: "Give an endpoint a new signing secret, shown this once; the old one goes on signing beside it for 24 hours.",
  })
  async rotateWebhookSecret(
    @Ctx() ctx: Context,
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
  ): Promise<RotateWebhookSecretPayload> {
    return payload(RotateWebhookSecretPayload, await ctx.services.webhooks.rotateSecret(ctx.viewer, input.endpointId));
  }

  @Authorized()
  @Mutation(() => DeleteWebhookEndpointPayload, { description: "Delete an endpoint with its deliveries (the events stay in the feed)." })
  async deleteWebhookEndpoint(
    @Ctx() ctx: Context,
    @Arg("input", () => WebhookEndpointInput, { description: "Which endpoint." }) input: WebhookEndpointInput,
  ): Promise<DeleteWebhookEndpointPayload> {
    return payload(DeleteWebhookEndpointPayload, await ctx.services.webhooks.delete(ctx.viewer, input.endpointId));
  }

  @Authorized()
  @Mutation(() => RedeliverWebhookPayload, {
    description:
      "Send deliveries again: one, or a range of the endpoint's sequence numbers (dead-lettered, delivered or pending alike), due now with a fresh retry schedule.",
  })
  async redeliverWebhook(
    @Ctx() ctx: Context,
    @Arg("input", () => RedeliverWebhookInput, { description: "Which deliveries." }) input: RedeliverWebhookInput,
  ): Promise<RedeliverWebhookPayload> {
    return payload(RedeliverWebhookPayload, await ctx.services.webhooks.redeliver(ctx.viewer, input));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => Event, { description: "What is delivered." })
  async event(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context): Promise<Event> {
    return (await ctx.loaders.eventByKey.load(delivery.eventKey))!;
  }

  @FieldResolver(() => [WebhookAttempt], { description: "Every attempt, oldest first." })
  attempts(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context): Promise<WebhookAttempt[]> {
    return ctx.loaders.attemptsByDelivery.load(delivery.key);
  }
}
