import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { testSessions, testSessionVacancies } from "../db/tables";
import { jsonRow } from "../db/json-rows";
import { fromTuple, SESSION_ROW, toTestSession, type TestSessionTuple } from "./test-session.rows";
import type { TestSession } from "./test-session.type";

/** The two JSON values the upcoming sessions come back as (json: both drivers parse it; text if one ever does not). */
export interface UpcomingSessionsJson {
  upcoming_links: [number, number][] | string;
  upcoming_sessions: TestSessionTuple[] | string;
}

/**
 * Up to `limit` upcoming, scheduled sessions per vacancy, soonest first: one pass over the vacancies' links, ranked.
 * On a public page this is the part with the most to read (up to `limit` per vacancy, the same sessions repeated
 * across vacancies), so PostgreSQL hands it over as two JSON values: the links as [vacancy, session] in order, and
 * each session once (as an array of its values: src/db/json-rows.ts). The driver parses each value with one JSON.parse instead of a field at a time, and each session
 * is mapped once.
 *
 * `cte` goes into a statement's WITH list and `columns` into its select list: a statement of its own for a set of
 * vacancies (TestSessionService.upcomingForVacancies), or the page of vacancies' own statement, the vacancies named
 * by a subquery of it (VacancyService.list). `vacancies` says which: a condition on the link's vacancy column.
 */
export function upcomingSessionsSql(vacancies: (vacancyId: PgColumn) => SQL, limit: number): { cte: SQL; columns: SQL } {
  const s = testSessions;
  return {
    cte: sql`upcoming_links as (
            select vacancy_key, session_id, rank
            from (select ${testSessionVacancies.vacancyId} as vacancy_key, ${s.id} as session_id,
                         row_number() over (partition by ${testSessionVacancies.vacancyId} order by ${s.startsAt}, ${s.id}) as rank
                  from ${testSessionVacancies} join ${s} on ${s.id} = ${testSessionVacancies.sessionId}
                  where ${vacancies(testSessionVacancies.vacancyId)} and ${s.status} = 'SCHEDULED' and ${s.startsAt} > now()) ranked
            where rank <= ${sql.raw(String(limit))})`,
    columns: sql`(select coalesce(json_agg(json_build_array(vacancy_key, session_id) order by vacancy_key, rank), '[]') from upcoming_links) as upcoming_links,
                 (select coalesce(json_agg(${jsonRow(SESSION_ROW)}), '[]') from ${s} where ${s.id} in (select session_id from upcoming_links)) as upcoming_sessions`,
  };
}

/** The statement's two values as [vacancy key, session] pairs, in the vacancies' order and each vacancy's soonest first. */
export function readUpcomingSessions(found: UpcomingSessionsJson): { vacancyKey: number; session: TestSession }[] {
  const parsed = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
  const sessions = new Map<number, TestSession>();
  for (const row of parsed(found.upcoming_sessions)) sessions.set(row[0], toTestSession(fromTuple(row)));
  return parsed(found.upcoming_links).map(([vacancyKey, sessionKey]) => ({ vacancyKey, session: sessions.get(sessionKey)! }));
}
