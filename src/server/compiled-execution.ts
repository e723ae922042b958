import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { execute, GraphQLError, OperationTypeNode, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { Context } from "../context/context";
import { currentRequestScope, type RequestScope } from "../common/request-scope";

/** graphql-jit's error: graphql-js's fields, another class. */
type JitError = Pick<GraphQLError, "message" | "path" | "locations" | "originalError" | "extensions">;

type Gateway = ApolloServerOptionsWithGateway<Context>["gateway"];

export interface CompiledExecution {
  /** For ApolloServer's `gateway` option. */
  gateway: Gateway;
  /** The compiled query of a parsed document's operation (null: not compiled, or compiling is off). */
  compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | null;
  /**
   * Results already worked out by the edge for a request (by its scope): Apollo's execution step returns it instead of
   * running the query again (src/server/graphql-handler.ts hands a prepared query's result with errors to Apollo so).
   */
  precomputed: WeakMap<RequestScope, ExecutionResult>;
}

/**
 * Apollo's executor hook (its gateway interface, with the one schema it was given): queries run as JavaScript compiled
 * from their document by graphql-jit, which resolves the same resolvers with the same arguments, context and info, but
 * without graphql-js's per-field interpretation of the document (on a 50-vacancy page, about 1,700 fields). Apollo still
 * parses, validates and runs every plugin as before; only the execution step changes. (A repeated anonymous query runs
 * its compiled query at the edge, without Apollo: src/server/prepared-queries.ts.)
 *
 * - Compiled once per document and operation: Apollo hands back the same parsed document for the same text (its
 *   document store, an LRU), and the compiled queries hang off it in a WeakMap, so they go when Apollo forgets the
 *   document: bounded by Apollo's own bound. Compiling costs about what validating does, which Apollo already pays
 *   once per new document, after the request limits and before the price.
 * - Mutations and subscriptions run through graphql-js as before (serial execution, the audit wrapper), and so does
 *   everything when tracing is on (`compile: false`): OpenTelemetry's spans of execution and resolvers hook graphql-js.
 * - Variables that do not coerce are answered by graphql-js, so those errors read exactly as before: nothing ran yet.
 */
export function compiledExecution(schema: GraphQLSchema, { compile }: { compile: boolean }): CompiledExecution {
  // Per parsed document, by operation name ("" for the only one); null when graphql-jit declined the document.
  const documents = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const precomputed = new WeakMap<RequestScope, ExecutionResult>();

  function compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    if (!compile) return null;
    let operations = documents.get(document);
    if (!operations) documents.set(document, (operations = new Map<string, CompiledQuery | null>()));
    const key = operationName ?? "";
    let compiled = operations.get(key);
    if (compiled === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      compiled = isCompiledQuery(result) ? result : null;
      operations.set(key, compiled);
    }
    return compiled;
  }

  let unsubscribed = false;
  const gateway: Gateway = {
    onSchemaLoadOrUpdate(callback) {
      if (!unsubscribed) callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {
        unsubscribed = true;
      };
    },
    async load() {
      return {
        executor: async ({ document, operation, operationName, request, context }) => {
          const run = () => execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: operationName ?? undefined });
          const compiled = operation.operation === OperationTypeNode.QUERY ? compiledFor(document, operationName) : null;
          if (!compiled) return run();
          const scope = currentRequestScope();
          const given = scope && precomputed.get(scope);
          if (scope) precomputed.delete(scope);
          const result: ExecutionResult = given || (await compiled.query(undefined, context, request.variables ?? {}));
          // No data at all: the variables did not coerce (nothing was resolved); graphql-js words those errors.
          if (!("data" in result)) return run();
          return result.errors ? { ...result, errors: (result.errors as readonly JitError[]).map(asGraphQLError) } : result;
        },
      };
    },
    async stop() {},
  };
  return { gateway, compiledFor, precomputed };
}

/**
 * graphql-jit's errors pass for graphql-js's (same prototype) but are built by its own constructor, without the
 * extensions object graphql-js always sets (Apollo reads extensions.code, and masks an error it cannot read): rebuilt as
 * graphql-js builds a resolver's error (locatedError), with the same message, path, locations and original error.
 */
function asGraphQLError(error: JitError): GraphQLError {
  const located = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  // graphql-js derives locations from AST nodes; the compiled query carries them already worked out.
  return Object.assign(located, { locations: error.locations });
}
