import { Kind, OperationTypeNode, type OperationDefinitionNode } from "graphql";
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from "@apollo/server";
import type { Context } from "../../context/context";

/** Distinct introspection documents kept (GraphiQL, code generators and the explorer page send a handful). */
export const INTROSPECTION_CACHE_ENTRIES = 16;

/**
 * Answers to introspection-only operations, kept for the life of the process: the schema does not change while it
 * runs, and the standard introspection query costs tens of milliseconds of CPU to answer. A cached answer is served
 * after the operation is priced and charged (the plugin comes after costAndRateLimitPlugin): it still writes about
 * 100 KB, so it pays the introspection price (src/server/plugins/query-cost.ts) like a fresh one; were it free, one
 * address could ask for it many times a second within its bucket. A new or varied document joins the cache, oldest out.
 */
export function introspectionCachePlugin(entries = INTROSPECTION_CACHE_ENTRIES): ApolloServerPlugin<Context> {
  const cache = new Map<string, Record<string, unknown>>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const key = cacheKey(requestContext);
          const data = key === null ? undefined : cache.get(key);
          if (!data) return null;
          return { body: { kind: "single", singleResult: { data } }, http: { status: undefined, headers: new HeaderMap() } };
        },
        async willSendResponse(requestContext) {
          const key = cacheKey(requestContext);
          const body = requestContext.response.body;
          if (key === null || cache.has(key) || body.kind !== "single" || body.singleResult.errors || !body.singleResult.data) return;
          cache.set(key, body.singleResult.data);
          if (cache.size > entries) cache.delete(cache.keys().next().value as string);
        },
      };
    },
  };
}

/** The document, operation name and variables of an operation that only introspects; null for any other. */
function cacheKey(requestContext: GraphQLRequestContext<Context>): string | null {
  const operation = requestContext.operation;
  if (!operation || operation.operation !== OperationTypeNode.QUERY || !introspectsOnly(operation)) return null;
  return JSON.stringify([requestContext.source, requestContext.operationName ?? null, requestContext.request.variables ?? null]);
}

function introspectsOnly(operation: OperationDefinitionNode): boolean {
  let introspects = false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !selection.name.value.startsWith("__")) return false;
    if (selection.name.value !== "__typename") introspects = true;
  }
  return introspects;
}
