import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ApiClientErrorCode } from "../../src/api-clients/api-client.errors";
import { MOVE_REFUSAL_CODES } from "../../src/applications/stages";
import { MoveErrorCode, SubmissionErrorCode } from "../../src/applications/application.errors";
import { ErasureErrorCode } from "../../src/candidates/candidate.errors";
import { ErrorCode } from "../../src/common/errors";
import { SelectionErrorCode, SessionErrorCode } from "../../src/test-sessions/test-session.errors";
import { VacancyErrorCode } from "../../src/vacancies/vacancy.errors";
import { WebhookErrorCode } from "../../src/webhooks/webhook.errors";

// The docs' codes held against the code's: every code a payload's userErrors or a GraphQL error can carry is
// documented, and one concept has one code (a record not found is <RECORD>_NOT_FOUND everywhere).
const CODES: Record<string, readonly string[]> = {
  ApiClientErrorCode: Object.values(ApiClientErrorCode),
  MoveErrorCode: [...Object.values(MoveErrorCode), ...MOVE_REFUSAL_CODES],
  SubmissionErrorCode: Object.values(SubmissionErrorCode),
  ErasureErrorCode: Object.values(ErasureErrorCode),
  ErrorCode: Object.values(ErrorCode),
  SelectionErrorCode: Object.values(SelectionErrorCode),
  SessionErrorCode: Object.values(SessionErrorCode),
  VacancyErrorCode: Object.values(VacancyErrorCode),
  WebhookErrorCode: Object.values(WebhookErrorCode),
};

const root = path.join(__dirname, "../..");
const docs = [path.join(root, "README.md"), ...readdirSync(path.join(root, "docs")).map((f) => path.join(root, "docs", f))]
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

test.each(Object.entries(CODES))("every %s is documented", (_set, codes) => {
  expect(codes.filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
});

test("no bare NOT_FOUND: a record not found is named", () => {
  expect(Object.values(CODES).flat().filter((code) => code === "NOT_FOUND")).toEqual([]);
});
