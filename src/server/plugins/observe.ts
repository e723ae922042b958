import type { ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import { currentRequestScope } from "../../common/request-scope";
import type { Metrics } from "../../ops/metrics";
import type { Context } from "../../context/context";

/**
 * Notes each operation's name and outcome on the request scope, where the HTTP layer picks them up for the metrics and
 * the request's log line once the answer is sent (src/server/graphql-handler.ts).
 */
export function observePlugin(metrics: Metrics, responseCacheEnabled: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const scope = currentRequestScope();
          if (!scope) return;
          if (requestContext.operation) scope.operationName = requestContext.operationName;
          const body = requestContext.response.body;
          const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
          const code = errors?.find((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR")?.extensions?.code ?? errors?.[0]?.extensions?.code;
          scope.outcome = errors?.length ? (typeof code === "string" ? code : "other_error").toLowerCase() : "success";
          if (
            responseCacheEnabled &&
            requestContext.operation?.operation === OperationTypeNode.QUERY &&
            requestContext.contextValue.viewer.kind === "anonymous"
          ) {
            // Hits never reach Apollo: the response cache answers them at the edge and counts them there.
            metrics.responseCacheResult(false);
          }
        },
      };
    },
  };
}
