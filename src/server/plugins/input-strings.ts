import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationTypeNode,
  visit,
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../../context/context";
import { auditRefusedMutation } from "../../audit/audit.middleware";
import { ErrorCode } from "../../common/errors";
import { stringProblem } from "../../common/string-problem";
import { coercedVariables } from "./coerced-variables";

/**
 * Batch mutations whose items are checked one by one by their service, so that one bad item gets its own userError
 * and the others are stored: mutation field -> the list field of its `input`. Strings inside those items are left to
 * the item's validation; everywhere else a bad string refuses the request.
 */
export const PER_ITEM_BATCHES: Readonly<Record<string, string>> = {
  submitApplications: "applications",
  moveApplications: "moves",
  recordTestResults: "results",
};

/** The first bad string in an argument value, with its path below the argument; null when every string is fine. */
export function firstBadString(
  value: unknown,
  type: GraphQLInputType,
  path: (string | number)[],
  skip?: string,
): { path: (string | number)[]; problem: string } | null {
  if (value === null || value === undefined) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (typeof value === "string") {
    const problem = stringProblem(value);
    return problem ? { path, problem } : null;
  }
  if (isListType(inner) && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstBadString(value[i], inner.ofType, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(inner) && typeof value === "object") {
    const fields = inner.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      if (name === skip || !fields[name]) continue;
      const found = firstBadString(fieldValue, fields[name].type, [...path, name]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Checks every string argument of an operation, literal or variable, at any depth, before any resolver runs: a NUL or a
 * lone surrogate would otherwise reach a service or the database (and come back as an internal error, or be stored as
 * U+FFFD). The refusal is BAD_USER_INPUT (HTTP 400) naming the field and the argument path.
 */
export function checkOperationStrings(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): GraphQLError | null {
  const coerced = coercedVariables(schema, operation, rawVariables);
  // Variables that do not coerce are refused by graphql-js itself, with its own message.
  if ("errors" in coerced && coerced.errors) return null;
  const variables = coerced.coerced;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const visited = new Set<string>();

  function walk(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, atRoot: boolean): GraphQLError | null {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!("getFields" in parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const args = getArgumentValues(field, selection, variables);
        const skip = atRoot && operation.operation === OperationTypeNode.MUTATION ? PER_ITEM_BATCHES[field.name] : undefined;
        for (const arg of field.args) {
          const found = firstBadString(args[arg.name], arg.type, [arg.name], arg.name === "input" ? skip : undefined);
          if (found) {
            const path = found.path.join(".");
            return new GraphQLError(`Argument "${path}" of "${field.name}" ${found.problem}.`, {
              nodes: selection,
              extensions: { code: ErrorCode.BadUserInput, field: field.name, argumentPath: found.path, http: { status: 400 } },
            });
          }
        }
        const named = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(named)) {
          const error = walk(named, selection.selectionSet, false);
          if (error) return error;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) {
          const error = walk(type, selection.selectionSet, atRoot);
          if (error) return error;
        }
      } else {
        const name = selection.name.value;
        // Each fragment once: its arguments do not depend on where it is spread.
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = fragments.get(name);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && isCompositeType(type)) {
          const error = walk(type, fragment.selectionSet, atRoot);
          if (error) return error;
        }
      }
    }
    return null;
  }
  return walk(root, operation.selectionSet, true);
}

/** The mutation fields at an operation's root with their `input` argument (as given, strings unchecked). */
function rootMutationInputs(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): { name: string; input: Record<string, unknown> }[] {
  const root = schema.getMutationType();
  const coerced = coercedVariables(schema, operation, rawVariables);
  if (!root || ("errors" in coerced && coerced.errors)) return [];
  return operation.selectionSet.selections.flatMap((selection) => {
    const field = selection.kind === Kind.FIELD ? root.getFields()[selection.name.value] : undefined;
    if (!field || selection.kind !== Kind.FIELD) return [];
    const input = getArgumentValues(field, selection, coerced.coerced).input;
    return [{ name: field.name, input: input && typeof input === "object" ? (input as Record<string, unknown>) : {} }];
  });
}

/** Whether any string in a JSON value (a request's variables) has a problem. */
export function holdsBadString(value: unknown): boolean {
  if (typeof value === "string") return stringProblem(value) !== null;
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(holdsBadString);
  for (const key in value) if (holdsBadString((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** Whether any string literal of a document (arguments, variables' defaults, anywhere) has a problem. */
export function literalsHoldBadString(document: DocumentNode): boolean {
  let bad = false;
  visit(document, {
    StringValue(node) {
      if (stringProblem(node.value) !== null) {
        bad = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return bad;
}

/**
 * Runs checkOperationStrings on every operation once it is resolved, before it is priced or executed. Every string it
 * checks comes from the document's literals or the request's variables: when neither holds a bad string (the literals
 * checked once per parsed document, the variables scanned as sent), the walk would find none, and is skipped.
 */
export function inputStringsPlugin(): ApolloServerPlugin<Context> {
  const badLiterals = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          let literals = badLiterals.get(document);
          if (literals === undefined) badLiterals.set(document, (literals = literalsHoldBadString(document)));
          if (!literals && !holdsBadString(request.variables)) return;
          const fragments = new Map(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const error = checkOperationStrings(schema, fragments, operation, request.variables);
          if (!error) return;
          if (operation.operation === OperationTypeNode.MUTATION) {
            // Refused before any resolver ran: each mutation still leaves its audit line, as if its resolver had refused.
            for (const { name, input } of rootMutationInputs(schema, operation, request.variables))
              await auditRefusedMutation(contextValue, name, input, error);
          }
          throw error;
        },
      };
    },
  };
}
