import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ErrorCode } from "../common/errors";
import { describeError, type Logger } from "../common/logger";
import { currentRequestScope } from "../common/request-scope";

/** Codes a client can act on; anything else is a fault whose details stay in the log. */
const EXPECTED_CODES = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.RateLimited,
  ErrorCode.ServiceUnavailable,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "BAD_REQUEST",
]);

/** Validation failures about a literal argument value (an unknown enum value, a string for an Int) are bad input. */
const VALUE_PROBLEM = /^(Enum "[^"]+" cannot represent|Value "[^"]*" does not exist in|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|Boolean cannot represent|ID cannot represent)/;

export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = String(formatted.extensions?.code ?? "");
    if (code === "GRAPHQL_VALIDATION_FAILED" && VALUE_PROBLEM.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput } };
    }
    if (EXPECTED_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = currentRequestScope()?.requestId;
    logger.error("unexpected error", { path: formatted.path, ...describeError(original) });
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError, ...(requestId ? { requestId } : {}) },
    };
  };
}
