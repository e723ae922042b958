import { and, eq, inArray, sql } from "drizzle-orm";
import { isValidPhoneNumber } from "libphonenumber-js";
import isEmail from "validator/lib/isEmail";
import type { AgencyCode } from "../agencies/agency.type";
import { badUserInput } from "../common/errors";
import { fromGlobalId } from "../common/global-id";
import { toIsoDate } from "../common/scalars";
import { stringProblem } from "../common/string-problem";
import { userError, type UserError } from "../common/user-error";
import { selectRows, type Db, type Executor } from "../db/client";
import type { PersonKeys } from "../candidates/person-keys";
import { EventType } from "../events/event-types";
import { applicationEvent, candidateEvent, recordEvents } from "../events/outbox";
import { applications, candidates, vacancies } from "../db/tables";
import { ApplicationSubmission, MAX_BATCH } from "./application.inputs";
import type { Application } from "./application.type";
import { selectApplicationRows, toApplication } from "./application.service";
import { recordStageMoves, type MoveActor } from "./stage-moves";
import { SubmissionErrorCode, type ApplicationCode } from "./application.errors";

export const LIMITS = { externalId: 100, name: 100, email: 254, phone: 30 } as const;
/** The earliest dates an application or a birth date may carry: older ones are typing errors, not history. */
export const EARLIEST = { submittedAt: new Date("2000-01-01T00:00:00Z"), birthDate: "1900-01-01" } as const;
/** HR systems' clocks differ a little from ours: a minute ahead is still "now". */
export const CLOCK_SKEW_MS = 60_000;

export interface SubmissionOutcome {
  externalId: string;
  application: Application | null;
  created: boolean;
  updated: boolean;
  userErrors: UserError<ApplicationCode<"submitApplications">>[];
}

/** A submitted candidate, normalised; phone and birthDate are undefined when left out (keep) and null when cleared. */
interface CandidateDetails {
  /** The keyed hash of the address (src/candidates/person-keys.ts). */
  key: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null | undefined;
  birthDate: string | null | undefined;
}

interface ValidItem {
  index: number;
  externalId: string;
  vacancyKey: number;
  submittedAt: Date;
  candidate: CandidateDetails;
}

interface Submitter {
  agencyCode: AgencyCode;
  actor: MoveActor;
}

/**
 * submitApplications: a batch of up to 500, each application handled on its own. Everything that can be checked is
 * checked first, then the batch is written in one transaction with set-based statements (a constant number however
 * large the batch). Should that transaction fail on something unforeseen, each application is retried in its own
 * transaction, so one bad item cannot sink the others and each is either fully written or not at all.
 */
export class SubmissionService {
  constructor(
    private readonly db: Db,
    private readonly personKeys: PersonKeys,
  ) {}

  async submit(submitter: Submitter, submissions: ApplicationSubmission[], now = new Date()): Promise<SubmissionOutcome[]> {
    if (submissions.length > MAX_BATCH) {
      throw badUserInput(`input.applications holds ${submissions.length} applications; at most ${MAX_BATCH} per call.`, "input");
    }
    const outcomes: SubmissionOutcome[] = submissions.map((s) => ({
      externalId: s.externalId,
      application: null,
      created: false,
      updated: false,
      userErrors: [],
    }));
    const accepted: number[] = [];
    const seen = new Set<string>();
    submissions.forEach((submission, index) => {
      const errors = submissionProblems(submission, index, now);
      if (errors.length === 0 && seen.has(submission.externalId)) {
        errors.push(
          userError(SubmissionErrorCode.DUPLICATE_IN_BATCH, `externalId "${submission.externalId}" occurs earlier in this batch.`, path(index, "externalId")),
        );
      }
      seen.add(submission.externalId);
      if (errors.length) outcomes[index].userErrors = errors;
      else accepted.push(index);
    });
    if (accepted.length === 0) return outcomes;
    const keys = await this.personKeys.keysOf(accepted.map((index) => normaliseEmail(submissions[index].candidate.email)));
    const valid = accepted.map((index, i) => normalise(submissions[index], index, now, keys[i]));

    try {
      // The transaction answers with the outcomes, so the audit line written in it (src/audit/audit.middleware.ts) is
      // already the final one and needs no rewrite after the commit.
      await this.db.transaction(async (tx) => {
        await writeBatch(tx, submitter, valid, outcomes);
        return outcomes;
      });
    } catch (error) {
      if (!isDataError(error)) throw error;
      // Something in the batch upset the database: isolate it by writing each application on its own.
      for (const item of valid) {
        outcomes[item.index] = { ...outcomes[item.index], application: null, created: false, updated: false, userErrors: [] };
        try {
          await this.db.transaction((tx) => writeBatch(tx, submitter, [item], outcomes));
        } catch (itemError) {
          if (!isDataError(itemError)) throw itemError;
          outcomes[item.index] = {
            ...outcomes[item.index],
            application: null,
            created: false,
            updated: false,
            userErrors: [userError(SubmissionErrorCode.NOT_STORED, "The database refused this application; nothing of it was stored.", path(item.index))],
          };
        }
      }
    }
    return outcomes;
  }
}

async function writeBatch(tx: Executor, submitter: Submitter, items: ValidItem[], outcomes: SubmissionOutcome[]): Promise<void> {
  const refuse = (item: ValidItem, code: SubmissionErrorCode, message: string, field = path(item.index, "vacancyId")) => {
    outcomes[item.index].userErrors = [userError(code, message, field)];
  };

  const existing = await tx
    .select({ id: applications.id, externalId: applications.externalId, vacancyId: applications.vacancyId, candidateId: applications.candidateId })
    .from(applications)
    .where(and(eq(applications.agencyCode, submitter.agencyCode), externalIdIn(items.map((i) => i.externalId))));
  const existingByExternalId = new Map(existing.map((row) => [row.externalId, row]));

  const vacancyRows = await tx
    .select({ id: vacancies.id, agencyCode: vacancies.agencyCode, status: vacancies.status, deadline: vacancies.applicationDeadline })
    .from(vacancies)
    .where(inArray(vacancies.id, [...new Set(items.map((i) => i.vacancyKey))]));
  const vacancyById = new Map(vacancyRows.map((v) => [v.id, v]));

  const resends: { item: ValidItem; applicationId: number; candidateId: number }[] = [];
  const fresh: ValidItem[] = [];
  for (const item of items) {
    const row = existingByExternalId.get(item.externalId);
    if (row) {
      if (row.vacancyId !== item.vacancyKey) {
        refuse(
          item,
          SubmissionErrorCode.EXTERNAL_ID_REUSED,
          `externalId "${item.externalId}" already names an application for another vacancy.`,
          path(item.index, "externalId"),
        );
      } else resends.push({ item, applicationId: row.id, candidateId: row.candidateId });
      continue;
    }
    const vacancy = vacancyById.get(item.vacancyKey);
    // Another agency's vacancy reads exactly like an unknown one.
    if (!vacancy || vacancy.agencyCode !== submitter.agencyCode) refuse(item, SubmissionErrorCode.VACANCY_NOT_FOUND, "No vacancy of your agency has this id.");
    else if (vacancy.status !== "OPEN")
      refuse(item, SubmissionErrorCode.VACANCY_NOT_OPEN, `The vacancy is ${vacancy.status}, not OPEN: it accepts no applications.`);
    else if (vacancy.deadline && item.submittedAt > vacancy.deadline) {
      refuse(
        item,
        SubmissionErrorCode.DEADLINE_PASSED,
        `The vacancy's deadline (${vacancy.deadline.toISOString()}) passed before this application was submitted.`,
      );
    } else fresh.push(item);
  }
  if (resends.length === 0 && fresh.length === 0) return;

  // The persons of new applications, locked (in key order, so concurrent batches queue rather than deadlock): batches
  // for one person take turns from here on, across agencies too, which keeps the distinct-candidate counts exact.
  const personRows = fresh.length
    ? await selectRows<{ id: number; key: string; created: boolean }>(
        tx,
        sql`insert into persons (key) select k from jsonb_array_elements_text(${JSON.stringify([...new Set(fresh.map((i) => i.candidate.key))].sort())}::jsonb) as k
            on conflict (key) do update set key = excluded.key
            returning id, key, (xmax = 0) as created`,
      )
    : [];
  const personByKey = new Map(personRows.map((p) => [p.key, p]));

  // This agency's candidates the batch touches, locked in id order: concurrent resends of one person take turns, and
  // each sees what the one before it wrote. Another agency's candidates are never read.
  // Both lists are looked up through their own index (an `or` of the two would read the agency's every candidate), and
  // as `= any (array(...))`, an index condition whatever the statistics say: as `in (select ...)` the planner hashed the
  // agency's every candidate once its statistics were stale (autovacuum behind a burst), 10 ms a batch and growing.
  const candidateRows = await tx
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.agencyCode, submitter.agencyCode),
        sql`${candidates.id} = any (array(
              select (jsonb_array_elements_text(${JSON.stringify(resends.map((r) => r.candidateId))}::jsonb))::int
              union all
              select k.id from candidates k
              where k.agency_code = ${submitter.agencyCode} and k.email_key = any (array(select jsonb_array_elements_text(${JSON.stringify(items.map((i) => i.candidate.key))}::jsonb)))))`,
      ),
    )
    .orderBy(candidates.id)
    .for("update");
  const candidateById = new Map(candidateRows.map((c) => [c.id, c]));
  const candidateByKey = new Map(candidateRows.map((c) => [c.emailKey, c]));

  // Each item's candidate: a resend keeps its application's; a new application takes the agency's candidate with that
  // address, or a new one. The details are merged in batch order (a field left out keeps its value), so two items for
  // one person give the same result however often the batch is sent.
  const plans = new Map<string, CandidatePlan>();
  const planOf = (target: CandidateRow | string, item: ValidItem): CandidatePlan => {
    const id = typeof target === "string" ? `new:${target}` : `id:${target.id}`;
    let plan = plans.get(id);
    if (!plan) {
      plan =
        typeof target === "string"
          ? { stored: null, personId: personByKey.get(target)!.id, details: { ...item.candidate, phone: null, birthDate: null }, items: [] }
          : { stored: target, personId: target.personId, details: storedDetails(target), items: [] };
      plans.set(id, plan);
    }
    return plan;
  };
  const erased = (item: ValidItem) =>
    refuse(
      item,
      SubmissionErrorCode.ERASED,
      "This candidate's personal data was erased on request: the agency cannot store it again.",
      path(item.index, "candidate", "email"),
    );
  const placed: { item: ValidItem; plan: CandidatePlan; applicationId: number | null }[] = [];
  for (const { item, applicationId, candidateId } of resends) {
    const current = candidateById.get(candidateId)!;
    if (current.erasedAt) {
      erased(item);
      continue;
    }
    const holder = candidateByKey.get(item.candidate.key);
    if (holder && holder.id !== current.id) {
      refuse(
        item,
        SubmissionErrorCode.EMAIL_OF_ANOTHER_CANDIDATE,
        "Another of your agency's candidates has this e-mail address; the application keeps its candidate.",
        path(item.index, "candidate", "email"),
      );
      continue;
    }
    placed.push({ item, plan: planOf(current, item), applicationId });
  }
  for (const item of fresh) {
    const current = candidateByKey.get(item.candidate.key);
    if (current?.erasedAt) erased(item);
    else placed.push({ item, plan: planOf(current ?? item.candidate.key, item), applicationId: null });
  }
  for (const { item, plan } of [...placed].sort((a, b) => a.item.index - b.item.index)) {
    plan.items.push(item);
    plan.details = merged(plan.details, item.candidate);
  }

  // New candidates, then changed ones with every application of theirs bumped (version and updatedAt, so a syncing HR
  // system sees the change) and one event per candidate, all in this transaction.
  const newPlans = [...plans.values()].filter((p) => p.stored == null).sort((a, b) => (a.details.key < b.details.key ? -1 : 1));
  const newCandidateIds = newPlans.length
    ? await selectRows<{ id: number; email_key: string }>(
        tx,
        sql`insert into candidates (agency_code, person_id, email_key, email, first_name, last_name, phone, birth_date)
            select ${submitter.agencyCode}::agency_code, p."personId", p.key, p.email, p."firstName", p."lastName", p.phone, p."birthDate"
            from jsonb_to_recordset(${JSON.stringify(newPlans.map((p) => ({ personId: p.personId, ...p.details })))}::jsonb)
              as p("personId" int, key text, email text, "firstName" text, "lastName" text, phone text, "birthDate" date)
            returning id, email_key`,
      )
    : [];
  const newIdByKey = new Map(newCandidateIds.map((c) => [c.email_key, c.id]));
  for (const plan of newPlans) plan.candidateId = newIdByKey.get(plan.details.key)!;

  const changed = [...plans.values()].filter((p) => p.stored != null && !sameDetails(storedDetails(p.stored), p.details));
  const bumped = new Map<number, ApplicationRow>();
  if (changed.length) {
    const updates = changed.map((p) => ({ id: p.stored!.id, ...p.details }));
    await tx.execute(sql`
      update candidates c set email = u.email, email_key = u.key, first_name = u."firstName", last_name = u."lastName", phone = u.phone,
        birth_date = u."birthDate", updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id int, key text, email text, "firstName" text, "lastName" text, phone text, "birthDate" date)
      where c.id = u.id`);
    const touched = await bumpApplicationsOf(
      tx,
      updates.map((u) => u.id),
    );
    for (const row of touched) bumped.set(row.id, row);
    await recordEvents(
      tx,
      updates.map((u) =>
        candidateEvent(
          EventType.CANDIDATE_UPDATED,
          u.id,
          submitter.agencyCode,
          touched.filter((a) => a.candidateId === u.id).map((a) => a.id),
        ),
      ),
    );
    for (const plan of changed) for (const item of plan.items) outcomes[item.index].updated = true;
  }

  // Resends answer with their application as it is now.
  const resent = placed.filter((p) => p.applicationId != null);
  if (resent.length) {
    const rows = await selectApplicationRows(
      tx,
      resent.map((p) => p.applicationId!),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { item, applicationId } of resent) outcomes[item.index].application = toApplication(bumped.get(applicationId!) ?? byId.get(applicationId!)!);
  }

  const newPersons = new Set(personRows.filter((p) => p.created).map((p) => p.id));
  await insertFresh(
    tx,
    submitter,
    placed
      .filter((p) => p.applicationId == null)
      .map((p) => ({ item: p.item, candidateId: p.plan.stored?.id ?? p.plan.candidateId!, personId: p.plan.personId })),
    outcomes,
    newPersons,
  );
}

type CandidateRow = typeof candidates.$inferSelect;
type ApplicationRow = typeof applications.$inferSelect;

/** What a batch makes of one candidate: the stored row (null for a new one) and the details after its items. */
interface CandidatePlan {
  stored: CandidateRow | null;
  candidateId?: number;
  personId: number;
  details: StoredDetails;
  items: ValidItem[];
}

type StoredDetails = { key: string; email: string; firstName: string; lastName: string; phone: string | null; birthDate: string | null };

function storedDetails(row: CandidateRow): StoredDetails {
  return { key: row.emailKey, email: row.email!, firstName: row.firstName!, lastName: row.lastName!, phone: row.phone, birthDate: row.birthDate };
}

/** The details after one item: a field the item leaves out keeps its value, null clears it. */
export function merged(details: StoredDetails, item: CandidateDetails): StoredDetails {
  return {
    key: item.key,
    email: item.email,
    firstName: item.firstName,
    lastName: item.lastName,
    phone: item.phone === undefined ? details.phone : item.phone,
    birthDate: item.birthDate === undefined ? details.birthDate : item.birthDate,
  };
}

function sameDetails(a: StoredDetails, b: StoredDetails): boolean {
  return (
    a.key === b.key && a.email === b.email && a.firstName === b.firstName && a.lastName === b.lastName && a.phone === b.phone && a.birthDate === b.birthDate
  );
}

/**
 * Marks every application of these candidates changed: version and updatedAt, so HR systems syncing by either learn of
 * it. In id order, so concurrent transactions queue.
 */
export async function bumpApplicationsOf(tx: Executor, candidateIds: readonly number[]): Promise<ApplicationRow[]> {
  if (candidateIds.length === 0) return [];
  return (
    await selectRows<ApplicationRow>(
      tx,
      sql`update applications a set version = a.version + 1, updated_at = now()
          from (select id from applications where candidate_id = any (array(select (jsonb_array_elements_text(${JSON.stringify(candidateIds)}::jsonb))::int))
                order by id for update) l
          where a.id = l.id
          returning ${APPLICATION_COLUMNS_OF_A}`,
    )
  ).map(withDates);
}

/** New applications with their APPLIED events and counters. */
async function insertFresh(
  tx: Executor,
  submitter: Submitter,
  fresh: { item: ValidItem; candidateId: number; personId: number }[],
  outcomes: SubmissionOutcome[],
  newPersons: ReadonlySet<number>,
): Promise<void> {
  if (fresh.length === 0) return;
  const personOf = new Map(fresh.map((f) => [f.candidateId, f.personId]));
  // The insert takes its rows as one JSON parameter: a batch of 500 would otherwise be thousands of placeholders,
  // which cost more to build and parse than the rows do to write.
  const rows = fresh.map(({ item, candidateId }) => ({
    vacancy_id: item.vacancyKey,
    candidate_id: candidateId,
    external_id: item.externalId,
    submitted_at: item.submittedAt.toISOString(),
  }));
  const inserted = (
    await selectRows<ApplicationRow>(
      tx,
      sql`insert into applications (vacancy_id, agency_code, candidate_id, external_id, stage, submitted_at, stage_entered_at)
          select a.vacancy_id, ${submitter.agencyCode}::agency_code, a.candidate_id, a.external_id, 'APPLIED'::application_stage, a.submitted_at, a.submitted_at
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as a(vacancy_id int, candidate_id int, external_id text, submitted_at timestamptz)
          -- Either key may already be taken: the same external id by a concurrent resend, or the same person and vacancy.
          on conflict do nothing
          returning ${APPLICATION_COLUMNS}`,
    )
  ).map(withDates);
  const insertedByExternalId = new Map(inserted.map((row) => [row.externalId, row]));

  const missing = fresh.filter(({ item }) => !insertedByExternalId.has(item.externalId));
  const concurrent = missing.length
    ? new Map(
        (
          await tx
            .select()
            .from(applications)
            .where(and(eq(applications.agencyCode, submitter.agencyCode), externalIdIn(missing.map(({ item }) => item.externalId))))
        ).map((row) => [row.externalId, row]),
      )
    : new Map<string, typeof applications.$inferSelect>();

  for (const { item } of fresh) {
    const row = insertedByExternalId.get(item.externalId);
    if (row) {
      outcomes[item.index].application = toApplication(row);
      outcomes[item.index].created = true;
      continue;
    }
    outcomes[item.index].updated = false;
    const other = concurrent.get(item.externalId);
    if (other && other.vacancyId === item.vacancyKey) outcomes[item.index].application = toApplication(other);
    else if (other) {
      outcomes[item.index].userErrors = [
        userError(
          SubmissionErrorCode.EXTERNAL_ID_REUSED,
          `externalId "${item.externalId}" already names an application for another vacancy.`,
          path(item.index, "externalId"),
        ),
      ];
    } else {
      outcomes[item.index].userErrors = [
        userError(
          SubmissionErrorCode.ALREADY_APPLIED,
          "This candidate already has an application for this vacancy (under another external id).",
          path(item.index, "candidate", "email"),
        ),
      ];
    }
  }

  // The outbox events before the counters: the counters' rows are shared by every batch, and are best locked last.
  await recordEvents(
    tx,
    inserted.map((row) => applicationEvent(EventType.APPLICATION_SUBMITTED, toApplication(row), { fromStage: null, occurredAt: row.submittedAt })),
  );
  await recordStageMoves(
    tx,
    inserted.map((row) => ({
      applicationId: row.id,
      vacancyId: row.vacancyId,
      personId: personOf.get(row.candidateId)!,
      fromStage: null,
      toStage: "APPLIED",
      reason: null,
      occurredAt: row.submittedAt,
      enteredFromAt: null,
      appliedAt: row.submittedAt,
      actor: submitter.actor,
    })),
    newPersons,
  );
}

/** The applications table's columns under the names drizzle gives them: raw inserts return what toApplication takes. */
const applicationColumns = (a: string) =>
  sql.raw(
    `${a}id, ${a}vacancy_id as "vacancyId", ${a}agency_code as "agencyCode", ${a}candidate_id as "candidateId", ${a}external_id as "externalId", ${a}stage,
     ${a}rejection_reason as "rejectionReason", ${a}version, ${a}submitted_at as "submittedAt", ${a}stage_entered_at as "stageEnteredAt",
     ${a}created_at as "createdAt", ${a}updated_at as "updatedAt"`,
  );
const APPLICATION_COLUMNS = applicationColumns("");
const APPLICATION_COLUMNS_OF_A = applicationColumns("a.");

/** Raw SQL hands timestamps over as text (drizzle turns the drivers' own parsing off). */
function withDates(row: ApplicationRow): ApplicationRow {
  const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));
  return {
    ...row,
    submittedAt: date(row.submittedAt),
    stageEnteredAt: date(row.stageEnteredAt),
    createdAt: date(row.createdAt),
    updatedAt: date(row.updatedAt),
  };
}

/** external_id in a list, as one JSON parameter. */
function externalIdIn(externalIds: string[]) {
  return sql`${applications.externalId} = any (array(select jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb)))`;
}

function path(index: number, ...rest: string[]): string[] {
  return ["input", "applications", String(index), ...rest];
}

/** Numbers without a country prefix are read as Belgian ones. */
const PHONE_DEFAULT_COUNTRY = "BE";

/**
 * The rules one submission must meet before it touches the database, as a pure function of it and the clock: text
 * well-formed, not blank and within its limit, a valid e-mail address and phone number, dates neither in the future nor
 * before the earliest plausible one, a vacancy id that is one. Each refusal carries its field's path under the batch's
 * item `index`. Unit-tested in test/applications/submission-rules.test.ts.
 */
export function submissionProblems(s: ApplicationSubmission, index: number, now: Date): UserError<SubmissionErrorCode>[] {
  const errors: UserError<SubmissionErrorCode>[] = [];
  // Strings the edge leaves to the batch (src/server/plugins/input-strings.ts: PER_ITEM_BATCHES): a NUL or a lone
  // surrogate refuses this item alone, and its field is checked no further.
  const wellFormed = (value: string | null | undefined, ...field: string[]) => {
    const problem = typeof value === "string" ? stringProblem(value) : null;
    if (problem) errors.push(userError(SubmissionErrorCode.INVALID_TEXT, `${field.join(".")} ${problem}.`, path(index, ...field)));
    return problem == null;
  };
  const text = (value: string, limit: number, ...field: string[]) => {
    if (!wellFormed(value, ...field)) return;
    if (value.trim().length === 0) errors.push(userError(SubmissionErrorCode.REQUIRED, `${field.join(".")} must not be blank.`, path(index, ...field)));
    else if (value.length > limit)
      errors.push(
        userError(SubmissionErrorCode.TOO_LONG, `${field.join(".")} must be at most ${limit} characters, got ${value.length}.`, path(index, ...field)),
      );
  };
  text(s.externalId, LIMITS.externalId, "externalId");
  text(s.candidate.firstName, LIMITS.name, "candidate", "firstName");
  text(s.candidate.lastName, LIMITS.name, "candidate", "lastName");
  const email = s.candidate.email.trim();
  if (!wellFormed(s.candidate.email, "candidate", "email")) {
    // checked no further
  } else if (email.length > LIMITS.email) {
    errors.push(
      userError(
        SubmissionErrorCode.TOO_LONG,
        `candidate.email must be at most ${LIMITS.email} characters, got ${email.length}.`,
        path(index, "candidate", "email"),
      ),
    );
  } else if (!isEmailAddress(email)) {
    errors.push(userError(SubmissionErrorCode.INVALID_EMAIL, "candidate.email is not a valid e-mail address.", path(index, "candidate", "email")));
  }
  if (s.candidate.phone != null && wellFormed(s.candidate.phone, "candidate", "phone")) {
    if (s.candidate.phone.length > LIMITS.phone) {
      errors.push(
        userError(
          SubmissionErrorCode.TOO_LONG,
          `candidate.phone must be at most ${LIMITS.phone} characters, got ${s.candidate.phone.length}.`,
          path(index, "candidate", "phone"),
        ),
      );
    } else if (!isValidPhoneNumber(s.candidate.phone.trim(), PHONE_DEFAULT_COUNTRY)) {
      errors.push(
        userError(
          SubmissionErrorCode.INVALID_PHONE,
          "candidate.phone is not a valid phone number (international form, or Belgian without the +32 prefix).",
          path(index, "candidate", "phone"),
        ),
      );
    }
  }
  if (s.candidate.birthDate != null) {
    const birthDate = toIsoDate(s.candidate.birthDate);
    if (birthDate > toIsoDate(now)) {
      errors.push(userError(SubmissionErrorCode.BIRTH_DATE_IN_FUTURE, "candidate.birthDate lies in the future.", path(index, "candidate", "birthDate")));
    } else if (birthDate < EARLIEST.birthDate) {
      errors.push(
        userError(SubmissionErrorCode.BIRTH_DATE_OUT_OF_RANGE, `candidate.birthDate lies before ${EARLIEST.birthDate}.`, path(index, "candidate", "birthDate")),
      );
    }
  }
  if (s.submittedAt != null && s.submittedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.push(userError(SubmissionErrorCode.SUBMITTED_IN_FUTURE, "submittedAt lies in the future.", path(index, "submittedAt")));
  } else if (s.submittedAt != null && s.submittedAt < EARLIEST.submittedAt) {
    errors.push(
      userError(SubmissionErrorCode.SUBMITTED_OUT_OF_RANGE, `submittedAt lies before ${EARLIEST.submittedAt.toISOString()}.`, path(index, "submittedAt")),
    );
  }
  if (wellFormed(s.vacancyId, "vacancyId") && fromGlobalId("Vacancy", s.vacancyId) == null) {
    errors.push(userError(SubmissionErrorCode.VACANCY_NOT_FOUND, "No vacancy of your agency has this id.", path(index, "vacancyId")));
  }
  return errors;
}

/** validator's own byte-length checks are left to isEmailAddress: they count bytes with a regular expression. */
const EMAIL_SYNTAX = { ignore_max_length: true } as const;

/**
 * validator's isEmail with its default options, its length limits checked natively: the local part at most 64 bytes
 * of UTF-8, the domain at most 254 and each of its labels at most 63 characters (validator counts bytes by splitting the
 * URI-encoded text with a regular expression, half of its cost; the text has no lone surrogate by then). The whole
 * address's 254 characters are checked before. Unit-tested in test/applications/submission-rules.test.ts.
 */
export function isEmailAddress(email: string): boolean {
  const at = email.lastIndexOf("@");
  if (at < 0) return false;
  const domain = email.slice(at + 1);
  if (Buffer.byteLength(email.slice(0, at), "utf8") > 64 || Buffer.byteLength(domain, "utf8") > 254) return false;
  if (domain.split(".").some((label) => label.length > 63)) return false;
  return isEmail(email, EMAIL_SYNTAX);
}

/** One address, one person: compared without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function normalise(s: ApplicationSubmission, index: number, now: Date, key: string): ValidItem {
  const { phone, birthDate } = s.candidate;
  return {
    index,
    externalId: s.externalId,
    vacancyKey: fromGlobalId("Vacancy", s.vacancyId)!,
    submittedAt: s.submittedAt && s.submittedAt < now ? s.submittedAt : now,
    candidate: {
      key,
      email: normaliseEmail(s.candidate.email),
      firstName: s.candidate.firstName.trim(),
      lastName: s.candidate.lastName.trim(),
      phone: phone === undefined ? undefined : phone?.trim() || null,
      birthDate: birthDate === undefined ? undefined : birthDate ? toIsoDate(birthDate) : null,
    },
  };
}

/** Integrity and data exceptions (SQLSTATE classes 22 and 23): the data, not the database, is at fault. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}
