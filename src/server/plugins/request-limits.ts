import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, Kind, type ASTVisitor, type FieldNode, type SelectionNode, type ValidationContext, type ValidationRule } from "graphql";

/** The shape limits every operation is held to (the README's "Request limits" lists them for clients). */
export const REQUEST_LIMITS = {
  /** Nesting of fields, the operation's root fields being depth 1 (fragments count as their fields). */
  maxDepth: 8,
  /** Aliased fields per operation, `__typename` included (an alias per field is how one request asks the same thing many times). */
  maxAliases: 15,
  /** Directives per operation, fragments included. */
  maxDirectives: 5,
  /** Lexical tokens per document, enforced by graphql-js's parser before any other work. */
  maxTokens: 2_000,
} as const;

/** Why a document was refused; sent as extensions.reason so clients can tell the limits apart without learning their values. */
export type LimitReason = "MAX_DEPTH" | "MAX_ALIASES" | "MAX_DIRECTIVES" | "MAX_TOKENS" | "MAX_COST" | "INTROSPECTION_CYCLE" | "UNSUPPORTED_OPERATION";

const messages: Record<Exclude<LimitReason, "MAX_COST">, string> = {
  MAX_DEPTH: "The query nests fields too deeply.",
  MAX_ALIASES: "The query uses too many aliases.",
  MAX_DIRECTIVES: "The query uses too many directives.",
  MAX_TOKENS: "The document is too long.",
  INTROSPECTION_CYCLE: "An introspection query may not nest the same list field (fields, types, args...) inside itself.",
  UNSUPPORTED_OPERATION: "This API has no subscriptions: send a query or a mutation.",
};

/**
 * An operation type the schema does not have (a subscription: there is no Subscription type) is refused at validation,
 * as a client error; graphql-js would only find out at execution, and answer it as an internal error.
 */
export const supportedOperationRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) context.reportError(limitError("UNSUPPORTED_OPERATION"));
  },
});

export function limitError(reason: Exclude<LimitReason, "MAX_COST">): GraphQLError {
  return new GraphQLError(messages[reason], { extensions: { reason } });
}

/**
 * graphql-armor's rules report "limit of N exceeded, found M"; ours replace that with a message that names the limit but
 * not its value, and add every violation to the validation result instead of throwing out of graphql-js's validate.
 */
function reportAs(reason: Exclude<LimitReason, "MAX_COST">) {
  return {
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(limitError(reason))],
  };
}

/** Introspection list fields whose self-nesting (fields { type { fields { ... } } }) makes a response grow exponentially. */
const INTROSPECTION_LISTS = new Set(["types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args", "directives"]);

/**
 * Introspection stays cheap: inside __schema or __type, no list field may appear twice on one path. The standard
 * introspection query (GraphiQL, codegen) passes; the "fields of the types of the fields of..." amplification does not.
 * The depth rule does not see it (it skips __schema so that the standard query's ofType chain fits).
 */
export const introspectionCycleRule: ValidationRule = (context) => {
  const seen: string[] = [];
  let inIntrospection = 0;
  let reported = false;
  const check = (node: FieldNode, entering: boolean): void => {
    const name = node.name.value;
    if (name === "__schema" || name === "__type") {
      inIntrospection += entering ? 1 : -1;
      return;
    }
    if (!inIntrospection || !INTROSPECTION_LISTS.has(name)) return;
    if (entering) {
      if (seen.includes(name) && !reported) {
        reported = true;
        context.reportError(limitError("INTROSPECTION_CYCLE"));
      }
      seen.push(name);
    } else {
      seen.pop();
    }
  };
  const visitor: ASTVisitor = {
    Field: { enter: (node) => check(node, true), leave: (node) => check(node, false) },
    // A fragment is visited where it is defined, not where it is spread: follow spreads so their fields count on the path.
    FragmentSpread: {
      enter(node) {
        if (!inIntrospection) return;
        const fragment = context.getFragment(node.name.value);
        if (!fragment) return;
        const visit = (selections: readonly SelectionNode[], depth: number): void => {
          if (depth > 20 || reported) return;
          for (const selection of selections) {
            if (selection.kind === Kind.FIELD) {
              check(selection, true);
              if (selection.selectionSet) visit(selection.selectionSet.selections, depth + 1);
              check(selection, false);
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
              visit(selection.selectionSet.selections, depth + 1);
            } else {
              const inner = context.getFragment(selection.name.value);
              if (inner) visit(inner.selectionSet.selections, depth + 1);
            }
          }
        };
        visit(fragment.selectionSet.selections, 0);
      },
    },
  };
  return visitor;
};

/** The validation rules Apollo adds to graphql-js's own. */
export function requestLimitRules(): ValidationRule[] {
  return [
    maxDepthRule({ n: REQUEST_LIMITS.maxDepth, ignoreIntrospection: true, ...reportAs("MAX_DEPTH") }),
    maxAliasesRule({ n: REQUEST_LIMITS.maxAliases, allowList: [], ...reportAs("MAX_ALIASES") }),
    maxDirectivesRule({ n: REQUEST_LIMITS.maxDirectives, ...reportAs("MAX_DIRECTIVES") }),
    introspectionCycleRule,
    supportedOperationRule,
  ];
}

/** graphql-js's token-limit message carries the limit; this is the one clients get instead. */
export const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more th(?:an|at) \d+ tokens/;
