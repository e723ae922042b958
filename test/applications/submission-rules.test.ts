import type { ApplicationSubmission } from "../../src/applications/application.inputs";
import { EARLIEST, LIMITS, normaliseEmail, submissionProblems } from "../../src/applications/submission.service";
import { toGlobalId } from "../../src/common/global-id";

// The submission rules as a pure function: no database, an explicit clock.
const NOW = new Date("2026-03-10T12:00:00Z");
const VACANCY = toGlobalId("Vacancy", 7);

function item(
  change: { candidate?: Partial<ApplicationSubmission["candidate"]> } & Partial<Omit<ApplicationSubmission, "candidate">> = {},
): ApplicationSubmission {
  const { candidate, ...rest } = change;
  return {
    externalId: "HR-1",
    vacancyId: VACANCY,
    submittedAt: null,
    ...rest,
    candidate: { firstName: "An", lastName: "Peeters", email: "an.peeters@example.be", phone: null, birthDate: null, ...candidate },
  };
}

/** [what, the submission, the refusals as code and field path under item 3]. */
const cases: [string, ApplicationSubmission, [string, string][]][] = [
  ["a complete submission", item({ candidate: { phone: "0470 12 34 56", birthDate: new Date("1990-04-01") } }), []],
  ["a blank external id", item({ externalId: "  " }), [["REQUIRED", "externalId"]]],
  ["an external id over its limit", item({ externalId: "x".repeat(LIMITS.externalId + 1) }), [["TOO_LONG", "externalId"]]],
  ["an external id at its limit", item({ externalId: "x".repeat(LIMITS.externalId) }), []],
  ["a blank first name", item({ candidate: { firstName: "" } }), [["REQUIRED", "candidate.firstName"]]],
  ["a last name over its limit", item({ candidate: { lastName: "P".repeat(LIMITS.name + 1) } }), [["TOO_LONG", "candidate.lastName"]]],
  ["a NUL in a name", item({ candidate: { firstName: "A\u0000n" } }), [["INVALID_TEXT", "candidate.firstName"]]],
  ["a lone surrogate in the external id", item({ externalId: "HR-\ud800" }), [["INVALID_TEXT", "externalId"]]],
  ["an address without a domain", item({ candidate: { email: "an.peeters@" } }), [["INVALID_EMAIL", "candidate.email"]]],
  ["an address with spaces around it", item({ candidate: { email: "  an.peeters@example.be " } }), []],
  ["an address over its limit", item({ candidate: { email: `${"a".repeat(LIMITS.email)}@example.be` } }), [["TOO_LONG", "candidate.email"]]],
  ["a local part of 64 bytes", item({ candidate: { email: `${"a".repeat(62)}é@example.be` } }), []],
  ["a local part of 65 bytes", item({ candidate: { email: `${"a".repeat(63)}é@example.be` } }), [["INVALID_EMAIL", "candidate.email"]]],
  ["a domain label of 63 characters", item({ candidate: { email: `an@${"d".repeat(63)}.be` } }), []],
  ["a domain label of 64 characters", item({ candidate: { email: `an@${"d".repeat(64)}.be` } }), [["INVALID_EMAIL", "candidate.email"]]],
  ["an @ in a quoted local part", item({ candidate: { email: `"an@home"@example.be` } }), []],
  ["a Belgian number without +32", item({ candidate: { phone: "02 123 45 67" } }), []],
  ["an international number", item({ candidate: { phone: "+33 1 23 45 67 89" } }), []],
  ["a number that is none", item({ candidate: { phone: "12" } }), [["INVALID_PHONE", "candidate.phone"]]],
  ["a number over its limit", item({ candidate: { phone: "1".repeat(LIMITS.phone + 1) } }), [["TOO_LONG", "candidate.phone"]]],
  ["a birth date tomorrow", item({ candidate: { birthDate: new Date("2026-03-11") } }), [["BIRTH_DATE_IN_FUTURE", "candidate.birthDate"]]],
  ["a birth date today", item({ candidate: { birthDate: new Date("2026-03-10") } }), []],
  ["a birth date before the earliest", item({ candidate: { birthDate: new Date("1899-12-31") } }), [["BIRTH_DATE_OUT_OF_RANGE", "candidate.birthDate"]]],
  ["a birth date on the earliest", item({ candidate: { birthDate: new Date(EARLIEST.birthDate) } }), []],
  ["submitted a minute ahead (clock skew)", item({ submittedAt: new Date(NOW.getTime() + 60_000) }), []],
  ["submitted more than a minute ahead", item({ submittedAt: new Date(NOW.getTime() + 60_001) }), [["SUBMITTED_IN_FUTURE", "submittedAt"]]],
  ["submitted before the earliest", item({ submittedAt: new Date(EARLIEST.submittedAt.getTime() - 1) }), [["SUBMITTED_OUT_OF_RANGE", "submittedAt"]]],
  ["a vacancy id of another type", item({ vacancyId: toGlobalId("Campaign", 7) }), [["VACANCY_NOT_FOUND", "vacancyId"]]],
  ["a vacancy id that is no id", item({ vacancyId: "nope" }), [["VACANCY_NOT_FOUND", "vacancyId"]]],
  [
    "several problems at once, each named",
    item({ externalId: "", candidate: { email: "nope", phone: "12" }, vacancyId: "nope" }),
    [
      ["REQUIRED", "externalId"],
      ["INVALID_EMAIL", "candidate.email"],
      ["INVALID_PHONE", "candidate.phone"],
      ["VACANCY_NOT_FOUND", "vacancyId"],
    ],
  ],
];

describe("submission rules (pure)", () => {
  test.each(cases)("%s", (_what, submission, expected) => {
    const problems = submissionProblems(submission, 3, NOW);
    expect(problems.map((p) => [p.code, p.field!.slice(3).join(".")])).toEqual(expected);
    for (const p of problems) expect(p.field!.slice(0, 3)).toEqual(["input", "applications", "3"]);
  });

  test.each([
    ["An.Peeters@Example.BE", "an.peeters@example.be"],
    ["  an@example.be ", "an@example.be"],
  ])("the address %j is the person %j", (email, normalised) => {
    expect(normaliseEmail(email)).toBe(normalised);
  });
});
