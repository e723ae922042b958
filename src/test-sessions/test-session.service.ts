import { and, asc, eq, gte, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { badUserInput } from "../common/errors";
import { fromGlobalId } from "../common/global-id";
import type { Db } from "../db/client";
import { PreparedStatements } from "../db/prepared-statements";
import { campaigns, testSessions, testSessionVacancies, vacancies } from "../db/tables";
import { toVacancy, vacancyColumns } from "../vacancies/vacancy.service";
import type { Vacancy } from "../vacancies/vacancy.type";
import { toTestSession } from "./test-session.rows";
import { TestSession, TestSessionFilter } from "./test-session.type";
import { readUpcomingSessions, upcomingSessionsSql, type UpcomingSessionsJson } from "./upcoming-sessions";

/** Saturday in Brussels, evaluated by the database so it can filter. */
const saturdayInBrussels = sql`extract(isodow from ${testSessions.startsAt} at time zone 'Europe/Brussels') = 6`;

const cursors = new CursorCodec<[string, number]>(
  "testSessions",
  (v): v is [string, number] => v.length === 2 && typeof v[0] === "string" && v[0].length <= 64 && Number.isSafeInteger(v[1]),
);

export class TestSessionService {
  /** The upcoming sessions of a page of vacancies: one text per number of sessions asked for, prepared once. */
  private readonly statements: PreparedStatements;

  constructor(private readonly db: Db) {
    this.statements = new PreparedStatements(db, "sessions");
  }

  async list(filter: TestSessionFilter | null | undefined, pageArgs: PageArgs): Promise<PageResult<TestSession>> {
    const page = cursors.page(pageArgs, "startsAt:ASC");
    const where = and(...(await this.filterConditions(filter ?? {})));
    const rows = await this.db
      .select({ session: testSessions, sortKey: sql<string>`${testSessions.startsAt}::text` })
      .from(testSessions)
      .where(and(where, page.after ? sql`(${testSessions.startsAt}, ${testSessions.id}) > (${page.after[0]}::timestamptz, ${page.after[1]})` : undefined))
      .orderBy(asc(testSessions.startsAt), asc(testSessions.id))
      .limit(page.first + 1);
    return toPage(
      rows,
      page,
      (row) => cursors.encode("startsAt:ASC", [row.sortKey, row.session.id]),
      (row) => toTestSession(row.session),
      async () =>
        (
          await this.db
            .select({ n: sql<number>`count(*)::int` })
            .from(testSessions)
            .where(where)
        )[0].n,
    );
  }

  async byKeys(keys: readonly number[]): Promise<TestSession[]> {
    return (
      await this.db
        .select()
        .from(testSessions)
        .where(inArray(testSessions.id, [...keys]))
    ).map(toTestSession);
  }

  /** Up to `limit` upcoming, scheduled sessions per vacancy, soonest first (src/test-sessions/upcoming-sessions.ts). */
  async upcomingForVacancies(vacancyKeys: readonly number[], limit: number): Promise<{ vacancyKey: number; session: TestSession }[]> {
    // The keys go as one array, so every page shares one text (per `limit`, which is in the text), built and prepared once.
    const [found] = await this.statements.rows<UpcomingSessionsJson>(
      `upcoming:${limit}`,
      () => {
        const upcoming = upcomingSessionsSql((vacancyId) => sql`${vacancyId} = any(${sql.placeholder("vacancyKeys")}::int[])`, limit);
        return sql`with ${upcoming.cte} select ${upcoming.columns}`;
      },
      { vacancyKeys: [...vacancyKeys] },
    );
    return readUpcomingSessions(found);
  }

  /**
   * The vacancies each session tests, in one statement joined to their links: a page of 20 sessions links about 1,200
   * vacancies, which as a second statement took as many parameters.
   */
  async vacanciesOfSessions(sessionKeys: readonly number[]): Promise<{ sessionKey: number; vacancy: Vacancy }[]> {
    const rows = await this.db
      .select({ sessionKey: testSessionVacancies.sessionId, vacancy: vacancyColumns })
      .from(testSessionVacancies)
      .innerJoin(vacancies, eq(vacancies.id, testSessionVacancies.vacancyId))
      .where(inArray(testSessionVacancies.sessionId, [...sessionKeys]))
      .orderBy(asc(testSessionVacancies.sessionId), asc(testSessionVacancies.vacancyId));
    return rows.map((r) => ({ sessionKey: r.sessionKey, vacancy: toVacancy(r.vacancy) }));
  }

  private async filterConditions(filter: TestSessionFilter): Promise<(SQL | undefined)[]> {
    const conditions: (SQL | undefined)[] = [gte(testSessions.startsAt, filter.from ?? new Date())];
    if (filter.to) conditions.push(lt(testSessions.startsAt, filter.to));
    if (!filter.includeCancelled) conditions.push(eq(testSessions.status, "SCHEDULED"));
    if (filter.kinds) conditions.push(inArray(testSessions.kind, filter.kinds));
    if (filter.languages) conditions.push(inArray(testSessions.language, filter.languages));
    if (filter.onSaturday != null) conditions.push(filter.onSaturday ? saturdayInBrussels : sql`not (${saturdayInBrussels})`);
    if (filter.campaignSlug != null) {
      const [campaign] = await this.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, filter.campaignSlug)).limit(1);
      if (!campaign) throw badUserInput(`filter.campaignSlug: no campaign has the slug "${filter.campaignSlug}".`, "filter");
      conditions.push(eq(testSessions.campaignId, campaign.id));
    }
    if (filter.vacancyIds) {
      const keys = filter.vacancyIds.map((id, i) => {
        const key = fromGlobalId("Vacancy", id);
        if (key == null) throw badUserInput(`filter.vacancyIds[${i}]: "${id}" is not a vacancy id.`, "filter");
        return key;
      });
      conditions.push(
        inArray(
          testSessions.id,
          // A draft's links count as none, so that a draft's id answers as an unknown one does: drafts stay private.
          this.db
            .select({ id: testSessionVacancies.sessionId })
            .from(testSessionVacancies)
            .innerJoin(vacancies, eq(vacancies.id, testSessionVacancies.vacancyId))
            .where(and(inArray(testSessionVacancies.vacancyId, keys), ne(vacancies.status, "DRAFT"))),
        ),
      );
    }
    return conditions;
  }
}
