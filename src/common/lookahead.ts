import { GraphQLIncludeDirective, GraphQLSkipDirective, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { getDirectiveValues } from "graphql/execution/values";

/**
 * The fields a resolver's caller selected at a path below it (field names, not aliases), through fragments, leaving
 * out those @skip or @include turn off: for a list resolver that can fetch in its own statement what its items'
 * fields would otherwise each ask for. Only a hint: the fields still resolve as declared.
 */
export function selectedAt(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments" | "variableValues">, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const found: FieldNode[] = [];
    for (const node of nodes) if (node.selectionSet) collect(node.selectionSet, name, info, found, new Set());
    nodes = found;
  }
  return [...nodes];
}

function collect(
  selectionSet: SelectionSetNode,
  name: string,
  info: Pick<GraphQLResolveInfo, "fragments" | "variableValues">,
  found: FieldNode[],
  spread: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (!included(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, name, info, found, spread);
    } else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, name, info, found, spread);
    }
  }
}

function included(node: Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}
