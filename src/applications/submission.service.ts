import { and, eq, inArray, sql } from "drizzle-orm";
import { isValidPhoneNumber } from "libphonenumber-js";
import isEmail from "validator/lib/isEmail";
import type { AgencyCode } from "../agencies/agency.type";
import { badUserInput } from "../common/errors";
import { fromGlobalId } from "../common/global-id";
import { toIsoDate } from "../common/scalars";
import { userError, type UserError } from "../common/user-error";
import { selectRows, type Db, type Executor } from "../db/client";
import { EventType } from "../events/event-types";
import { applicationEvent, candidateEvent, recordEvents } from "../events/outbox";
import { applications, candidates, vacancies } from "../db/tables";
import { ApplicationSubmission, MAX_BATCH } from "./application.inputs";
import type { Application } from "./application.type";
import { toApplication } from "./application.service";
import { recordStageMoves, type MoveActor } from "./stage-moves";

/** Codes of per-application refusals in submitApplications. */
export enum SubmissionErrorCode {
  REQUIRED = "REQUIRED",
  TOO_LONG = "TOO_LONG",
  INVALID_EMAIL = "INVALID_EMAIL",
  INVALID_PHONE = "INVALID_PHONE",
  BIRTH_DATE_IN_FUTURE = "BIRTH_DATE_IN_FUTURE",
  SUBMITTED_IN_FUTURE = "SUBMITTED_IN_FUTURE",
  VACANCY_NOT_FOUND = "VACANCY_NOT_FOUND",
  VACANCY_NOT_OPEN = "VACANCY_NOT_OPEN",
  DEADLINE_PASSED = "DEADLINE_PASSED",
  DUPLICATE_IN_BATCH = "DUPLICATE_IN_BATCH",
  EXTERNAL_ID_REUSED = "EXTERNAL_ID_REUSED",
  ALREADY_APPLIED = "ALREADY_APPLIED",
  EMAIL_OF_ANOTHER_CANDIDATE = "EMAIL_OF_ANOTHER_CANDIDATE",
  NOT_STORED = "NOT_STORED",
}

export const LIMITS = { externalId: 100, name: 100, email: 254, phone: 30 } as const;
/** HR systems' clocks differ a little from ours: a minute ahead is still "now". */
export const CLOCK_SKEW_MS = 60_000;

export interface SubmissionOutcome {
  externalId: string;
  application: Application | null;
  created: boolean;
  updated: boolean;
  userErrors: UserError[];
}

interface CandidateDetails {
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  birthDate: string | null;
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
  constructor(private readonly db: Db) {}

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
    const valid: ValidItem[] = [];
    const seen = new Set<string>();
    submissions.forEach((submission, index) => {
      const errors = validate(submission, index, now);
      if (errors.length === 0 && seen.has(submission.externalId)) {
        errors.push(
          userError(SubmissionErrorCode.DUPLICATE_IN_BATCH, `externalId "${submission.externalId}" occurs earlier in this batch.`, path(index, "externalId")),
        );
      }
      seen.add(submission.externalId);
      if (errors.length) outcomes[index].userErrors = errors;
      else valid.push(normalise(submission, index, now));
    });
    if (valid.length === 0) return outcomes;

    try {
      await this.db.transaction((tx) => writeBatch(tx, submitter, valid, outcomes));
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
    .select()
    .from(applications)
    .where(and(eq(applications.agencyCode, submitter.agencyCode), externalIdIn(items.map((i) => i.externalId))));
  const existingByExternalId = new Map(existing.map((row) => [row.externalId, row]));

  const vacancyRows = await tx
    .select({ id: vacancies.id, agencyCode: vacancies.agencyCode, status: vacancies.status, deadline: vacancies.applicationDeadline })
    .from(vacancies)
    .where(inArray(vacancies.id, [...new Set(items.map((i) => i.vacancyKey))]));
  const vacancyById = new Map(vacancyRows.map((v) => [v.id, v]));

  const resends: { item: ValidItem; row: (typeof existing)[number] }[] = [];
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
      } else resends.push({ item, row });
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

  await applyResends(tx, submitter, resends, outcomes);
  await insertFresh(tx, submitter, fresh, outcomes);
}

/** A resend returns the stored application; changed candidate details are updated, the stage never is. */
async function applyResends(
  tx: Executor,
  submitter: Submitter,
  resends: { item: ValidItem; row: typeof applications.$inferSelect }[],
  outcomes: SubmissionOutcome[],
): Promise<void> {
  if (resends.length === 0) return;
  const candidateRows = await tx
    .select()
    .from(candidates)
    .where(inArray(candidates.id, [...new Set(resends.map((r) => r.row.candidateId))]));
  const candidateById = new Map(candidateRows.map((c) => [c.id, c]));
  const changedEmails = resends.filter((r) => candidateById.get(r.row.candidateId)?.email !== r.item.candidate.email).map((r) => r.item.candidate.email);
  const emailOwners = changedEmails.length
    ? new Map(
        (await tx.select({ id: candidates.id, email: candidates.email }).from(candidates).where(inArray(candidates.email, changedEmails))).map((c) => [
          c.email,
          c.id,
        ]),
      )
    : new Map<string | null, number>();

  const updates: (CandidateDetails & { id: number })[] = [];
  for (const { item, row } of resends) {
    const current = candidateById.get(row.candidateId)!;
    const wanted = item.candidate;
    const changed =
      current.email !== wanted.email ||
      current.firstName !== wanted.firstName ||
      current.lastName !== wanted.lastName ||
      current.phone !== wanted.phone ||
      current.birthDate !== wanted.birthDate;
    // Erased personal data stays erased: a resend cannot bring it back.
    if (changed && current.erasedAt == null) {
      const owner = emailOwners.get(wanted.email);
      if (owner != null && owner !== current.id) {
        outcomes[item.index].userErrors = [
          userError(
            SubmissionErrorCode.EMAIL_OF_ANOTHER_CANDIDATE,
            "This e-mail address belongs to another candidate; the application keeps its candidate.",
            path(item.index, "candidate", "email"),
          ),
        ];
        continue;
      }
      if (!updates.some((u) => u.id === current.id)) updates.push({ id: current.id, ...wanted });
      outcomes[item.index].updated = true;
    }
    outcomes[item.index].application = toApplication(row);
  }
  if (updates.length === 0) return;
  updates.sort((a, b) => a.id - b.id);
  await tx.execute(sql`
    update candidates c set email = u.email, first_name = u."firstName", last_name = u."lastName", phone = u.phone, birth_date = u."birthDate", updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id int, email text, "firstName" text, "lastName" text, phone text, "birthDate" date)
    where c.id = u.id`);
  const touched = await tx
    .update(applications)
    .set({ updatedAt: sql`now()` })
    .where(
      inArray(
        applications.candidateId,
        updates.map((u) => u.id),
      ),
    )
    .returning();
  const touchedById = new Map(touched.map((row) => [row.id, row]));
  // The submitting agency learns that its candidates changed (never another agency's applications of the same person).
  await recordEvents(
    tx,
    updates.map((u) =>
      candidateEvent(
        EventType.CANDIDATE_UPDATED,
        u.id,
        submitter.agencyCode,
        touched.filter((a) => a.candidateId === u.id && a.agencyCode === submitter.agencyCode).map((a) => a.id),
      ),
    ),
  );
  for (const { item, row } of resends) {
    const fresh = touchedById.get(row.id);
    if (fresh && outcomes[item.index].updated) outcomes[item.index].application = toApplication(fresh);
  }
}

/** New applications: their candidates (one per e-mail address), the applications, their APPLIED events and counters. */
async function insertFresh(tx: Executor, submitter: Submitter, fresh: ValidItem[], outcomes: SubmissionOutcome[]): Promise<void> {
  if (fresh.length === 0) return;
  // One row per address (the last one in the batch wins), in a fixed order so concurrent batches lock alike.
  const byEmail = new Map(fresh.map((item) => [item.candidate.email, item.candidate]));
  const people = [...byEmail.values()].sort((a, b) => (a.email < b.email ? -1 : 1));
  // Both inserts take their rows as one JSON parameter: a batch of 500 would otherwise be thousands of placeholders,
  // which cost more to build and parse than the rows do to write.
  const candidateRows = await selectRows<{ id: number; email: string; created: boolean }>(
    tx,
    sql`insert into candidates (email, first_name, last_name, phone, birth_date)
        select p.email, p."firstName", p."lastName", p.phone, p."birthDate"
        from jsonb_to_recordset(${JSON.stringify(people)}::jsonb) as p(email text, "firstName" text, "lastName" text, phone text, "birthDate" date)
        on conflict (email) do update set
          first_name = excluded.first_name,
          last_name = excluded.last_name,
          phone = coalesce(excluded.phone, candidates.phone),
          birth_date = coalesce(excluded.birth_date, candidates.birth_date),
          updated_at = now()
        returning id, email, (xmax = 0) as created`,
  );
  const candidateIdByEmail = new Map(candidateRows.map((c) => [c.email, c.id]));
  // A person first stored by this batch has no earlier applications to compare their first day with.
  const newCandidates = new Set(candidateRows.filter((c) => c.created).map((c) => c.id));

  const rows = fresh.map((item) => ({
    vacancy_id: item.vacancyKey,
    candidate_id: candidateIdByEmail.get(item.candidate.email)!,
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

  const missing = fresh.filter((item) => !insertedByExternalId.has(item.externalId));
  const concurrent = missing.length
    ? new Map(
        (
          await tx
            .select()
            .from(applications)
            .where(and(eq(applications.agencyCode, submitter.agencyCode), externalIdIn(missing.map((i) => i.externalId))))
        ).map((row) => [row.externalId, row]),
      )
    : new Map<string, typeof applications.$inferSelect>();

  for (const item of fresh) {
    const row = insertedByExternalId.get(item.externalId);
    if (row) {
      outcomes[item.index].application = toApplication(row);
      outcomes[item.index].created = true;
      continue;
    }
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

  await recordStageMoves(
    tx,
    inserted.map((row) => ({
      applicationId: row.id,
      vacancyId: row.vacancyId,
      candidateId: row.candidateId,
      fromStage: null,
      toStage: "APPLIED",
      reason: null,
      occurredAt: row.submittedAt,
      enteredFromAt: null,
      appliedAt: row.submittedAt,
      actor: submitter.actor,
    })),
    newCandidates,
  );
  await recordEvents(
    tx,
    inserted.map((row) => applicationEvent(EventType.APPLICATION_SUBMITTED, toApplication(row), { fromStage: null, occurredAt: row.submittedAt })),
  );
}

type ApplicationRow = typeof applications.$inferSelect;

/** The applications table's columns under the names drizzle gives them: raw inserts return what toApplication takes. */
const APPLICATION_COLUMNS = sql.raw(
  `id, vacancy_id as "vacancyId", agency_code as "agencyCode", candidate_id as "candidateId", external_id as "externalId", stage,
   rejection_reason as "rejectionReason", version, submitted_at as "submittedAt", stage_entered_at as "stageEnteredAt",
   created_at as "createdAt", updated_at as "updatedAt"`,
);

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
  return sql`${applications.externalId} in (select jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb))`;
}

function path(index: number, ...rest: string[]): string[] {
  return ["input", "applications", String(index), ...rest];
}

/** Numbers without a country prefix are read as Belgian ones. */
const PHONE_DEFAULT_COUNTRY = "BE";

function validate(s: ApplicationSubmission, index: number, now: Date): UserError[] {
  const errors: UserError[] = [];
  const text = (value: string, limit: number, ...field: string[]) => {
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
  if (email.length > LIMITS.email) {
    errors.push(
      userError(
        SubmissionErrorCode.TOO_LONG,
        `candidate.email must be at most ${LIMITS.email} characters, got ${email.length}.`,
        path(index, "candidate", "email"),
      ),
    );
  } else if (!isEmail(email)) {
    errors.push(userError(SubmissionErrorCode.INVALID_EMAIL, "candidate.email is not a valid e-mail address.", path(index, "candidate", "email")));
  }
  if (s.candidate.phone != null) {
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
  if (s.candidate.birthDate != null && toIsoDate(s.candidate.birthDate) > toIsoDate(now)) {
    errors.push(userError(SubmissionErrorCode.BIRTH_DATE_IN_FUTURE, "candidate.birthDate lies in the future.", path(index, "candidate", "birthDate")));
  }
  if (s.submittedAt != null && s.submittedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.push(userError(SubmissionErrorCode.SUBMITTED_IN_FUTURE, "submittedAt lies in the future.", path(index, "submittedAt")));
  }
  if (fromGlobalId("Vacancy", s.vacancyId) == null) {
    errors.push(userError(SubmissionErrorCode.VACANCY_NOT_FOUND, "No vacancy of your agency has this id.", path(index, "vacancyId")));
  }
  return errors;
}

function normalise(s: ApplicationSubmission, index: number, now: Date): ValidItem {
  return {
    index,
    externalId: s.externalId,
    vacancyKey: fromGlobalId("Vacancy", s.vacancyId)!,
    submittedAt: s.submittedAt && s.submittedAt < now ? s.submittedAt : now,
    candidate: {
      email: s.candidate.email.trim().toLowerCase(),
      firstName: s.candidate.firstName.trim(),
      lastName: s.candidate.lastName.trim(),
      phone: s.candidate.phone?.trim() || null,
      birthDate: s.candidate.birthDate ? toIsoDate(s.candidate.birthDate) : null,
    },
  };
}

/** Integrity and data exceptions (SQLSTATE classes 22 and 23): the data, not the database, is at fault. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}
