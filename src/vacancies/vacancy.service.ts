import { createHash } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import type { Viewer } from "../auth/viewer";
import { Role } from "../auth/role";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { badUserInput } from "../common/errors";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import { afterCondition, isSortCursor, orderByKey, sortKeyText, type SortKey } from "../common/keyset";
import { OrderDirection } from "../common/order";
import { selectRows, type Db } from "../db/client";
import { epochMs, fromEpochMs, jsonRow } from "../db/json-rows";
import { PreparedStatements, StatementValues } from "../db/prepared-statements";
import { AGENCY_CODES, campaigns, examParts, jobProfiles, places, vacancies, waves } from "../db/tables";
import type { JobLevel } from "../job-profiles/job-profile.type";
import type { ProvinceCode, RegionCode } from "../places/place.type";
import { readUpcomingSessions, upcomingSessionsSql, type UpcomingSessionsJson } from "../test-sessions/upcoming-sessions";
import type { TestSession } from "../test-sessions/test-session.type";
import { ExamPart, LanguageRegime, Vacancy, VacancyFilter, VacancyOrder, VacancyOrderField, VacancyStatus } from "./vacancy.type";

/** What a Vacancy is built from: every column but the search texts (long, and only ever searched, never shown). */
export const vacancyColumns = {
  id: vacancies.id,
  campaignId: vacancies.campaignId,
  waveId: vacancies.waveId,
  jobProfileId: vacancies.jobProfileId,
  agencyCode: vacancies.agencyCode,
  headcountTarget: vacancies.headcountTarget,
  status: vacancies.status,
  place: vacancies.place,
  placeId: vacancies.placeId,
  languageRegime: vacancies.languageRegime,
  contractType: vacancies.contractType,
  publishedAt: vacancies.publishedAt,
  applicationDeadline: vacancies.applicationDeadline,
  title: vacancies.title,
  description: vacancies.description,
  overallPassPercent: vacancies.overallPassPercent,
};

type VacancyRow = Pick<typeof vacancies.$inferSelect, keyof typeof vacancyColumns>;

/**
 * A vacancy as the list's statement returns it in its JSON (src/db/json-rows.ts): vacancyColumns' values in
 * PAGE_ROW's order, instants as milliseconds, then the row's sort key.
 */
type VacancyTuple = [
  id: number,
  campaignId: number,
  waveId: number,
  jobProfileId: number,
  agencyCode: VacancyRow["agencyCode"],
  headcountTarget: number,
  status: VacancyRow["status"],
  place: string,
  placeId: number | null,
  languageRegime: VacancyRow["languageRegime"],
  contractType: VacancyRow["contractType"],
  publishedAt: number | null,
  applicationDeadline: number | null,
  title: VacancyRow["title"] | string,
  description: VacancyRow["description"] | string,
  overallPassPercent: string | number,
  sortKey: string,
];

/** The list's row, in VacancyTuple's order (the sort key is added by the statement). */
const PAGE_ROW = [
  vacancies.id,
  vacancies.campaignId,
  vacancies.waveId,
  vacancies.jobProfileId,
  vacancies.agencyCode,
  vacancies.headcountTarget,
  vacancies.status,
  vacancies.place,
  vacancies.placeId,
  vacancies.languageRegime,
  vacancies.contractType,
  epochMs(vacancies.publishedAt),
  epochMs(vacancies.applicationDeadline),
  vacancies.title,
  vacancies.description,
  vacancies.overallPassPercent,
];

/** The tuple mapped as drizzle maps vacancyColumns: instants as Date, jsonb parsed when a driver left it text, numeric as a number. */
function fromTuple(t: VacancyTuple): VacancyRow {
  return {
    id: t[0],
    campaignId: t[1],
    waveId: t[2],
    jobProfileId: t[3],
    agencyCode: t[4],
    headcountTarget: t[5],
    status: t[6],
    place: t[7],
    placeId: t[8],
    languageRegime: t[9],
    contractType: t[10],
    publishedAt: fromEpochMs(t[11]),
    applicationDeadline: fromEpochMs(t[12]),
    title: typeof t[13] === "string" ? (JSON.parse(t[13]) as VacancyRow["title"]) : t[13],
    description: typeof t[14] === "string" ? (JSON.parse(t[14]) as VacancyRow["description"]) : t[14],
    overallPassPercent: Number(t[15]),
  };
}

export function toVacancy(row: VacancyRow): Vacancy {
  return Object.assign(new Vacancy(), {
    id: toGlobalId("Vacancy", row.id),
    key: row.id,
    campaignKey: row.campaignId,
    waveKey: row.waveId,
    jobProfileKey: row.jobProfileId,
    agencyCode: row.agencyCode,
    headcountTarget: row.headcountTarget,
    status: row.status,
    placeName: row.place,
    placeKey: row.placeId,
    languageRegime: row.languageRegime,
    contractType: row.contractType,
    publishedAt: row.publishedAt,
    applicationDeadline: row.applicationDeadline,
    titles: row.title,
    descriptions: row.description,
    overallPassPercent: row.overallPassPercent,
  });
}
/** Whether applications may be submitted to the vacancy at this moment. */
export function acceptsApplications(vacancy: Pick<Vacancy, "status" | "applicationDeadline">, now = new Date()): boolean {
  return vacancy.status === VacancyStatus.OPEN && (vacancy.applicationDeadline == null || vacancy.applicationDeadline > now);
}

const SORT_KEYS: Record<Exclude<VacancyOrderField, VacancyOrderField.RELEVANCE>, SortKey> = {
  [VacancyOrderField.PUBLISHED_AT]: { expression: sql`coalesce(${vacancies.publishedAt}, '-infinity'::timestamptz)`, type: "timestamptz" },
  [VacancyOrderField.APPLICATION_DEADLINE]: { expression: sql`coalesce(${vacancies.applicationDeadline}, 'infinity'::timestamptz)`, type: "timestamptz" },
  [VacancyOrderField.HEADCOUNT_TARGET]: { expression: vacancies.headcountTarget, type: "int" },
};

const DEFAULT_ORDER: VacancyOrder = Object.assign(new VacancyOrder(), { field: VacancyOrderField.PUBLISHED_AT, direction: OrderDirection.DESC });
const BY_RELEVANCE: VacancyOrder = Object.assign(new VacancyOrder(), { field: VacancyOrderField.RELEVANCE, direction: OrderDirection.DESC });
const cursors = new CursorCodec<[string, number]>("vacancies", isSortCursor);
const MAX_SEARCH_WORDS = 10;

/** Which vacancies a viewer may see at all: everyone sees published ones; drafts only their agency, the taskforce and admins. */
export function visibleTo(viewer: Viewer, p: StatementValues = StatementValues.inline()): SQL | undefined {
  if (viewer.kind === "client" && viewer.role !== Role.AGENCY_HR) {
    p.mark("sees-drafts");
    return undefined;
  }
  const published = sql`${vacancies.status} <> 'DRAFT'`;
  if (viewer.kind === "client" && viewer.agencyCode) return or(published, eq(vacancies.agencyCode, p.value("viewerAgency", viewer.agencyCode)));
  p.mark("published");
  return published;
}

export function mayView(viewer: Viewer, vacancy: Pick<Vacancy, "status" | "agencyCode">): boolean {
  if (vacancy.status !== VacancyStatus.DRAFT) return true;
  if (viewer.kind !== "client") return false;
  return viewer.role !== Role.AGENCY_HR || viewer.agencyCode === vacancy.agencyCode;
}

/**
 * A filter as conditions: `common` for the criteria no facet counts by, and one condition per faceted dimension, so
 * that the facets of one dimension can count under every criterion but their own.
 */
interface FilterConditions {
  common: SQL[];
  agency?: SQL;
  wave?: SQL;
  level?: SQL;
  languageRegime?: SQL;
  province?: SQL;
  region?: SQL;
  /** The search's words, as given (search_words() normalises them in SQL). */
  words: string[];
}

/**
 * The search's words one at a time. A word matches a vacancy when it begins one of its words (both sides through
 * search_words(): unaccented, lower-cased, cut at anything but letters and digits), or, for a word of five letters or
 * more, when it is spelled nearly like a whole word of it (pg_trgm's strict word similarity, at least 0.6). Both tests use the
 * trigram index on search_text; search_words() of a parameter folds into a constant when the statement is planned.
 */
function wordMatches(word: string, p: StatementValues): SQL {
  const value = p.value("word", word);
  const beginning = sql`${vacancies.searchText} like '%' || rtrim(search_words(${value})) || '%'`;
  // Near spellings only for words of letters long enough to misspell: "nbv107" must not find NBV101.
  if (!NEAR_SPELLING.test(word)) return beginning;
  p.mark("near");
  // <<% (pg_trgm's default threshold, 0.5) lets the trigram index find the candidates; 0.6 is the bar they must clear
  // ("psychologue" and "psychologie" score 0.6, "werker" and "werk" only 0.5).
  const word_ = sql`btrim(search_words(${value}))`;
  return sql`(${beginning} or (${word_} <<% ${vacancies.searchText} and strict_word_similarity(${word_}, ${vacancies.searchText}) >= 0.6))`;
}

const NEAR_SPELLING = /^[\p{L}'-]{5,}$/u;

/** Relevance: per word, 4 if it begins a word of the title, 2 if it is a whole word, 1 if it begins one, plus up to 3 for how close it comes to a title word. */
function relevance(words: string[], p: StatementValues): SQL {
  // Cast, not a bare 0: PostgreSQL reads `ORDER BY 0` as a column position and refuses it.
  if (words.length === 0) return sql`0::int`;
  return sql.join(
    p.list("rank", words).map(
      (word) => sql`(
        (case when ${vacancies.searchTitle} like '%' || rtrim(search_words(${word})) || '%' then 4 else 0 end)
        + (case when ${vacancies.searchText} like '%' || search_words(${word}) || '%' then 2 else 0 end)
        + (case when ${vacancies.searchText} like '%' || rtrim(search_words(${word})) || '%' then 1 else 0 end)
        + floor(3 * strict_word_similarity(btrim(search_words(${word})), ${vacancies.searchTitle}))::int)`,
    ),
    sql` + `,
  );
}

export interface FacetCount<K> {
  key: K;
  count: number;
}

/** Counts per value of each dimension, each under the whole filter except its own criterion. */
export interface VacancyFacetCounts {
  agencies: FacetCount<AgencyCode>[];
  waves: FacetCount<number>[];
  levels: FacetCount<JobLevel>[];
  languageRegimes: FacetCount<LanguageRegime>[];
  provinces: FacetCount<ProvinceCode>[];
  regions: FacetCount<RegionCode>[];
}

/** What a page of vacancies may read in its own statement, when the caller selected it (src/vacancies/vacancy.resolver.ts). */
export interface PageIncludes {
  /** The list's totalCount. */
  totalCount?: boolean;
  /** Each vacancy's upcoming test sessions, this many at most (its upcomingTestSessions' `first`). */
  upcomingSessions?: number;
}

/** A page of vacancies, with each one's upcoming sessions (every vacancy of the page a key) when they were included. */
export type VacancyPage = PageResult<Vacancy> & { upcomingSessions?: Map<number, TestSession[]> };

export class VacancyService {
  /** The list's page and count statements, kept per shape of filter, order and cursor. */
  private readonly statements: PreparedStatements;

  constructor(private readonly db: Db) {
    this.statements = new PreparedStatements(db, "vacancies");
  }

  async list(
    viewer: Viewer,
    filter: VacancyFilter | null | undefined,
    order: VacancyOrder | null | undefined,
    pageArgs: PageArgs,
    scope: { campaignKey?: number } = {},
    include: PageIncludes = {},
  ): Promise<VacancyPage> {
    const p = StatementValues.prepared();
    const conditions = await this.filterConditions(filter ?? {}, scope, p);
    const sortOrder = order ?? (conditions.words.length ? BY_RELEVANCE : DEFAULT_ORDER);
    // A relevance cursor is only good for the same search: the order's name carries a digest of the words.
    const orderName =
      sortOrder.field === VacancyOrderField.RELEVANCE
        ? `${sortOrder.field}:${sortOrder.direction}:${createHash("sha256").update(conditions.words.join(" ")).digest("base64url").slice(0, 10)}`
        : `${sortOrder.field}:${sortOrder.direction}`;
    const page = cursors.page(pageArgs, orderName);
    const where = and(visibleTo(viewer, p), ...allConditions(conditions)) ?? sql`true`;
    // The count's statement: the filter's shape and values so far (the page's own cursor and size come after).
    const countKey = p.key;
    const countValues = { ...p.values };
    p.mark(`${sortOrder.field}:${sortOrder.direction}`);
    const sortKey: SortKey =
      sortOrder.field === VacancyOrderField.RELEVANCE ? { expression: relevance(conditions.words, p), type: "int" } : SORT_KEYS[sortOrder.field];
    const after = page.after
      ? afterCondition(sortKey, vacancies.id, sortOrder.direction, [p.value("afterKey", page.after[0]), p.value("afterId", page.after[1])])
      : undefined;
    // The page's size in the text: a generic plan would have to guess it.
    p.mark(`limit:${page.first + 1}`);
    const limit = sql.raw(String(page.first + 1));

    // The page as one JSON value, built by PostgreSQL: the driver parses it with one JSON.parse instead of a field at
    // a time. Ordered inside the aggregate by the page's own sort value and id, as the page was cut. The count and the
    // page's upcoming sessions, when the caller asked for them, come in the same statement: one round trip instead of
    // three, on both sides of the connection the largest cost of a page after the answer itself.
    const way = sql.raw(sortOrder.direction === OrderDirection.ASC ? "asc" : "desc");
    const upcoming =
      include.upcomingSessions !== undefined ? upcomingSessionsSql((vacancyId) => sql`${vacancyId} in (select id from page)`, include.upcomingSessions) : null;
    const [found] = await this.statements.rows<{ rows: VacancyTuple[] | string; total_count?: number } & Partial<UpcomingSessionsJson>>(
      `page:${p.key}${include.totalCount ? "|count" : ""}${upcoming ? `|upcoming:${include.upcomingSessions}` : ""}`,
      () => sql`with page as (select ${vacancies.id} as id, ${jsonRow([...PAGE_ROW, sortKeyText(sortKey)])} as row, ${sortKey.expression} as sort_value
                              from ${vacancies}
                              where ${after ? and(where, after) : where}
                              order by ${sql.join(orderByKey(sortKey, vacancies.id, sortOrder.direction), sql`, `)}
                              limit ${limit})${upcoming ? sql`, ${upcoming.cte}` : sql``}
                select (select coalesce(json_agg(page.row order by page.sort_value ${way}, page.id ${way}), '[]') from page) as rows${
                  include.totalCount ? sql`, (select count(*)::int from ${vacancies} where ${where}) as total_count` : sql``
                }${upcoming ? sql`, ${upcoming.columns}` : sql``}`,
      p.values,
    );
    // json: both drivers parse it; text if one ever does not.
    const rows = typeof found.rows === "string" ? (JSON.parse(found.rows) as VacancyTuple[]) : found.rows;
    const totalCount = found.total_count;

    const result: VacancyPage = toPage(
      rows,
      page,
      (row) => cursors.encode(orderName, [row[16], row[0]]),
      (row) => toVacancy(fromTuple(row)),
      totalCount !== undefined
        ? () => Promise.resolve(totalCount)
        : async () =>
            (
              await this.statements.rows<{ n: number }>(`count:${countKey}`, () => sql`select count(*)::int as n from ${vacancies} where ${where}`, countValues)
            )[0].n,
    );
    if (found.upcoming_links !== undefined && found.upcoming_sessions !== undefined) {
      const sessions = new Map<number, TestSession[]>(result.edges.map((edge) => [edge.node.key, []]));
      for (const { vacancyKey, session } of readUpcomingSessions({ upcoming_links: found.upcoming_links, upcoming_sessions: found.upcoming_sessions })) {
        sessions.get(vacancyKey)?.push(session);
      }
      result.upcomingSessions = sessions;
    }
    return result;
  }

  /**
   * The filter menus' counts, in one statement: for each dimension (agency, wave, level, language regime, province,
   * region), how many vacancies the caller may see match the whole filter except that dimension's own criterion, so
   * that choosing "DVZ" still shows how many the other agencies have. Values with no vacancy are left out.
   */
  async facets(viewer: Viewer, filter: VacancyFilter | null | undefined): Promise<VacancyFacetCounts> {
    const c = await this.filterConditions(filter ?? {}, {}, StatementValues.inline());
    const holds = (condition: SQL | undefined) => condition ?? sql`true`;
    const allBut = (dimension: keyof Omit<FilterConditions, "common" | "words">) =>
      sql.join(
        (["agency", "wave", "level", "languageRegime", "province", "region"] as const).filter((d) => d !== dimension).map((d) => sql`m_${sql.raw(d)}`),
        sql` and `,
      );
    const rows = await selectRows<{
      agency_code: string | null;
      wave_id: number | null;
      level: string | null;
      language_regime: string | null;
      province: string | null;
      region: string | null;
      grouping: number;
      n_agency: number;
      n_wave: number;
      n_level: number;
      n_languageRegime: number;
      n_province: number;
      n_region: number;
    }>(
      this.db,
      sql`with m as (
            select ${vacancies.agencyCode}::text as agency_code, ${vacancies.waveId} as wave_id, ${jobProfiles.level}::text as level,
                   ${vacancies.languageRegime}::text as language_regime, ${places.province}::text as province, ${places.region}::text as region,
                   ${holds(c.agency)} as m_agency, ${holds(c.wave)} as m_wave, ${holds(c.level)} as m_level,
                   ${holds(c.languageRegime)} as m_languageRegime, ${holds(c.province)} as m_province, ${holds(c.region)} as m_region
            from ${vacancies}
            join ${jobProfiles} on ${jobProfiles.id} = ${vacancies.jobProfileId}
            left join ${places} on ${places.id} = ${vacancies.placeId}
            where ${and(visibleTo(viewer), ...c.common) ?? sql`true`})
          select agency_code, wave_id, level, language_regime, province, region,
                 grouping(agency_code, wave_id, level, language_regime, province, region) as grouping,
                 (count(*) filter (where ${allBut("agency")}))::int as n_agency,
                 (count(*) filter (where ${allBut("wave")}))::int as n_wave,
                 (count(*) filter (where ${allBut("level")}))::int as n_level,
                 (count(*) filter (where ${allBut("languageRegime")}))::int as "n_languageRegime",
                 (count(*) filter (where ${allBut("province")}))::int as n_province,
                 (count(*) filter (where ${allBut("region")}))::int as n_region
          from m
          group by grouping sets ((agency_code), (wave_id), (level), (language_regime), (province), (region))`,
    );
    // grouping() sets a bit for each column left out of the row's grouping set, the first column the highest (32).
    const of = <K>(bit: number, key: (r: (typeof rows)[number]) => unknown, count: (r: (typeof rows)[number]) => number) =>
      rows
        .filter((r) => (r.grouping & bit) === 0 && key(r) != null && count(r) > 0)
        .map((r) => ({ key: key(r) as K, count: count(r) }))
        .sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
    return {
      agencies: of<AgencyCode>(
        32,
        (r) => r.agency_code,
        (r) => r.n_agency,
      ).sort((a, b) => AGENCY_CODES.indexOf(a.key) - AGENCY_CODES.indexOf(b.key)),
      waves: of<number>(
        16,
        (r) => r.wave_id,
        (r) => r.n_wave,
      ).sort((a, b) => a.key - b.key),
      levels: of<JobLevel>(
        8,
        (r) => r.level,
        (r) => r.n_level,
      ),
      languageRegimes: of<LanguageRegime>(
        4,
        (r) => r.language_regime,
        (r) => r.n_languageRegime,
      ),
      provinces: of<ProvinceCode>(
        2,
        (r) => r.province,
        (r) => r.n_province,
      ),
      regions: of<RegionCode>(
        1,
        (r) => r.region,
        (r) => r.n_region,
      ),
    };
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
      part: Object.assign(new ExamPart(), {
        name: r.name,
        kind: r.kind,
        titles: r.title ?? { nl: r.name },
        maxPoints: r.maxPoints,
        passPercent: r.passPercent,
      }),
    }));
  }

  /** Turns a filter into conditions, refusing values that name nothing (a malformed wave id, an unknown campaign). */
  private async filterConditions(filter: VacancyFilter, scope: { campaignKey?: number }, p: StatementValues): Promise<FilterConditions> {
    const common: SQL[] = [];
    const result: FilterConditions = { common, words: [] };
    if (scope.campaignKey != null) common.push(eq(vacancies.campaignId, p.value("scope", scope.campaignKey)));
    if (filter.campaignSlug != null) {
      const [campaign] = await this.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, filter.campaignSlug)).limit(1);
      if (!campaign) throw badUserInput(`filter.campaignSlug: no campaign has the slug "${filter.campaignSlug}".`, "filter");
      common.push(eq(vacancies.campaignId, p.value("campaign", campaign.id)));
    }
    if (filter.agencies) result.agency = inArray(vacancies.agencyCode, p.list("agency", filter.agencies));
    const waveConditions: SQL[] = [];
    if (filter.waveIds) {
      const keys = filter.waveIds.map((id, i) => {
        const key = fromGlobalId("Wave", id);
        if (key == null) throw badUserInput(`filter.waveIds[${i}]: "${id}" is not a wave id.`, "filter");
        return key;
      });
      waveConditions.push(inArray(vacancies.waveId, p.list("waveKey", keys)));
    }
    if (filter.waveNumbers) {
      waveConditions.push(
        inArray(
          vacancies.waveId,
          this.db
            .select({ id: waves.id })
            .from(waves)
            .where(inArray(waves.number, p.list("waveNumber", filter.waveNumbers))),
        ),
      );
    }
    if (waveConditions.length) result.wave = and(...waveConditions);
    if (filter.levels) {
      result.level = inArray(
        vacancies.jobProfileId,
        this.db
          .select({ id: jobProfiles.id })
          .from(jobProfiles)
          .where(inArray(jobProfiles.level, p.list("level", filter.levels))),
      );
    }
    if (filter.functionCodes) {
      const codes = filter.functionCodes.map((c) => c.trim().toUpperCase());
      common.push(
        inArray(
          vacancies.jobProfileId,
          this.db
            .select({ id: jobProfiles.id })
            .from(jobProfiles)
            .where(inArray(jobProfiles.functionCode, p.list("functionCode", codes))),
        ),
      );
    }
    if (filter.statuses) common.push(inArray(vacancies.status, p.list("status", filter.statuses)));
    if (filter.languageRegimes) result.languageRegime = inArray(vacancies.languageRegime, p.list("languageRegime", filter.languageRegimes));
    if (filter.places) {
      const names = sql.join(
        p.list("place", filter.places).map((name) => sql`search_words(${name})`),
        sql`, `,
      );
      // By any language's name of a known place, or by the name a vacancy was given (a place not among the known ones).
      common.push(
        sql`(${vacancies.placeId} in (select p.id from ${places} p, jsonb_each_text(p.name) n where search_words(n.value) in (${names}))
             or search_words(${vacancies.place}) in (${names}))`,
      );
    }
    if (filter.placeIds) {
      const keys = filter.placeIds.map((id, i) => {
        const key = fromGlobalId("Place", id);
        if (key == null) throw badUserInput(`filter.placeIds[${i}]: "${id}" is not a place id.`, "filter");
        return key;
      });
      common.push(inArray(vacancies.placeId, p.list("placeKey", keys)));
    }
    if (filter.provinces)
      result.province = inArray(
        vacancies.placeId,
        this.db
          .select({ id: places.id })
          .from(places)
          .where(inArray(places.province, p.list("province", filter.provinces))),
      );
    if (filter.regions)
      result.region = inArray(
        vacancies.placeId,
        this.db
          .select({ id: places.id })
          .from(places)
          .where(inArray(places.region, p.list("region", filter.regions))),
      );
    if (filter.acceptingApplications != null) {
      p.mark(`accepting:${filter.acceptingApplications}`);
      const accepting = and(eq(vacancies.status, "OPEN"), or(isNull(vacancies.applicationDeadline), gt(vacancies.applicationDeadline, sql`now()`)));
      common.push(filter.acceptingApplications ? accepting! : sql`not (${accepting})`);
    }
    if (filter.search != null) {
      if (filter.search.length > 200) throw badUserInput("filter.search must be at most 200 characters.", "filter");
      result.words = filter.search
        .split(/\s+/)
        .filter((w) => /[\p{L}\p{N}]/u.test(w))
        .slice(0, MAX_SEARCH_WORDS);
      common.push(...result.words.map((word) => wordMatches(word, p)));
    }
    return result;
  }
}

function allConditions(c: FilterConditions): (SQL | undefined)[] {
  return [...c.common, c.agency, c.wave, c.level, c.languageRegime, c.province, c.region];
}
