import type { CodesOf } from "../common/user-error";

// The codes the feature's mutations return in userErrors, and below, which mutation returns which (src/common/user-error.ts).

export enum ErasureErrorCode {
  CANDIDATE_NOT_FOUND = "CANDIDATE_NOT_FOUND",
  ALREADY_ERASED = "ALREADY_ERASED",
}

export const CANDIDATE_OPERATION_CODES = {
  eraseCandidate: [ErasureErrorCode.CANDIDATE_NOT_FOUND, ErasureErrorCode.ALREADY_ERASED],
} as const;
export type CandidateCode<Op extends keyof typeof CANDIDATE_OPERATION_CODES> = CodesOf<typeof CANDIDATE_OPERATION_CODES, Op>;
