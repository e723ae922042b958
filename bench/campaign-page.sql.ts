import { toGlobalId } from "../src/common/global-id";
import type { RawSql } from "./lib/databases";

/**
 * The floor for the campaign page: the same page read with hand-written SQL, as an engineer would write it directly on
 * the driver (node-postgres, postgres.js or PGlite) without GraphQL, an ORM or loaders. Two statements, sent together: the page (keyset on the
 * (status, published_at, id) index, with its agency, wave, job profile, lowest salary and next five sessions joined in)
 * and the count. It returns exactly what the GraphQL query returns, so the benchmark can check both read the same data.
 */

export const PAGE_SIZE = 50;
const SESSIONS_PER_VACANCY = 5;

export interface FloorRequest {
  /** Only this agency's vacancies (an AgencyCode), or every agency. */
  agency: string | null;
  /** pageInfo.endCursor of the previous page (this reader's own cursor format). */
  after: string | null;
  /** Language of the texts (nl, fr, en, de); nl when absent. */
  lang?: string;
}

export interface CampaignPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: VacancyCard }[];
}

export interface VacancyCard {
  id: string;
  title: string;
  place: string;
  headcountTarget: number;
  languageRegime: string;
  applicationDeadline: string | null;
  agency: { code: string; name: string };
  wave: { number: number; name: string };
  jobProfile: { functionCode: string; title: string; level: string; salaryScale: { code: string; minMonthlyGrossEur: number } | null };
  upcomingTestSessions: { startsAt: string; place: string; seatsLeft: number; isSaturday: boolean }[];
}

interface PageRow {
  id: number;
  sort_key: string;
  title: string;
  place: string;
  headcount_target: number;
  language_regime: string;
  application_deadline: string | null;
  agency_code: string;
  agency_name: string;
  wave_number: number;
  wave_name: string;
  function_code: string;
  profile_title: string;
  level: string;
  salary_scale_code: string | null;
  min_monthly_gross_eur: number | null;
  sessions: VacancyCard["upcomingTestSessions"];
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The page statement for each combination of filter and cursor: four texts, each planned (and prepared) on its own. */
function pageStatement(byAgency: boolean, withCursor: boolean): string {
  const conditions = ["v.status = 'OPEN'"];
  if (byAgency) conditions.push("v.agency_code = $2::agency_code");
  if (withCursor) conditions.push(`(v.published_at, v.id) < ($${byAgency ? 3 : 2}::timestamptz, $${byAgency ? 4 : 3}::int)`);
  return `
    with page as (
      select v.id, v.agency_code, v.wave_id, v.job_profile_id, v.title, v.place, v.place_id, v.headcount_target, v.language_regime,
             v.application_deadline, v.published_at
      from vacancies v
      where ${conditions.join(" and ")}
      order by v.published_at desc, v.id desc
      limit ${PAGE_SIZE + 1}
    ), upcoming as materialized (
      -- The page's links (about 3 per vacancy) to sessions by primary key, the first ${SESSIONS_PER_VACANCY} per vacancy by a window:
      -- one pass for the whole page rather than one lookup per vacancy.
      select vacancy_id, json_agg(json_build_object(
               'startsAt', to_char(starts_at at time zone 'UTC', ${ISO}),
               'place', place,
               'seatsLeft', greatest(capacity - seats_taken, 0),
               'isSaturday', extract(isodow from starts_at at time zone 'Europe/Brussels') = 6
             ) order by starts_at, id) as sessions
      from (
        select tsv.vacancy_id, ts.id, ts.starts_at, ts.place, ts.capacity, ts.seats_taken,
               row_number() over (partition by tsv.vacancy_id order by ts.starts_at, ts.id) as rank
        from page v
        join test_session_vacancies tsv on tsv.vacancy_id = v.id
        join test_sessions ts on ts.id = tsv.session_id
        where ts.status = 'SCHEDULED' and ts.starts_at > now()
      ) ranked
      where rank <= ${SESSIONS_PER_VACANCY}
      group by vacancy_id
    ), scale_floor as (
      select scale_code, min(monthly_gross_eur)::float8 as min_monthly_gross_eur from salary_scale_steps group by scale_code
    )
    select v.id, v.published_at::text as sort_key, coalesce(v.title ->> $1, v.title ->> 'nl') as title,
           coalesce(pl.name ->> $1, pl.name ->> 'nl', v.place) as place,
           v.headcount_target, v.language_regime::text as language_regime,
           to_char(v.application_deadline at time zone 'UTC', ${ISO}) as application_deadline,
           v.agency_code::text as agency_code, coalesce(a.name ->> $1, a.name ->> 'nl') as agency_name,
           w.number as wave_number, coalesce(w.name ->> $1, w.name ->> 'nl') as wave_name,
           p.function_code, coalesce(p.title ->> $1, p.title ->> 'nl') as profile_title, p.level::text as level,
           p.salary_scale_code, coalesce(sf.min_monthly_gross_eur, 0) as min_monthly_gross_eur,
           coalesce(u.sessions, '[]'::json) as sessions
    from page v
    join agencies a on a.code = v.agency_code
    join waves w on w.id = v.wave_id
    join job_profiles p on p.id = v.job_profile_id
    left join places pl on pl.id = v.place_id
    left join scale_floor sf on sf.scale_code = p.salary_scale_code
    left join upcoming u on u.vacancy_id = v.id
    order by v.published_at desc, v.id desc`;
}

const PAGE_STATEMENTS = new Map<string, string>();
for (const byAgency of [false, true])
  for (const withCursor of [false, true]) PAGE_STATEMENTS.set(`${byAgency}:${withCursor}`, pageStatement(byAgency, withCursor));

const COUNT_ALL = "select count(*)::int as n from vacancies where status = 'OPEN'";
const COUNT_BY_AGENCY = "select count(*)::int as n from vacancies where status = 'OPEN' and agency_code = $1::agency_code";

/** Statements one page read sends. */
export const FLOOR_STATEMENTS_PER_PAGE = 2;

export function createCampaignPageFloor(db: RawSql) {
  return {
    async read(request: FloorRequest): Promise<CampaignPage> {
      const lang = request.lang ?? "nl";
      const after = request.after == null ? null : decodeCursor(request.after);
      const params: unknown[] = [lang];
      if (request.agency) params.push(request.agency);
      if (after) params.push(after[0], after[1]);
      const [rows, [count]] = await Promise.all([
        db.query<PageRow>(PAGE_STATEMENTS.get(`${Boolean(request.agency)}:${Boolean(after)}`)!, params),
        request.agency ? db.query<{ n: number }>(COUNT_BY_AGENCY, [request.agency]) : db.query<{ n: number }>(COUNT_ALL, []),
      ]);
      const visible = rows.slice(0, PAGE_SIZE);
      const last = visible[visible.length - 1];
      return {
        totalCount: count.n,
        pageInfo: { hasNextPage: rows.length > PAGE_SIZE, endCursor: last ? encodeCursor(last.sort_key, last.id) : null },
        edges: visible.map((row) => ({ node: toCard(row) })),
      };
    },
  };
}

function toCard(row: PageRow): VacancyCard {
  return {
    id: toGlobalId("Vacancy", row.id),
    title: row.title,
    place: row.place,
    headcountTarget: row.headcount_target,
    languageRegime: row.language_regime,
    applicationDeadline: row.application_deadline,
    agency: { code: row.agency_code, name: row.agency_name },
    wave: { number: row.wave_number, name: row.wave_name },
    jobProfile: {
      functionCode: row.function_code,
      title: row.profile_title,
      level: row.level,
      salaryScale: row.salary_scale_code == null ? null : { code: row.salary_scale_code, minMonthlyGrossEur: row.min_monthly_gross_eur ?? 0 },
    },
    upcomingTestSessions: row.sessions,
  };
}

function encodeCursor(sortKey: string, id: number): string {
  return Buffer.from(JSON.stringify([sortKey, id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): [string, number] {
  const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
  if (!Array.isArray(key) || typeof key[0] !== "string" || !Number.isSafeInteger(key[1])) throw new Error("not a cursor of this list");
  return [key[0], key[1] as number];
}
