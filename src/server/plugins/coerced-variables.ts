import type { GraphQLSchema, OperationDefinitionNode } from "graphql";
import * as values from "graphql/execution/values";

type Coerced = ReturnType<typeof values.getVariableValues>;

const coerceAnew = values.getVariableValues;

/** Per request body's variables object: the operation they were coerced for and the outcome. */
const memo = new WeakMap<object, { schema: GraphQLSchema; operation: OperationDefinitionNode; coerced: Coerced }>();

/**
 * An operation's variables coerced to their types, once per request: the edge's checks (the strings, the cost, the
 * audit line of a refused mutation) all read them, and coercing a batch of 500 applications takes milliseconds.
 * Keyed by the request's own variables object, so nothing outlives the request.
 */
export function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, rawVariables: Record<string, unknown> | undefined): Coerced {
  if (!rawVariables) return coerceAnew(schema, operation.variableDefinitions ?? [], {});
  const hit = memo.get(rawVariables);
  if (hit && hit.schema === schema && hit.operation === operation) return hit.coerced;
  const coerced = coerceAnew(schema, operation.variableDefinitions ?? [], rawVariables);
  memo.set(rawVariables, { schema, operation, coerced });
  return coerced;
}

/**
 * graphql-js's execute coerces the variables again before running a mutation (buildExecutionContext; queries run
 * compiled, src/server/compiled-execution.ts): it gets the edge's outcome instead when the edge coerced the same
 * variables object for the same operation without errors (errors are worded anew, under execute's own error limit).
 * execute looks the function up on this module's exports at each call (graphql-js as compiled CommonJS); were that to
 * change, it would coerce anew, as before. A batch of 500 applications takes about 4 ms to coerce.
 */
(values as { getVariableValues: typeof coerceAnew }).getVariableValues = (schema, variableDefinitions, inputs, options) => {
  const hit = memo.get(inputs);
  if (hit && hit.schema === schema && hit.operation.variableDefinitions === variableDefinitions && !("errors" in hit.coerced && hit.coerced.errors)) {
    return hit.coerced;
  }
  return coerceAnew(schema, variableDefinitions, inputs, options);
};
