import { and, asc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { Role } from "../auth/role";
import { scopedAgency, type Viewer } from "../auth/viewer";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { badUserInput } from "../common/errors";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import { isSortCursor } from "../common/keyset";
import type { Db, Executor } from "../db/client";
import { apiClients, applications, candidates, stageEvents } from "../db/tables";
import { Actor, Application, ApplicationFilter, Candidate, StageEvent } from "./application.type";

type ApplicationRow = typeof applications.$inferSelect;
type CandidateRow = typeof candidates.$inferSelect;

/** The rows of these applications, in no particular order. */
export function selectApplicationRows(tx: Executor, keys: readonly number[]): Promise<ApplicationRow[]> {
  return tx
    .select()
    .from(applications)
    .where(inArray(applications.id, [...keys]));
}

export function toApplication(row: ApplicationRow): Application {
  return Object.assign(new Application(), {
    id: toGlobalId("Application", row.id),
    key: row.id,
    vacancyKey: row.vacancyId,
    candidateKey: row.candidateId,
    agencyCode: row.agencyCode,
    externalId: row.externalId,
    stage: row.stage,
    rejectionReason: row.rejectionReason,
    version: row.version,
    submittedAt: row.submittedAt,
    stageEnteredAt: row.stageEnteredAt,
    updatedAt: row.updatedAt,
  });
}

export function toCandidate(row: CandidateRow): Candidate {
  return Object.assign(new Candidate(), {
    id: toGlobalId("Candidate", row.id),
    key: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    birthDate: row.birthDate,
    erased: row.erasedAt != null,
  });
}

/** Agency HR sees its own agency's applications; the taskforce and administrators see all; the public none. */
export function mayViewApplication(viewer: Viewer, application: Pick<Application, "agencyCode">): boolean {
  if (viewer.kind !== "client") return false;
  return viewer.role !== Role.AGENCY_HR || viewer.agencyCode === application.agencyCode;
}

/** Personal data: the HR system of the application's agency and administrators; never the taskforce. */
export function mayViewCandidateOf(viewer: Viewer, application: Pick<Application, "agencyCode">): boolean {
  if (viewer.kind !== "client") return false;
  if (viewer.role === Role.ADMIN) return true;
  return viewer.role === Role.AGENCY_HR && viewer.agencyCode === application.agencyCode;
}

const SYNC_ORDER = "updatedAt:ASC";
const cursors = new CursorCodec<[string, number]>("applications", isSortCursor);

export class ApplicationService {
  constructor(private readonly db: Db) {}

  /** The caller's applications in (updatedAt, id) order, so an HR system can page through changes since its last sync. */
  async list(viewer: Viewer, filter: ApplicationFilter | null | undefined, pageArgs: PageArgs): Promise<PageResult<Application>> {
    const page = cursors.page(pageArgs, SYNC_ORDER);
    const where = and(...this.conditions(viewer, filter ?? {}));
    const rows = await this.db
      .select({ application: applications, sortKey: sql<string>`${applications.updatedAt}::text` })
      .from(applications)
      .where(and(where, page.after ? sql`(${applications.updatedAt}, ${applications.id}) > (${page.after[0]}::timestamptz, ${page.after[1]})` : undefined))
      .orderBy(asc(applications.updatedAt), asc(applications.id))
      .limit(page.first + 1);
    return toPage(
      rows,
      page,
      (row) => cursors.encode(SYNC_ORDER, [row.sortKey, row.application.id]),
      (row) => toApplication(row.application),
      async () =>
        (
          await this.db
            .select({ n: sql<number>`count(*)::int` })
            .from(applications)
            .where(where)
        )[0].n,
    );
  }

  async byKeys(keys: readonly number[]): Promise<Application[]> {
    return (
      await this.db
        .select()
        .from(applications)
        .where(inArray(applications.id, [...keys]))
    ).map(toApplication);
  }

  async candidatesByKeys(keys: readonly number[]): Promise<Candidate[]> {
    return (
      await this.db
        .select()
        .from(candidates)
        .where(inArray(candidates.id, [...keys]))
    ).map(toCandidate);
  }

  /** Events of several applications, oldest first, with who made each move. */
  async historyOf(applicationKeys: readonly number[]): Promise<StageEvent[]> {
    const rows = await this.db
      .select({ event: stageEvents, clientName: apiClients.name, clientRole: apiClients.role })
      .from(stageEvents)
      .leftJoin(apiClients, eq(apiClients.id, stageEvents.actorClientId))
      .where(inArray(stageEvents.applicationId, [...applicationKeys]))
      .orderBy(asc(stageEvents.applicationId), asc(stageEvents.occurredAt), asc(stageEvents.id));
    return rows.map(({ event, clientName, clientRole }) =>
      Object.assign(new StageEvent(), {
        applicationKey: event.applicationId,
        fromStage: event.fromStage,
        toStage: event.toStage,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt,
        reason: event.reason,
        actor: Object.assign(new Actor(), { name: clientName ?? event.actorLabel ?? "unknown", role: clientRole ?? null }),
      }),
    );
  }

  private conditions(viewer: Viewer, filter: ApplicationFilter): (SQL | undefined)[] {
    const agency = scopedAgency(viewer);
    const conditions: (SQL | undefined)[] = [agency ? eq(applications.agencyCode, agency) : undefined];
    if (filter.vacancyId != null) {
      const key = fromGlobalId("Vacancy", filter.vacancyId);
      if (key == null) throw badUserInput(`filter.vacancyId: "${filter.vacancyId}" is not a vacancy id.`, "filter");
      conditions.push(eq(applications.vacancyId, key));
    }
    if (filter.stage != null) conditions.push(eq(applications.stage, filter.stage));
    if (filter.updatedSince != null) conditions.push(gte(applications.updatedAt, filter.updatedSince));
    if (filter.externalId != null) conditions.push(eq(applications.externalId, filter.externalId));
    return conditions;
  }
}
