import { GraphQLError } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ErrorCode } from "../common/errors";
import { DatabaseUnavailableError, unavailableReason } from "../db/faults";
import type { Context } from "../context/context";

/**
 * How the server answers a database that is away (src/db/faults.ts names the faults): SERVICE_UNAVAILABLE, retryable,
 * and HTTP 503 with Retry-After for the whole request, whichever field met it.
 */

/** Seconds a client is told to wait before retrying (Retry-After). A PostgreSQL restart takes a few. */
export const RETRY_AFTER_SECONDS = 1;

/** The error's extensions as clients get them, or null when the error is not about a database that is away. */
export function unavailableExtensions(error: unknown): Record<string, unknown> | null {
  const reason = unavailableReason(error);
  return reason ? { code: ErrorCode.ServiceUnavailable, reason, retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS } : null;
}

/** The message clients get: the fault's own, or the one a DatabaseUnavailableError of its reason carries. */
export function unavailableMessage(error: unknown): string {
  return error instanceof DatabaseUnavailableError
    ? error.message
    : new DatabaseUnavailableError(unavailableReason(error) ?? "DATABASE_UNREACHABLE", error).message;
}

/** For errors Apollo answers outside execution (the context: the API key could not be checked): a 503 GraphQLError. */
export function asClientError(error: unknown): unknown {
  const extensions = unavailableExtensions(error);
  if (!extensions) return error;
  return new GraphQLError(unavailableMessage(error), {
    originalError: error instanceof Error ? error : undefined,
    extensions: { ...extensions, http: { status: 503, headers: new Map([["retry-after", String(RETRY_AFTER_SECONDS)]]) } },
  });
}

/** A field that met a database that is away makes the whole answer a 503 with Retry-After (the body keeps what resolved). */
export function databaseUnavailablePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (!errors.some((error) => unavailableReason(unwrapResolverError(error)) !== null || unavailableReason(error.originalError) !== null)) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
