import fc from "fast-check";
import {
  getNamedType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { sql } from "drizzle-orm";
import { displayPrefix, generateApiKey, hashApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { toGlobalId } from "../../src/common/global-id";
import { selectRows, type Db } from "../../src/db/client";
import { apiClients } from "../../src/db/tables";
import { PER_ITEM_BATCHES } from "../../src/server/plugins/input-strings";

/**
 * A generative fuzz suite driven by the schema itself (fast-check): every root field, every input type, values of each
 * class a hostile or broken client sends (nesting, size, encoding, wrong types, dates far out, ids of other agencies and
 * of drafts), and request envelopes around them (bodies nested 100,000 deep, oversized, not JSON, GET, subscriptions,
 * mangled documents). `judge` says what is wrong with an answer: a 5xx, an internal error, internals in the body, a
 * malformed answer, or personal data the caller may not see. test/server/fuzz.test.ts runs a short seeded run in CI;
 * `npm run fuzz` runs 10,000 requests and prints the counts.
 */

/**
 * Issue 10 (HR integration) checks the strings of a batch's items one by one, so one bad item gets its own userError.
 * Until that lands on main, the items of PER_ITEM_BATCHES get only well-formed strings here: a bad one sinks the batch
 * with an internal error (a lone surrogate in an e-mail: URIError). Set to true once it has landed.
 */
export const BATCH_ITEM_STRINGS_CHECKED = true;

export type CallerName = "anonymous" | "badKey" | "dvz" | "cgvs" | "taskforce" | "admin";

/** What the fuzz run knows about the data it set up: keys, ids worth trying, and the personal data to watch for. */
export interface FuzzContext {
  keys: Record<Exclude<CallerName, "anonymous" | "badKey">, string>;
  /** Real ids of every kind (DVZ's and CGVS's vacancies, drafts, applications, candidates, sessions), and wrong ones. */
  ids: string[];
  campaignSlug: string;
  campaignStartsOn: string;
  campaignEndsOn: string;
  /** Strings that only DVZ's HR system and administrators may ever see in an answer (a DVZ candidate's personal data). */
  personalData: string[];
}

export interface FuzzRequest {
  caller: CallerName;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  search?: string;
  /** What it exercises: the root field and the input types its arguments went through ("envelope" for raw bodies). */
  rootField: string;
  inputTypes: string[];
  kind: "operation" | "literal" | "get" | "envelope";
}

/** Callers that may read DVZ's candidates' personal data. */
const MAY_SEE_PERSONAL_DATA: ReadonlySet<CallerName> = new Set(["dvz", "admin"]);

/**
 * Sets up what the fuzz run needs on a seeded campaign: API keys (two agencies, the taskforce, an administrator), a
 * draft vacancy, a DVZ application with recognisable personal data, a test session; returns the ids to try.
 */
export async function prepareFuzzData(db: Db, gql: (query: string, variables: Record<string, unknown>, key?: string) => Promise<any>): Promise<FuzzContext> {
  const key = async (name: string, role: Role, agencyCode: string | null) => {
    const apiKey = generateApiKey();
    await db.insert(apiClients).values({ name, role, agencyCode: agencyCode as never, keyHash: hashApiKey(apiKey), keyPrefix: displayPrefix(apiKey) });
    return apiKey;
  };
  const keys = {
    dvz: await key("fuzz DVZ HR", Role.AGENCY_HR, "DVZ"),
    cgvs: await key("fuzz CGVS HR", Role.AGENCY_HR, "CGVS"),
    taskforce: await key("fuzz taskforce", Role.TASKFORCE, null),
    admin: await key("fuzz admin", Role.ADMIN, null),
  };
  const [campaign] = await selectRows<{ id: number; slug: string; starts_on: string; ends_on: string }>(
    db,
    sql`select id, slug, starts_on::text, ends_on::text from campaigns order by id limit 1`,
  );
  const vacancyOf = async (agency: string, status: string) =>
    (await selectRows<{ id: number }>(db, sql`select id from vacancies where agency_code = ${agency} and status = ${status} order by id limit 1`))[0]?.id;
  const dvzVacancy = await vacancyOf("DVZ", "OPEN");
  const cgvsVacancy = await vacancyOf("CGVS", "OPEN");
  const [draft] = await selectRows<{ id: number }>(
    db,
    sql`insert into vacancies (campaign_id, wave_id, agency_code, job_profile_id, title, headcount_target, place, language_regime, contract_type, status, search_text)
        select campaign_id, wave_id, agency_code, job_profile_id, title, 1, 'Fuzzgeheim', language_regime, contract_type, 'DRAFT', search_text
        from vacancies where id = ${dvzVacancy} returning id`,
  );
  const personalData = ["Fuzzvoornaam", "Fuzzachternaam-Geheim", "fuzz.geheim@example.be"];
  const submitted = await gql(
    `mutation($input: SubmitApplicationsInput!) { submitApplications(input: $input) { results { application { id candidate { id } } userErrors { code } } } }`,
    {
      input: {
        applications: [
          {
            externalId: "fuzz-1",
            vacancyId: toGlobalId("Vacancy", dvzVacancy),
            candidate: { firstName: personalData[0], lastName: personalData[1], email: personalData[2] },
          },
        ],
      },
    },
    keys.dvz,
  );
  const result = submitted?.data?.submitApplications?.results?.[0];
  const session = await gql(
    `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } } }`,
    {
      input: {
        kind: "WRITTEN",
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        place: "Selor fuzz",
        capacity: 5,
        vacancyIds: [toGlobalId("Vacancy", dvzVacancy), toGlobalId("Vacancy", cgvsVacancy)],
      },
    },
    keys.admin,
  );
  const ids = [
    toGlobalId("Vacancy", dvzVacancy),
    toGlobalId("Vacancy", cgvsVacancy),
    toGlobalId("Vacancy", draft.id),
    toGlobalId("Vacancy", 2_000_000_000),
    toGlobalId("Campaign", campaign.id),
    toGlobalId("Wave", 1),
    toGlobalId("JobProfile", 1),
    toGlobalId("ApiClient", 1),
    toGlobalId("AuditEntry", 1),
    result?.application?.id,
    result?.application?.candidate?.id,
    session?.data?.createTestSession?.testSession?.id,
    toGlobalId("Application", 2_000_000_000),
    toGlobalId("Candidate", dvzVacancy), // a candidate id with a vacancy's key: another type's number
    "VmFjYW5jeTox",
    "not-an-id",
    "",
  ].filter((id): id is string => typeof id === "string");
  return { keys, ids, campaignSlug: campaign.slug, campaignStartsOn: campaign.starts_on, campaignEndsOn: campaign.ends_on, personalData };
}

/** Every input type reachable from a root field's arguments (what a run must exercise). */
export function inputTypesOf(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => isInputObjectType(t) && !t.name.startsWith("__"))
    .map((t) => t.name)
    .sort();
}

/** Every root field, as "Query.vacancies" or "Mutation.submitApplications". */
export function rootFieldsOf(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()]
    .filter((t): t is GraphQLObjectType => t != null)
    .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`))
    .sort();
}

type Gen = fc.GeneratorValue;

/** One of the items, drawn by index (fast-check compares constants deeply, and schema objects are cyclic). */
const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })];
const chance = (g: Gen, p: number): boolean => g(fc.integer, { min: 0, max: 9_999 }) < p * 10_000;

const BAD_STRINGS = ["ls\ud83d@x.be", "\udc00", "a\u0000b", "\u0000"];
const ODD_STRINGS = ["", " ", "é🙂\u202e", "'; drop table vacancies; --", "%", "\\", '"', "x".repeat(3_000), "<script>alert(1)</script>", "NBV001", "Brussel"];

/** A value for an input type: mostly of the right type and shape, with every class of wrong value some of the time. */
function inputValue(g: Gen, type: GraphQLInputType, ctx: FuzzContext, seen: Set<string>, depth: number, goodStringsOnly: boolean, full = false): unknown {
  if (!full && chance(g, 0.02)) return anyJson(g, 0);
  if (isNonNullType(type)) return !full && chance(g, 0.01) ? null : inputValue(g, type.ofType, ctx, seen, depth, goodStringsOnly, full);
  if (!full && chance(g, 0.05)) return null;
  if (isListType(type)) {
    const length = full ? 1 : chance(g, 0.02) ? g(fc.integer, { min: 501, max: 520 }) : g(fc.integer, { min: 0, max: 3 });
    return Array.from({ length }, () => inputValue(g, type.ofType, ctx, seen, depth + 1, goodStringsOnly, full));
  }
  if (isEnumType(type)) return chance(g, 0.97) ? pick(g, type.getValues()).name : pick(g, ["NOPE", "draft", ""]);
  if (isInputObjectType(type)) {
    seen.add(type.name);
    if (depth > 5) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (!full && !isNonNullType(field.type) && !chance(g, 0.5)) continue;
      // The items of per-item batches are left to their own validation (see BATCH_ITEM_STRINGS_CHECKED).
      const items = depth === 0 && !BATCH_ITEM_STRINGS_CHECKED && Object.values(PER_ITEM_BATCHES).includes(field.name);
      value[field.name] = inputValue(g, field.type, ctx, seen, depth + 1, goodStringsOnly || items, full);
    }
    if (chance(g, 0.02)) value[pick(g, ["nope", "__typename", "id"])] = 1;
    return value;
  }
  return scalarValue(g, type, ctx, goodStringsOnly);
}

function scalarValue(g: Gen, type: GraphQLScalarType, ctx: FuzzContext, goodStringsOnly: boolean): unknown {
  const strings = goodStringsOnly ? ODD_STRINGS : [...ODD_STRINGS, ...BAD_STRINGS];
  const randomString = () => (goodStringsOnly ? g(fc.string, { maxLength: 30 }) : g(fc.string, { unit: "binary", maxLength: 30 }));
  switch (type.name) {
    case "Int":
      return chance(g, 0.7) ? pick(g, [0, 1, 2, 5, 20, 100]) : pick(g, [-1, 101, 1000, -2147483649, 2147483648, 2 ** 53 + 1, 1.5]);
    case "Float":
      return pick(g, [0, 1.5, 10, 99.99, 100, -3.25, 1e300, 0.001, 101]);
    case "Boolean":
      return chance(g, 0.95) ? g(fc.boolean) : "true";
    case "ID":
      return chance(g, 0.8) ? pick(g, ctx.ids) : chance(g, 0.5) ? pick(g, strings) : g(fc.integer);
    case "Date":
      return chance(g, 0.6)
        ? pick(g, [ctx.campaignStartsOn, ctx.campaignEndsOn, "2021-07-01", new Date().toISOString().slice(0, 10)])
        : pick(g, ["0001-01-01", "9999-12-31", "1970-01-01", "2021-02-30", "yesterday", "1950-05-05", "2010-01-01", 20210614]);
    case "DateTime":
      return chance(g, 0.6)
        ? pick(g, [new Date(Date.now() + 3 * 86_400_000).toISOString(), `${ctx.campaignStartsOn}T08:00:00Z`, new Date().toISOString()])
        : pick(g, ["9999-12-31T23:59:00Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2021-06-14", "not a time", 0]);
    case "EmailAddress":
      return pick(g, ["jan.peeters@example.be", "not-an-email", "", "a@b", ...(goodStringsOnly ? [] : ["ls\ud83d@x.be", "a\u0000@x.be"])]);
    case "String":
      return chance(g, 0.6) ? pick(g, strings) : chance(g, 0.95) ? randomString() : g(fc.integer);
    default:
      return chance(g, 0.7) ? pick(g, strings) : randomString();
  }
}

function anyJson(g: Gen, depth: number): unknown {
  switch (g(fc.integer, { min: 0, max: depth > 2 ? 4 : 6 })) {
    case 0:
      return null;
    case 1:
      return pick(g, [0, -1, 1e20, 2147483648]);
    case 2:
      return pick(g, ODD_STRINGS);
    case 3:
      return g(fc.boolean);
    case 4:
      return 1.25;
    case 5:
      return Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, () => anyJson(g, depth + 1));
    default:
      return { [pick(g, ["a", "id", "first", "input"])]: anyJson(g, depth + 1) };
  }
}

/** A selection on an output type: some of its fields, nested objects a few levels down (their required arguments filled). */
function selection(g: Gen, type: GraphQLNamedType, ctx: FuzzContext, seen: Set<string>, depth: number, variables: Variables): string {
  if (isUnionType(type) || isInterfaceType(type)) return "{ __typename }";
  if (!isObjectType(type)) return "";
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)) || depth === 0);
  const indexes: number[] = g(() => fc.uniqueArray(fc.nat({ max: fields.length - 1 }), { minLength: 1, maxLength: Math.min(4, fields.length) }));
  const chosen = indexes.map((i) => fields[i]);
  const parts = chosen.map((field) => {
    const named = getNamedType(field.type);
    const args = depth < 3 && chance(g, 0.3) ? argumentsOf(g, field, ctx, seen, variables, false) : "";
    if (isLeafType(named)) return `${field.name}${args}`;
    if (depth >= 3) return `${field.name}${args} { __typename }`;
    return `${field.name}${args} ${selection(g, named, ctx, seen, depth + 1, variables)}`;
  });
  return `{ ${parts.join(" ")} }`;
}

interface Variables {
  definitions: string[];
  values: Record<string, unknown>;
  literal: boolean;
}

function argumentsOf(
  g: Gen,
  field: GraphQLField<unknown, unknown>,
  ctx: FuzzContext,
  seen: Set<string>,
  variables: Variables,
  root: boolean,
  full = false,
): string {
  const args = field.args.filter((a) => full || isNonNullType(a.type) || chance(g, root ? 0.6 : 0.3));
  if (args.length === 0) return "";
  return `(${args
    .map((arg) => {
      const value = inputValue(g, arg.type, ctx, seen, 0, false, full);
      if (variables.literal) return `${arg.name}: ${literalOf(value, arg.type)}`;
      const name = `v${variables.definitions.length}`;
      variables.definitions.push(`$${name}: ${typeString(arg.type)}`);
      if (!chance(g, 0.01)) variables.values[name] = value;
      return `${arg.name}: $${name}`;
    })
    .join(", ")})`;
}

function typeString(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return `${typeString(type.ofType)}!`;
  if (type instanceof GraphQLList) return `[${typeString(type.ofType)}]`;
  return type.name;
}

/** A value as a GraphQL literal (enum values bare, strings JSON-quoted). */
function literalOf(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => literalOf(v, isListType(inner) ? inner.ofType : inner)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literalOf(v, fields[k]?.type ?? inner)}`)
      .join(", ")} }`;
  }
  if (typeof value === "string") return isEnumType(inner) && /^[A-Za-z_]\w*$/.test(value) ? value : JSON.stringify(value);
  return `${value as number | boolean}`;
}

/**
 * The arbitrary of one fuzz request. `rootField` forces one root field (to cover them all), else one is drawn; `full`
 * fills every optional argument and input field, so that one request per root field reaches every input type.
 */
export function fuzzRequest(schema: GraphQLSchema, ctx: FuzzContext, options: { rootField?: string; full?: boolean } = {}): fc.Arbitrary<FuzzRequest> {
  const { rootField, full = false } = options;
  const roots = rootFieldsOf(schema);
  return fc.gen().map((g) => {
    const caller: CallerName = pick(g, ["anonymous", "anonymous", "anonymous", "badKey", "dvz", "dvz", "cgvs", "taskforce", "admin", "admin"]);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      ...(caller === "anonymous"
        ? {}
        : caller === "badKey"
          ? { authorization: pick(g, ["Bearer amk_not-a-real-key-at-all-0000", "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer x"]) }
          : { authorization: `Bearer ${ctx.keys[caller]}` }),
      ...(chance(g, 0.2) ? { "accept-language": pick(g, ["fr", "en-GB,en;q=0.9", "de", "*", "xx;q=abc"]) } : {}),
      ...(chance(g, 0.1) ? { accept: pick(g, ["application/graphql-response+json", "application/json", "text/html", "*/*"]) } : {}),
    };
    const kind = full
      ? "operation"
      : rootField
        ? pick(g, ["operation", "operation", "literal"] as const)
        : pick(g, ["operation", "operation", "operation", "literal", "get", "envelope"] as const);
    if (kind === "envelope") return envelope(g, caller, headers);
    const name = rootField ?? pick(g, roots);
    const [typeName, fieldName] = name.split(".");
    const rootType = typeName === "Query" ? schema.getQueryType()! : schema.getMutationType()!;
    const field = rootType.getFields()[fieldName];
    const seen = new Set<string>();
    const variables: Variables = { definitions: [], values: {}, literal: kind === "literal" };
    const args = argumentsOf(g, field, ctx, seen, variables, true, full);
    const named = getNamedType(field.type);
    const body = isCompositeType(named) ? selection(g, named, ctx, seen, 0, variables) : "";
    const keyword = typeName === "Query" ? "query" : "mutation";
    const query = `${keyword} Fuzz${variables.definitions.length ? `(${variables.definitions.join(", ")})` : ""} { ${fieldName}${args} ${body} }`;
    const base = { caller, rootField: name, inputTypes: [...seen], kind };
    if (kind === "get" && typeName === "Query") {
      const params = new URLSearchParams({ query, variables: JSON.stringify(variables.values) });
      return { ...base, method: "GET", headers: { ...headers, "apollo-require-preflight": "true" }, search: `?${params.toString()}` };
    }
    const text = !full && chance(g, 0.1) ? mangle(g, query) : query;
    return { ...base, method: "POST", headers, body: JSON.stringify({ query: text, variables: variables.values }) };
  });
}

/** Raw bodies that no schema-following client sends: what the HTTP layer must refuse cheaply and cleanly. */
function envelope(g: Gen, caller: CallerName, headers: Record<string, string>): FuzzRequest {
  const depth = pick(g, [17, 64, 5_000, 100_000]);
  const body = pick(g, [
    `{"query":"{ __typename }","variables":{"zz":${"[".repeat(depth)}${"]".repeat(depth)}}}`,
    JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(pick(g, [17_000, 1_100_000])) } }),
    JSON.stringify({ query: "subscription { __typename }" }),
    JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    JSON.stringify({ query: null }),
    JSON.stringify({ query: "{ __typename }", operationName: ["a"] }),
    JSON.stringify({ query: "{ __typename }", variables: "nope" }),
    "{",
    "",
    "\u0000",
    `{"query":"{ vacancies(filter: { search: \\"\\ud83d\\" }) { totalCount } }"}`,
    JSON.stringify({ query: `{ ${"a: __typename ".repeat(20)} }` }),
    JSON.stringify({ query: `{ ${"vacancies(first: 100) { edges { node { ".repeat(3)} id ${"} } } ".repeat(3)} }` }),
  ]);
  const contentType = pick(g, ["application/json", "application/json", "application/json", "text/plain", "application/graphql", "multipart/form-data"]);
  return { caller, method: "POST", headers: { ...headers, "content-type": contentType }, body, rootField: "envelope", inputTypes: [], kind: "envelope" };
}

/** Random edits of a document's text: what a broken client or a probing attacker sends. */
function mangle(g: Gen, text: string): string {
  let result = text;
  for (let edits = g(fc.integer, { min: 1, max: 3 }); edits > 0; edits--) {
    const at = g(fc.integer, { min: 0, max: result.length });
    switch (g(fc.integer, { min: 0, max: 3 })) {
      case 0:
        result = result.slice(0, at) + result.slice(at + g(fc.integer, { min: 1, max: 12 }));
        break;
      case 1:
        result =
          result.slice(0, at) + ` ${pick(g, ["{", "}", "(", ")", "$", "@", "...", "!", '"', "#", "subscription", "__schema", "1.5e999"])} ` + result.slice(at);
        break;
      case 2:
        result = result.slice(0, at);
        break;
      default:
        result = result.slice(0, at) + String.fromCharCode(g(fc.integer, { min: 0, max: 0xffff })) + result.slice(at + 1);
    }
  }
  return result;
}

const STATUSES = new Set([200, 400, 401, 403, 404, 405, 406, 413, 415, 429]);

/** What is wrong with an answer, or null. `refused` says whether the request was turned down as a whole (nothing may change). */
export function judge(
  request: FuzzRequest,
  status: number,
  contentType: string | null,
  text: string,
  ctx: FuzzContext,
): { problem: string | null; refused: boolean; code: string } {
  const fail = (problem: string, code = "?") => ({ problem, refused: true, code });
  if (status >= 500) return fail(`status ${status}`);
  // Node's own HTTP parser answers a request line or headers over 16 KB (a GET's long query string) with 431 and no
  // body, before the service sees the request: a correct refusal, found by the 10,000-request run.
  if (status === 431) return { problem: null, refused: true, code: "431" };
  if (!STATUSES.has(status)) return fail(`unexpected status ${status}`);
  if (/\n\s+at |node_modules|\/work\/|\/src\/|stacktrace/i.test(text)) return fail("internals in the body");
  if (!MAY_SEE_PERSONAL_DATA.has(request.caller)) {
    const leaked = ctx.personalData.find((marker) => text.includes(marker));
    if (leaked) return fail(`personal data (${leaked}) shown to ${request.caller}`);
  }
  if (!contentType?.startsWith("application/json") && !contentType?.startsWith("application/graphql-response+json")) return fail(`content-type ${contentType}`);
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return fail("not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return fail("not an object");
  if (Object.keys(body).some((k) => !["data", "errors", "extensions"].includes(k))) return fail(`unexpected keys ${Object.keys(body).join(", ")}`);
  if (!("data" in body) && !("errors" in body)) return fail("neither data nor errors");
  if (status === 200 && !("data" in body)) return fail("200 without data");
  const errors: any[] = body.errors ?? [];
  if ("errors" in body && (!Array.isArray(body.errors) || body.errors.length === 0)) return fail("errors not a non-empty list");
  for (const error of errors) {
    if (typeof error?.message !== "string" || !error.message) return fail("error without a message");
    if (error.extensions?.code === "INTERNAL_SERVER_ERROR") return fail(`internal error: ${JSON.stringify(error)}`, "INTERNAL_SERVER_ERROR");
    if (typeof error.extensions?.code !== "string") return fail(`error without a code: ${JSON.stringify(error)}`);
  }
  const code = errors.length ? String(errors[0].extensions.code) : status === 200 ? "ok" : String(status);
  const data = body.data;
  const refused = status >= 400 || data == null || (errors.length > 0 && Object.values(data).every((v) => v == null));
  return { problem: null, refused, code };
}

/**
 * What a refused request must leave unchanged: row counts of every written table and the latest update times. The audit
 * log is left out on purpose: it records refused attempts too.
 */
export async function databaseFingerprint(db: Db): Promise<string> {
  const [row] = await selectRows<Record<string, unknown>>(
    db,
    sql`select (select count(*) from applications)::text || '/' || (select coalesce(max(updated_at)::text, '') from applications) as applications,
               (select count(*) from candidates)::text as candidates,
               (select count(*) from stage_events)::text as events,
               (select count(*) from test_sessions)::text || '/' || (select coalesce(max(updated_at)::text, '') from test_sessions) as sessions,
               (select count(*) from bookings)::text as bookings,
               (select count(*) from test_results)::text as results,
               (select count(*) from vacancies)::text || '/' || (select coalesce(max(updated_at)::text, '') from vacancies) as vacancies,
               (select count(*) from api_clients)::text || '/' || (select count(revoked_at) from api_clients)::text as clients`,
  );
  return JSON.stringify(row);
}

/** Counts of a run: by HTTP status, by first error code, by kind of request, and the problems found. */
export interface FuzzTally {
  requests: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  byKind: Record<string, number>;
  rootFields: Set<string>;
  inputTypes: Set<string>;
  problemCount: number;
  /** The first 20 problems, with their requests. */
  problems: string[];
}

export function emptyTally(): FuzzTally {
  return { requests: 0, byStatus: {}, byCode: {}, byKind: {}, rootFields: new Set(), inputTypes: new Set(), problemCount: 0, problems: [] };
}

/** Sends one request, judges the answer and checks that a refusal changed nothing; adds it to the tally. */
export async function runOne(url: string, request: FuzzRequest, ctx: FuzzContext, db: Db, tally: FuzzTally): Promise<string | null> {
  const before = await databaseFingerprint(db);
  const response = await fetch(url + (request.search ?? ""), {
    method: request.method,
    headers: request.headers,
    body: request.method === "POST" ? request.body : undefined,
  }).catch((error: unknown) => error as Error);
  let problem: string | null;
  let code = "network";
  let status = 0;
  if (response instanceof Error) {
    // A connection closed without an answer is how an oversized upload can end; anything else is a problem.
    problem = request.kind === "envelope" && (request.body?.length ?? 0) > 1_000_000 ? null : `no answer: ${response.message}`;
  } else {
    status = response.status;
    const text = await response.text();
    const verdict = judge(request, response.status, response.headers.get("content-type"), text, ctx);
    problem = verdict.problem;
    code = verdict.code;
    if (!problem && verdict.refused && (await databaseFingerprint(db)) !== before) problem = "a refused request changed the database";
    if (problem) problem += `\n  answer: ${response.status} ${text.slice(0, 400)}`;
  }
  tally.requests++;
  tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
  tally.byCode[code] = (tally.byCode[code] ?? 0) + 1;
  tally.byKind[request.kind] = (tally.byKind[request.kind] ?? 0) + 1;
  tally.rootFields.add(request.rootField);
  for (const t of request.inputTypes) tally.inputTypes.add(t);
  if (problem) {
    const shown = {
      ...request,
      body: request.body && request.body.length > 1_500 ? `${request.body.slice(0, 1_500)}... (${request.body.length} chars)` : request.body,
    };
    problem = `${problem}\n  request: ${JSON.stringify(shown)}`;
    tally.problemCount++;
    if (tally.problems.length < 20) tally.problems.push(problem);
  }
  return problem;
}
