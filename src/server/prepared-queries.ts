import { BREAK, OperationTypeNode, visit, type DocumentNode, type OperationDefinitionNode } from "graphql";
import type { CompiledQuery } from "graphql-jit";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context/context";
import type { CompiledExecution } from "./compiled-execution";
import { operationMaxAge } from "./plugins/cache-policy";
import { literalsHoldBadString } from "./plugins/input-strings";

/** What Apollo's pipeline worked out once for a query text it answered an anonymous caller. */
export interface PreparedQuery {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's own name (Apollo's requestContext.operationName), null when it has none. */
  operationName: string | null;
  compiled: CompiledQuery;
  /** Its cache policy (src/server/plugins/cache-policy.ts): the answer's Cache-Control. */
  maxAge: number | undefined;
  /** Whether a string literal of the document holds a NUL or a lone surrogate (src/server/plugins/input-strings.ts). */
  badLiterals: boolean;
}

/** The bound of Apollo's own document store (its default: 30 MiB of parsed documents, measured as JSON). */
export const PREPARED_QUERIES_MAX_BYTES = 30 * 2 ** 20;

/**
 * Anonymous queries Apollo has already answered, by their exact text and operation name, so that the GraphQL route
 * can answer them again without Apollo's request pipeline (src/server/graphql-handler.ts, answerPrepared).
 *
 * A text is kept only after Apollo parsed it (under the token limit), validated it (with the request limits) and
 * resolved its operation as a QUERY for an anonymous caller; and only when graphql-jit compiled it and it selects no
 * introspection field (`__schema`, `__type`: their answers are cached and priced by plugins of their own). Parsing and
 * validating depend on the text alone, so a text that passed them once passes them again: what is left per request
 * (the strings, the price and the bucket, the variables) is checked again each time by the route.
 *
 * Bounded as Apollo bounds its document store: least recently used out past 30 MiB of documents, measured as JSON.
 */
export class PreparedQueries {
  private readonly entries = new Map<string, { prepared: PreparedQuery; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly execution: Pick<CompiledExecution, "compiledFor">,
    private readonly maxBytes = PREPARED_QUERIES_MAX_BYTES,
  ) {}

  /** The prepared query for this text and requested operation name (absent and null are the same to Apollo). */
  get(query: string, operationName: string | null | undefined): PreparedQuery | undefined {
    const key = keyOf(query, operationName);
    const found = this.entries.get(key);
    if (!found) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.prepared;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keeps each text Apollo answered that qualifies (see the class). */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ source, document, operation, operationName, request, contextValue, schema }) => {
          if (source === undefined || !document || operation?.operation !== OperationTypeNode.QUERY || contextValue?.viewer?.kind !== "anonymous") return;
          const key = keyOf(source, request.operationName);
          if (this.entries.has(key) || selectsIntrospection(document)) return;
          const compiled = this.execution.compiledFor(document, operationName ?? null);
          if (!compiled) return;
          const prepared: PreparedQuery = {
            document,
            operation,
            operationName: operationName ?? null,
            compiled,
            maxAge: operationMaxAge(schema, document, operation),
            badLiterals: literalsHoldBadString(document),
          };
          const bytes = Buffer.byteLength(JSON.stringify(document), "utf8");
          if (bytes > this.maxBytes) return;
          this.entries.set(key, { prepared, bytes });
          this.bytes += bytes;
          for (const [oldest, entry] of this.entries) {
            if (this.bytes <= this.maxBytes) break;
            this.entries.delete(oldest);
            this.bytes -= entry.bytes;
          }
        },
      }),
    };
  }
}

/** The operation name first, length-prefixed, so that no two (text, name) pairs share a key. */
function keyOf(query: string, operationName: string | null | undefined): string {
  return operationName == null ? `-${query}` : `${operationName.length}:${operationName}${query}`;
}

function selectsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
