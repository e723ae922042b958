import type { GraphQLError, GraphQLFieldResolver } from "graphql";
import { ErrorCode } from "../common/errors";
import type { NodeType } from "../common/global-id";
import { describeError } from "../common/logger";
import { unavailableReason } from "../db/faults";
import type { Context } from "../context/context";
import { withCommitHook, type CommitHook } from "../db/commit-hooks";
import type { AuditRecord } from "./audit.service";
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
  "correctionReason",
  "historical",
  "invitedAt",
  "decidedAt",
];

/** Payload fields kept in the audit detail: what a correction replaced (the points before). */
const SAFE_PAYLOAD_FIELDS = ["previousPoints"];

type Payload = Record<string, unknown> & {
  userErrors?: { code: string }[];
  results?: { created?: boolean; application: unknown; userErrors?: { code: string }[] }[];
};

/**
 * Wraps a mutation's resolver so that every call leaves one audit record, whatever its outcome: refused for lack of a
 * key or role (DENIED), refused by a rule (USER_ERROR), done (OK) or failed (FAILED). It wraps the whole field resolver,
 * outside type-graphql's authorization check, so refusals are recorded too. The record holds ids and choices, never
 * personal data.
 *
 * A call that changes something writes its line inside the transaction of the change (a commit hook, see
 * src/db/commit-hooks.ts), built from what the transaction returns: a crash can never keep a change and lose its line,
 * and a transaction that rolls back leaves neither. Should the answer turn out different from what the transaction
 * returned (a later transaction, an error after the commit), the line is rewritten afterwards. A call that never
 * opened a transaction, or whose transaction refused it as a whole (the services check everything before their first
 * write), changed nothing, and its line is written after it.
 */
type Resolver = GraphQLFieldResolver<unknown, Context, Record<string, unknown>>;

export function audited(resolve: Resolver): Resolver {
  return (root, args, context, info) => auditCall(args, context, info.fieldName, () => resolve(root, args, context, info));
}

async function auditCall(args: Record<string, unknown>, context: Context, operation: string, next: () => unknown): Promise<unknown> {
  const input = (args.input ?? {}) as Record<string, unknown>;
  const base = { viewer: context.viewer, operation, requestId: context.requestId };
  const inputTarget = targetOf(input);
  const inputDetail = safeInputDetail(input);
  const audit = context.services.audit;

  /** The record of an answer (a payload, or what a transaction returned on the way to it). */
  const recordOf = (answer: unknown): AuditRecord => {
    const payload = (Array.isArray(answer) ? { results: answer } : answer && typeof answer === "object" ? answer : {}) as Payload;
    const detail: Record<string, unknown> = { ...inputDetail };
    for (const field of SAFE_PAYLOAD_FIELDS) if (payload[field] !== undefined && payload[field] !== null) detail[field] = payload[field];
    const resultTarget = RESULT_FIELDS.find(([field]) => (payload[field] as { id?: unknown } | null | undefined)?.id);
    const results = Array.isArray(payload.results) ? payload.results : [];
    const codes = [...(payload.userErrors ?? []), ...results.flatMap((r) => r.userErrors ?? [])].map((e) => e.code);
    if (Array.isArray(payload.results)) {
      Object.assign(detail, {
        submitted: results.length,
        ...(results.some((r) => "created" in r) ? { created: results.filter((r) => r.created).length } : {}),
        refused: results.filter((r) => !r.application).length,
      });
    }
    return {
      ...base,
      outcome: codes.length ? AuditOutcome.USER_ERROR : AuditOutcome.OK,
      targetType: resultTarget?.[1] ?? inputTarget?.[1] ?? null,
      targetId: resultTarget ? (payload[resultTarget[0]] as { id: string }).id : inputTarget ? (input[inputTarget[0]] as string) : null,
      userErrorCodes: [...new Set(codes)].sort(),
      detail: Object.keys(detail).length ? detail : null,
    };
  };

  // The line's key once a transaction holding it has committed, and the record it holds.
  type Line = { key: number; record: AuditRecord };
  const state: { line: Line | null; pending: Line | null; open: boolean } = { line: null, pending: null, open: true };
  const hook: CommitHook = {
    async beforeCommit(tx, result) {
      if (!state.open) return;
      const record = recordOf(result);
      // A refusal as a whole (userErrors, no per-item results) wrote nothing: its line is written after the commit,
      // so it does not lengthen the time the transaction holds its locks (50 invitations queued on one session's row).
      const payload = result as Payload | null;
      if (record.outcome === AuditOutcome.USER_ERROR && !Array.isArray(result) && !Array.isArray(payload?.results)) return;
      const line = state.line;
      const key = line ? (await audit.rewrite(line.key, record, tx), line.key) : await audit.record(record, tx);
      state.pending = { key, record };
    },
    committed() {
      if (state.pending) state.line = state.pending;
      state.pending = null;
    },
  };

  let payload: Payload;
  try {
    payload = (await withCommitHook(hook, next)) as Payload;
  } catch (error) {
    state.open = false;
    const line = state.line;
    const record = refusedRecord(context, operation, input, error);
    await (line ? audit.rewrite(line.key, record) : audit.record(record)).catch((auditError: unknown) => auditWriteFailed(context, operation, auditError));
    throw error;
  }
  state.open = false;

  const line = state.line;
  const record = recordOf(payload);
  if (line && JSON.stringify(line.record) === JSON.stringify(record)) return payload;
  // Nothing was committed (a refusal before any transaction), or the answer says more than the transaction did: the
  // change, if any, is audited already; a failing write here is logged loudly but does not turn success into an error.
  await (line ? audit.rewrite(line.key, record) : audit.record(record)).catch((error: unknown) => auditWriteFailed(context, operation, error));
  return payload;
}

const targetOf = (input: Record<string, unknown>) => TARGET_FIELDS.find(([field]) => typeof input[field] === "string");
const safeInputDetail = (input: Record<string, unknown>) =>
  Object.fromEntries(SAFE_INPUT_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null).map((f) => [f, input[f]]));

/** The line of a call that ended in an error: DENIED for a missing key or role, FAILED otherwise (with the error's code). */
function refusedRecord(context: Context, operation: string, input: Record<string, unknown>, error: unknown): AuditRecord {
  const code = (error as GraphQLError).extensions?.code;
  const denied = code === ErrorCode.Unauthenticated || code === ErrorCode.Forbidden;
  const target = targetOf(input);
  return {
    viewer: context.viewer,
    operation,
    requestId: context.requestId,
    outcome: denied ? AuditOutcome.DENIED : AuditOutcome.FAILED,
    targetType: target?.[1] ?? null,
    targetId: target ? (input[target[0]] as string) : null,
    userErrorCodes: [],
    // The error's code when it has one (BAD_USER_INPUT), else its name (a database error).
    detail: { ...safeInputDetail(input), ...(denied ? {} : { error: typeof code === "string" ? code : describeError(error).errorName }) },
  };
}

/**
 * Audits a mutation refused at the edge before its resolver ran (a bad string in its arguments): one FAILED line per
 * mutation field, like a resolver's own error, so every attempt leaves its line (the values safely rendered).
 */
export async function auditRefusedMutation(context: Context, operation: string, input: Record<string, unknown>, error: unknown): Promise<void> {
  await context.services.audit
    .record(refusedRecord(context, operation, input, error))
    .catch((auditError: unknown) => auditWriteFailed(context, operation, auditError));
}

/** A lost audit record is an error, unless the database is down: then the failed mutation itself says so already. */
function auditWriteFailed(context: Context, operation: string, error: unknown): void {
  const fields = { operation, ...describeError(error) };
  if (unavailableReason(error)) context.logger.warn("audit record not written", fields);
  else context.logger.error("audit record not written", fields);
}
