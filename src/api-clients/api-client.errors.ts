import type { CodesOf } from "../common/user-error";

// The codes the feature's mutations return in userErrors, and below, which mutation returns which (src/common/user-error.ts).

export enum ApiClientErrorCode {
  NAME_REQUIRED = "NAME_REQUIRED",
  NAME_TOO_LONG = "NAME_TOO_LONG",
  AGENCY_REQUIRED = "AGENCY_REQUIRED",
  AGENCY_NOT_ALLOWED = "AGENCY_NOT_ALLOWED",
  API_CLIENT_NOT_FOUND = "API_CLIENT_NOT_FOUND",
  ALREADY_REVOKED = "ALREADY_REVOKED",
}

const A = ApiClientErrorCode;
export const API_CLIENT_OPERATION_CODES = {
  createApiClient: [A.NAME_REQUIRED, A.NAME_TOO_LONG, A.AGENCY_REQUIRED, A.AGENCY_NOT_ALLOWED],
  revokeApiClient: [A.API_CLIENT_NOT_FOUND, A.ALREADY_REVOKED],
} as const;
export type ApiClientCode<Op extends keyof typeof API_CLIENT_OPERATION_CODES> = CodesOf<typeof API_CLIENT_OPERATION_CODES, Op>;
