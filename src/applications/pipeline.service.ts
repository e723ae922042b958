import { eq, inArray, sql } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { fromGlobalId } from "../common/global-id";
import { userError, type UserError } from "../common/user-error";
import { selectRows, type Db, type Executor } from "../db/client";
import { EventType } from "../events/event-types";
import { applicationEvent, recordEvents } from "../events/outbox";
import { applications, type RejectionReasonValue, type StageValue } from "../db/tables";
import type { Application } from "./application.type";
import { toApplication } from "./application.service";
import { CLOCK_SKEW_MS } from "./submission.service";
import { recordStageMoves, type MoveActor } from "./stage-moves";
import { checkMove, type MoveOrigin } from "./stages";

export enum MoveErrorCode {
  NOT_FOUND = "NOT_FOUND",
  VERSION_CONFLICT = "VERSION_CONFLICT",
  OCCURRED_IN_FUTURE = "OCCURRED_IN_FUTURE",
  OCCURRED_BEFORE_PREVIOUS_MOVE = "OCCURRED_BEFORE_PREVIOUS_MOVE",
}

export interface MoveRequest {
  applicationId: string;
  toStage: StageValue;
  reason: RejectionReasonValue | null;
  occurredAt: Date | null;
  expectedVersion: number | null;
}

export interface MoveOutcome {
  application: Application | null;
  userErrors: UserError[];
}

/** Who is moving: the agency an HR key is confined to (null: any agency) and the actor recorded on the event. */
export interface Mover {
  agencyCode: AgencyCode | null;
  actor: MoveActor;
}

/** Hooks that run inside the move's transaction, for effects of particular moves (freeing a test-session seat). */
export type MoveHook = (tx: Executor, move: { applicationId: number; fromStage: StageValue; toStage: StageValue }) => Promise<void>;

/**
 * moveApplication and withdrawApplication. The application row is locked for the length of the transaction, so
 * concurrent moves of one application take turns and each sees the stage the previous one left: the history stays a
 * legal path, and the event and counters are written together with the new stage.
 */
export class PipelineService {
  private readonly hooks: MoveHook[] = [];

  constructor(private readonly db: Db) {}

  onMove(hook: MoveHook): void {
    this.hooks.push(hook);
  }

  async move(mover: Mover, request: MoveRequest, now = new Date()): Promise<MoveOutcome> {
    const key = fromGlobalId("Application", request.applicationId);
    const refused = (code: string, message: string, field: string): MoveOutcome => ({
      application: null,
      userErrors: [userError(code, message, ["input", field])],
    });
    if (key == null) return refused(MoveErrorCode.NOT_FOUND, "No application of yours has this id.", "applicationId");
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
    const refused = (code: string, message: string, field: string): MoveOutcome => ({
      application: null,
      userErrors: [userError(code, message, ["input", field])],
    });
    const [row] = await tx.select().from(applications).where(eq(applications.id, key)).for("update");
    if (!row || (mover.agencyCode && row.agencyCode !== mover.agencyCode)) {
      return refused(MoveErrorCode.NOT_FOUND, "No application of yours has this id.", "applicationId");
    }
    if (request.expectedVersion != null && request.expectedVersion !== row.version) {
      return refused(
        MoveErrorCode.VERSION_CONFLICT,
        `The application is at version ${row.version}, not ${request.expectedVersion}: someone moved it meanwhile.`,
        "expectedVersion",
      );
    }
    const refusal = checkMove(row.stage, request.toStage, request.reason, origin);
    if (refusal) return refused(refusal.code, refusal.message, refusal.code.startsWith("REASON") ? "reason" : "toStage");
    const occurredAt = request.occurredAt && request.occurredAt < now ? request.occurredAt : now;
    if (occurredAt < row.stageEnteredAt) {
      return refused(
        MoveErrorCode.OCCURRED_BEFORE_PREVIOUS_MOVE,
        `occurredAt (${occurredAt.toISOString()}) lies before the previous move (${row.stageEnteredAt.toISOString()}).`,
        "occurredAt",
      );
    }

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
        candidateId: row.candidateId,
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
    for (const hook of this.hooks) await hook(tx, { applicationId: key, fromStage: row.stage, toStage: request.toStage });
    return { application, userErrors: [] };
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
    event: { type: EventType; extra?: (applicationKey: number) => Record<string, unknown> },
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
        candidateId: m.row.candidateId,
        fromStage: m.row.stage,
        toStage: m.toStage,
        reason: m.reason,
        occurredAt: m.occurredAt,
        enteredFromAt: m.row.stageEnteredAt,
        appliedAt: m.row.submittedAt,
        actor,
      })),
    );
    const rows = await tx
      .select()
      .from(applications)
      .where(
        inArray(
          applications.id,
          updated.map((r) => r.id),
        ),
      );
    const moved = rows.map(toApplication).sort((a, b) => a.key - b.key);
    const moveOf = new Map(moves.map((m) => [m.row.id, m]));
    await recordEvents(
      tx,
      moved.map((application) => {
        const m = moveOf.get(application.key)!;
        return applicationEvent(event.type, application, { fromStage: m.row.stage, occurredAt: m.occurredAt, extra: event.extra?.(application.key) });
      }),
    );
    return moved;
  }
}
