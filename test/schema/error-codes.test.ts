import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getNamedType, isObjectType } from "graphql";
import { API_CLIENT_OPERATION_CODES, ApiClientErrorCode } from "../../src/api-clients/api-client.errors";
import { MOVE_REFUSAL_CODES } from "../../src/applications/stages";
import { APPLICATION_OPERATION_CODES, MoveErrorCode, SubmissionErrorCode } from "../../src/applications/application.errors";
import { CANDIDATE_OPERATION_CODES, ErasureErrorCode } from "../../src/candidates/candidate.errors";
import { ErrorCode } from "../../src/common/errors";
import { narrowCodes, userError } from "../../src/common/user-error";
import { campaignSchema } from "../../src/server/schema";
import { SELECTION_OPERATION_CODES, SESSION_OPERATION_CODES, SelectionErrorCode, SessionErrorCode } from "../../src/test-sessions/test-session.errors";
import { VACANCY_OPERATION_CODES, VacancyErrorCode } from "../../src/vacancies/vacancy.errors";
import { WEBHOOK_OPERATION_CODES, WebhookErrorCode } from "../../src/webhooks/webhook.errors";

// Each feature's vocabulary of codes, and the codes each of its mutations returns.
const FEATURES: { vocabulary: readonly string[]; operations: Readonly<Record<string, readonly string[]>> }[] = [
  { vocabulary: Object.values(ApiClientErrorCode), operations: API_CLIENT_OPERATION_CODES },
  { vocabulary: [...Object.values(MoveErrorCode), ...MOVE_REFUSAL_CODES, ...Object.values(SubmissionErrorCode)], operations: APPLICATION_OPERATION_CODES },
  { vocabulary: Object.values(ErasureErrorCode), operations: CANDIDATE_OPERATION_CODES },
  { vocabulary: Object.values(SelectionErrorCode), operations: SELECTION_OPERATION_CODES },
  { vocabulary: Object.values(SessionErrorCode), operations: SESSION_OPERATION_CODES },
  { vocabulary: Object.values(VacancyErrorCode), operations: VACANCY_OPERATION_CODES },
  { vocabulary: Object.values(WebhookErrorCode), operations: WEBHOOK_OPERATION_CODES },
];
const OPERATIONS: Record<string, readonly string[]> = Object.assign({}, ...FEATURES.map((f) => f.operations));
const LISTED = /^(.*) Codes in userErrors: ([A-Z_, ]+)\.$/s;

describe("each mutation's payload lists exactly its operation's codes", () => {
  test("every mutation of the schema has its list, in one feature only, and every list is a mutation's", async () => {
    const mutations = Object.keys((await campaignSchema()).getMutationType()!.getFields()).sort();
    expect(Object.keys(OPERATIONS).sort()).toEqual(mutations);
    expect(FEATURES.reduce((n, f) => n + Object.keys(f.operations).length, 0)).toBe(mutations.length);
  });

  test("the payload's description shows that list, and the payload is that mutation's alone", async () => {
    const schema = await campaignSchema();
    const mismatches: unknown[] = [];
    const payloads = new Map<string, string[]>();
    for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
      const payload = getNamedType(mutation.type);
      payloads.set(payload.name, [...(payloads.get(payload.name) ?? []), mutation.name]);
      const listed = LISTED.exec(payload.description ?? "")?.[2].split(", ") ?? null;
      if (JSON.stringify(listed) !== JSON.stringify(OPERATIONS[mutation.name])) {
        mismatches.push({ mutation: mutation.name, payload: payload.name, listed, codes: OPERATIONS[mutation.name] });
      }
    }
    expect(mismatches).toEqual([]);
    expect([...payloads].filter(([, mutations]) => mutations.length > 1)).toEqual([]);
    // No other type claims a list of codes.
    const claiming = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && LISTED.test(t.description ?? ""));
    expect(claiming.map((t) => t.name).sort()).toEqual([...payloads.keys()].sort());
  });

  test("no list names a code twice, and every code of a feature's vocabulary is some mutation's", () => {
    for (const { vocabulary, operations } of FEATURES) {
      for (const [operation, codes] of Object.entries(operations)) expect([operation, new Set(codes).size]).toEqual([operation, codes.length]);
      expect([...new Set(Object.values(operations).flat())].sort()).toEqual([...new Set(vocabulary)].sort());
    }
  });

  test("a narrowed operation's refusals stay within its list; anything else is a bug, raised", () => {
    const listed = userError("NOT_BOOKED", "No seat.");
    expect(narrowCodes(["APPLICATION_NOT_FOUND", "NOT_BOOKED"], [listed])).toEqual([listed]);
    expect(() => narrowCodes(["APPLICATION_NOT_FOUND", "NOT_BOOKED"], [listed, userError("DUPLICATE_APPLICATION", "Twice.")])).toThrow(
      "userError DUPLICATE_APPLICATION is not among the operation's codes (APPLICATION_NOT_FOUND, NOT_BOOKED)",
    );
  });
});

// The docs' codes held against the code's: every code a payload's userErrors or a GraphQL error can carry is
// documented, and one concept has one code (a record not found is <RECORD>_NOT_FOUND everywhere).
const root = path.join(__dirname, "../..");
const docs = [path.join(root, "README.md"), ...readdirSync(path.join(root, "docs")).map((f) => path.join(root, "docs", f))]
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");
const CODES: Record<string, readonly string[]> = { ...OPERATIONS, ErrorCode: Object.values(ErrorCode) };

test.each(Object.entries(CODES))("every code of %s is documented", (_set, codes) => {
  expect(codes.filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
});

test("no bare NOT_FOUND: a record not found is named", () => {
  expect(Object.values(CODES).flat().filter((code) => code === "NOT_FOUND")).toEqual([]);
});
