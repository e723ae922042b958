// The codes a feature's payloads carry in userErrors: here, apart from the services, so the payload types can list
// them in their descriptions (src/common/user-error.ts: withCodes).

export enum WebhookErrorCode {
  NO_API_CLIENT = "NO_API_CLIENT",
  INVALID_URL = "INVALID_URL",
  URL_NOT_ALLOWED = "URL_NOT_ALLOWED",
  HOST_NOT_FOUND = "HOST_NOT_FOUND",
  EVENT_TYPE_NOT_READABLE = "EVENT_TYPE_NOT_READABLE",
  TOO_MANY_ENDPOINTS = "TOO_MANY_ENDPOINTS",
  ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND",
  ALREADY_DISABLED = "ALREADY_DISABLED",
  ALREADY_ENABLED = "ALREADY_ENABLED",
  DELIVERY_NOT_FOUND = "DELIVERY_NOT_FOUND",
  INVALID_RANGE = "INVALID_RANGE",
}
