import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../common/connection";
import { coercedVariables } from "./coerced-variables";

/**
 * What an operation costs, in points, before it runs. The same number is checked against the per-operation maximum
 * and taken from the caller's rate-limit bucket.
 *
 * - A field returning an object or a list of objects costs 1 (roughly one loader batch or statement), plus its
 *   selection's cost times how many items it may return; a scalar or enum field costs 0.
 * - How many: the field's `first` argument when it has one (absent or null means the default page size, and it is read
 *   within 0..100, the range the resolvers accept); 1 for `edges` and `nodes` of a connection (its `first` already
 *   counted them); LIST_SIZE_ESTIMATE for any other list; 1 for a single object.
 * - Each mutation field costs MUTATION_FIELD_COST more, plus 1 per element of the lists in its arguments (a batch of
 *   500 applications costs 500 more than a batch of one).
 * - Introspection is priced by what it costs to answer: `__schema` INTROSPECTION_SCHEMA_COST whatever it selects (the
 *   standard introspection query takes tens of milliseconds of CPU), `__type` INTROSPECTION_TYPE_COST; the depth, token
 *   and introspection-cycle rules bound their shape. An answer from the introspection cache pays the same
 *   (src/server/plugins/introspection-cache.ts): it spares the CPU, not the bucket.
 *
 * The cost needs the variables (`first: $n`), so it is computed per request after validation, not in a validation rule
 * (Apollo caches validation per document, whatever the variables).
 */
export const LIST_SIZE_ESTIMATE = 10;
export const MUTATION_FIELD_COST = 10;
export const INTROSPECTION_SCHEMA_COST = 100;
export const INTROSPECTION_TYPE_COST = 5;

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): number {
  const coerced = coercedVariables(schema, operation, rawVariables);
  // Variables that do not coerce stop the request before any resolver runs: nothing to charge beyond the minimum.
  if ("errors" in coerced && coerced.errors) return 0;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment's cost does not depend on where it is spread, so each is counted once: spreading one fragment many times
  // over many levels cannot make this walk exponential.
  const fragmentCosts = new Map<string, number>();

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const isMutation = operation.operation === OperationTypeNode.MUTATION;

  function selectionCost(parentType: GraphQLCompositeType, selectionSet: SelectionSetNode, atRoot: boolean): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.name.value;
          if (name === "__schema") total += INTROSPECTION_SCHEMA_COST;
          else if (name === "__type") total += INTROSPECTION_TYPE_COST;
          if (name.startsWith("__")) break;
          if (!("getFields" in parentType)) break;
          const field = parentType.getFields()[name];
          if (!field) break;
          const args = getArgumentValues(field, selection, variables);
          let cost = 0;
          const named = getNamedType(field.type);
          if (isCompositeType(named)) {
            const children = selection.selectionSet ? selectionCost(named, selection.selectionSet, false) : 0;
            cost = 1 + multiplier(parentType.name, field, args) * children;
          }
          if (atRoot && isMutation) cost += MUTATION_FIELD_COST + listElements(args);
          total += cost;
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
          if (type && isCompositeType(type)) total += selectionCost(type, selection.selectionSet, atRoot);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          let cost = fragmentCosts.get(name);
          if (cost === undefined) {
            const fragment = fragments.get(name);
            const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
            fragmentCosts.set(name, 0); // validation forbids cycles; this only guards the walk
            cost = fragment && type && isCompositeType(type) ? selectionCost(type, fragment.selectionSet, atRoot) : 0;
            fragmentCosts.set(name, cost);
          }
          total += cost;
          break;
        }
      }
    }
    return total;
  }

  return selectionCost(rootType, operation.selectionSet, true);
}

function multiplier(parentTypeName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((arg) => arg.name === "first")) {
    const first = args.first;
    if (typeof first !== "number") return DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
  }
  if (!isListType(getNullableType(field.type))) return 1;
  if (parentTypeName.endsWith("Connection") && (field.name === "edges" || field.name === "nodes")) return 1;
  return LIST_SIZE_ESTIMATE;
}

/** How many list elements an argument value holds, at any depth. */
function listElements(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + 1 + listElements(item), 0);
  if (value !== null && typeof value === "object") return Object.values(value).reduce<number>((sum, item) => sum + listElements(item), 0);
  return 0;
}

/** The error for an operation over the maximum: it says how to shrink the query, not where the limit lies. */
export function tooCostly(): GraphQLError {
  return new GraphQLError("The query asks for too much at once: request fewer items (a lower `first`) or fewer nested lists.", {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", reason: "MAX_COST", http: { status: 400 } },
  });
}
