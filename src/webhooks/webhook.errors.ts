import type { CodesOf } from "../common/user-error";

// The codes the feature's mutations return in userErrors, and below, which mutation returns which (src/common/user-error.ts).

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

const W = WebhookErrorCode;
export const WEBHOOK_OPERATION_CODES = {
  createWebhookEndpoint: [W.NO_API_CLIENT, W.INVALID_URL, W.URL_NOT_ALLOWED, W.HOST_NOT_FOUND, W.EVENT_TYPE_NOT_READABLE, W.TOO_MANY_ENDPOINTS],
  disableWebhookEndpoint: [W.ENDPOINT_NOT_FOUND, W.ALREADY_DISABLED],
  enableWebhookEndpoint: [W.ENDPOINT_NOT_FOUND, W.ALREADY_ENABLED],
  rotateWebhookSecret: [W.ENDPOINT_NOT_FOUND],
  deleteWebhookEndpoint: [W.ENDPOINT_NOT_FOUND],
  redeliverWebhook: [W.ENDPOINT_NOT_FOUND, W.INVALID_RANGE, W.DELIVERY_NOT_FOUND],
} as const;
export type WebhookCode<Op extends keyof typeof WEBHOOK_OPERATION_CODES> = CodesOf<typeof WEBHOOK_OPERATION_CODES, Op>;
