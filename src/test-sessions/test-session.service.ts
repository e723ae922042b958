import { and, asc, eq, gte, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { badUserInput } from "../common/errors";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import type { Db } from "../db/client";
import { PreparedStatements } from "../db/prepared-statements";
import { campaigns, testSessions, testSessionVacancies, vacancies } from "../db/tables";
import { toVacancy, vacancyColumns } from "../vacancies/vacancy.service";
import type { Vacancy } from "../vacancies/vacancy.type";
import { TestSession, TestSessionFilter, TestSessionStatus } from "./test-session.type";

type TestSessionRow = Omit<typeof testSessions.$inferSelect, "createdAt" | "updatedAt">;

/** A session as a raw statement returns it (column names as in the table; instants as text: the driver's, or JSON's). */
interface UpcomingRow {
  vacancy_key: number;
  id: number;
  campaign_id: number;
  kind: TestSessionRow["kind"];
  starts_at: string | Date;
  duration_minutes: number;
  place: string;
  place_names: TestSessionRow["placeNames"];
  language: TestSessionRow["language"];
  capacity: number;
  status: TestSessionRow["status"];
  seats_taken: number;
  attended_count: number;
  no_show_count: number;
}

function fromRawRow(r: UpcomingRow): TestSessionRow {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    kind: r.kind,
    // timestamptz arrives as PostgreSQL's text, or as JSON's ISO 8601 form: Date parses both (as drizzle's own mapping does).
    startsAt: r.starts_at instanceof Date ? r.starts_at : new Date(r.starts_at),
    durationMinutes: r.duration_minutes,
    place: r.place,
    // jsonb: parsed by both drivers; drizzle's own mapping also takes it as text.
    placeNames: typeof r.place_names === "string" ? (JSON.parse(r.place_names) as TestSessionRow["placeNames"]) : r.place_names,
    language: r.language,
    capacity: r.capacity,
    status: r.status,
    seatsTaken: r.seats_taken,
    attendedCount: r.attended_count,
    noShowCount: r.no_show_count,
  };
}

export function toTestSession(row: TestSessionRow): TestSession {
  return Object.assign(new TestSession(), {
    id: toGlobalId("TestSession", row.id),
    key: row.id,
    campaignKey: row.campaignId,
    kind: row.kind,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    placeName: row.place,
    placeNames: row.placeNames,
    language: row.language,
    capacity: row.capacity,
    status: row.status,
    seatsTaken: row.seatsTaken,
    attendedCount: row.attendedCount,
    noShowCount: row.noShowCount,
  });
}

export function seatsLeft(session: TestSession): number {
  return session.status === TestSessionStatus.CANCELLED ? 0 : Math.max(0, session.capacity - session.seatsTaken);
}

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

  /**
   * Up to `limit` upcoming, scheduled sessions per vacancy, soonest first: one pass over the vacancies' links, ranked.
   * On a public page this is the statement with the most to read (up to `limit` per vacancy, the same sessions
   * repeated across vacancies), so PostgreSQL hands it over as two JSON values: the links as [vacancy, session] in
   * order, and each session once. The driver parses each value with one JSON.parse instead of a field at a time,
   * and each session is mapped once. The keys go as one array, so every page shares one text (per `limit`, which is
   * in the text), built and prepared once.
   */
  async upcomingForVacancies(vacancyKeys: readonly number[], limit: number): Promise<{ vacancyKey: number; session: TestSession }[]> {
    const s = testSessions;
    const [found] = await this.statements.rows<{ links: [number, number][] | string; sessions: UpcomingRow[] | string }>(
      `upcoming:${limit}`,
      () => sql`with r as (
            select vacancy_key, session_id, rank
            from (select ${testSessionVacancies.vacancyId} as vacancy_key, ${s.id} as session_id,
                         row_number() over (partition by ${testSessionVacancies.vacancyId} order by ${s.startsAt}, ${s.id}) as rank
                  from ${testSessionVacancies} join ${s} on ${s.id} = ${testSessionVacancies.sessionId}
                  where ${testSessionVacancies.vacancyId} = any(${sql.placeholder("vacancyKeys")}::int[]) and ${s.status} = 'SCHEDULED' and ${s.startsAt} > now()) ranked
            where rank <= ${sql.raw(String(limit))})
          select (select coalesce(json_agg(json_build_array(vacancy_key, session_id) order by vacancy_key, rank), '[]') from r) as links,
                 (select coalesce(json_agg(u), '[]')
                  from (select ${s.id} as id, ${s.campaignId} as campaign_id, ${s.kind} as kind, ${s.startsAt} as starts_at,
                               ${s.durationMinutes} as duration_minutes, ${s.place} as place, ${s.placeNames} as place_names,
                               ${s.language} as language, ${s.capacity} as capacity, ${s.status} as status, ${s.seatsTaken} as seats_taken,
                               ${s.attendedCount} as attended_count, ${s.noShowCount} as no_show_count
                        from ${s} where ${s.id} in (select session_id from r)) u) as sessions`,
      { vacancyKeys: [...vacancyKeys] },
    );
    // json: both drivers parse it; text if one ever does not.
    const parsed = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
    const sessions = new Map<number, TestSession>();
    for (const row of parsed(found.sessions)) sessions.set(row.id, toTestSession(fromRawRow(row)));
    return parsed(found.links).map(([vacancyKey, sessionKey]) => ({ vacancyKey, session: sessions.get(sessionKey)! }));
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
