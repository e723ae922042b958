import { and, eq, inArray, sql } from "drizzle-orm";
import { fromGlobalId } from "../common/global-id";
import { Language } from "../common/language";
import type { LocalizedText } from "../common/localized-text";
import { userError, type UserError } from "../common/user-error";
import type { Db } from "../db/client";
import { addDays, brusselsDate } from "../common/brussels-time";
import { EventType } from "../events/event-types";
import { recordEvents, testSessionEvent } from "../events/outbox";
import { bookings, campaigns, examParts, testSessions, testSessionVacancies, vacancies } from "../db/tables";
import { CreateTestSessionInput, RescheduleTestSessionInput } from "./test-session.inputs";
import { toTestSession } from "./test-session.rows";
import type { TestSession } from "./test-session.type";
import { SessionErrorCode, type ScheduleCode, type SessionCode } from "./test-session.errors";

/** `C`: the codes of the operation (SESSION_OPERATION_CODES). */
export interface SessionOutcome<C extends SessionErrorCode = SessionErrorCode> {
  testSession: TestSession | null;
  userErrors: UserError<C>[];
}

const refused = <C extends SessionErrorCode>(code: C, message: string, field: string): SessionOutcome<C> => ({
  testSession: null,
  userErrors: [userError(code, message, ["input", field])],
});

/** createTestSession, rescheduleTestSession, cancelTestSession: the planner's side (TASKFORCE and ADMIN). */
export class SessionManagementService {
  constructor(private readonly db: Db) {}

  async create(input: CreateTestSessionInput, now = new Date()): Promise<SessionOutcome<SessionCode<"createTestSession">>> {
    // The historical path loads a session that has taken place; the ordinary one plans ahead.
    if (input.historical && input.startsAt > now)
      return refused(SessionErrorCode.HISTORICAL_IN_FUTURE, "A historical session has taken place: startsAt must lie in the past.", "startsAt");
    const problem = checkSchedule(input, input.historical ? new Date(input.startsAt.getTime() - 1) : now);
    if (problem) return problem;
    if (input.vacancyIds.length === 0) return refused(SessionErrorCode.NO_VACANCIES, "A session tests at least one vacancy.", "vacancyIds");
    const keys = input.vacancyIds.map((id) => fromGlobalId("Vacancy", id));
    const unknownIndex = keys.findIndex((k) => k == null);
    const rows = keys.includes(null)
      ? []
      : await this.db
          .select({ id: vacancies.id, campaignId: vacancies.campaignId, status: vacancies.status, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
          .from(vacancies)
          .innerJoin(campaigns, eq(campaigns.id, vacancies.campaignId))
          .where(inArray(vacancies.id, keys as number[]));
    const missing = unknownIndex >= 0 ? unknownIndex : keys.findIndex((k) => !rows.some((r) => r.id === k));
    if (missing >= 0)
      return {
        testSession: null,
        userErrors: [userError(SessionErrorCode.VACANCY_NOT_FOUND, "No vacancy has this id.", ["input", "vacancyIds", String(missing)])],
      };
    // Drafts are private until published: nobody may be tested for a post the public cannot see.
    const draft = keys.findIndex((k) => rows.find((r) => r.id === k)?.status === "DRAFT");
    if (draft >= 0)
      return {
        testSession: null,
        userErrors: [
          userError(SessionErrorCode.VACANCY_NOT_PUBLISHED, "This vacancy is a draft: publish it before scheduling a test session for it.", [
            "input",
            "vacancyIds",
            String(draft),
          ]),
        ],
      };
    const campaignIds = new Set(rows.map((r) => r.campaignId));
    if (campaignIds.size > 1)
      return refused(SessionErrorCode.VACANCIES_OF_SEVERAL_CAMPAIGNS, "A session's vacancies must all belong to one campaign.", "vacancyIds");
    const outside = checkWithinCampaign(input.startsAt, rows[0]);
    if (outside) return outside;
    // A session examines one kind of exam part: every vacancy it tests must have such a part in its procedure.
    const examined = await this.db
      .selectDistinct({ vacancyId: examParts.vacancyId })
      .from(examParts)
      .where(and(inArray(examParts.vacancyId, keys as number[]), eq(examParts.kind, input.kind)));
    const untested = keys.findIndex((k) => !examined.some((e) => e.vacancyId === k));
    if (untested >= 0)
      return {
        testSession: null,
        userErrors: [
          userError(
            SessionErrorCode.KIND_NOT_IN_PROCEDURE,
            `The vacancy's selection procedure has no ${input.kind} part: a ${input.kind} session cannot test it.`,
            ["input", "vacancyIds", String(untested)],
          ),
        ],
      };

    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(testSessions)
        .values({
          campaignId: rows[0].campaignId,
          kind: input.kind,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          place: input.place.trim(),
          placeNames: input.placeNames ? localizedText(input.placeNames) : null,
          language: input.language ?? Language.NL,
          capacity: input.capacity,
        })
        .returning();
      await tx.insert(testSessionVacancies).values([...new Set(rows.map((r) => r.id))].map((vacancyId) => ({ sessionId: row.id, vacancyId })));
      const testSession = toTestSession(row);
      await recordEvents(tx, [testSessionEvent(EventType.TEST_SESSION_SCHEDULED, testSession)]);
      return { testSession, userErrors: [] };
    });
  }

  async reschedule(input: RescheduleTestSessionInput, now = new Date()): Promise<SessionOutcome<SessionCode<"rescheduleTestSession">>> {
    const key = fromGlobalId("TestSession", input.sessionId);
    if (key == null) return refused(SessionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId");
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(testSessions).where(eq(testSessions.id, key)).for("update");
      if (!current) return refused(SessionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId");
      if (current.status === "CANCELLED") return refused(SessionErrorCode.SESSION_CANCELLED, "The session is cancelled.", "sessionId");
      if (current.startsAt <= now) return refused(SessionErrorCode.SESSION_STARTED, "The session has started: it can no longer be moved.", "sessionId");
      const wanted = {
        startsAt: input.startsAt ?? current.startsAt,
        durationMinutes: input.durationMinutes ?? current.durationMinutes,
        place: input.place ?? current.place,
        capacity: input.capacity ?? current.capacity,
      };
      const problem = checkSchedule(wanted, now);
      if (problem) return problem;
      if (input.startsAt) {
        const [campaign] = await tx
          .select({ startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
          .from(campaigns)
          .where(eq(campaigns.id, current.campaignId));
        const outside = checkWithinCampaign(wanted.startsAt, campaign);
        if (outside) return outside;
      }
      if (wanted.capacity < current.seatsTaken) {
        return refused(SessionErrorCode.CAPACITY_BELOW_BOOKINGS, `${current.seatsTaken} seats are booked: the capacity cannot go below that.`, "capacity");
      }
      const [row] = await tx
        .update(testSessions)
        // A new place makes the old place's translations wrong: the public then reads the place as entered.
        .set({ ...wanted, place: wanted.place.trim(), ...(wanted.place.trim() !== current.place ? { placeNames: null } : {}), updatedAt: sql`now()` })
        .where(eq(testSessions.id, key))
        .returning();
      const testSession = toTestSession(row);
      const changed = (["startsAt", "durationMinutes", "place", "capacity"] as const).filter((f) => String(row[f]) !== String(current[f]));
      await recordEvents(tx, [testSessionEvent(EventType.TEST_SESSION_MOVED, testSession, { changed })]);
      return { testSession, userErrors: [] };
    });
  }

  /** Calls a session off: its open bookings are cancelled and their applicants may be invited to another session. */
  async cancel(sessionId: string, now = new Date()): Promise<SessionOutcome<SessionCode<"cancelTestSession">>> {
    const key = fromGlobalId("TestSession", sessionId);
    if (key == null) return refused(SessionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId");
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(testSessions).where(eq(testSessions.id, key)).for("update");
      if (!current) return refused(SessionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId");
      if (current.status === "CANCELLED") return refused(SessionErrorCode.SESSION_CANCELLED, "The session is already cancelled.", "sessionId");
      if (current.startsAt <= now) return refused(SessionErrorCode.SESSION_STARTED, "The session has started: it can no longer be cancelled.", "sessionId");
      const freed = await tx
        .update(bookings)
        .set({ status: "CANCELLED", updatedAt: sql`now()` })
        .where(and(eq(bookings.sessionId, key), eq(bookings.status, "BOOKED")))
        .returning({ id: bookings.id });
      const [row] = await tx
        .update(testSessions)
        .set({ status: "CANCELLED", seatsTaken: sql`${testSessions.seatsTaken} - ${freed.length}`, updatedAt: sql`now()` })
        .where(eq(testSessions.id, key))
        .returning();
      const testSession = toTestSession(row);
      await recordEvents(tx, [testSessionEvent(EventType.TEST_SESSION_CANCELLED, testSession)]);
      return { testSession, userErrors: [] };
    });
  }
}

/** Test sessions may be held up to this many days after the campaign's last day (the last applicants are still tested). */
export const SESSION_MARGIN_DAYS = 90;

/**
 * The days (Brussels) on which a campaign's test sessions may start: from its first day to SESSION_MARGIN_DAYS after its
 * last. Pure, so the bound is unit-tested without a database.
 */
export function sessionWindow(campaign: { startsOn: string; endsOn: string }): { first: string; last: string } {
  return { first: campaign.startsOn, last: addDays(campaign.endsOn, SESSION_MARGIN_DAYS) };
}

export function checkWithinCampaign(startsAt: Date, campaign: { startsOn: string; endsOn: string }): SessionOutcome<SessionErrorCode.OUTSIDE_CAMPAIGN> | null {
  const { first, last } = sessionWindow(campaign);
  const day = brusselsDate(startsAt);
  if (day >= first && day <= last) return null;
  return refused(
    SessionErrorCode.OUTSIDE_CAMPAIGN,
    `startsAt must fall within the campaign, from ${first} to ${last} (its last day, ${campaign.endsOn}, and ${SESSION_MARGIN_DAYS} days more).`,
    "startsAt",
  );
}

function checkSchedule(
  s: {
    startsAt: Date;
    durationMinutes: number;
    place: string;
    capacity: number;
    placeNames?: { nl: string; fr?: string | null; en?: string | null; de?: string | null } | null;
  },
  now: Date,
): SessionOutcome<ScheduleCode> | null {
  if (s.startsAt <= now) return refused(SessionErrorCode.STARTS_IN_PAST, "startsAt must lie in the future.", "startsAt");
  if (!Number.isInteger(s.capacity) || s.capacity < 1 || s.capacity > 10_000)
    return refused(SessionErrorCode.INVALID_CAPACITY, `capacity must be from 1 to 10000, got ${s.capacity}.`, "capacity");
  if (s.durationMinutes < 1 || s.durationMinutes > 1440)
    return refused(SessionErrorCode.INVALID_DURATION, "durationMinutes must be from 1 to 1440.", "durationMinutes");
  const place = s.place.trim();
  if (place.length < 1 || place.length > 200) return refused(SessionErrorCode.INVALID_PLACE, "place must be 1 to 200 characters.", "place");
  const names = s.placeNames ? [s.placeNames.nl, s.placeNames.fr, s.placeNames.en, s.placeNames.de].filter((n): n is string => n != null) : [];
  if (s.placeNames && (!s.placeNames.nl.trim() || names.some((n) => n.trim().length > 200)))
    return refused(SessionErrorCode.INVALID_PLACE, "placeNames needs a Dutch name, and every name at most 200 characters.", "placeNames");
  return null;
}

function localizedText(text: { nl: string; fr?: string | null; en?: string | null; de?: string | null }): LocalizedText {
  return {
    nl: text.nl.trim(),
    ...(text.fr?.trim() ? { fr: text.fr.trim() } : {}),
    ...(text.en?.trim() ? { en: text.en.trim() } : {}),
    ...(text.de?.trim() ? { de: text.de.trim() } : {}),
  };
}
