import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { apiClients } from "./api-clients";
import { agencyCodeEnum, roleEnum, webhookDeliveryStatusEnum } from "./enums";

export const webhookEndpointStatusEnum = pgEnum("webhook_endpoint_status", ["ACTIVE", "DISABLED"]);

/** Where an API client wants events delivered. The secret signs them (it cannot be hashed: signing needs it). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer("client_id")
      .notNull()
      .references(() => apiClients.id),
    /** The owner's role and agency, copied from the client (they never change): what the endpoint may receive. */
    role: roleEnum("role").notNull(),
    agencyCode: agencyCodeEnum("agency_code"),
    url: text("url").notNull(),
    /** null: every type the owner may read. */
    eventTypes: text("event_types").array(),
    secret: text("secret").notNull(),
    /** After a rotation the old secret signs too, until it expires, so receivers can switch over without a gap. */
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    status: webhookEndpointStatusEnum("status").notNull().default("ACTIVE"),
    /** The sequence number of the last delivery created for this endpoint (consecutive per endpoint). */
    lastSequence: bigint("last_sequence", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_client").on(t.clientId, t.id), check("webhook_endpoints_url", sql`length(${t.url}) between 1 and 2000`)],
);

/** One event for one endpoint: retried until delivered or dead-lettered. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    // No foreign key (drizzle/0017): the fan-out creates deliveries from the events in the same statement, and events are
    // never deleted; the check cost every delivery a lookup and a lock of its event.
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    position: bigint("position", { mode: "number" }).notNull(),
    subject: text("subject").notNull(),
    sequence: bigint("sequence", { mode: "number" }).notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("PENDING"),
    /** Attempts since the delivery was (re)queued: the retry schedule counts these. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** A worker holds the delivery until then; past it (the worker died) another worker takes it over. */
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    leaseToken: text("lease_token"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastResponseStatus: integer("last_response_status"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_sequence").on(t.endpointId, t.sequence),
    index("webhook_deliveries_due")
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'PENDING'`),
    index("webhook_deliveries_pending_subject")
      .on(t.endpointId, t.subject, t.position)
      .where(sql`${t.status} = 'PENDING'`),
  ],
);

/** Every attempt of a delivery: when, how long, what the receiver answered. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    latencyMs: integer("latency_ms").notNull(),
    responseStatus: integer("response_status"),
    succeeded: boolean("succeeded").notNull(),
    /** Why no answer came (timeout, connection refused, address not allowed); never the response body. */
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId, t.id)],
);
