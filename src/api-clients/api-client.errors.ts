// The codes a feature's payloads carry in userErrors: here, apart from the services, so the payload types can list
// them in their descriptions (src/common/user-error.ts: withCodes).

export enum ApiClientErrorCode {
  NAME_REQUIRED = "NAME_REQUIRED",
  NAME_TOO_LONG = "NAME_TOO_LONG",
  AGENCY_REQUIRED = "AGENCY_REQUIRED",
  AGENCY_NOT_ALLOWED = "AGENCY_NOT_ALLOWED",
  API_CLIENT_NOT_FOUND = "API_CLIENT_NOT_FOUND",
  ALREADY_REVOKED = "ALREADY_REVOKED",
}
