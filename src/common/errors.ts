import { GraphQLError } from "graphql";

/** Stable codes of GraphQL errors (business failures are userErrors in payloads instead). */
export enum ErrorCode {
  BadUserInput = "BAD_USER_INPUT",
  Unauthenticated = "UNAUTHENTICATED",
  Forbidden = "FORBIDDEN",
  RateLimited = "RATE_LIMITED",
  ServiceUnavailable = "SERVICE_UNAVAILABLE",
  InternalServerError = "INTERNAL_SERVER_ERROR",
}

/** A malformed request: the message says what is wrong, so a client developer can fix the call. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput, ...(argumentName ? { argumentName } : {}) } });
}

export function unauthenticated(message = "The API key is not valid or has been revoked."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } } });
}

export function forbidden(message = "Your role may not do this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden } });
}
