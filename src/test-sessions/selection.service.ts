import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { toApplication } from "../applications/application.service";
import type { Application } from "../applications/application.type";
import type { PipelineService } from "../applications/pipeline.service";
import { retractStageMoves, type MoveActor } from "../applications/stage-moves";
import { stagesFrom } from "../applications/stages";
import { CursorCodec } from "../common/connection";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import { userError, type UserError } from "../common/user-error";
import { selectRows, type Db, type Executor } from "../db/client";
import { EventType } from "../events/event-types";
import { applicationEvent, recordEvents } from "../events/outbox";
import { applications, bookings, examParts, testResults, testSessions, testSessionVacancies, vacancies, type StageValue } from "../db/tables";
import { score, validPoints, type Procedure, type ScoreOutcome } from "./scoring";
import { CLOCK_SKEW_MS } from "../applications/submission.service";
import { unavailableReason } from "../db/faults";
import { stringProblem } from "../common/string-problem";
import { toTestSession } from "./test-session.rows";
import type { TestSession } from "./test-session.type";
import { SelectionErrorCode, type SelectionCode } from "./test-session.errors";

/** Who acts: an agency HR key acts only on its own agency's applications (null: any agency). */
export interface Selector {
  agencyCode: AgencyCode | null;
  actor: MoveActor;
}

type ApplicationRow = typeof applications.$inferSelect;

/** What recording one result did: the application and its score after it, and whether this call stored anything. */
export interface ResultOutcome<C extends SelectionErrorCode = SelectionCode<"recordTestResult">> {
  application: Application | null;
  score: ScoreOutcome | null;
  recorded: boolean;
  userErrors: UserError<C>[];
}

/** At most this many results per recordTestResults call. */
export const MAX_RESULTS = 500;
const MAX_INVITATIONS = 500;

function refusal<C extends SelectionErrorCode>(code: C, message: string, ...field: string[]): UserError<C> {
  return userError(code, message, ["input", ...field]);
}

/**
 * Invitations, attendance and scores. Each call is one transaction that locks the session row (seats are counted on
 * it) and the applications in id order, so concurrent invitations take turns: fifty of them into a ten-seat session
 * leave exactly ten booked.
 */
export class SelectionService {
  constructor(
    private readonly db: Db,
    private readonly pipeline: PipelineService,
  ) {}

  async invite(
    selector: Selector,
    sessionId: string,
    applicationIds: string[],
    now = new Date(),
    /** The historical path: invitations sent at this time to a session that has taken place since. */
    invitedAt: Date | null = null,
  ): Promise<{ testSession: TestSession | null; invited: Application[]; userErrors: UserError<SelectionCode<"inviteToTestSession">>[] }> {
    const none = (errors: UserError<SelectionCode<"inviteToTestSession">>[]) => ({ testSession: null, invited: [], userErrors: errors });
    const sessionKey = fromGlobalId("TestSession", sessionId);
    if (sessionKey == null) return none([refusal(SelectionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId")]);
    if (applicationIds.length === 0 || applicationIds.length > MAX_INVITATIONS) {
      return none([refusal(SelectionErrorCode.TOO_MANY, `Invite 1 to ${MAX_INVITATIONS} applications per call.`, "applicationIds")]);
    }
    const keys = applicationIds.map((id) => fromGlobalId("Application", id));

    return this.db.transaction(async (tx) => {
      const [session] = await tx.select().from(testSessions).where(eq(testSessions.id, sessionKey)).for("update");
      if (!session) return none([refusal(SelectionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId")]);
      if (session.status === "CANCELLED") return none([refusal(SelectionErrorCode.SESSION_CANCELLED, "The session is cancelled.", "sessionId")]);
      if (invitedAt) {
        if (session.startsAt > now)
          return none([refusal(SelectionErrorCode.SESSION_NOT_STARTED, "A historical invitation goes to a session that has taken place.", "sessionId")]);
        if (invitedAt > session.startsAt)
          return none([refusal(SelectionErrorCode.OCCURRED_AFTER_SESSION, "invitedAt lies after the session's start.", "invitedAt")]);
      } else if (session.startsAt <= now)
        return none([refusal(SelectionErrorCode.SESSION_STARTED, "The session has started: nobody can be invited any more.", "sessionId")]);

      const rows = await lockApplications(tx, keys);
      const served = new Set(
        (await tx.select({ id: testSessionVacancies.vacancyId }).from(testSessionVacancies).where(eq(testSessionVacancies.sessionId, sessionKey))).map(
          (r) => r.id,
        ),
      );
      const booked = new Set(
        (
          await openBookings(
            tx,
            rows.map((r) => r.id),
          )
        ).map((b) => b.booking.applicationId),
      );
      const errors: UserError<SelectionCode<"inviteToTestSession">>[] = [];
      const seen = new Set<number>();
      keys.forEach((key, i) => {
        const row = key == null ? undefined : rows.find((r) => r.id === key);
        if (!row || (selector.agencyCode && row.agencyCode !== selector.agencyCode)) {
          errors.push(refusal(SelectionErrorCode.APPLICATION_NOT_FOUND, "No application of yours has this id.", "applicationIds", String(i)));
        } else if (seen.has(row.id))
          errors.push(refusal(SelectionErrorCode.DUPLICATE_APPLICATION, "This application is listed twice.", "applicationIds", String(i)));
        else if (!served.has(row.vacancyId))
          errors.push(refusal(SelectionErrorCode.NOT_TESTED_BY_SESSION, "The session does not test this application's vacancy.", "applicationIds", String(i)));
        else if (booked.has(row.id))
          errors.push(refusal(SelectionErrorCode.ALREADY_BOOKED, "The application already holds a seat in a session.", "applicationIds", String(i)));
        else if (row.stage !== "SCREENED" && row.stage !== "INVITED") {
          errors.push(
            refusal(SelectionErrorCode.NOT_SCREENED, `The application is ${row.stage}; only SCREENED applications are invited.`, "applicationIds", String(i)),
          );
        } else if (invitedAt && invitedAt < row.stageEnteredAt) {
          errors.push(
            refusal(
              SelectionErrorCode.OCCURRED_BEFORE_PREVIOUS_MOVE,
              `invitedAt lies before the application's previous move (${row.stageEnteredAt.toISOString()}).`,
              "applicationIds",
              String(i),
            ),
          );
        }
        if (row) seen.add(row.id);
      });
      if (errors.length) return none(errors);

      const seatsLeft = session.capacity - session.seatsTaken;
      if (rows.length > seatsLeft) {
        return none([refusal(SelectionErrorCode.SESSION_FULL, `The session has ${seatsLeft} seats left; ${rows.length} were asked for.`, "applicationIds")]);
      }
      const [updatedSession] = await tx
        .update(testSessions)
        .set({ seatsTaken: sql`${testSessions.seatsTaken} + ${rows.length}`, updatedAt: sql`now()` })
        .where(eq(testSessions.id, sessionKey))
        .returning();
      await tx.insert(bookings).values(rows.map((r) => ({ sessionId: sessionKey, applicationId: r.id })));
      // Applications invited before to a session that was then cancelled are INVITED already: they only get a seat.
      const moved = await this.pipeline.moveRows(
        tx,
        rows
          .filter((r) => r.stage === "SCREENED")
          .map((row) => ({ row, toStage: "INVITED" as const, reason: null, occurredAt: invitedAt ?? later(now, row.stageEnteredAt) })),
        selector.actor,
        { type: EventType.APPLICATION_INVITED, extra: () => ({ testSessionId: toGlobalId("TestSession", sessionKey) }) },
      );
      // Already INVITED (their session was cancelled): a new seat, the same stage, and a new version for the syncs.
      const again = rows.filter((r) => r.stage === "INVITED").map((r) => r.id);
      const reinvited = again.length
        ? (
            await tx
              .update(applications)
              .set({ version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
              .where(inArray(applications.id, again))
              .returning()
          ).map(toApplication)
        : [];
      await recordEvents(
        tx,
        reinvited.map((a) =>
          applicationEvent(EventType.APPLICATION_INVITED, a, {
            fromStage: a.stage,
            occurredAt: invitedAt ?? now,
            extra: { testSessionId: toGlobalId("TestSession", sessionKey) },
          }),
        ),
      );
      return { testSession: toTestSession(updatedSession), invited: [...moved, ...reinvited].sort((a, b) => a.key - b.key), userErrors: [] };
    });
  }

  /**
   * Present: the booking is ATTENDED and the application TESTED; absent: NO_SHOW and REJECTED (NO_SHOW). The move is
   * dated at the session's start, when the applicant sat (or missed) the test.
   */
  async recordAttendance(
    selector: Selector,
    entries: { applicationId: string; attended: boolean; field: string[] }[],
    sessionId: string | null,
    now = new Date(),
  ): Promise<{ testSession: TestSession | null; applications: Application[]; userErrors: UserError<SelectionCode<"recordSessionAttendance">>[] }> {
    const none = (errors: UserError<SelectionCode<"recordSessionAttendance">>[]) => ({ testSession: null, applications: [], userErrors: errors });
    const sessionKey = sessionId == null ? null : fromGlobalId("TestSession", sessionId);
    if (sessionId != null && sessionKey == null) return none([refusal(SelectionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId")]);
    const keys = entries.map((e) => fromGlobalId("Application", e.applicationId));

    return this.db.transaction(async (tx) => {
      if (sessionKey != null && (await tx.select({ id: testSessions.id }).from(testSessions).where(eq(testSessions.id, sessionKey))).length === 0) {
        return none([refusal(SelectionErrorCode.SESSION_NOT_FOUND, "No test session has this id.", "sessionId")]);
      }
      const rows = await lockApplications(tx, keys);
      const open = await openBookings(
        tx,
        rows.map((r) => r.id),
      );
      const bookingOf = new Map(open.map((b) => [b.booking.applicationId, b]));
      const errors: UserError<SelectionCode<"recordSessionAttendance">>[] = [];
      const seen = new Set<number>();
      entries.forEach((entry, i) => {
        const row = keys[i] == null ? undefined : rows.find((r) => r.id === keys[i]);
        const booking = row ? bookingOf.get(row.id) : undefined;
        if (!row || (selector.agencyCode && row.agencyCode !== selector.agencyCode)) {
          errors.push(userError(SelectionErrorCode.APPLICATION_NOT_FOUND, "No application of yours has this id.", entry.field));
        } else if (seen.has(row.id)) errors.push(userError(SelectionErrorCode.DUPLICATE_APPLICATION, "This application is listed twice.", entry.field));
        else if (!booking || (sessionKey != null && booking.session.id !== sessionKey)) {
          errors.push(
            userError(
              SelectionErrorCode.NOT_BOOKED,
              sessionKey != null ? "The application holds no seat in this session." : "The application holds no seat in any session.",
              entry.field,
            ),
          );
        } else if (booking.session.startsAt > now) {
          errors.push(
            userError(
              SelectionErrorCode.SESSION_NOT_STARTED,
              `The session starts at ${booking.session.startsAt.toISOString()}: attendance is recorded once it has started.`,
              entry.field,
            ),
          );
        }
        if (row) seen.add(row.id);
      });
      if (errors.length) return none(errors);

      const present = entries.map((e, i) => ({ ...e, row: rows.find((r) => r.id === keys[i])! }));
      const bookingIds = (attended: boolean) => present.filter((p) => p.attended === attended).map((p) => bookingOf.get(p.row.id)!.booking.id);
      for (const [attended, status] of [
        [true, "ATTENDED"],
        [false, "NO_SHOW"],
      ] as const) {
        const ids = bookingIds(attended);
        if (ids.length)
          await tx
            .update(bookings)
            .set({ status, updatedAt: sql`now()` })
            .where(inArray(bookings.id, ids));
      }
      const perSession = new Map<number, { attended: number; absent: number }>();
      for (const p of present) {
        const id = bookingOf.get(p.row.id)!.session.id;
        const tally = perSession.get(id) ?? { attended: 0, absent: 0 };
        if (p.attended) tally.attended++;
        else tally.absent++;
        perSession.set(id, tally);
      }
      let lastSession: typeof testSessions.$inferSelect | undefined;
      for (const [id, tally] of [...perSession].sort((a, b) => a[0] - b[0])) {
        [lastSession] = await tx
          .update(testSessions)
          .set({
            attendedCount: sql`${testSessions.attendedCount} + ${tally.attended}`,
            noShowCount: sql`${testSessions.noShowCount} + ${tally.absent}`,
            updatedAt: sql`now()`,
          })
          .where(eq(testSessions.id, id))
          .returning();
      }
      const moved = await this.pipeline.moveRows(
        tx,
        present.map((p) => ({
          row: p.row,
          toStage: p.attended ? ("TESTED" as const) : ("REJECTED" as const),
          reason: p.attended ? null : ("NO_SHOW" as const),
          occurredAt: later(bookingOf.get(p.row.id)!.session.startsAt, p.row.stageEnteredAt),
        })),
        selector.actor,
        {
          type: EventType.APPLICATION_ATTENDANCE_RECORDED,
          extra: (key) => ({
            testSessionId: toGlobalId("TestSession", bookingOf.get(key)!.session.id),
            attended: present.find((p) => p.row.id === key)!.attended,
          }),
        },
      );
      return { testSession: sessionKey != null && lastSession ? toTestSession(lastSession) : null, applications: moved, userErrors: [] };
    });
  }

  /** Records one part's points, then lets the vacancy's procedure decide: on to the next part, laureate, or rejected. */
  async recordResult(
    selector: Selector,
    applicationId: string,
    partName: string,
    points: number,
    now = new Date(),
    /** The historical path: when the result was decided (it dates the decision's move). */
    decidedAt: Date | null = null,
  ): Promise<ResultOutcome> {
    const key = fromGlobalId("Application", applicationId);
    return this.db.transaction((tx) => this.recordResultIn(tx, selector, key, partName, points, now, decidedAt, []));
  }

  /**
   * recordTestResults: up to MAX_RESULTS results in one transaction, each checked and recorded as recordTestResult
   * would, in the order given; one refused does not stop the others (each runs in a savepoint, so even a database
   * refusal of one item leaves the rest). The same result sent again answers recorded: false without an error. The
   * applications are locked in id order first, so concurrent batches queue rather than deadlock.
   */
  async recordResults(
    selector: Selector,
    items: readonly { applicationId: string; part: string; points: number; decidedAt: Date | null }[],
    now = new Date(),
  ): Promise<(ResultOutcome<SelectionCode<"recordTestResults">> & { applicationId: string; part: string })[]> {
    const keys = items.map((item) => (stringProblem(item.applicationId) || stringProblem(item.part) ? null : fromGlobalId("Application", item.applicationId)));
    return this.db.transaction(async (tx) => {
      await lockApplications(tx, keys);
      const outcomes: (ResultOutcome<SelectionCode<"recordTestResults">> & { applicationId: string; part: string })[] = [];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const at = ["results", String(i)];
        const base = { applicationId: item.applicationId, part: item.part, application: null, score: null, recorded: false };
        const bad = stringProblem(item.applicationId) ? "applicationId" : stringProblem(item.part) ? "part" : null;
        if (bad) {
          outcomes.push({ ...base, userErrors: [refusal(SelectionErrorCode.INVALID_TEXT, `${bad} ${stringProblem(item[bad])}.`, ...at, bad)] });
          continue;
        }
        try {
          const outcome = await tx.transaction((sp) => this.recordResultIn(sp, selector, keys[i], item.part, item.points, now, item.decidedAt, at));
          outcomes.push({ ...base, ...outcome });
        } catch (error) {
          if (unavailableReason(error)) throw error;
          outcomes.push({
            ...base,
            userErrors: [refusal(SelectionErrorCode.NOT_STORED, "The database refused this result; the others stand. Retry it.", ...at, "points")],
          });
        }
      }
      return outcomes;
    });
  }

  private async recordResultIn(
    tx: Executor,
    selector: Selector,
    key: number | null,
    partName: string,
    points: number,
    now: Date,
    decidedAt: Date | null,
    at: string[],
  ): Promise<ResultOutcome> {
    const none = (error: UserError<SelectionCode<"recordTestResult">>): ResultOutcome => ({
      application: null,
      score: null,
      recorded: false,
      userErrors: [error],
    });
    if (decidedAt && decidedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      return none(refusal(SelectionErrorCode.OCCURRED_IN_FUTURE, "decidedAt lies in the future.", ...at, "decidedAt"));
    }
    const scored = await lockScoredPart(tx, selector, key, partName, points, at);
    if ("code" in scored) return none(scored);
    const { row, procedure, position, part } = scored;
    const results = await resultsOf(tx, row.id, procedure);
    // The same result again (a resend) is already there: nothing to do. Other points go through correctTestResult.
    if (results.get(part.name) === points) return { application: toApplication(row), score: score(procedure, results), recorded: false, userErrors: [] };
    if (results.has(part.name))
      return none(refusal(SelectionErrorCode.RESULT_ALREADY_RECORDED, `"${part.name}" already has a result; correctTestResult corrects it.`, ...at, "part"));
    if (row.stage !== "TESTED")
      return none(
        refusal(SelectionErrorCode.NOT_TESTED, `The application is ${row.stage}; results are recorded for TESTED applications.`, ...at, "applicationId"),
      );
    const missing = procedure.parts.slice(0, position).find((p) => !results.has(p.name));
    if (missing)
      return none(
        refusal(SelectionErrorCode.PREVIOUS_PART_MISSING, `"${missing.name}" comes first: only those who pass a part go on to the next.`, ...at, "part"),
      );

    if (decidedAt && decidedAt < row.stageEnteredAt) {
      return none(
        refusal(
          SelectionErrorCode.OCCURRED_BEFORE_PREVIOUS_MOVE,
          `decidedAt lies before the application's previous move (${row.stageEnteredAt.toISOString()}).`,
          ...at,
          "decidedAt",
        ),
      );
    }
    await tx
      .insert(testResults)
      .values({ applicationId: row.id, vacancyId: row.vacancyId, partPosition: position + 1, points, recordedByClientId: selector.actor.clientId });
    results.set(part.name, points);
    const outcome = score(procedure, results);
    const occurredAt = decidedAt ? (decidedAt < now ? decidedAt : now) : later(now, row.stageEnteredAt);
    if (outcome.decision === "PENDING") {
      // No move, but a change the agency can see (application.score): a new version, so syncs pick it up.
      const application = await touchWithEvent(tx, row, EventType.APPLICATION_RESULT_RECORDED, {
        fromStage: row.stage,
        occurredAt,
        extra: { part: part.name },
      });
      return { application, score: outcome, recorded: true, userErrors: [] };
    }
    const [moved] = await this.pipeline.moveRows(
      tx,
      [
        {
          row,
          toStage: outcome.decision === "LAUREATE" ? "LAUREATE" : "REJECTED",
          reason: outcome.decision === "LAUREATE" ? null : "FAILED_TEST",
          occurredAt,
        },
      ],
      selector.actor,
      { type: EventType.APPLICATION_RESULT_RECORDED, extra: () => ({ part: part.name }) },
    );
    return { application: moved, score: outcome, recorded: true, userErrors: [] };
  }

  /**
   * Corrects the points of a part already scored, then lets the procedure decide again. When the decision changes and
   * the application still stands where the old decision put it, the decision follows: a laureate who now fails is
   * REJECTED (FAILED_TEST); a rejection the corrected score reverses is taken back out of the history (its event and
   * counters, retractStageMoves) and replaced by the right decision at the same moment, so every figure reads as if
   * the right score had been recorded in the first place. A decision already acted on (OFFERED, HIRED, or left by
   * another move) is not undone: DECISION_ACTED_ON, nothing changed. The same points again change nothing.
   */
  async correctResult(
    selector: Selector,
    applicationId: string,
    partName: string,
    points: number,
    now = new Date(),
  ): Promise<{
    application: Application | null;
    score: ScoreOutcome | null;
    previousPoints: number | null;
    userErrors: UserError<SelectionCode<"correctTestResult">>[];
  }> {
    const none = (error: UserError<SelectionCode<"correctTestResult">>) => ({ application: null, score: null, previousPoints: null, userErrors: [error] });
    const key = fromGlobalId("Application", applicationId);
    return this.db.transaction(async (tx) => {
      const scored = await lockScoredPart(tx, selector, key, partName, points, []);
      if ("code" in scored) return none(scored);
      const { row, procedure, position, part } = scored;
      const results = await resultsOf(tx, row.id, procedure);
      const previousPoints = results.get(part.name);
      if (previousPoints === undefined)
        return none(refusal(SelectionErrorCode.RESULT_NOT_RECORDED, `"${part.name}" has no result to correct; record it with recordTestResult.`, "part"));
      const before = score(procedure, results);
      if (previousPoints === points) return { application: toApplication(row), score: before, previousPoints, userErrors: [] };
      results.set(part.name, points);
      const after = score(procedure, results);

      const stageOf = (decision: ScoreOutcome["decision"]) => (decision === "PENDING" ? "TESTED" : decision === "LAUREATE" ? "LAUREATE" : "REJECTED");
      const standsOnDecision = row.stage === stageOf(before.decision) && (row.stage !== "REJECTED" || row.rejectionReason === "FAILED_TEST");
      const [last] =
        after.decision !== before.decision && standsOnDecision && before.decision !== "PENDING"
          ? await selectRows<{ id: number; from_stage: StageValue | null; occurred_at: Date; entered_from_at: Date | null }>(
              tx,
              sql`select id, from_stage, occurred_at, lag(occurred_at) over (order by occurred_at, id) as entered_from_at
                  from stage_events where application_id = ${row.id} order by occurred_at desc, id desc limit 1`,
            )
          : [];
      if (after.decision !== before.decision && (!standsOnDecision || (before.decision !== "PENDING" && last?.from_stage !== "TESTED"))) {
        return none(
          refusal(
            SelectionErrorCode.DECISION_ACTED_ON,
            `The corrected score would change the decision from ${before.decision} to ${after.decision}, but the application is ${row.stage} now: that decision has been acted on and is not undone here.`,
            "points",
          ),
        );
      }

      await tx
        .update(testResults)
        .set({ points })
        .where(and(eq(testResults.applicationId, row.id), eq(testResults.partPosition, position + 1)));
      const event = { type: EventType.APPLICATION_RESULT_CORRECTED, extra: () => ({ part: part.name }) };
      if (after.decision === before.decision) {
        const application = await touchWithEvent(tx, row, event.type, {
          fromStage: row.stage,
          occurredAt: later(now, row.stageEnteredAt),
          extra: event.extra(),
        });
        return { application, score: after, previousPoints, userErrors: [] };
      }
      if (before.decision === "PENDING") {
        // Still TESTED, and the corrected part now fails: the rejection the right score would have brought, now.
        const [moved] = await this.pipeline.moveRows(
          tx,
          [{ row, toStage: "REJECTED", reason: "FAILED_TEST", occurredAt: later(now, row.stageEnteredAt) }],
          selector.actor,
          event,
        );
        return { application: moved, score: after, previousPoints, userErrors: [] };
      }
      // The old decision is the application's last move: take it back, then make the right one at the same moment.
      const testedAt = new Date(last.entered_from_at!);
      const decidedAt = new Date(last.occurred_at);
      await retractStageMoves(tx, [
        {
          eventId: last.id,
          applicationId: row.id,
          vacancyId: row.vacancyId,
          personId: null,
          fromStage: "TESTED",
          toStage: row.stage,
          reason: row.rejectionReason,
          occurredAt: decidedAt,
          enteredFromAt: testedAt,
          appliedAt: row.submittedAt,
          actor: selector.actor,
        },
      ]);
      const tested = { ...row, stage: "TESTED" as const, rejectionReason: null, stageEnteredAt: testedAt };
      if (after.decision === "PENDING") {
        const [reopened] = await tx
          .update(applications)
          .set({ stage: "TESTED", rejectionReason: null, stageEnteredAt: testedAt, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
          .where(eq(applications.id, row.id))
          .returning();
        const application = toApplication(reopened);
        await recordEvents(tx, [applicationEvent(event.type, application, { fromStage: row.stage, occurredAt: later(now, testedAt), extra: event.extra() })]);
        return { application, score: after, previousPoints, userErrors: [] };
      }
      const [moved] = await this.pipeline.moveRows(
        tx,
        [
          {
            row: tested,
            toStage: after.decision === "LAUREATE" ? "LAUREATE" : "REJECTED",
            reason: after.decision === "LAUREATE" ? null : "FAILED_TEST",
            occurredAt: decidedAt,
          },
        ],
        selector.actor,
        { ...event, fromStage: row.stage },
      );
      return { application: moved, score: after, previousPoints, userErrors: [] };
    });
  }

  laureates(vacancyKeys: readonly number[], afterRank: number, limit: number) {
    return laureatesOf(this.db, vacancyKeys, afterRank, limit);
  }

  laureateCounts(vacancyKeys: readonly number[]) {
    return laureateCounts(this.db, vacancyKeys);
  }

  /** Scores of several applications (for application.score), in one statement per kind of row. */
  async scoresOf(rows: readonly { key: number; vacancyKey: number }[]): Promise<Map<number, ScoreOutcome | null>> {
    const vacancyKeys = [...new Set(rows.map((r) => r.vacancyKey))];
    const parts = await this.db
      .select()
      .from(examParts)
      .where(inArray(examParts.vacancyId, vacancyKeys))
      .orderBy(asc(examParts.vacancyId), asc(examParts.position));
    const overall = await this.db.select({ id: vacancies.id, overall: vacancies.overallPassPercent }).from(vacancies).where(inArray(vacancies.id, vacancyKeys));
    const results = await this.db
      .select()
      .from(testResults)
      .where(
        inArray(
          testResults.applicationId,
          rows.map((r) => r.key),
        ),
      );
    const scores = new Map<number, ScoreOutcome | null>();
    for (const r of rows) {
      const own = results.filter((t) => t.applicationId === r.key);
      if (own.length === 0) {
        scores.set(r.key, null);
        continue;
      }
      const procParts = parts.filter((p) => p.vacancyId === r.vacancyKey);
      const procedure: Procedure = { parts: procParts, overallPassPercent: overall.find((v) => v.id === r.vacancyKey)!.overall };
      scores.set(r.key, score(procedure, new Map(own.map((t) => [procParts.find((p) => p.position === t.partPosition)!.name, t.points]))));
    }
    return scores;
  }
}

export const LAUREATE_ORDER = "rank";
export const laureateCursors = new CursorCodec<[number]>("laureates", (v): v is [number] => v.length === 1 && Number.isSafeInteger(v[0]));
const LAUREATE_STAGES = stagesFrom("LAUREATE");

/**
 * Laureates (LAUREATE, OFFERED or HIRED) of several vacancies, each list ranked by total points; ties go to the higher
 * score on the first exam part, then to the earlier application, then to the lower id, so the order is total and
 * stable. The rank is the cursor: a new laureate shifts the ranks after it, as it does on the paper list. Returns the
 * rows after rank `afterRank`, at most `limit` per vacancy, in two statements however many vacancies.
 */
async function laureatesOf(
  db: Db,
  vacancyKeys: readonly number[],
  afterRank: number,
  limit: number,
): Promise<{ vacancyKey: number; rank: number; application: Application }[]> {
  const rows = await selectRows<{ vacancy_id: number; id: number; rank: number }>(
    db,
    sql`select vacancy_id, id, rank::int as rank from (
          select a.vacancy_id, a.id, row_number() over (
            partition by a.vacancy_id
            order by coalesce(sum(r.points), 0) desc, coalesce(max(r.points) filter (where r.part_position = 1), 0) desc, a.submitted_at, a.id) as rank
          from applications a left join test_results r on r.application_id = a.id
          where a.vacancy_id in ${sql.raw(`(${vacancyKeys.map(Number).join(",")})`)} and a.stage in ('LAUREATE', 'OFFERED', 'HIRED')
          group by a.id) ranked
        where rank > ${afterRank} and rank <= ${afterRank + limit}
        order by vacancy_id, rank`,
  );
  const apps = rows.length
    ? await db
        .select()
        .from(applications)
        .where(
          inArray(
            applications.id,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const byId = new Map(apps.map((a) => [a.id, toApplication(a)]));
  return rows.map((r) => ({ vacancyKey: r.vacancy_id, rank: r.rank, application: byId.get(r.id)! }));
}

async function laureateCounts(db: Db, vacancyKeys: readonly number[]): Promise<{ vacancyKey: number; count: number }[]> {
  return db
    .select({ vacancyKey: applications.vacancyId, count: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(inArray(applications.vacancyId, [...vacancyKeys]), inArray(applications.stage, LAUREATE_STAGES)))
    .groupBy(applications.vacancyId);
}

/** A change the agency can see without a move (application.score): a new version, so syncs pick it up, and its event. */
async function touchWithEvent(
  tx: Executor,
  row: { id: number },
  type: EventType,
  change: { fromStage: StageValue; occurredAt: Date; extra: Record<string, unknown> },
): Promise<Application> {
  const [touched] = await tx
    .update(applications)
    .set({ version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(eq(applications.id, row.id))
    .returning();
  const application = toApplication(touched);
  await recordEvents(tx, [applicationEvent(type, application, change)]);
  return application;
}

/** The bookings (with their sessions) these applications hold now. */
function openBookings(tx: Executor, applicationKeys: number[]) {
  return tx
    .select({ booking: bookings, session: testSessions })
    .from(bookings)
    .innerJoin(testSessions, eq(testSessions.id, bookings.sessionId))
    .where(and(inArray(bookings.applicationId, applicationKeys), eq(bookings.status, "BOOKED")));
}

/** Applications locked in id order, so concurrent calls on overlapping sets queue instead of deadlocking. */
async function lockApplications(tx: Executor, keys: (number | null)[]): Promise<ApplicationRow[]> {
  const valid = [...new Set(keys.filter((k): k is number => k != null))].sort((a, b) => a - b);
  if (valid.length === 0) return [];
  return tx.select().from(applications).where(inArray(applications.id, valid)).orderBy(asc(applications.id)).for("update");
}

/**
 * What recording and correcting a result both start from: the caller's application, locked, its vacancy's procedure and
 * the part the points are for; or the refusal (fields under `at`, the item's path in a batch).
 */
async function lockScoredPart(tx: Executor, selector: Selector, key: number | null, partName: string, points: number, at: string[]) {
  const [row] = key == null ? [] : await lockApplications(tx, [key]);
  if (!row || (selector.agencyCode && row.agencyCode !== selector.agencyCode)) {
    return refusal(SelectionErrorCode.APPLICATION_NOT_FOUND, "No application of yours has this id.", ...at, "applicationId");
  }
  const procedure = await procedureOf(tx, row.vacancyId);
  const position = procedure.parts.findIndex((p) => p.name === partName);
  if (position < 0) {
    const parts = procedure.parts.map((p) => `"${p.name}"`).join(", ");
    return refusal(SelectionErrorCode.UNKNOWN_PART, `The vacancy's procedure has no part "${partName}"; its parts are ${parts}.`, ...at, "part");
  }
  const part = procedure.parts[position];
  if (!validPoints(points, part)) {
    return refusal(
      SelectionErrorCode.POINTS_OUT_OF_RANGE,
      `points must be from 0 to ${part.maxPoints} (in hundredths at most), got ${points}.`,
      ...at,
      "points",
    );
  }
  return { row, procedure, position, part };
}

async function procedureOf(tx: Executor, vacancyKey: number): Promise<Procedure> {
  const parts = await tx.select().from(examParts).where(eq(examParts.vacancyId, vacancyKey)).orderBy(asc(examParts.position));
  const [vacancy] = await tx.select({ overall: vacancies.overallPassPercent }).from(vacancies).where(eq(vacancies.id, vacancyKey));
  return { parts: parts.map((p) => ({ name: p.name, maxPoints: p.maxPoints, passPercent: p.passPercent })), overallPassPercent: vacancy.overall };
}

async function resultsOf(tx: Executor, applicationKey: number, procedure: Procedure): Promise<Map<string, number>> {
  const rows = await tx.select().from(testResults).where(eq(testResults.applicationId, applicationKey));
  return new Map(rows.map((r) => [procedure.parts[r.partPosition - 1].name, r.points]));
}

/** A move's time: the given moment, unless the application's previous move is later (clocks, late syncs). */
function later(at: Date, previous: Date): Date {
  return at < previous ? previous : at;
}
