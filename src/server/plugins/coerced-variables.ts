import type { GraphQLSchema, OperationDefinitionNode } from "graphql";
import { getVariableValues } from "graphql/execution/values";

type Coerced = ReturnType<typeof getVariableValues>;

/** Per request body's variables object: the operation they were coerced for and the outcome. */
const memo = new WeakMap<object, { schema: GraphQLSchema; operation: OperationDefinitionNode; coerced: Coerced }>();

/**
 * An operation's variables coerced to their types, once per request: the edge's checks (the strings, the cost, the
 * audit line of a refused mutation) all read them, and coercing a batch of 500 applications takes milliseconds.
 * Keyed by the request's own variables object, so nothing outlives the request.
 */
export function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, rawVariables: Record<string, unknown> | undefined): Coerced {
  if (!rawVariables) return getVariableValues(schema, operation.variableDefinitions ?? [], {});
  const hit = memo.get(rawVariables);
  if (hit && hit.schema === schema && hit.operation === operation) return hit.coerced;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  memo.set(rawVariables, { schema, operation, coerced });
  return coerced;
}
