import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import type { Viewer } from "../auth/viewer";
import { Role } from "../auth/role";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { badUserInput } from "../common/errors";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import { afterCondition, isSortCursor, orderByKey, sortKeyText, type SortKey } from "../common/keyset";
import type { LocalizedText } from "../common/localized-text";
import { OrderDirection } from "../common/order";
import type { Db } from "../db/client";
import { campaigns, examParts, jobProfiles, vacancies, waves } from "../db/tables";
import { TestKind } from "../test-sessions/test-session.type";
import { ContractType, ExamPart, LanguageRegime, Vacancy, VacancyFilter, VacancyOrder, VacancyOrderField, VacancyStatus } from "./vacancy.type";

/** What a Vacancy is built from: every column but the search text (long, and only ever searched, never shown). */
export const vacancyColumns = {
  id: vacancies.id,
  campaignId: vacancies.campaignId,
  waveId: vacancies.waveId,
  jobProfileId: vacancies.jobProfileId,
  agencyCode: vacancies.agencyCode,
  headcountTarget: vacancies.headcountTarget,
  status: vacancies.status,
  place: vacancies.place,
  languageRegime: vacancies.languageRegime,
  contractType: vacancies.contractType,
  publishedAt: vacancies.publishedAt,
  applicationDeadline: vacancies.applicationDeadline,
  title: vacancies.title,
  description: vacancies.description,
  overallPassPercent: vacancies.overallPassPercent,
};

type VacancyRow = Pick<typeof vacancies.$inferSelect, keyof typeof vacancyColumns>;

export function toVacancy(row: VacancyRow): Vacancy {
  return Object.assign(new Vacancy(), {
    id: toGlobalId("Vacancy", row.id),
    key: row.id,
    campaignKey: row.campaignId,
    waveKey: row.waveId,
    jobProfileKey: row.jobProfileId,
    agencyCode: row.agencyCode as AgencyCode,
    headcountTarget: row.headcountTarget,
    status: row.status as VacancyStatus,
    place: row.place,
    languageRegime: row.languageRegime as LanguageRegime,
    contractType: row.contractType as ContractType,
    publishedAt: row.publishedAt,
    applicationDeadline: row.applicationDeadline,
    titles: row.title,
    descriptions: row.description,
    overallPassPercent: row.overallPassPercent,
  });
}

/** What the free-text filter searches: every language of the vacancy's and the profile's titles, the family and the code. */
export function vacancySearchText(title: LocalizedText, profile: { functionCode: string; title: LocalizedText; functionFamily: LocalizedText }): string {
  const texts = [title, profile.title, profile.functionFamily].flatMap((t) => Object.values(t));
  return [profile.functionCode, ...texts].join(" ").toLowerCase();
}

/** Whether applications may be submitted to the vacancy at this moment. */
export function acceptsApplications(vacancy: Pick<Vacancy, "status" | "applicationDeadline">, now = new Date()): boolean {
  return vacancy.status === VacancyStatus.OPEN && (vacancy.applicationDeadline == null || vacancy.applicationDeadline > now);
}

const SORT_KEYS: Record<VacancyOrderField, SortKey> = {
  [VacancyOrderField.PUBLISHED_AT]: { expression: sql`coalesce(${vacancies.publishedAt}, '-infinity'::timestamptz)`, type: "timestamptz" },
  [VacancyOrderField.APPLICATION_DEADLINE]: { expression: sql`coalesce(${vacancies.applicationDeadline}, 'infinity'::timestamptz)`, type: "timestamptz" },
  [VacancyOrderField.HEADCOUNT_TARGET]: { expression: vacancies.headcountTarget, type: "int" },
};

const DEFAULT_ORDER: VacancyOrder = Object.assign(new VacancyOrder(), { field: VacancyOrderField.PUBLISHED_AT, direction: OrderDirection.DESC });
const cursors = new CursorCodec<[string, number]>("vacancies", isSortCursor);
const LEVELS = ["A", "B", "C", "D"];

/** Which vacancies a viewer may see at all: everyone sees published ones; drafts only their agency, the taskforce and admins. */
export function visibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.kind === "client" && viewer.role !== Role.AGENCY_HR) return undefined;
  const published = sql`${vacancies.status} <> 'DRAFT'`;
  if (viewer.kind === "client" && viewer.agencyCode) return or(published, eq(vacancies.agencyCode, viewer.agencyCode));
  return published;
}

export function mayView(viewer: Viewer, vacancy: Pick<Vacancy, "status" | "agencyCode">): boolean {
  if (vacancy.status !== VacancyStatus.DRAFT) return true;
  if (viewer.kind !== "client") return false;
  return viewer.role !== Role.AGENCY_HR || viewer.agencyCode === vacancy.agencyCode;
}

export class VacancyService {
  constructor(private readonly db: Db) {}

  async list(
    viewer: Viewer,
    filter: VacancyFilter | null | undefined,
    order: VacancyOrder | null | undefined,
    pageArgs: PageArgs,
    scope: { campaignKey?: number } = {},
  ): Promise<PageResult<Vacancy>> {
    const sortOrder = order ?? DEFAULT_ORDER;
    const orderName = `${sortOrder.field}:${sortOrder.direction}`;
    const page = cursors.page(pageArgs, orderName);
    const where = and(visibleTo(viewer), ...(await this.filterConditions(filter ?? {}, scope)));
    const sortKey = SORT_KEYS[sortOrder.field];

    const rows = await this.db
      .select({ vacancy: vacancyColumns, sortKey: sortKeyText(sortKey) })
      .from(vacancies)
      .where(and(where, page.after ? afterCondition(sortKey, vacancies.id, sortOrder.direction, page.after) : undefined))
      .orderBy(...orderByKey(sortKey, vacancies.id, sortOrder.direction))
      .limit(page.first + 1);

    return toPage(
      rows,
      page.first,
      (row) => cursors.encode(orderName, [row.sortKey, row.vacancy.id]),
      (row) => toVacancy(row.vacancy),
      async () =>
        (
          await this.db
            .select({ n: sql<number>`count(*)::int` })
            .from(vacancies)
            .where(where)
        )[0].n,
    );
  }

  /** Vacancies by key, whatever their status: callers check visibility with mayView. */
  async byKeys(keys: readonly number[]): Promise<Vacancy[]> {
    return (
      await this.db
        .select(vacancyColumns)
        .from(vacancies)
        .where(inArray(vacancies.id, [...keys]))
    ).map(toVacancy);
  }

  async examPartsOf(vacancyKeys: readonly number[]): Promise<{ vacancyKey: number; part: ExamPart }[]> {
    const rows = await this.db
      .select()
      .from(examParts)
      .where(inArray(examParts.vacancyId, [...vacancyKeys]))
      .orderBy(asc(examParts.vacancyId), asc(examParts.position));
    return rows.map((r) => ({
      vacancyKey: r.vacancyId,
      part: Object.assign(new ExamPart(), { name: r.name, maxPoints: r.maxPoints, passPercent: r.passPercent, kind: r.kind as TestKind }),
    }));
  }

  /** Turns a filter into conditions, refusing values that name nothing (a malformed wave id, an unknown campaign). */
  private async filterConditions(filter: VacancyFilter, scope: { campaignKey?: number }): Promise<(SQL | undefined)[]> {
    const conditions: (SQL | undefined)[] = [];
    if (scope.campaignKey != null) conditions.push(eq(vacancies.campaignId, scope.campaignKey));
    if (filter.campaignSlug != null) {
      const [campaign] = await this.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, filter.campaignSlug)).limit(1);
      if (!campaign) throw badUserInput(`filter.campaignSlug: no campaign has the slug "${filter.campaignSlug}".`, "filter");
      conditions.push(eq(vacancies.campaignId, campaign.id));
    }
    if (filter.agencies) conditions.push(inArray(vacancies.agencyCode, filter.agencies));
    if (filter.waveIds) {
      const keys = filter.waveIds.map((id, i) => {
        const key = fromGlobalId("Wave", id);
        if (key == null) throw badUserInput(`filter.waveIds[${i}]: "${id}" is not a wave id.`, "filter");
        return key;
      });
      conditions.push(inArray(vacancies.waveId, keys));
    }
    if (filter.waveNumbers) {
      conditions.push(inArray(vacancies.waveId, this.db.select({ id: waves.id }).from(waves).where(inArray(waves.number, filter.waveNumbers))));
    }
    if (filter.levels) {
      filter.levels.forEach((level, i) => {
        if (!LEVELS.includes(level)) throw badUserInput(`filter.levels[${i}]: "${level}" is not a job level; use A, B, C or D.`, "filter");
      });
      conditions.push(
        inArray(
          vacancies.jobProfileId,
          this.db
            .select({ id: jobProfiles.id })
            .from(jobProfiles)
            .where(inArray(jobProfiles.level, filter.levels as ("A" | "B" | "C" | "D")[])),
        ),
      );
    }
    if (filter.functionCodes) {
      const codes = filter.functionCodes.map((c) => c.trim().toUpperCase());
      conditions.push(
        inArray(vacancies.jobProfileId, this.db.select({ id: jobProfiles.id }).from(jobProfiles).where(inArray(jobProfiles.functionCode, codes))),
      );
    }
    if (filter.statuses) conditions.push(inArray(vacancies.status, filter.statuses));
    if (filter.languageRegimes) conditions.push(inArray(vacancies.languageRegime, filter.languageRegimes));
    if (filter.places) {
      const places = filter.places.map((p) => p.trim().toLowerCase());
      conditions.push(inArray(sql`lower(${vacancies.place})`, places));
    }
    if (filter.acceptingApplications != null) {
      const accepting = and(eq(vacancies.status, "OPEN"), or(isNull(vacancies.applicationDeadline), gt(vacancies.applicationDeadline, sql`now()`)));
      conditions.push(filter.acceptingApplications ? accepting : sql`not (${accepting})`);
    }
    if (filter.search != null) {
      if (filter.search.length > 200) throw badUserInput("filter.search must be at most 200 characters.", "filter");
      for (const word of filter.search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)) {
        conditions.push(sql`${vacancies.searchText} like ${"%" + word.replace(/[\\%_]/g, (c) => "\\" + c) + "%"}`);
      }
    }
    return conditions;
  }
}
