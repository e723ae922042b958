// The codes a feature's payloads carry in userErrors: here, apart from the services, so the payload types can list
// them in their descriptions (src/common/user-error.ts: withCodes).

export enum ErasureErrorCode {
  CANDIDATE_NOT_FOUND = "CANDIDATE_NOT_FOUND",
  ALREADY_ERASED = "ALREADY_ERASED",
}
