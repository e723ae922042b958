import type { RejectionReasonValue, StageValue } from "../db/tables";

/** The pipeline in order; an application moves one step at a time along it. */
export const PIPELINE_STAGES = ["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE", "OFFERED", "HIRED"] as const satisfies readonly StageValue[];
/** Every stage: the pipeline and its two exits. */
export const ALL_STAGES = [...PIPELINE_STAGES, "REJECTED", "WITHDRAWN"] as const satisfies readonly StageValue[];
export const FINAL_STAGES: readonly StageValue[] = ["HIRED", "REJECTED", "WITHDRAWN"];

/** Stages an HR system may not set by hand: the test-session mutations and the scoring rule set them. */
const SET_BY_SELECTION: Partial<Record<StageValue, string>> = {
  INVITED: "inviteToTestSession",
  TESTED: "recordAttendance",
  LAUREATE: "recordTestResult",
};

export type MoveRefusal =
  | { code: "ALREADY_IN_STAGE"; message: string }
  | { code: "FINAL_STAGE"; message: string }
  | { code: "STAGE_SKIPPED"; message: string }
  | { code: "BACKWARD_MOVE"; message: string }
  | { code: "STAGE_SET_BY_SELECTION"; message: string }
  | { code: "REASON_REQUIRED"; message: string }
  | { code: "REASON_NOT_ALLOWED"; message: string };

export type MoveOrigin = "hr" | "selection";

/**
 * The stage machine of the campaign: forward one step at a time along the pipeline, or out to REJECTED (with a reason)
 * or WITHDRAWN from any stage that is not final. INVITED, TESTED and LAUREATE come from test sessions and scores, so an
 * HR system cannot set them directly. Returns null when the move is allowed.
 */
export function checkMove(from: StageValue, to: StageValue, reason: RejectionReasonValue | null, origin: MoveOrigin = "hr"): MoveRefusal | null {
  if (from === to) return { code: "ALREADY_IN_STAGE", message: `The application is already ${from}.` };
  if (FINAL_STAGES.includes(from)) return { code: "FINAL_STAGE", message: `The application is ${from}, a final stage: it cannot move any more.` };
  if (to === "REJECTED" && reason == null) return { code: "REASON_REQUIRED", message: "A move to REJECTED needs a reason." };
  if (to !== "REJECTED" && reason != null) return { code: "REASON_NOT_ALLOWED", message: `A reason is only given with a move to REJECTED, not ${to}.` };
  if (to === "REJECTED" || to === "WITHDRAWN") return null;

  const fromIndex = PIPELINE_STAGES.indexOf(from as (typeof PIPELINE_STAGES)[number]);
  const toIndex = PIPELINE_STAGES.indexOf(to);
  if (toIndex < fromIndex) return { code: "BACKWARD_MOVE", message: `An application cannot move back from ${from} to ${to}.` };
  if (toIndex > fromIndex + 1) {
    return {
      code: "STAGE_SKIPPED",
      message: `From ${from} the next stage is ${PIPELINE_STAGES[fromIndex + 1]}; ${to} would skip ${PIPELINE_STAGES.slice(fromIndex + 1, toIndex).join(", ")}.`,
    };
  }
  const setBy = SET_BY_SELECTION[to];
  if (setBy && origin === "hr") return { code: "STAGE_SET_BY_SELECTION", message: `${to} is set by ${setBy}, not by moving the application.` };
  return null;
}
