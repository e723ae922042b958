import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  buildSchema,
  getOperationAST,
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { campaignSchema } from "../../src/server/schema";

// Every GraphQL example in the README and docs/ must run against the published schema: a ```graphql block is parsed and
// validated (one anonymous operation per block at most), a ```json block right after it is either its variables (coerced
// through the real scalars) or, when it holds "data", its answer (every key must be a field the operation selects).
// Query strings in ```sh blocks (curl -d '{"query":"..."}') are validated too.

const root = path.join(__dirname, "../..");
const documents = ["README.md", ...readdirSync(path.join(root, "docs"))
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => `docs/${name}`)];

interface Block {
  file: string;
  line: number;
  lang: string;
  text: string;
}

function fencedBlocks(file: string): Block[] {
  const lines = readFileSync(path.join(root, file), "utf8").split("\n");
  const blocks: Block[] = [];
  let open: { line: number; lang: string; body: string[] } | null = null;
  lines.forEach((line, index) => {
    if (!line.startsWith("```")) {
      open?.body.push(line);
    } else if (open) {
      blocks.push({ file, line: open.line, lang: open.lang, text: open.body.join("\n") });
      open = null;
    } else {
      open = { line: index + 1, lang: line.slice(3).trim(), body: [] };
    }
  });
  if (open) throw new Error(`${file}: a code block opened on line ${(open as { line: number }).line} is never closed`);
  return blocks;
}

interface Example {
  where: string;
  source: string;
  following?: Block;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const file of documents) {
    const blocks = fencedBlocks(file);
    blocks.forEach((block, index) => {
      const where = `${block.file}:${block.line}`;
      if (block.lang === "graphql") {
        const next = blocks[index + 1];
        found.push({ where, source: block.text, following: next?.lang === "json" ? next : undefined });
      } else if (block.lang === "sh") {
        // curl bodies: '{"query":"..."}' (a JSON string: its escapes are JSON's).
        for (const match of block.text.matchAll(/'(\{"query":.*?\})'/gs)) {
          found.push({ where, source: (JSON.parse(match[1]) as { query: string }).query });
        }
      }
    });
  }
  return found;
}

const published: GraphQLSchema = buildSchema(readFileSync(path.join(root, "schema/schema.graphql"), "utf8"));

/** Keys of an answer's object that the selection set does not ask for (fragments flattened). */
function unselectedKeys(schema: GraphQLSchema, type: GraphQLCompositeType, selections: SelectionSetNode, value: unknown, at: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => (item === "..." ? [] : unselectedKeys(schema, type, selections, item, `${at}[${i}]`)));
  if (value === null || typeof value !== "object") return [];
  const fields = new Map<string, { type: GraphQLCompositeType | null; selections?: SelectionSetNode }>();
  const collect = (set: SelectionSetNode, on: GraphQLCompositeType) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = isObjectType(on) || isInterfaceType(on) ? on.getFields()[selection.name.value] : undefined;
        const named = definition ? getNamedType(definition.type) : null;
        fields.set(selection.alias?.value ?? selection.name.value, {
          type: named && (isObjectType(named) || isInterfaceType(named)) ? named : null,
          selections: selection.selectionSet,
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : on;
        collect(selection.selectionSet, condition);
      }
    }
  };
  collect(selections, type);
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const field = fields.get(key);
    if (!field) return [`${at}.${key}`];
    return field.type && field.selections ? unselectedKeys(schema, field.type, field.selections, child, `${at}.${key}`) : [];
  });
}

function problems(schema: GraphQLSchema, example: Example): string[] {
  let document: DocumentNode;
  try {
    document = parse(example.source);
  } catch (error) {
    return [(error as Error).message];
  }
  const errors = [...validate(published, document), ...validate(schema, document)].map((error) => error.message);
  if (errors.length > 0) return [...new Set(errors)];
  if (!example.following) return [];
  const operation = getOperationAST(document) as OperationDefinitionNode | null;
  if (!operation) return [`${example.following.file}:${example.following.line}: a JSON block follows a block of several operations`];
  const json = JSON.parse(example.following.text) as Record<string, unknown>;
  const at = `${example.following.file}:${example.following.line}`;
  if ("data" in json || "errors" in json) {
    const rootType = operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
    return unselectedKeys(schema, rootType!, operation.selectionSet, json.data ?? null, `${at}: data`).map((key) => `${key} is not selected`);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], json);
  const declared = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  return [
    ...(coerced.errors ?? []).map((error) => `${at}: ${error.message}`),
    ...Object.keys(json)
      .filter((name) => !declared.has(name))
      .map((name) => `${at}: variable $${name} is not declared`),
  ];
}

test("every GraphQL example in README.md and docs/*.md is valid against the published schema", async () => {
  const schema = await campaignSchema();
  const found = examples();
  expect(found.length).toBeGreaterThan(10);
  const failures = found.flatMap((example) => problems(schema, example).map((problem) => `${example.where}: ${problem}`));
  expect(failures).toEqual([]);
});

test("the check itself refuses what it should", async () => {
  const schema = await campaignSchema();
  const check = (source: string, following?: string) =>
    problems(schema, { where: "x", source, following: following === undefined ? undefined : { file: "x", line: 1, lang: "json", text: following } });
  expect(check("{ campaign { nope } }")).toEqual(['Cannot query field "nope" on type "Campaign". Did you mean "name"?']);
  expect(check("mutation { withdrawApplication(input: { applicationId: \"1\" }) { userErrors { code } } }\nmutation { withdrawApplication(input: { applicationId: \"2\" }) { userErrors { code } } }")).toEqual([
    "This anonymous operation must be the only defined operation.",
  ]);
  expect(check("query Q($since: DateTime) { applications(first: 1, filter: { updatedSince: $since }) { totalCount } }", '{ "since": "yesterday" }')).toEqual([
    expect.stringContaining('Variable "$since" got invalid value "yesterday"'),
  ]);
  expect(check("{ campaign { name } }", '{ "data": { "campaign": { "name": "x", "slug": "y" } } }')).toEqual(["x:1: data.campaign.slug is not selected"]);
});
