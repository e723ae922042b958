import type { CodesOf } from "../common/user-error";
import { MOVE_REFUSAL_CODES, type MoveRefusal } from "./stages";

// The codes the feature's mutations return in userErrors, and below, which mutation returns which (src/common/user-error.ts).

export enum MoveErrorCode {
  APPLICATION_NOT_FOUND = "APPLICATION_NOT_FOUND",
  VERSION_CONFLICT = "VERSION_CONFLICT",
  OCCURRED_IN_FUTURE = "OCCURRED_IN_FUTURE",
  OCCURRED_BEFORE_PREVIOUS_MOVE = "OCCURRED_BEFORE_PREVIOUS_MOVE",
  INVALID_TEXT = "INVALID_TEXT",
}

/** Codes of per-application refusals in submitApplications. */
export enum SubmissionErrorCode {
  REQUIRED = "REQUIRED",
  TOO_LONG = "TOO_LONG",
  INVALID_EMAIL = "INVALID_EMAIL",
  INVALID_PHONE = "INVALID_PHONE",
  BIRTH_DATE_IN_FUTURE = "BIRTH_DATE_IN_FUTURE",
  SUBMITTED_IN_FUTURE = "SUBMITTED_IN_FUTURE",
  VACANCY_NOT_FOUND = "VACANCY_NOT_FOUND",
  VACANCY_NOT_OPEN = "VACANCY_NOT_OPEN",
  DEADLINE_PASSED = "DEADLINE_PASSED",
  DUPLICATE_IN_BATCH = "DUPLICATE_IN_BATCH",
  EXTERNAL_ID_REUSED = "EXTERNAL_ID_REUSED",
  ALREADY_APPLIED = "ALREADY_APPLIED",
  EMAIL_OF_ANOTHER_CANDIDATE = "EMAIL_OF_ANOTHER_CANDIDATE",
  ERASED = "ERASED",
  INVALID_TEXT = "INVALID_TEXT",
  BIRTH_DATE_OUT_OF_RANGE = "BIRTH_DATE_OUT_OF_RANGE",
  SUBMITTED_OUT_OF_RANGE = "SUBMITTED_OUT_OF_RANGE",
  NOT_STORED = "NOT_STORED",
}

const M = MoveErrorCode;
/** Before the stage machine: the application, the expected version; after it, the move's time (checkRequest). */
const MOVE_CODES = [M.APPLICATION_NOT_FOUND, M.OCCURRED_IN_FUTURE, M.VERSION_CONFLICT, ...MOVE_REFUSAL_CODES, M.OCCURRED_BEFORE_PREVIOUS_MOVE] as const;
/** A move to WITHDRAWN, without a reason: the stage machine refuses it only from WITHDRAWN itself or a final stage. */
const WITHDRAWAL_REFUSAL_CODES = ["ALREADY_IN_STAGE", "FINAL_STAGE"] as const satisfies readonly MoveRefusal["code"][];

export const APPLICATION_OPERATION_CODES = {
  // Per application, in results.
  submitApplications: Object.values(SubmissionErrorCode),
  moveApplication: MOVE_CODES,
  // Per move, in results; besides moveApplication's, an applicationId holding a NUL or a lone surrogate.
  moveApplications: [M.INVALID_TEXT, ...MOVE_CODES],
  withdrawApplication: [M.APPLICATION_NOT_FOUND, M.OCCURRED_IN_FUTURE, M.VERSION_CONFLICT, ...WITHDRAWAL_REFUSAL_CODES, M.OCCURRED_BEFORE_PREVIOUS_MOVE],
} as const;
export type ApplicationCode<Op extends keyof typeof APPLICATION_OPERATION_CODES> = CodesOf<typeof APPLICATION_OPERATION_CODES, Op>;
