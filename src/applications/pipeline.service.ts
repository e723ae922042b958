import { asc, eq, inArray, sql } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { fromGlobalId } from "../common/global-id";
import { userError, type UserError } from "../common/user-error";
import { selectRows, type Db, type Executor } from "../db/client";
import { EventType } from "../events/event-types";
import { applicationEvent, recordEvents } from "../events/outbox";
import { applications, stageEvents, type RejectionReasonValue, type StageValue } from "../db/tables";
import { stringProblem } from "../common/string-problem";
import type { Application } from "./application.type";
import { selectApplicationRows, toApplication } from "./application.service";
import { CLOCK_SKEW_MS } from "./submission.service";
import { releaseSeatsOfLeavers } from "../test-sessions/seats";
import { recordStageMoves, type MoveActor } from "./stage-moves";
import { checkMove, type MoveOrigin } from "./stages";
import { MoveErrorCode, type ApplicationCode } from "./application.errors";

export interface MoveRequest {
  applicationId: string;
  toStage: StageValue;
  reason: RejectionReasonValue | null;
  occurredAt: Date | null;
  expectedVersion: number | null;
}

export interface MoveOutcome {
  application: Application | null;
  userErrors: UserError<ApplicationCode<"moveApplication">>[];
}

/** Who is moving: the agency an HR key is confined to (null: any agency) and the actor recorded on the event. */
export interface Mover {
  agencyCode: AgencyCode | null;
  actor: MoveActor;
}

/** At most this many moves per moveApplications call. */
export const MAX_MOVES = 500;

/** One item of moveApplications: the application after it (null when refused), whether this call moved it, and why not. */
export interface BulkMoveOutcome {
  applicationId: string;
  application: Application | null;
  moved: boolean;
  userErrors: UserError<ApplicationCode<"moveApplications">>[];
}

/**
 * moveApplication and withdrawApplication. The application row is locked for the length of the transaction, so
 * concurrent moves of one application take turns and each sees the stage the previous one left: the history stays a
 * legal path, and the event and counters are written together with the new stage.
 */
export class PipelineService {
  constructor(private readonly db: Db) {}

  async move(mover: Mover, request: MoveRequest, now = new Date()): Promise<MoveOutcome> {
    const key = fromGlobalId("Application", request.applicationId);
    const refused = (code: ApplicationCode<"moveApplication">, message: string, field: string): MoveOutcome => ({
      application: null,
      userErrors: [userError(code, message, ["input", field])],
    });
    if (key == null) return refused(MoveErrorCode.APPLICATION_NOT_FOUND, "No application of yours has this id.", "applicationId");
    if (request.occurredAt && request.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      return refused(MoveErrorCode.OCCURRED_IN_FUTURE, "occurredAt lies in the future.", "occurredAt");
    }
    // Every check comes before the first write, so a refused move commits nothing but the released lock.
    return this.db.transaction((tx) => this.moveLocked(tx, mover, key, request, now, "hr"));
  }

  /**
   * The move itself, inside a transaction the caller owns: test sessions and scoring call it with origin "selection"
   * to set INVITED, TESTED, LAUREATE or a FAILED_TEST rejection as part of their own writes.
   */
  async moveLocked(tx: Executor, mover: Mover, key: number, request: Omit<MoveRequest, "applicationId">, now: Date, origin: MoveOrigin): Promise<MoveOutcome> {
    const refused = (code: ApplicationCode<"moveApplication">, message: string, field: string): MoveOutcome => ({
      application: null,
      userErrors: [userError(code, message, ["input", field])],
    });
    const [row] = await tx.select().from(applications).where(eq(applications.id, key)).for("update");
    if (!row || (mover.agencyCode && row.agencyCode !== mover.agencyCode)) {
      return refused(MoveErrorCode.APPLICATION_NOT_FOUND, "No application of yours has this id.", "applicationId");
    }
    const checked = checkRequest(row, request, now, origin);
    if ("code" in checked) return refused(checked.code, checked.message, checked.field);
    const occurredAt = checked.occurredAt;

    const [moved] = await tx
      .update(applications)
      .set({
        stage: request.toStage,
        rejectionReason: request.reason,
        version: sql`${applications.version} + 1`,
        stageEnteredAt: occurredAt,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, key))
      .returning();
    await recordStageMoves(tx, [
      {
        applicationId: key,
        vacancyId: row.vacancyId,
        personId: null,
        fromStage: row.stage,
        toStage: request.toStage,
        reason: request.reason,
        occurredAt,
        enteredFromAt: row.stageEnteredAt,
        appliedAt: row.submittedAt,
        actor: mover.actor,
      },
    ]);
    const application = toApplication(moved);
    await recordEvents(tx, [
      applicationEvent(request.toStage === "WITHDRAWN" ? EventType.APPLICATION_WITHDRAWN : EventType.APPLICATION_MOVED, application, {
        fromStage: row.stage,
        occurredAt,
      }),
    ]);
    await releaseSeatsOfLeavers(tx, [{ applicationId: key, toStage: request.toStage }]);
    return { application, userErrors: [] };
  }

  /**
   * moveApplications: up to MAX_MOVES moves in one transaction, each checked by the rules of moveApplication, in the
   * order given (a later item sees the stage an earlier one left). Refused items change nothing and do not stop the
   * others. An item whose application has already reached its stage (a resend, or someone was quicker) answers
   * moved: false without an error, so a batch can be sent again safely. Set-based: the rows are locked in id order,
   * then the stage update, events, counters and outbox events of the whole batch take a constant number of statements.
   */
  async moveMany(mover: Mover, requests: readonly MoveRequest[], now = new Date()): Promise<BulkMoveOutcome[]> {
    const outcomes: BulkMoveOutcome[] = requests.map((r) => ({ applicationId: r.applicationId, application: null, moved: false, userErrors: [] }));
    const refuse = (i: number, code: ApplicationCode<"moveApplications">, message: string, field: string) => {
      outcomes[i].userErrors = [userError(code, message, ["input", "moves", String(i), field])];
    };
    const keys = requests.map((r, i) => {
      const problem = stringProblem(r.applicationId);
      if (problem) {
        refuse(i, MoveErrorCode.INVALID_TEXT, `applicationId ${problem}.`, "applicationId");
        return null;
      }
      const key = fromGlobalId("Application", r.applicationId);
      if (key == null) refuse(i, MoveErrorCode.APPLICATION_NOT_FOUND, "No application of yours has this id.", "applicationId");
      else if (r.occurredAt && r.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        refuse(i, MoveErrorCode.OCCURRED_IN_FUTURE, "occurredAt lies in the future.", "occurredAt");
        return null;
      }
      return key;
    });
    const wanted = [...new Set(keys.filter((k): k is number => k != null))].sort((a, b) => a - b);
    if (wanted.length === 0) return outcomes;

    return this.db.transaction(async (tx) => {
      const locked = await tx.select().from(applications).where(inArray(applications.id, wanted)).orderBy(asc(applications.id)).for("update");
      // Each application's state as the batch goes along, and the moves it makes.
      const state = new Map(locked.filter((r) => !mover.agencyCode || r.agencyCode === mover.agencyCode).map((r) => [r.id, { ...r }]));
      const firstState = new Map([...state].map(([id, r]) => [id, { ...r }]));
      const moves: { index: number; from: ApplicationRow; toStage: StageValue; reason: RejectionReasonValue | null; occurredAt: Date; version: number }[] = [];
      let reachedStages: Map<number, Set<string>> | null = null;
      for (let i = 0; i < requests.length; i++) {
        const key = keys[i];
        if (key == null) continue;
        const row = state.get(key);
        if (!row) {
          refuse(i, MoveErrorCode.APPLICATION_NOT_FOUND, "No application of yours has this id.", "applicationId");
          continue;
        }
        const request = requests[i];
        const checked = checkRequest(row, request, now, "hr");
        if ("code" in checked) {
          // Already there: a resend, or another caller made the same move first. Not an error, nothing to do.
          reachedStages ??= await stagesReached(
            tx,
            [...state.keys()],
            moves.map((m) => [m.from.id, m.toStage]),
          );
          const reached = reachedStages.get(key)?.has(request.toStage) && (request.toStage !== "REJECTED" || row.rejectionReason === request.reason);
          if (
            reached &&
            (checked.code === "ALREADY_IN_STAGE" ||
              checked.code === "BACKWARD_MOVE" ||
              checked.code === "FINAL_STAGE" ||
              checked.code === MoveErrorCode.VERSION_CONFLICT)
          ) {
            continue;
          }
          refuse(i, checked.code, checked.message, checked.field);
          continue;
        }
        moves.push({ index: i, from: { ...row }, toStage: request.toStage, reason: request.reason, occurredAt: checked.occurredAt, version: row.version + 1 });
        if (reachedStages) addTo(reachedStages, key, request.toStage);
        Object.assign(row, { stage: request.toStage, rejectionReason: request.reason, version: row.version + 1, stageEnteredAt: checked.occurredAt });
      }

      const movedKeys = [...new Set(moves.map((m) => m.from.id))];
      const finals = movedKeys.map((id) => state.get(id)!);
      const after = new Map<number, Application>([...firstState].map(([id, r]) => [id, toApplication(r)]));
      if (moves.length) {
        const updates = finals.map((r) => ({ id: r.id, stage: r.stage, reason: r.rejectionReason, version: r.version, at: r.stageEnteredAt.toISOString() }));
        await tx.execute(
          sql`update applications a set stage = u.stage, rejection_reason = u.reason, version = u.version, stage_entered_at = u.at, updated_at = now()
              from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id int, stage application_stage, reason rejection_reason, version int, at timestamptz)
              where a.id = u.id`,
        );
        for (const row of await selectApplicationRows(tx, movedKeys)) after.set(row.id, toApplication(row));
        await recordStageMoves(
          tx,
          moves.map((m) => ({
            applicationId: m.from.id,
            vacancyId: m.from.vacancyId,
            personId: null,
            fromStage: m.from.stage,
            toStage: m.toStage,
            reason: m.reason,
            occurredAt: m.occurredAt,
            enteredFromAt: m.from.stageEnteredAt,
            appliedAt: m.from.submittedAt,
            actor: mover.actor,
          })),
        );
        await recordEvents(
          tx,
          moves.map((m) =>
            applicationEvent(
              m.toStage === "WITHDRAWN" ? EventType.APPLICATION_WITHDRAWN : EventType.APPLICATION_MOVED,
              { ...after.get(m.from.id)!, stage: m.toStage, rejectionReason: m.reason, version: m.version },
              { fromStage: m.from.stage, occurredAt: m.occurredAt },
            ),
          ),
        );
        await releaseSeatsOfLeavers(
          tx,
          moves.map((m) => ({ applicationId: m.from.id, toStage: m.toStage })),
        );
      }
      const movedItems = new Set(moves.map((m) => m.index));
      requests.forEach((_, i) => {
        if (outcomes[i].userErrors.length || keys[i] == null) return;
        outcomes[i].application = after.get(keys[i]) ?? null;
        outcomes[i].moved = movedItems.has(i);
      });
      return outcomes;
    });
  }

  /**
   * Moves of rows the caller has locked and checked (test sessions: invitations, attendance), set-based: the stage
   * update, the stage events, counters and outbox events (of `event.type`, with its extra payload) of any number of
   * applications in a constant number of statements.
   */
  async moveRows(
    tx: Executor,
    moves: { row: typeof applications.$inferSelect; toStage: StageValue; reason: RejectionReasonValue | null; occurredAt: Date }[],
    actor: MoveActor,
    event: { type: EventType; extra?: (applicationKey: number) => Record<string, unknown>; fromStage?: StageValue },
  ): Promise<Application[]> {
    if (moves.length === 0) return [];
    for (const m of moves) {
      const refusal = checkMove(m.row.stage, m.toStage, m.reason, "selection");
      if (refusal || m.occurredAt < m.row.stageEnteredAt) throw new Error(`moveRows: application ${m.row.id} cannot move ${m.row.stage} to ${m.toStage}`);
    }
    const updates = moves.map((m) => ({ id: m.row.id, stage: m.toStage, reason: m.reason, at: m.occurredAt.toISOString() }));
    const updated = await selectRows<{ id: number }>(
      tx,
      sql`update applications a set stage = u.stage, rejection_reason = u.reason, version = a.version + 1, stage_entered_at = u.at, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id int, stage application_stage, reason rejection_reason, at timestamptz)
          where a.id = u.id
          returning a.id`,
    );
    await recordStageMoves(
      tx,
      moves.map((m) => ({
        applicationId: m.row.id,
        vacancyId: m.row.vacancyId,
        personId: null,
        fromStage: m.row.stage,
        toStage: m.toStage,
        reason: m.reason,
        occurredAt: m.occurredAt,
        enteredFromAt: m.row.stageEnteredAt,
        appliedAt: m.row.submittedAt,
        actor,
      })),
    );
    const rows = await selectApplicationRows(
      tx,
      updated.map((r) => r.id),
    );
    const moved = rows.map(toApplication).sort((a, b) => a.key - b.key);
    const moveOf = new Map(moves.map((m) => [m.row.id, m]));
    await recordEvents(
      tx,
      moved.map((application) => {
        const m = moveOf.get(application.key)!;
        // fromStage: where the event's reader last saw the application (a corrected decision: the stage taken back).
        return applicationEvent(event.type, application, {
          fromStage: event.fromStage ?? m.row.stage,
          occurredAt: m.occurredAt,
          extra: event.extra?.(application.key),
        });
      }),
    );
    await releaseSeatsOfLeavers(
      tx,
      moves.map((m) => ({ applicationId: m.row.id, toStage: m.toStage })),
    );
    return moved;
  }
}

type ApplicationRow = typeof applications.$inferSelect;

/**
 * The rules of one move, pure: the expected version, the stage machine, and the time (clamped to now, never before
 * the previous move). Returns the move's time, or why it is refused and which input field is at fault.
 */
export function checkRequest(
  row: Pick<ApplicationRow, "stage" | "version" | "stageEnteredAt">,
  request: Omit<MoveRequest, "applicationId">,
  now: Date,
  origin: MoveOrigin,
): { occurredAt: Date } | { code: ApplicationCode<"moveApplication">; message: string; field: string } {
  if (request.expectedVersion != null && request.expectedVersion !== row.version) {
    return {
      code: MoveErrorCode.VERSION_CONFLICT,
      message: `The application is at version ${row.version}, not ${request.expectedVersion}: someone moved it meanwhile.`,
      field: "expectedVersion",
    };
  }
  const refusal = checkMove(row.stage, request.toStage, request.reason, origin);
  if (refusal) return refusal;
  const occurredAt = request.occurredAt && request.occurredAt < now ? request.occurredAt : now;
  if (occurredAt < row.stageEnteredAt) {
    return {
      code: MoveErrorCode.OCCURRED_BEFORE_PREVIOUS_MOVE,
      message: `occurredAt (${occurredAt.toISOString()}) lies before the previous move (${row.stageEnteredAt.toISOString()}).`,
      field: "occurredAt",
    };
  }
  return { occurredAt };
}

/**
 * The stages each application has entered (its events, and the moves planned so far in this batch): what a resent
 * move may find done already. Read only when some item is refused, so a clean batch pays nothing for it.
 */
async function stagesReached(tx: Executor, keys: number[], planned: [number, string][]): Promise<Map<number, Set<string>>> {
  const reached = new Map<number, Set<string>>();
  const rows = await tx.select({ id: stageEvents.applicationId, stage: stageEvents.toStage }).from(stageEvents).where(inArray(stageEvents.applicationId, keys));
  for (const r of rows) addTo(reached, r.id, r.stage);
  for (const [id, stage] of planned) addTo(reached, id, stage);
  return reached;
}

function addTo(reached: Map<number, Set<string>>, key: number, stage: string): void {
  let set = reached.get(key);
  if (!set) reached.set(key, (set = new Set()));
  set.add(stage);
}
