import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { agencies } from "./campaigns";
import { agencyCodeEnum, auditOutcomeEnum, roleEnum } from "./enums";

/** A system or person holding an API key. Only a SHA-256 hash of the key is stored. */
export const apiClients = pgTable(
  "api_clients",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    agencyCode: agencyCodeEnum("agency_code").references(() => agencies.code),
    keyHash: text("key_hash").notNull().unique(),
    /** The first characters of the key, so an operator can tell keys apart without the secret. */
    keyPrefix: text("key_prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    check("api_clients_agency_iff_hr", sql`(${t.role} = 'AGENCY_HR') = (${t.agencyCode} is not null)`),
    check("api_clients_name", sql`length(trim(${t.name})) between 1 and 200`),
  ],
);

/** One row per mutation: who, what, which record, when, and how it ended. Never personal data. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorClientId: integer("actor_client_id").references(() => apiClients.id),
    actorRole: roleEnum("actor_role"),
    actorAgencyCode: agencyCodeEnum("actor_agency_code"),
    /** Who acted when no stored API client did: the bootstrap administrator, or anonymous for refused calls. */
    actorLabel: text("actor_label"),
    operation: text("operation").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: auditOutcomeEnum("outcome").notNull(),
    userErrorCodes: text("user_error_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_occurred").on(t.occurredAt, t.id), index("audit_log_actor").on(t.actorClientId, t.occurredAt)],
);
