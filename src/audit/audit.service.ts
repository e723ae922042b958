import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Viewer } from "../auth/viewer";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { badUserInput } from "../common/errors";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import { isSortCursor } from "../common/keyset";
import type { Db, Executor } from "../db/client";
import { apiClients, auditLog } from "../db/tables";
import { AuditEntry, AuditLogFilter, AuditOutcome } from "./audit.type";
import { safeRendering, safeString } from "./safe-rendering";

export interface AuditRecord {
  viewer: Viewer;
  operation: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  userErrorCodes: string[];
  detail: Record<string, unknown> | null;
  requestId: string;
}

const ORDER = "occurredAt:DESC";
const cursors = new CursorCodec<[string, number]>("auditLog", isSortCursor);

export class AuditService {
  constructor(private readonly db: Db) {}

  /** Writes one audit line (in the given transaction when there is one) and returns its key. */
  async record(entry: AuditRecord, executor: Executor = this.db): Promise<number> {
    const [row] = await executor.insert(auditLog).values(auditRow(entry)).returning({ id: auditLog.id });
    return row.id;
  }

  /** Rewrites a line written earlier in the same call (its outcome is known only once the mutation has answered). */
  async rewrite(key: number, entry: AuditRecord, executor: Executor = this.db): Promise<void> {
    await executor.update(auditLog).set(auditRow(entry)).where(eq(auditLog.id, key));
  }

  /** Newest first. */
  async list(filter: AuditLogFilter | null | undefined, pageArgs: PageArgs): Promise<PageResult<AuditEntry>> {
    const page = cursors.page(pageArgs, ORDER);
    const where = and(...this.conditions(filter ?? {}));
    const rows = await this.db
      .select({ entry: auditLog, clientName: apiClients.name, sortKey: sql<string>`${auditLog.occurredAt}::text` })
      .from(auditLog)
      .leftJoin(apiClients, eq(apiClients.id, auditLog.actorClientId))
      .where(and(where, page.after ? sql`(${auditLog.occurredAt}, ${auditLog.id}) < (${page.after[0]}::timestamptz, ${page.after[1]})` : undefined))
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(page.first + 1);
    return toPage(
      rows,
      page,
      (row) => cursors.encode(ORDER, [row.sortKey, row.entry.id]),
      toAuditEntry,
      async () =>
        (
          await this.db
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
            .where(where)
        )[0].n,
    );
  }

  /** Entries by key (for node(id:)). */
  async byKeys(keys: readonly number[]): Promise<AuditEntry[]> {
    const rows = await this.db
      .select({ entry: auditLog, clientName: apiClients.name })
      .from(auditLog)
      .leftJoin(apiClients, eq(apiClients.id, auditLog.actorClientId))
      .where(inArray(auditLog.id, [...keys]));
    return rows.map(toAuditEntry);
  }

  private conditions(filter: AuditLogFilter): (SQL | undefined)[] {
    const conditions: (SQL | undefined)[] = [];
    if (filter.operation) conditions.push(eq(auditLog.operation, filter.operation));
    if (filter.outcome) conditions.push(eq(auditLog.outcome, filter.outcome));
    if (filter.since) conditions.push(gte(auditLog.occurredAt, filter.since));
    if (filter.until) conditions.push(lt(auditLog.occurredAt, filter.until));
    if (filter.apiClientId) {
      const key = fromGlobalId("ApiClient", filter.apiClientId);
      if (key == null) throw badUserInput(`filter.apiClientId: "${filter.apiClientId}" is not an API client id.`, "filter");
      conditions.push(eq(auditLog.actorClientId, key));
    }
    return conditions;
  }
}

function toAuditEntry({ entry, clientName }: { entry: typeof auditLog.$inferSelect; clientName: string | null }): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: toGlobalId("AuditEntry", entry.id),
    occurredAt: entry.occurredAt,
    operation: entry.operation,
    outcome: entry.outcome,
    targetType: entry.targetType,
    targetId: entry.targetId,
    actorName: clientName ?? entry.actorLabel ?? "unknown",
    actorClientId: entry.actorClientId != null ? toGlobalId("ApiClient", entry.actorClientId) : null,
    actorRole: entry.actorRole,
    actorAgencyCode: entry.actorAgencyCode,
    userErrorCodes: entry.userErrorCodes,
    detail: entry.detail,
    requestId: entry.requestId,
  });
}

function auditRow(entry: AuditRecord) {
  const viewer = entry.viewer;
  return {
    actorClientId: viewer.kind === "client" ? viewer.clientId : null,
    actorRole: viewer.kind === "client" ? viewer.role : null,
    actorAgencyCode: viewer.kind === "client" ? viewer.agencyCode : null,
    actorLabel: viewer.kind === "client" ? (viewer.clientId == null ? viewer.name : null) : "anonymous",
    operation: entry.operation,
    outcome: entry.outcome,
    targetType: entry.targetType,
    // What the caller sent is kept even when it cannot be stored as given (a NUL, a lone surrogate, a megabyte).
    targetId: entry.targetId == null ? null : safeString(entry.targetId),
    userErrorCodes: entry.userErrorCodes,
    detail: entry.detail && (safeRendering(entry.detail) as Record<string, unknown>),
    requestId: entry.requestId,
  };
}
