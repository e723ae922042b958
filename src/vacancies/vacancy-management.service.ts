import { and, eq, ne, sql } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { fromGlobalId } from "../common/global-id";
import type { LocalizedText } from "../common/localized-text";
import { userError, type UserError } from "../common/user-error";
import type { Db, Executor } from "../db/client";
import { EventType } from "../events/event-types";
import { recordEvents, vacancyEvent } from "../events/outbox";
import { campaigns, examParts, jobProfiles, testResults, vacancies, waves } from "../db/tables";
import { CreateVacancyInput, LocalizedTextInput, SelectionProcedureInput, UpdateVacancyInput, VacancyClosure } from "./vacancy.inputs";
import { toVacancy } from "./vacancy.service";
import { STANDARD_PART_TITLES } from "./exam-part-titles";
import { TestKind } from "../test-sessions/test-session.type";
import type { Vacancy } from "./vacancy.type";
import { VacancyErrorCode, type VacancyCode } from "./vacancy.errors";

/** `C`: the codes of the operation (VACANCY_OPERATION_CODES). */
export interface VacancyOutcome<C extends VacancyErrorCode> {
  vacancy: Vacancy | null;
  userErrors: UserError<C>[];
}

/** Who manages: an agency HR key is confined to its agency (null: any agency). */
export interface Manager {
  agencyCode: AgencyCode | null;
}

/** The Asse rule of the source documents: a written and an oral part of 50 points, each at least 50 %, 60 % overall. */
const DEFAULT_PROCEDURE: ProcedureToWrite = {
  parts: [
    { name: "Schriftelijk", kind: TestKind.WRITTEN, title: STANDARD_PART_TITLES.WRITTEN, maxPoints: 50, passPercent: 50 },
    { name: "Mondeling", kind: TestKind.ORAL, title: STANDARD_PART_TITLES.ORAL, maxPoints: 50, passPercent: 50 },
  ],
  overallPassPercent: 60,
};

interface ProcedureToWrite {
  parts: { name: string; kind?: TestKind | null; title?: LocalizedText | LocalizedTextInput | null; maxPoints: number; passPercent: number }[];
  overallPassPercent: number;
}
const CLOSABLE_FROM: Record<VacancyClosure, string[]> = {
  [VacancyClosure.CLOSED]: ["OPEN"],
  [VacancyClosure.FILLED]: ["OPEN", "CLOSED"],
  [VacancyClosure.CANCELLED]: ["DRAFT", "OPEN", "CLOSED"],
};

/**
 * createVacancy, updateVacancy, publishVacancy, closeVacancy. The campaign row is locked while a headcount target
 * changes, so two concurrent changes cannot together push the campaign's vacancies past its target.
 */
export class VacancyManagementService {
  constructor(
    private readonly db: Db,
    /** The clock deadlines are checked against and publications dated by (tests inject one). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(manager: Manager, input: CreateVacancyInput): Promise<VacancyOutcome<VacancyCode<"createVacancy">>> {
    const now = this.now();
    const errors: UserError<VacancyCode<"createVacancy">>[] = [];
    if (manager.agencyCode && input.agency !== manager.agencyCode) {
      errors.push(userError(VacancyErrorCode.AGENCY_NOT_ALLOWED, `Your key may only create vacancies of ${manager.agencyCode}.`, ["input", "agency"]));
    }
    const profileKey = fromGlobalId("JobProfile", input.jobProfileId);
    const waveKey = fromGlobalId("Wave", input.waveId);
    errors.push(...checkHeadcount(input.headcountTarget), ...checkPlace(input.place), ...checkDeadline(input.applicationDeadline, now));
    errors.push(...checkText(input.title, "title"), ...checkText(input.description, "description"), ...checkProcedure(input.procedure));
    if (errors.length) return refused(errors);

    return this.db.transaction(async (tx) => {
      const [profile] = profileKey == null ? [] : await tx.select().from(jobProfiles).where(eq(jobProfiles.id, profileKey));
      const [wave] = waveKey == null ? [] : await tx.select().from(waves).where(eq(waves.id, waveKey));
      if (!profile) return refused([userError(VacancyErrorCode.JOB_PROFILE_NOT_FOUND, "No job profile has this id.", ["input", "jobProfileId"])]);
      if (!wave) return refused([userError(VacancyErrorCode.WAVE_NOT_FOUND, "No wave has this id.", ["input", "waveId"])]);
      const overTarget = await checkCampaignTarget(tx, wave.campaignId, input.headcountTarget, null);
      if (overTarget) return refused([overTarget]);

      const title = input.title ? localized(input.title) : profile.title;
      const [row] = await tx
        .insert(vacancies)
        .values({
          campaignId: wave.campaignId,
          waveId: wave.id,
          agencyCode: input.agency,
          jobProfileId: profile.id,
          title,
          description: input.description ? localized(input.description) : null,
          headcountTarget: input.headcountTarget,
          place: input.place.trim(),
          languageRegime: input.languageRegime,
          contractType: input.contractType,
          status: "DRAFT",
          applicationDeadline: input.applicationDeadline ?? null,
          overallPassPercent: (input.procedure ?? DEFAULT_PROCEDURE).overallPassPercent,
        })
        .returning();
      await writeProcedure(tx, row.id, input.procedure ?? DEFAULT_PROCEDURE);
      return { vacancy: toVacancy(row), userErrors: [] };
    });
  }

  async update(manager: Manager, input: UpdateVacancyInput): Promise<VacancyOutcome<VacancyCode<"updateVacancy">>> {
    const now = this.now();
    const errors: UserError<VacancyCode<"updateVacancy">>[] = [];
    if (input.headcountTarget != null) errors.push(...checkHeadcount(input.headcountTarget));
    if (input.place != null) errors.push(...checkPlace(input.place));
    errors.push(
      ...checkDeadline(input.applicationDeadline, now),
      ...checkText(input.title, "title"),
      ...checkText(input.description, "description"),
      ...checkProcedure(input.procedure),
    );
    if (errors.length) return refused(errors);

    return this.withVacancy(manager, input.vacancyId, async (tx, current) => {
      if (input.headcountTarget != null && input.headcountTarget !== current.headcountTarget && current.status !== "CANCELLED") {
        const overTarget = await checkCampaignTarget(tx, current.campaignId, input.headcountTarget, current.id);
        if (overTarget) return refused([overTarget]);
      }
      if (input.procedure) {
        const [scored] = await tx
          .select({ one: sql`1` })
          .from(testResults)
          .where(eq(testResults.vacancyId, current.id))
          .limit(1);
        if (scored)
          return refused([
            userError(VacancyErrorCode.PROCEDURE_LOCKED, "Test results have been recorded against this procedure: it can no longer change.", [
              "input",
              "procedure",
            ]),
          ]);
        await tx.delete(examParts).where(eq(examParts.vacancyId, current.id));
        await writeProcedure(tx, current.id, input.procedure);
      }
      const title = input.title ? localized(input.title) : current.title;
      const [row] = await tx
        .update(vacancies)
        .set({
          ...(input.headcountTarget != null ? { headcountTarget: input.headcountTarget } : {}),
          ...(input.place != null ? { place: input.place.trim() } : {}),
          ...(input.languageRegime != null ? { languageRegime: input.languageRegime } : {}),
          ...(input.contractType != null ? { contractType: input.contractType } : {}),
          ...(input.description !== undefined ? { description: input.description ? localized(input.description) : null } : {}),
          ...(input.applicationDeadline !== undefined ? { applicationDeadline: input.applicationDeadline } : {}),
          ...(input.procedure ? { overallPassPercent: input.procedure.overallPassPercent } : {}),
          title,
          updatedAt: sql`now()`,
        })
        .where(eq(vacancies.id, current.id))
        .returning();
      const vacancy = toVacancy(row);
      await recordEvents(tx, [vacancyEvent(EventType.VACANCY_UPDATED, vacancy, { changed: changedFields(input) })]);
      return { vacancy, userErrors: [] };
    });
  }

  async publish(manager: Manager, vacancyId: string): Promise<VacancyOutcome<VacancyCode<"publishVacancy">>> {
    const now = this.now();
    return this.withVacancy(manager, vacancyId, async (tx, current) => {
      if (current.status !== "DRAFT")
        return refused([userError(VacancyErrorCode.NOT_DRAFT, `The vacancy is ${current.status}; only a DRAFT can be published.`, ["input", "vacancyId"])]);
      if (current.applicationDeadline && current.applicationDeadline <= now) {
        return refused([
          userError(VacancyErrorCode.DEADLINE_IN_PAST, "The vacancy's deadline has passed: set a new one (or none) with updateVacancy first.", [
            "input",
            "vacancyId",
          ]),
        ]);
      }
      const [row] = await tx
        .update(vacancies)
        .set({ status: "OPEN", publishedAt: now, updatedAt: sql`now()` })
        .where(eq(vacancies.id, current.id))
        .returning();
      const vacancy = toVacancy(row);
      await recordEvents(tx, [vacancyEvent(EventType.VACANCY_PUBLISHED, vacancy)]);
      return { vacancy, userErrors: [] };
    });
  }

  async close(manager: Manager, vacancyId: string, status: VacancyClosure): Promise<VacancyOutcome<VacancyCode<"closeVacancy">>> {
    return this.withVacancy(manager, vacancyId, async (tx, current) => {
      if (!CLOSABLE_FROM[status].includes(current.status)) {
        return refused([userError(VacancyErrorCode.INVALID_STATUS_CHANGE, `A ${current.status} vacancy cannot become ${status}.`, ["input", "status"])]);
      }
      const [row] = await tx
        .update(vacancies)
        .set({ status, updatedAt: sql`now()` })
        .where(eq(vacancies.id, current.id))
        .returning();
      const vacancy = toVacancy(row);
      await recordEvents(tx, [vacancyEvent(EventType.VACANCY_CLOSED, vacancy, { fromStatus: current.status })]);
      return { vacancy, userErrors: [] };
    });
  }

  /** Runs fn on the locked vacancy; another agency's vacancy reads exactly like an unknown one. */
  private withVacancy<C extends VacancyErrorCode>(
    manager: Manager,
    vacancyId: string,
    fn: (tx: Executor, current: typeof vacancies.$inferSelect) => Promise<VacancyOutcome<C>>,
  ): Promise<VacancyOutcome<C | VacancyErrorCode.VACANCY_NOT_FOUND>> {
    const key = fromGlobalId("Vacancy", vacancyId);
    const notFound = refused([userError(VacancyErrorCode.VACANCY_NOT_FOUND, "No vacancy of yours has this id.", ["input", "vacancyId"])]);
    if (key == null) return Promise.resolve(notFound);
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(vacancies).where(eq(vacancies.id, key)).for("update");
      if (!current || (manager.agencyCode && current.agencyCode !== manager.agencyCode)) return notFound;
      return fn(tx, current);
    });
  }
}

/** The fields an updateVacancy asked to change, by their input names (the vacancy.updated event lists them). */
function changedFields(input: UpdateVacancyInput): string[] {
  const fields = ["title", "description", "headcountTarget", "place", "languageRegime", "contractType", "applicationDeadline", "procedure"] as const;
  return fields.filter((f) => input[f] !== undefined && (input[f] !== null || f === "applicationDeadline" || f === "description"));
}

function refused<C extends VacancyErrorCode>(userErrors: UserError<C>[]): VacancyOutcome<C> {
  return { vacancy: null, userErrors };
}

function checkHeadcount(target: number): UserError<VacancyErrorCode.HEADCOUNT_NOT_POSITIVE>[] {
  return target > 0
    ? []
    : [userError(VacancyErrorCode.HEADCOUNT_NOT_POSITIVE, `headcountTarget must be more than 0, got ${target}.`, ["input", "headcountTarget"])];
}

function checkPlace(place: string): UserError<VacancyErrorCode.INVALID_TEXT>[] {
  const length = place.trim().length;
  return length >= 1 && length <= 200 ? [] : [userError(VacancyErrorCode.INVALID_TEXT, "place must be 1 to 200 characters.", ["input", "place"])];
}

function checkDeadline(deadline: Date | null | undefined, now: Date): UserError<VacancyErrorCode.DEADLINE_IN_PAST>[] {
  return deadline && deadline <= now
    ? [userError(VacancyErrorCode.DEADLINE_IN_PAST, "applicationDeadline must lie in the future.", ["input", "applicationDeadline"])]
    : [];
}

function checkText(text: LocalizedTextInput | null | undefined, field: string): UserError<VacancyErrorCode.INVALID_TEXT>[] {
  if (!text) return [];
  const values = [text.nl, text.fr, text.en, text.de].filter((v): v is string => v != null);
  if (text.nl.trim().length === 0 || values.some((v) => v.length > 4000 || v.trim().length === 0)) {
    return [userError(VacancyErrorCode.INVALID_TEXT, `${field} needs a Dutch text, and every text given must be 1 to 4000 characters.`, ["input", field])];
  }
  return [];
}

function checkProcedure(procedure: SelectionProcedureInput | null | undefined): UserError<VacancyErrorCode.INVALID_PROCEDURE>[] {
  if (!procedure) return [];
  const problem = (message: string) => [userError(VacancyErrorCode.INVALID_PROCEDURE, message, ["input", "procedure"])];
  if (procedure.parts.length < 1 || procedure.parts.length > 10) return problem("A procedure has 1 to 10 exam parts.");
  const names = procedure.parts.map((p) => p.name.trim());
  if (names.some((n) => n.length < 1 || n.length > 100)) return problem("Every exam part needs a name of 1 to 100 characters.");
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) return problem("Exam part names must differ.");
  if (procedure.parts.some((p) => p.title && checkText(p.title, "procedure").length))
    return problem("An exam part's title needs a Dutch text of 1 to 4000 characters.");
  if (procedure.parts.some((p) => !(p.maxPoints > 0) || p.maxPoints > 10_000)) return problem("maxPoints must be more than 0 (and at most 10000).");
  if (procedure.parts.some((p) => !(p.passPercent >= 0 && p.passPercent <= 100))) return problem("passPercent must be between 0 and 100.");
  if (!(procedure.overallPassPercent >= 0 && procedure.overallPassPercent <= 100)) return problem("overallPassPercent must be between 0 and 100.");
  return [];
}

/** Refuses a target that would take the campaign's vacancies (cancelled ones aside) past the campaign's target. */
async function checkCampaignTarget(
  tx: Executor,
  campaignId: number,
  newTarget: number,
  replacing: number | null,
): Promise<UserError<VacancyErrorCode.CAMPAIGN_TARGET_EXCEEDED> | null> {
  const [campaign] = await tx.select({ target: campaigns.targetHeadcount }).from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
  const [{ sum }] = await tx
    .select({ sum: sql<number>`coalesce(sum(${vacancies.headcountTarget}), 0)::int` })
    .from(vacancies)
    .where(and(eq(vacancies.campaignId, campaignId), ne(vacancies.status, "CANCELLED"), replacing != null ? ne(vacancies.id, replacing) : undefined));
  const total = sum + newTarget;
  if (total <= campaign.target) return null;
  return userError(
    VacancyErrorCode.CAMPAIGN_TARGET_EXCEEDED,
    `The campaign's vacancies would then target ${total} posts, more than the campaign's ${campaign.target} (${campaign.target - sum} left).`,
    ["input", "headcountTarget"],
  );
}

/** A part given without a title is shown by its name, in Dutch. */
async function writeProcedure(tx: Executor, vacancyId: number, procedure: ProcedureToWrite): Promise<void> {
  await tx.insert(examParts).values(
    procedure.parts.map((p, i) => ({
      vacancyId,
      position: i + 1,
      name: p.name.trim(),
      kind: p.kind ?? TestKind.WRITTEN,
      title: p.title ? localized(p.title) : null,
      maxPoints: p.maxPoints,
      passPercent: p.passPercent,
    })),
  );
}

function localized(text: LocalizedTextInput | LocalizedText): LocalizedText {
  return {
    nl: text.nl.trim(),
    ...(text.fr ? { fr: text.fr.trim() } : {}),
    ...(text.en ? { en: text.en.trim() } : {}),
    ...(text.de ? { de: text.de.trim() } : {}),
  };
}
