import type { GraphQLError, GraphQLFieldResolver } from "graphql";
import { ErrorCode } from "../common/errors";
import type { NodeType } from "../common/global-id";
import { describeError } from "../common/logger";
import { unavailableReason } from "../db/faults";
import type { Context } from "../context/context";
import { AuditOutcome } from "./audit.type";

/** Input fields that name the record a mutation targets, and the kind of record each names. */
const TARGET_FIELDS: [string, NodeType][] = [
  ["applicationId", "Application"],
  ["vacancyId", "Vacancy"],
  ["candidateId", "Candidate"],
  ["apiClientId", "ApiClient"],
  ["sessionId", "TestSession"],
  ["endpointId", "WebhookEndpoint"],
];
/** Payload fields that hold the record a mutation created or changed. */
const RESULT_FIELDS: [string, NodeType][] = [
  ["application", "Application"],
  ["vacancy", "Vacancy"],
  ["apiClient", "ApiClient"],
  ["testSession", "TestSession"],
  ["candidate", "Candidate"],
  ["webhookEndpoint", "WebhookEndpoint"],
];
/** Input fields safe to keep in the audit detail: choices, never personal data. */
const SAFE_INPUT_FIELDS = [
  "toStage",
  "reason",
  "expectedVersion",
  "role",
  "agency",
  "attended",
  "part",
  "points",
  "outcome",
  "headcountTarget",
  "status",
  "kind",
  "capacity",
  "eventTypes",
  "fromSequence",
  "toSequence",
];

type Payload = Record<string, unknown> & {
  userErrors?: { code: string }[];
  results?: { created: boolean; application: unknown; userErrors: { code: string }[] }[];
};

/**
 * Wraps a mutation's resolver so that every call leaves one audit record, whatever its outcome: refused for lack of a
 * key or role (DENIED), refused by a rule (USER_ERROR), done (OK) or failed (FAILED). It wraps the whole field resolver,
 * outside type-graphql's authorization check, so refusals are recorded too. The record holds ids and choices, never
 * personal data.
 */
export function audited(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return (root, args, context, info) => auditCall(args, context, info.fieldName, () => resolve(root, args, context, info));
}

async function auditCall(args: Record<string, unknown>, context: Context, operation: string, next: () => unknown): Promise<unknown> {
  const input = (args.input ?? {}) as Record<string, unknown>;
  const base = { viewer: context.viewer, operation, requestId: context.requestId };
  const inputTarget = TARGET_FIELDS.find(([field]) => typeof input[field] === "string");
  const detail = Object.fromEntries(SAFE_INPUT_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null).map((f) => [f, input[f]]));

  let payload: Payload;
  try {
    payload = (await next()) as Payload;
  } catch (error) {
    const code = (error as GraphQLError).extensions?.code;
    const denied = code === ErrorCode.Unauthenticated || code === ErrorCode.Forbidden;
    await context.services.audit
      .record({
        ...base,
        outcome: denied ? AuditOutcome.DENIED : AuditOutcome.FAILED,
        targetType: inputTarget?.[1] ?? null,
        targetId: inputTarget ? (input[inputTarget[0]] as string) : null,
        userErrorCodes: [],
        detail: { ...detail, ...(denied ? {} : { error: describeError(error).errorName }) },
      })
      .catch((auditError: unknown) => auditWriteFailed(context, operation, auditError));
    throw error;
  }

  const resultTarget = RESULT_FIELDS.find(([field]) => (payload[field] as { id?: unknown } | null | undefined)?.id);
  const codes = [...(payload.userErrors ?? []), ...(payload.results ?? []).flatMap((r) => r.userErrors)].map((e) => e.code);
  if (payload.results) {
    Object.assign(detail, {
      submitted: payload.results.length,
      created: payload.results.filter((r) => r.created).length,
      refused: payload.results.filter((r) => !r.application).length,
    });
  }
  // The mutation has committed by now: a failing audit write is logged loudly but does not turn success into an error.
  await context.services.audit
    .record({
      ...base,
      outcome: codes.length ? AuditOutcome.USER_ERROR : AuditOutcome.OK,
      targetType: resultTarget?.[1] ?? inputTarget?.[1] ?? null,
      targetId: resultTarget ? (payload[resultTarget[0]] as { id: string }).id : inputTarget ? (input[inputTarget[0]] as string) : null,
      userErrorCodes: [...new Set(codes)].sort(),
      detail: Object.keys(detail).length ? detail : null,
    })
    .catch((error: unknown) => auditWriteFailed(context, operation, error));
  return payload;
}

/** A lost audit record is an error, unless the database is down: then the failed mutation itself says so already. */
function auditWriteFailed(context: Context, operation: string, error: unknown): void {
  const log = unavailableReason(error) ? context.logger.warn : context.logger.error;
  log("audit record not written", { operation, ...describeError(error) });
}
