import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { Role } from "../auth/role";
import type { Viewer } from "../auth/viewer";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import { userError, type UserError } from "../common/user-error";
import { selectRows, type Db } from "../db/client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/tables";
import { mayRead } from "../events/audience";
import { possibleAudiences, typeOfWire, wireName, type EventType } from "../events/event-types";
import { DUE_AT_ONCE } from "./fan-out";
import { generateSecret } from "./signing";
import { checkUrlForm, checkUrlTarget, type AllowedNetworks } from "./webhook-url";
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from "./webhook.type";
import { WebhookErrorCode, type WebhookCode } from "./webhook.errors";

/** Endpoints one API client may register. */
export const MAX_ENDPOINTS_PER_CLIENT = 10;
/** Deliveries one redeliverWebhook may queue. */
export const MAX_REDELIVERIES = 10_000;
/** How long a rotated-out secret goes on signing beside the new one. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export function toWebhookEndpoint(row: EndpointRow): WebhookEndpoint {
  return Object.assign(new WebhookEndpoint(), {
    id: toGlobalId("WebhookEndpoint", row.id),
    key: row.id,
    clientKey: row.clientId,
    url: row.url,
    eventTypes: row.eventTypes ? row.eventTypes.map((t) => typeOfWire(t)!) : null,
    enabled: row.status === "ACTIVE",
    secretPrefix: row.secret.slice(0, 10),
    previousSecretExpiresAt: row.previousSecret ? row.previousSecretExpiresAt : null,
    lastSequence: row.lastSequence,
    createdAt: row.createdAt,
  });
}

function toDelivery(row: DeliveryRow): Omit<WebhookDelivery, "event" | "attempts"> {
  return {
    id: toGlobalId("WebhookDelivery", row.id),
    key: row.id,
    eventKey: row.eventId,
    sequence: row.sequence,
    status: row.status,
    attemptCount: row.attempts,
    nextAttemptAt: row.status === "PENDING" && row.nextAttemptAt > new Date(DUE_AT_ONCE) ? row.nextAttemptAt : null,
    deliveredAt: row.deliveredAt,
    lastResponseStatus: row.lastResponseStatus,
  };
}

const endpointCursors = new CursorCodec<[number]>("webhookEndpoints", (v): v is [number] => v.length === 1 && Number.isSafeInteger(v[0]));
const deliveryCursors = new CursorCodec<[number]>("webhookDeliveries", (v): v is [number] => v.length === 1 && Number.isSafeInteger(v[0]));

/** `C`: the codes of the operation (WEBHOOK_OPERATION_CODES). */
type Outcome<C extends WebhookErrorCode> = { webhookEndpoint: WebhookEndpoint | null; userErrors: UserError<C>[] };
const refused = <C extends WebhookErrorCode>(code: C, message: string, ...field: string[]): Outcome<C> => ({
  webhookEndpoint: null,
  userErrors: [userError(code, message, ["input", ...field])],
});
const notFound = () => refused(WebhookErrorCode.ENDPOINT_NOT_FOUND, "You have no webhook endpoint with this id.", "endpointId");

/**
 * Webhook endpoints and their deliveries. Each API client manages its own endpoints (administrators every one); an
 * endpoint receives what its owner may read in the feed (src/events/audience.ts), of the types it asked for.
 */
export class WebhookEndpointService {
  constructor(
    private readonly db: Db,
    private readonly allowedNetworks: AllowedNetworks,
  ) {}

  async create(
    viewer: Viewer,
    input: { url: string; eventTypes?: EventType[] | null },
  ): Promise<Outcome<WebhookCode<"createWebhookEndpoint">> & { secret: string | null }> {
    const none = (outcome: Outcome<WebhookCode<"createWebhookEndpoint">>) => ({ ...outcome, secret: null });
    if (viewer.kind !== "client" || viewer.clientId == null) {
      return none(
        refused(
          WebhookErrorCode.NO_API_CLIENT,
          "Endpoints belong to a stored API client: create one with createApiClient and register endpoints with its key.",
        ),
      );
    }
    const url = input.url.trim();
    const problem = checkUrlForm(url) ?? (await checkUrlTarget(url, this.allowedNetworks));
    if (problem) return none(refused(problem.code, problem.message, "url"));
    const reader = { role: viewer.role, agencyCode: viewer.role === Role.AGENCY_HR ? viewer.agencyCode : null };
    const types = input.eventTypes == null ? null : [...new Set(input.eventTypes)];
    const unreadable = types?.findIndex((t) => !possibleAudiences(t).some((audience) => mayRead(reader, { audience, agencyCode: reader.agencyCode })));
    if (unreadable != null && unreadable >= 0) {
      return none(
        refused(WebhookErrorCode.EVENT_TYPE_NOT_READABLE, `A ${viewer.role} key never reads ${types![unreadable]} events.`, "eventTypes", String(unreadable)),
      );
    }
    const [{ n }] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.clientId, viewer.clientId));
    if (n >= MAX_ENDPOINTS_PER_CLIENT) {
      return none(refused(WebhookErrorCode.TOO_MANY_ENDPOINTS, `An API client may register at most ${MAX_ENDPOINTS_PER_CLIENT} endpoints.`, "url"));
    }
    const secret = generateSecret();
    const [row] = await this.db
      .insert(webhookEndpoints)
      .values({
        clientId: viewer.clientId,
        role: viewer.role,
        agencyCode: viewer.role === Role.AGENCY_HR ? viewer.agencyCode : null,
        url,
        eventTypes: types?.map(wireName) ?? null,
        secret,
      })
      .returning();
    return { webhookEndpoint: toWebhookEndpoint(row), secret, userErrors: [] };
  }

  async list(viewer: Viewer, pageArgs: PageArgs): Promise<PageResult<WebhookEndpoint>> {
    const page = endpointCursors.page(pageArgs, "id:ASC");
    const mine = this.ownedBy(viewer);
    const rows = await this.db
      .select()
      .from(webhookEndpoints)
      .where(and(mine, page.after ? sql`${webhookEndpoints.id} > ${page.after[0]}` : undefined))
      .orderBy(asc(webhookEndpoints.id))
      .limit(page.first + 1);
    return toPage(
      rows,
      page,
      (row) => endpointCursors.encode("id:ASC", [row.id]),
      toWebhookEndpoint,
      async () =>
        (
          await this.db
            .select({ n: sql<number>`count(*)::int` })
            .from(webhookEndpoints)
            .where(mine)
        )[0].n,
    );
  }

  enable(viewer: Viewer, endpointId: string): Promise<Outcome<WebhookCode<"enableWebhookEndpoint">>> {
    return this.setStatus(viewer, endpointId, "ACTIVE", refused(WebhookErrorCode.ALREADY_ENABLED, "The endpoint is already enabled.", "endpointId"));
  }

  disable(viewer: Viewer, endpointId: string): Promise<Outcome<WebhookCode<"disableWebhookEndpoint">>> {
    return this.setStatus(viewer, endpointId, "DISABLED", refused(WebhookErrorCode.ALREADY_DISABLED, "The endpoint is already disabled.", "endpointId"));
  }

  /** Sets the endpoint's status; `unchanged`: the answer when it has that status already. */
  private async setStatus<C extends WebhookErrorCode>(
    viewer: Viewer,
    endpointId: string,
    status: "ACTIVE" | "DISABLED",
    unchanged: Outcome<C>,
  ): Promise<Outcome<C | WebhookErrorCode.ENDPOINT_NOT_FOUND>> {
    const current = await this.find(viewer, endpointId);
    if (!current) return notFound();
    if (current.status === status) return unchanged;
    const [row] = await this.db
      .update(webhookEndpoints)
      .set({ status, updatedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    return { webhookEndpoint: toWebhookEndpoint(row), userErrors: [] };
  }

  async rotateSecret(viewer: Viewer, endpointId: string, now = new Date()): Promise<Outcome<WebhookCode<"rotateWebhookSecret">> & { secret: string | null }> {
    const current = await this.find(viewer, endpointId);
    if (!current) return { ...notFound(), secret: null };
    const secret = generateSecret();
    const [row] = await this.db
      .update(webhookEndpoints)
      .set({
        secret,
        previousSecret: sql`${webhookEndpoints.secret}`,
        previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS),
        updatedAt: sql`now()`,
      })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    return { webhookEndpoint: toWebhookEndpoint(row), secret, userErrors: [] };
  }

  async delete(
    viewer: Viewer,
    endpointId: string,
  ): Promise<{ deletedEndpointId: string | null; userErrors: UserError<WebhookCode<"deleteWebhookEndpoint">>[] }> {
    const current = await this.find(viewer, endpointId);
    if (!current) return { deletedEndpointId: null, userErrors: notFound().userErrors };
    // Its deliveries and their attempts go with it (foreign keys on delete cascade); the events stay in the feed.
    await this.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, current.id));
    return { deletedEndpointId: toGlobalId("WebhookEndpoint", current.id), userErrors: [] };
  }

  /** The viewer's endpoints among these keys (administrators: any), for node(). */
  async endpointsByKeys(viewer: Viewer, keys: number[]): Promise<WebhookEndpoint[]> {
    const rows = await this.db
      .select()
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.id, keys), this.ownedBy(viewer)));
    return rows.map(toWebhookEndpoint);
  }

  /** Deliveries among these keys to the viewer's endpoints (administrators: any), for node(). */
  async deliveriesByKeys(viewer: Viewer, keys: number[]): Promise<WebhookDelivery[]> {
    const rows = await this.db
      .select({ delivery: webhookDeliveries })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(inArray(webhookDeliveries.id, keys), this.ownedBy(viewer)));
    return rows.map((r) => Object.assign(new WebhookDelivery(), toDelivery(r.delivery)));
  }

  /** An endpoint's deliveries, newest first; null when the endpoint is not the viewer's. */
  async deliveries(
    viewer: Viewer,
    endpointId: string,
    pageArgs: PageArgs,
    status: WebhookDeliveryStatus | null,
  ): Promise<PageResult<Omit<WebhookDelivery, "event" | "attempts">> | null> {
    const page = deliveryCursors.page(pageArgs, "sequence:DESC");
    const endpoint = await this.find(viewer, endpointId);
    if (!endpoint) return null;
    const filter = and(eq(webhookDeliveries.endpointId, endpoint.id), status ? eq(webhookDeliveries.status, status) : undefined);
    const rows = await this.db
      .select()
      .from(webhookDeliveries)
      .where(and(filter, page.after ? sql`${webhookDeliveries.sequence} < ${page.after[0]}` : undefined))
      .orderBy(desc(webhookDeliveries.sequence))
      .limit(page.first + 1);
    return toPage(
      rows,
      page,
      (row) => deliveryCursors.encode("sequence:DESC", [row.sequence]),
      toDelivery,
      async () =>
        (
          await this.db
            .select({ n: sql<number>`count(*)::int` })
            .from(webhookDeliveries)
            .where(filter)
        )[0].n,
    );
  }

  /** The attempts of several deliveries, oldest first each, in one statement (the loader's batch). */
  async attemptsOf(deliveryKeys: readonly number[]): Promise<WebhookAttempt[][]> {
    const rows = await this.db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, [...deliveryKeys]))
      .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.id));
    return deliveryKeys.map((key) =>
      rows
        .filter((r) => r.deliveryId === key)
        .map((r) =>
          Object.assign(new WebhookAttempt(), {
            attemptedAt: r.attemptedAt,
            responseStatus: r.responseStatus,
            latencyMs: r.latencyMs,
            succeeded: r.succeeded,
            error: r.error,
          }),
        ),
    );
  }

  /**
   * Queues deliveries again, due now with a fresh retry schedule, whatever their state (delivered ones are sent again:
   * receivers ignore a webhook-id they have processed). Their order per subject stays the events' order.
   */
  async redeliver(
    viewer: Viewer,
    input: { endpointId: string; deliveryId?: string | null; fromSequence?: number | null; toSequence?: number | null },
    now = new Date(),
  ): Promise<{ queuedCount: number; userErrors: UserError<WebhookCode<"redeliverWebhook">>[] }> {
    const fail = (code: WebhookCode<"redeliverWebhook">, message: string, field: string) => ({
      queuedCount: 0,
      userErrors: [userError(code, message, ["input", field])],
    });
    const endpoint = await this.find(viewer, input.endpointId);
    if (!endpoint) return fail(WebhookErrorCode.ENDPOINT_NOT_FOUND, "You have no webhook endpoint with this id.", "endpointId");
    let which: SQL;
    if (input.deliveryId != null) {
      if (input.fromSequence != null || input.toSequence != null) {
        return fail(WebhookErrorCode.INVALID_RANGE, "Give either deliveryId or fromSequence and toSequence, not both.", "deliveryId");
      }
      const key = fromGlobalId("WebhookDelivery", input.deliveryId);
      if (key == null) return fail(WebhookErrorCode.DELIVERY_NOT_FOUND, "This endpoint has no delivery with this id.", "deliveryId");
      which = sql`${webhookDeliveries.id} = ${key}`;
    } else {
      const from = input.fromSequence;
      const to = input.toSequence;
      if (from == null || to == null) return fail(WebhookErrorCode.INVALID_RANGE, "Give deliveryId, or both fromSequence and toSequence.", "fromSequence");
      if (from < 1 || to < from)
        return fail(WebhookErrorCode.INVALID_RANGE, "The range must run from 1 or more up to a sequence number at least as high.", "fromSequence");
      if (to - from + 1 > MAX_REDELIVERIES) {
        return fail(WebhookErrorCode.INVALID_RANGE, `At most ${MAX_REDELIVERIES} deliveries at once; split the range.`, "toSequence");
      }
      which = sql`${webhookDeliveries.sequence} between ${from} and ${to}`;
    }
    const queued = await selectRows<{ id: number }>(
      this.db,
      sql`update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = ${now.toISOString()}::timestamptz, leased_until = null, lease_token = null
          where endpoint_id = ${endpoint.id} and ${which}
          returning id`,
    );
    if (input.deliveryId != null && queued.length === 0)
      return fail(WebhookErrorCode.DELIVERY_NOT_FOUND, "This endpoint has no delivery with this id.", "deliveryId");
    return { queuedCount: queued.length, userErrors: [] };
  }

  private ownedBy(viewer: Viewer): SQL | undefined {
    if (viewer.kind === "client" && viewer.role === Role.ADMIN) return undefined;
    const clientId = viewer.kind === "client" ? viewer.clientId : null;
    return clientId == null ? sql`false` : eq(webhookEndpoints.clientId, clientId);
  }

  private async find(viewer: Viewer, endpointId: string): Promise<EndpointRow | null> {
    const key = fromGlobalId("WebhookEndpoint", endpointId);
    if (key == null) return null;
    const [row] = await this.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, key), this.ownedBy(viewer)));
    return row ?? null;
  }
}
