import DataLoader from "dataloader";
import { inKeyOrder } from "../common/loader";
import type { EventService } from "../events/event.service";
import type { Event } from "../events/event.type";
import type { WebhookEndpointService } from "./webhook-endpoint.service";
import type { WebhookAttempt } from "./webhook.type";

export function createWebhookLoaders(events: EventService, endpoints: WebhookEndpointService) {
  return {
    /** Unchecked: for deliveries, whose endpoint's owner may read their events. */
    eventByKey: new DataLoader<number, Event | null>(async (keys) => inKeyOrder(keys, await events.byKeys(keys), (e) => e.key)),
    attemptsByDelivery: new DataLoader<number, WebhookAttempt[]>(async (keys) => endpoints.attemptsOf(keys)),
  };
}
