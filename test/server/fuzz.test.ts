import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isUnionType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { campaignSchema } from "../../src/server/schema";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Thousands of generated and mutated requests against the real HTTP server, from a fixed seed: the server must never
 * crash, never answer 5xx or show internals, and every answer must be a well-formed GraphQL response or a 4xx.
 * Run with FUZZ_SEED=<n> FUZZ_REQUESTS=<n> to explore further; a failure prints the request that caused it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20210614);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const CONCURRENCY = 6;

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}
type Rng = ReturnType<typeof prng>;

const STRINGS = [
  "",
  "a",
  "Brussel",
  "NBV001",
  "asiel-migratie-2021",
  "é🙂\u0000\u202e",
  "'; drop table vacancies; --",
  "%",
  "\\",
  '"',
  "x".repeat(3000),
  "2021-06-14",
  "2021-06-14T08:00:00Z",
  "VmFjYW5jeTox",
  "WyJ2YWNhbmNpZXMiXQ",
];
const INTS = [0, 1, 2, 3, 5, 20, 99, 100];
const ODD_INTS = [-1, 101, 1000, -100, 2147483647, 2147483648, -2147483649, 9007199254740993];
const NAMES = [
  "a",
  "id",
  "nope",
  "__typename",
  "__schema",
  "__type",
  "edges",
  "node",
  "vacancies",
  "first",
  "Vacancy",
  "Query",
  "on",
  "fragment",
  "query",
  "mutation",
  "subscription",
  "true",
  "null",
];
const PUNCTUATION = ["{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "!", "=", "|", "&", ",", '"', '"""', "#", "\n", "-1", "1.5e999", "0x10"];

class Generator {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Rng,
  ) {}

  private variables: { name: string; type: string; value: unknown; omitted: boolean }[] = [];
  private fragments: string[] = [];

  /** A document built from the schema: mostly valid, with a share of wrong arguments, types and shapes. */
  operation(): { query: string; variables: Record<string, unknown>; operationName?: string } {
    this.variables = [];
    this.fragments = [];
    const r = this.rng;
    const mutationType = this.schema.getMutationType();
    const useMutation = mutationType && r.chance(0.15);
    const root = useMutation ? mutationType : this.schema.getQueryType()!;
    const maxDepth = r.chance(0.1) ? r.int(7, 11) : r.int(1, 6);
    const body = this.selectionSet(root, 1, maxDepth);
    const name = r.chance(0.5) ? `Op${r.int(0, 30)}` : "";
    const definitions = this.variables.length ? `(${this.variables.map((v) => `$${v.name}: ${v.type}`).join(", ")})` : "";
    const keyword = useMutation ? "mutation" : r.chance(0.7) && !name && !definitions ? "" : "query";
    const query = `${keyword}${keyword ? " " : ""}${keyword ? name : ""}${keyword ? definitions : ""} ${body}\n${this.fragments.join("\n")}`;
    const variables: Record<string, unknown> = {};
    for (const v of this.variables) if (!v.omitted) variables[v.name] = v.value;
    return { query, variables, ...(name && keyword && r.chance(0.8) ? { operationName: name } : {}) };
  }

  private selectionSet(type: GraphQLCompositeType, depth: number, maxDepth: number): string {
    const r = this.rng;
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      return `{ __typename ${possible
        .slice(0, 2)
        .map((t) => `... on ${t.name} ${this.selectionSet(t, depth, maxDepth)}`)
        .join(" ")} }`;
    }
    const fields = Object.values(type.getFields());
    const count = r.int(1, Math.min(3, fields.length));
    const chosen: string[] = [];
    // Mostly distinct fields: the same field twice with other arguments is a (valid) refusal, but one per document will do.
    const pool = [...fields];
    for (let i = 0; i < count; i++) {
      const field = r.chance(0.97) ? pool.splice(r.int(0, pool.length - 1), 1)[0] : r.pick(fields);
      chosen.push(this.field(field, depth, maxDepth));
    }
    if (r.chance(0.1)) chosen.push(r.chance(0.5) ? "__typename" : `t${r.int(0, 40)}: __typename`);
    if (r.chance(0.05)) {
      const fragmentName = `F${this.fragments.length}`;
      this.fragments.push(`fragment ${fragmentName} on ${type.name} { __typename ${this.field(r.pick(fields), depth, maxDepth)} }`);
      chosen.push(`...${fragmentName}`);
    }
    if (r.chance(0.05)) chosen.push(`... on ${type.name} { __typename }`);
    return `{ ${chosen.join(" ")} }`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, maxDepth: number): string {
    const r = this.rng;
    const alias = r.chance(0.15) ? `a${r.int(0, 20)}: ` : "";
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || r.chance(0.5))
      .map((arg) => `${arg.name}: ${r.chance(0.3) ? this.variable(arg.type) : this.literal(arg.type, 0)}`);
    if (r.chance(0.003)) args.push(`${r.pick(NAMES)}: ${r.pick(INTS)}`);
    const directive = r.chance(0.05) ? ` @${r.pick(["include", "skip"])}(if: ${r.pick(["true", "false", "$flag"])})` : "";
    if (directive.includes("$flag") && !this.variables.some((v) => v.name === "flag"))
      this.variables.push({ name: "flag", type: "Boolean!", value: r.chance(0.95) ? true : "yes", omitted: r.chance(0.03) });
    const named = getNamedType(field.type);
    let selection = "";
    if (isCompositeType(named)) {
      selection = depth >= maxDepth && r.chance(0.9) ? "{ __typename }" : this.selectionSet(named, depth + 1, maxDepth);
    } else if (r.chance(0.005)) {
      selection = "{ nope }";
    }
    return `${alias}${field.name}${args.length ? `(${args.join(", ")})` : ""}${directive} ${selection}`;
  }

  private variable(type: GraphQLInputType): string {
    const r = this.rng;
    const name = `v${this.variables.length}`;
    const declared = r.chance(0.97) ? typeString(type) : r.pick(["Int", "String!", "[ID]", "Boolean", "Nope"]);
    this.variables.push({ name, type: declared, value: r.chance(0.95) ? this.json(type, 0) : this.anyJson(0), omitted: r.chance(0.01) });
    return `$${name}`;
  }

  private literal(type: GraphQLInputType, depth: number): string {
    const r = this.rng;
    if (r.chance(0.01)) return r.pick(["null", "1", '"x"', "[]", "{}", "ENUM_VALUE", "true"]);
    if (isNonNullType(type)) return this.literal(type.ofType, depth);
    if (isListType(type)) return `[${Array.from({ length: r.int(0, 3) }, () => this.literal(type.ofType, depth + 1)).join(", ")}]`;
    if (isEnumType(type)) return r.chance(0.97) ? r.pick(type.getValues()).name : r.pick(["NOPE", "draft", "OPEN_"]);
    if (isInputObjectType(type)) {
      if (depth > 3) return "{}";
      const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || r.chance(0.4));
      return `{ ${fields.map((f) => `${f.name}: ${this.literal(f.type, depth + 1)}`).join(", ")} }`;
    }
    return scalarLiteral(type as GraphQLScalarType, r);
  }

  private json(type: GraphQLInputType, depth: number): unknown {
    const r = this.rng;
    if (r.chance(0.01)) return this.anyJson(depth);
    if (isNonNullType(type)) return this.json(type.ofType, depth);
    if (r.chance(0.05)) return null;
    if (isListType(type)) return Array.from({ length: r.int(0, 3) }, () => this.json(type.ofType, depth + 1));
    if (isEnumType(type)) return r.chance(0.97) ? r.pick(type.getValues()).name : "NOPE";
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const value: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) || r.chance(0.4)) value[f.name] = this.json(f.type, depth + 1);
      return value;
    }
    return scalarJson(type as GraphQLScalarType, r);
  }

  anyJson(depth: number): unknown {
    const r = this.rng;
    switch (depth > 2 ? r.int(0, 4) : r.int(0, 6)) {
      case 0:
        return null;
      case 1:
        return r.pick([...INTS, ...ODD_INTS]);
      case 2:
        return r.pick(STRINGS);
      case 3:
        return r.chance(0.5);
      case 4:
        return r.next() * 1e6;
      case 5:
        return Array.from({ length: r.int(0, 4) }, () => this.anyJson(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: r.int(0, 3) }, () => [r.pick(NAMES), this.anyJson(depth + 1)]));
    }
  }
}

function typeString(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return `${typeString(type.ofType)}!`;
  if (type instanceof GraphQLList) return `[${typeString(type.ofType)}]`;
  return (type as GraphQLEnumType | GraphQLInputObjectType | GraphQLScalarType).name;
}

function scalarLiteral(type: GraphQLScalarType, r: Rng): string {
  const value = scalarJson(type, r);
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function scalarJson(type: GraphQLScalarType, r: Rng): unknown {
  switch (type.name) {
    case "Int":
      return r.chance(0.95) ? r.pick(INTS) : r.pick(ODD_INTS);
    case "Float":
      return r.pick([0, 1.5, -3.25, 1e300, r.pick(ODD_INTS)]);
    case "Boolean":
      return r.chance(0.9) ? r.chance(0.5) : "true";
    case "ID":
      return r.chance(0.8) ? r.pick(STRINGS) : r.pick(INTS);
    case "Date":
      return r.chance(0.9) ? r.pick(["2021-06-14", "2027-01-01"]) : r.pick(["2021-02-30", "yesterday", 20210614]);
    case "DateTime":
      return r.chance(0.9) ? r.pick(["2021-06-14T08:00:00Z", "2027-03-01T08:00:00.000Z"]) : r.pick(["2021-06-14", "not a time", 0]);
    case "String":
      return r.chance(0.98) ? r.pick(STRINGS) : r.pick(INTS);
    default:
      return r.chance(0.8) ? r.pick(STRINGS) : r.pick(INTS);
  }
}

/** Random edits of a document's text: what a broken client or a probing attacker sends. */
function mutateText(text: string, r: Rng): string {
  let result = text;
  for (let edits = r.int(1, 4); edits > 0; edits--) {
    const at = r.int(0, result.length);
    switch (r.int(0, 4)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + r.int(1, 12));
        break;
      case 1:
        result = result.slice(0, at) + ` ${r.pick([...PUNCTUATION, ...NAMES])} ` + result.slice(at);
        break;
      case 2: {
        const from = r.int(0, result.length);
        result = result.slice(0, at) + result.slice(from, from + r.int(1, 40)) + result.slice(at);
        break;
      }
      case 3:
        result = result.slice(0, at);
        break;
      default:
        result = result.slice(0, at) + String.fromCharCode(r.int(0, 0xffff)) + result.slice(at + 1);
    }
  }
  return result;
}

interface FuzzRequest {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  search?: string;
}

function nextRequest(generator: Generator, r: Rng): FuzzRequest {
  const auth = r.next();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...(auth < 0.2
      ? { authorization: `Bearer ${ADMIN_KEY}` }
      : auth < 0.25
        ? { authorization: r.pick(["Bearer amk_not-a-real-key-at-all-0000", "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer x"]) }
        : {}),
    ...(r.chance(0.2) ? { "accept-language": r.pick(["fr", "en-GB,en;q=0.9", "de", "*", "xx;q=abc"]) } : {}),
    ...(r.chance(0.1) ? { accept: r.pick(["application/graphql-response+json", "application/json", "text/html", "*/*", "application/xml"]) } : {}),
  };
  const operation = generator.operation();
  const kind = r.next();
  if (kind < 0.55) return { method: "POST", headers, body: JSON.stringify(operation) };
  if (kind < 0.8) return { method: "POST", headers, body: JSON.stringify({ ...operation, query: mutateText(operation.query, r) }) };
  if (kind < 0.88) {
    const shapes: unknown[] = [
      { query: operation.query, variables: generator.anyJson(0) },
      { query: operation.query, operationName: r.pick([null, 1, "Nope", ["a"]]) },
      { query: r.pick([null, 1, [], {}, true]) },
      { query: operation.query, extensions: generator.anyJson(0) },
      { variables: operation.variables },
      [operation],
      r.pick(STRINGS),
    ];
    return { method: "POST", headers, body: JSON.stringify(r.pick(shapes)) };
  }
  if (kind < 0.94) {
    const params = new URLSearchParams({
      query: r.chance(0.8) ? operation.query : mutateText(operation.query, r),
      variables: JSON.stringify(operation.variables),
    });
    if (r.chance(0.3)) params.set("variables", r.pick(["{", "[]", "null", "%"]));
    return { method: "GET", headers: { ...headers, "apollo-require-preflight": "true" }, search: `?${params}` };
  }
  const body = r.pick([mutateText(JSON.stringify(operation), r), "", "{", "null", "[]", "\u0000", "a".repeat(r.int(1, 5000))]);
  return {
    method: r.chance(0.9) ? "POST" : r.pick(["GET", "POST"]),
    headers: {
      ...headers,
      "content-type": r.pick([
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "application/graphql",
        "multipart/form-data",
        "application/x-www-form-urlencoded",
      ]),
    },
    body,
  };
}

/** What a well-formed answer looks like; returns a description of what is wrong, or null. */
function problemWith(status: number, contentType: string | null, text: string): string | null {
  if (status >= 500) return `status ${status}`;
  if (![200, 400, 401, 403, 404, 405, 406, 413, 415, 429].includes(status)) return `unexpected status ${status}`;
  if (/\n\s+at |node_modules|\/work\/|\/src\/|stacktrace/i.test(text)) return "internals in the body";
  if (!contentType?.startsWith("application/json") && !contentType?.startsWith("application/graphql-response+json")) return `content-type ${contentType}`;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "not an object";
  const keys = Object.keys(body);
  if (keys.some((k) => !["data", "errors", "extensions"].includes(k))) return `unexpected keys ${keys}`;
  if (!("data" in body) && !("errors" in body)) return "neither data nor errors";
  if (status === 200 && !("data" in body)) return "200 without data";
  if ("errors" in body) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) return "errors not a non-empty list";
    for (const error of body.errors) {
      if (typeof error.message !== "string" || !error.message) return "error without a message";
      if (error.extensions?.code === "INTERNAL_SERVER_ERROR") return `internal error: ${JSON.stringify(error)}`;
      if (typeof error.extensions?.code !== "string") return `error without a code: ${JSON.stringify(error)}`;
      if (error.locations && !error.locations.every((l: any) => Number.isInteger(l.line) && Number.isInteger(l.column))) return "bad locations";
      if (error.path && !error.path.every((p: unknown) => typeof p === "string" || Number.isInteger(p))) return "bad path";
    }
  }
  if (status === 200 && body.data !== null && typeof body.data !== "object") return "data is not an object";
  return null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ operating: { responseCache: { maxBytes: 4 * 1024 * 1024 } } });
});
afterAll(() => server.close());

test(`${REQUESTS} generated and mutated requests (seed ${SEED}): no crash, no 5xx, no internals, well-formed answers`, async () => {
  const schema = await campaignSchema();
  const rng = prng(SEED);
  const generator = new Generator(schema, rng);
  const requests = Array.from({ length: REQUESTS }, () => nextRequest(generator, rng));
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let index = 0;
  async function worker() {
    while (index < requests.length) {
      const request = requests[index++];
      const response = await fetch(server.url + (request.search ?? ""), {
        method: request.method,
        headers: request.headers,
        body: request.method === "POST" ? request.body : undefined,
      });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const problem = problemWith(response.status, response.headers.get("content-type"), text);
      if (problem && failures.length < 10)
        failures.push(`${problem}\n  request: ${JSON.stringify(request).slice(0, 1500)}\n  answer: ${response.status} ${text.slice(0, 500)}`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(failures).toEqual([]);
  // The mix reaches both executed and refused documents (a generator producing only garbage would prove little).
  // Executed: answered 200, or 401 for a valid document that reads fields needing a key (their share grows with the schema).
  expect((statuses.get(200) ?? 0) + (statuses.get(401) ?? 0)).toBeGreaterThan(REQUESTS * 0.3);
  expect(statuses.get(200)).toBeGreaterThan(REQUESTS * 0.1);
  expect(statuses.get(400)).toBeGreaterThan(REQUESTS * 0.1);
  // Still up and answering.
  expect(await server.data(`{ campaign { targetHeadcount } }`)).toEqual({ campaign: { targetHeadcount: 700 } });
}, 120_000);
