import { sql } from "drizzle-orm";
import type { RejectionReasonValue, StageValue } from "../db/tables";

// The stage moves of the campaign, written once: the service checks moves with checkMove, and the counters, the
// dashboard's figures, its SQL and the demo generator read the pipeline and its steps from here.

/** The pipeline in order; an application moves one step at a time along it. */
export const PIPELINE_STAGES = ["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE", "OFFERED", "HIRED"] as const satisfies readonly StageValue[];
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
/** Every stage: the pipeline and its two exits. */
export const ALL_STAGES = [...PIPELINE_STAGES, "REJECTED", "WITHDRAWN"] as const satisfies readonly StageValue[];
export const FINAL_STAGES: readonly StageValue[] = ["HIRED", "REJECTED", "WITHDRAWN"];
/** Stages an application can leave by rejection or withdrawal: every pipeline stage but the last. */
export const EXIT_STAGES: readonly PipelineStage[] = PIPELINE_STAGES.filter((s) => s !== "HIRED");

/** Each step forward along the pipeline, (APPLIED, SCREENED) to (OFFERED, HIRED). */
export const PIPELINE_STEPS: readonly (readonly [PipelineStage, PipelineStage])[] = PIPELINE_STAGES.slice(1).map((to, i) => [PIPELINE_STAGES[i], to] as const);
/**
 * The steps as SQL row values, for `(from_stage, to_stage) in (${PIPELINE_STEPS_SQL})`. Literals rather than
 * parameters: constants of the closed set, so the statement's text (and its plan) stays the same.
 */
export const PIPELINE_STEPS_SQL = sql.raw(PIPELINE_STEPS.map(([from, to]) => `('${from}', '${to}')`).join(", "));

export function isPipelineStage(stage: StageValue): stage is PipelineStage {
  return (PIPELINE_STAGES as readonly StageValue[]).includes(stage);
}

/** The stage after `stage` along the pipeline; null after HIRED and for the exits. */
export function nextStage(stage: StageValue): PipelineStage | null {
  return isPipelineStage(stage) ? (PIPELINE_STAGES[PIPELINE_STAGES.indexOf(stage) + 1] ?? null) : null;
}

/** `stage` and the pipeline stages after it (LAUREATE: LAUREATE, OFFERED, HIRED). */
export function stagesFrom(stage: PipelineStage): PipelineStage[] {
  return PIPELINE_STAGES.slice(PIPELINE_STAGES.indexOf(stage));
}

/** Stages an HR system may not set by hand: the test-session mutations and the scoring rule set them. */
const SET_BY_SELECTION: Partial<Record<StageValue, string>> = {
  INVITED: "inviteToTestSession",
  TESTED: "recordAttendance",
  LAUREATE: "recordTestResult",
};

const STAGE_REFUSALS = ["ALREADY_IN_STAGE", "FINAL_STAGE", "STAGE_SKIPPED", "BACKWARD_MOVE", "STAGE_SET_BY_SELECTION"] as const;
const REASON_REFUSALS = ["REASON_REQUIRED", "REASON_NOT_ALLOWED"] as const;
/** The codes checkMove refuses a move with. */
export const MOVE_REFUSAL_CODES = [...STAGE_REFUSALS, ...REASON_REFUSALS] as const;

/** Why a move is refused, and the input field it is about (the target stage, or the rejection reason). */
export type MoveRefusal =
  { code: (typeof STAGE_REFUSALS)[number]; message: string; field: "toStage" } | { code: (typeof REASON_REFUSALS)[number]; message: string; field: "reason" };

export type MoveOrigin = "hr" | "selection";

/**
 * The stage machine of the campaign: forward one step at a time along the pipeline, or out to REJECTED (with a reason)
 * or WITHDRAWN from any stage that is not final. INVITED, TESTED and LAUREATE come from test sessions and scores, so an
 * HR system cannot set them directly. Returns null when the move is allowed.
 */
export function checkMove(from: StageValue, to: StageValue, reason: RejectionReasonValue | null, origin: MoveOrigin = "hr"): MoveRefusal | null {
  if (from === to) return { code: "ALREADY_IN_STAGE", message: `The application is already ${from}.`, field: "toStage" };
  if (FINAL_STAGES.includes(from)) {
    return { code: "FINAL_STAGE", message: `The application is ${from}, a final stage: it cannot move any more.`, field: "toStage" };
  }
  if (to === "REJECTED" && reason == null) return { code: "REASON_REQUIRED", message: "A move to REJECTED needs a reason.", field: "reason" };
  if (to !== "REJECTED" && reason != null) {
    return { code: "REASON_NOT_ALLOWED", message: `A reason is only given with a move to REJECTED, not ${to}.`, field: "reason" };
  }
  if (to === "REJECTED" || to === "WITHDRAWN") return null;

  const fromIndex = isPipelineStage(from) ? PIPELINE_STAGES.indexOf(from) : -1;
  const toIndex = PIPELINE_STAGES.indexOf(to);
  if (toIndex < fromIndex) return { code: "BACKWARD_MOVE", message: `An application cannot move back from ${from} to ${to}.`, field: "toStage" };
  if (toIndex > fromIndex + 1) {
    return {
      code: "STAGE_SKIPPED",
      message: `From ${from} the next stage is ${PIPELINE_STAGES[fromIndex + 1]}; ${to} would skip ${PIPELINE_STAGES.slice(fromIndex + 1, toIndex).join(", ")}.`,
      field: "toStage",
    };
  }
  const setBy = SET_BY_SELECTION[to];
  if (setBy && origin === "hr") {
    return { code: "STAGE_SET_BY_SELECTION", message: `${to} is set by ${setBy}, not by moving the application.`, field: "toStage" };
  }
  return null;
}
