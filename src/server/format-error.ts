import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ErrorCode } from "../common/errors";
import { describeError, errorCodeOf, type Logger } from "../common/logger";
import { currentRequestScope } from "../common/request-scope";
import { describeConnectionFault } from "../db/faults";
import { unavailableExtensions, unavailableMessage } from "./database-errors";
import { TOKEN_LIMIT_MESSAGE } from "./plugins/request-limits";

/** Codes of the HTTP layer and of the request deadline, beside those of src/common/errors.ts. */
export const DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED";
export const PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

/** Codes a client can act on; anything else is a fault whose details stay in the log. */
const EXPECTED_CODES = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.RateLimited,
  ErrorCode.ServiceUnavailable,
  DEADLINE_EXCEEDED,
  PAYLOAD_TOO_LARGE,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "BAD_REQUEST",
]);

/** Validation failures about a literal argument value (an unknown enum value, a string for an Int) are bad input. */
const VALUE_PROBLEM =
  /^(Enum "[^"]+" cannot represent|Value "[^"]*" does not exist in|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|Boolean cannot represent|ID cannot represent)/;

/**
 * graphql-js stops coercing variables after 50 errors with this error, which carries no code (Apollo then calls it an
 * internal error): it is the client's input all the same. Found by the fuzz suite (a list of 500 wrong enum values).
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached\. Execution aborted\.$/;

/** PostgreSQL's query_canceled: the statement timeout (DATABASE_STATEMENT_TIMEOUT_MS) ended the statement. */
const QUERY_CANCELED = "57014";

/**
 * PostgreSQL data exceptions that only a value from the request can cause where no resolver checked it first: a NUL
 * character in a string (22021, found by the fuzz test), text that is not a number or date (22P02, 22007), a number or
 * date out of range (22003, 22008), a string too long for its column (22001). The client can fix those; the log keeps
 * the details (warn, not error). Other data exceptions, such as a division by zero, stay internal errors.
 */
const BAD_VALUE_STATES = new Set(["22021", "22P05", "22P02", "22007", "22003", "22008", "22001"]);
export const BAD_VALUE_MESSAGE = "A value in the request cannot be used: it contains a NUL character, or is not a valid number or date, or is too large.";

export const DEADLINE_MESSAGE = "The request took too long and was abandoned; try again, or ask for less at once.";

/** graphql-js's "Did you mean ...?" hints, in validation and variable coercion messages alike. */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Formats every error a client sees. With `hideSuggestions`, spelling hints are cut from all messages: Apollo's own
 * option (hideSchemaDetailsFromClientErrors) covers validation errors but not those about variable values.
 */
export function formatError(logger: Logger, options: { hideSuggestions: boolean } = { hideSuggestions: true }) {
  const format = formatWith(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return options.hideSuggestions && SUGGESTION.test(result.message) ? { ...result, message: result.message.replace(SUGGESTION, "") } : result;
  };
}

function formatWith(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = errorCodeOf(formatted.extensions) ?? "";
    if (code === "GRAPHQL_VALIDATION_FAILED" && VALUE_PROBLEM.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput } };
    }
    if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message) && !formatted.path) {
      return { message: formatted.message, extensions: { code: ErrorCode.BadUserInput } };
    }
    if (code === "GRAPHQL_PARSE_FAILED" && TOKEN_LIMIT_MESSAGE.test(formatted.message)) {
      // graphql-js names the limit; clients get told what is wrong, not where the line is.
      return { message: "The document is too long.", extensions: { code, reason: "MAX_TOKENS" } };
    }
    // A database that is away (src/server/database-errors.ts): expected during a restart or overload, and retryable; the
    // operator still sees each one, at warn. Met in a resolver, or while checking the API key (wrapped by asClientError).
    const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
    const unavailable = unavailableExtensions(cause);
    if (unavailable) {
      logger.warn("database unavailable", { path: formatted.path, reason: unavailable.reason, ...describeConnectionFault(cause) });
      return { message: unavailableMessage(cause), locations: formatted.locations, path: formatted.path, extensions: unavailable };
    }
    if (EXPECTED_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = currentRequestScope()?.requestId;
    const fault = describeError(original);
    if (fault.errorName === "RequestAbandonedError" || fault.errorCode === QUERY_CANCELED) {
      logger.warn("statement abandoned past the deadline", { path: formatted.path, ...fault });
      return { message: DEADLINE_MESSAGE, path: formatted.path, extensions: { code: DEADLINE_EXCEEDED, ...(requestId ? { requestId } : {}) } };
    }
    if (BAD_VALUE_STATES.has(String(fault.errorCode))) {
      logger.warn("value refused by the database", { path: formatted.path, ...fault });
      return { message: BAD_VALUE_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BadUserInput } };
    }
    logger.error("unexpected error", { path: formatted.path, ...fault });
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError, ...(requestId ? { requestId } : {}) },
    };
  };
}
