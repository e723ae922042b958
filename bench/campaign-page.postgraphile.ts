import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { CampaignPage, VacancyCard } from "./campaign-page.sql";
import type { RawSql } from "./lib/databases";
import { postJson } from "./lib/servers";
import { threadCpuMs } from "./lib/thread-cpu";

/**
 * PostGraphile v4 beside the service on the campaign page (issue 15): library mode with the connection-filter and
 * many-to-many plugins, in a process of its own (bench/postgraphile/server.cjs), on the benchmark's own database. It
 * needs graphql 15, so it lives in bench/postgraphile with its own lock, installed on demand by
 * `npm --prefix bench/postgraphile ci`; without it the benchmark measures the service alone.
 */

/** From dist/bench (the compiled benchmark) or bench (ts-node) alike: the source folder, which holds node_modules. */
const FOLDER = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../bench/postgraphile" : "postgraphile");
const SERVER = path.join(FOLDER, "server.cjs");

export const POSTGRAPHILE_INSTALL = "npm --prefix bench/postgraphile ci";

export function postgraphileInstalled(): boolean {
  return existsSync(path.join(FOLDER, "node_modules", "postgraphile", "package.json"));
}

/**
 * What PostGraphile needs to answer the same page with the same fields: computed columns (SQL functions on the row type,
 * in the table's schema, as PostGraphile v4 requires) for the texts in the asked language, the salary scale's floor, a
 * vacancy's next sessions and a session's seats left and Saturday flag; and two smart comments against name clashes. Plain, inlinable SQL functions, the way a
 * PostGraphile user writes them; created in the benchmark's own database only (it is dropped after the run).
 */
export const POSTGRAPHILE_FUNCTIONS = `
  create function vacancies_title_in(v vacancies, lang text) returns text language sql stable as
    $$ select coalesce(v.title ->> lang, v.title ->> 'nl') $$;
  create function vacancies_place_in(v vacancies, lang text) returns text language sql stable as
    $$ select coalesce((select coalesce(p.name ->> lang, p.name ->> 'nl') from places p where p.id = v.place_id), v.place) $$;
  create function agencies_name_in(a agencies, lang text) returns text language sql stable as
    $$ select coalesce(a.name ->> lang, a.name ->> 'nl') $$;
  create function waves_name_in(w waves, lang text) returns text language sql stable as
    $$ select coalesce(w.name ->> lang, w.name ->> 'nl') $$;
  create function job_profiles_title_in(p job_profiles, lang text) returns text language sql stable as
    $$ select coalesce(p.title ->> lang, p.title ->> 'nl') $$;
  create function salary_scales_min_monthly_gross_eur(s salary_scales) returns float8 language sql stable as
    $$ select coalesce((select min(monthly_gross_eur)::float8 from salary_scale_steps where scale_code = s.code), 0) $$;
  create function vacancies_upcoming_test_sessions(v vacancies) returns setof test_sessions language sql stable as
    $$ select ts.* from test_session_vacancies tsv join test_sessions ts on ts.id = tsv.session_id
       where tsv.vacancy_id = v.id and ts.status = 'SCHEDULED' and ts.starts_at > now() order by ts.starts_at, ts.id $$;
  create function test_sessions_seats_left(s test_sessions) returns int language sql stable as
    $$ select greatest(s.capacity - s.seats_taken, 0) $$;
  create function test_sessions_is_saturday(s test_sessions) returns boolean language sql stable as
    $$ select extract(isodow from s.starts_at at time zone 'Europe/Brussels') = 6 $$;
  -- The enums province and region would take the GraphQL names of the tables provinces and regions.
  comment on type province is E'@name province_code';
  comment on type region is E'@name region_code';`;

/** The campaign page in PostGraphile's schema, aliased to the service's shape: same fields, same filters, same order. */
export const POSTGRAPHILE_QUERY = `query CampaignPage($first: Int!, $after: Cursor, $filter: VacancyFilter!) {
  vacancies: allVacancies(first: $first, after: $after, orderBy: [PUBLISHED_AT_DESC, ID_DESC], filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id title: titleIn(lang: "nl") place: placeIn(lang: "nl") headcountTarget languageRegime applicationDeadline
        agency: agencyByAgencyCode { code name: nameIn(lang: "nl") }
        wave: waveByWaveIdAndCampaignId { number name: nameIn(lang: "nl") }
        jobProfile: jobProfileByJobProfileId {
          functionCode title: titleIn(lang: "nl") level salaryScale: salaryScaleBySalaryScaleCode { code minMonthlyGrossEur }
        }
        upcomingTestSessions: upcomingTestSessionsList(first: 5) { startsAt place seatsLeft isSaturday }
      }
    }
  }
}`;

export function postgraphileVariables(pageSize: number, agency: string | null, after: string | null) {
  return { first: pageSize, after, filter: agency ? { status: { equalTo: "OPEN" }, agencyCode: { equalTo: agency } } : { status: { equalTo: "OPEN" } } };
}

export interface RunningPostgraphile {
  url: string;
  /** CPU time of its main thread so far, in ms (/proc, as for the service); null where unknown. */
  cpuMs: () => number | null;
  page(pageSize: number, agency: string | null, after: string | null): Promise<CampaignPage>;
  close(): Promise<void>;
}

export async function startPostgraphile(raw: RawSql, databaseUrl: string, poolMax: number): Promise<RunningPostgraphile> {
  await raw.query(`do $do$ begin execute ${dollarQuoted(POSTGRAPHILE_FUNCTIONS)}; end $do$`, []);
  const child: ChildProcess = fork(SERVER, [], {
    cwd: FOLDER,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, POOL_MAX: String(poolMax) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message: { port: number }) => resolve(message.port));
    child.once("exit", (code) => reject(new Error(`PostGraphile exited with code ${code} before listening`)));
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    cpuMs: () => threadCpuMs(child.pid!),
    async page(pageSize, agency, after) {
      const response = await postJson<{ data?: { vacancies: CampaignPage }; errors?: unknown[] }>(url, {
        query: POSTGRAPHILE_QUERY,
        variables: postgraphileVariables(pageSize, agency, after),
      });
      if (response.errors?.length || !response.data) throw new Error(`PostGraphile's campaign page failed: ${JSON.stringify(response.errors).slice(0, 500)}`);
      return response.data.vacancies;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode != null) return resolve();
        child.once("exit", () => resolve());
        child.send("stop");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

function dollarQuoted(text: string): string {
  return `$sql$${text}$sql$`;
}

/**
 * A card as both sides can be compared: PostGraphile's ids are its own node ids and its timestamps carry an offset, so
 * ids are left out (the order and every other field identify the vacancy) and instants compared as instants.
 */
export function comparableCard(card: VacancyCard) {
  const { id: _id, applicationDeadline, upcomingTestSessions, ...rest } = card;
  return {
    ...rest,
    applicationDeadline: applicationDeadline == null ? null : Date.parse(applicationDeadline),
    upcomingTestSessions: upcomingTestSessions.map((s) => ({ ...s, startsAt: Date.parse(s.startsAt) })),
  };
}
