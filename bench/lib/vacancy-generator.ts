import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { selectRows, type Db, type Executor } from "../../src/db/client";

export interface GenerateOptions {
  /** The campaign the vacancies join (its waves and agencies): the seeded 2021 campaign by default. */
  campaignSlug?: string;
  vacancies: number;
  /** Upcoming test sessions to create; each generated vacancy is linked to 2 to 4 of them. */
  sessions: number;
}

export interface GeneratedData {
  vacancies: number;
  openVacancies: number;
  sessions: number;
  sessionLinks: number;
  examParts: number;
  milliseconds: number;
}

/**
 * Bulk vacancies for benchmarks, set-based: a handful of INSERT ... SELECT generate_series statements in one transaction,
 * then VACUUM ANALYZE, as an operator would after a bulk load. Deterministic for a given database (values derive from the series
 * number through hashtext), and within every constraint of the tables:
 * - spread over the campaign's waves (the composite (wave_id, campaign_id) key), its agencies and every job profile;
 * - places with a matching language regime; mostly OPEN (85 %), some CLOSED, FILLED, CANCELLED and DRAFT;
 * - published_at from the wave's opening onwards, no later than now unless the wave opens later (null only for drafts),
 *   deadlines after publication (OPEN ones in the future or continuous); the search texts and the place links are the vacancies_search_document trigger's (drizzle/0013);
 * - two exam parts each, a zero counter row per stage (as every vacancy has), and links to generated
 *   upcoming test sessions on weekdays and Saturdays, never Sundays.
 */
export async function generateVacancies(db: Db, options: GenerateOptions): Promise<GeneratedData> {
  const started = performance.now();
  const slug = options.campaignSlug ?? null;
  const counts = await db.transaction(async (tx) => {
    const [campaign] = await selectRows<{ id: number }>(
      tx,
      sql`select id from campaigns where ${slug}::text is null or slug = ${slug} order by starts_on desc, id desc limit 1`,
    );
    if (!campaign) throw new Error(`no campaign ${slug ?? ""} to generate vacancies in: seed the campaign first`);
    const [before] = await selectRows<{ vacancy: number; session: number }>(
      tx,
      sql`select coalesce((select max(id) from vacancies), 0)::int as vacancy, coalesce((select max(id) from test_sessions), 0)::int as session`,
    );
    await insertSessions(tx, campaign.id, options.sessions);
    await insertVacancies(tx, campaign.id, options.vacancies);
    await insertExamPartsAndCounters(tx, before.vacancy);
    await linkSessions(tx, before.vacancy, before.session);
    const [row] = await selectRows<Omit<GeneratedData, "milliseconds">>(
      tx,
      sql`select
            (select count(*) from vacancies where id > ${before.vacancy})::int as "vacancies",
            (select count(*) from vacancies where id > ${before.vacancy} and status = 'OPEN')::int as "openVacancies",
            (select count(*) from test_sessions where id > ${before.session})::int as "sessions",
            (select count(*) from test_session_vacancies where vacancy_id > ${before.vacancy})::int as "sessionLinks",
            (select count(*) from exam_parts where vacancy_id > ${before.vacancy})::int as "examParts"`,
    );
    return row;
  });
  // Fresh statistics and visibility map, as after a bulk load in production (autovacuum would get there later).
  await db.execute(sql`vacuum analyze`);
  return { ...counts, milliseconds: performance.now() - started };
}

/** A value in 0..(2^31 - 1) from the series number and a salt: decorrelated choices per column. */
const hash = (salt: string) => sql.raw(`(hashtext('${salt}:' || g.n)::bigint & 2147483647)`);

async function insertSessions(tx: Executor, campaignId: number, count: number): Promise<void> {
  await tx.execute(sql`
    insert into test_sessions (campaign_id, kind, starts_at, duration_minutes, place, language, capacity, seats_taken)
    select ${campaignId}::int,
           (array['COMPUTER_TEST','COMPUTER_TEST','WRITTEN','ORAL','ASSESSMENT'])[1 + ${hash("kind")} % 5]::test_kind,
           (d.day + (array[time '09:00', time '13:30', time '17:00'])[1 + ${hash("time")} % 3]) at time zone 'Europe/Brussels',
           (array[120, 150, 180])[1 + ${hash("duration")} % 3],
           (array['Selor, Brussel (WTC III)', 'Selor, testcentrum Gent', 'Selor, centre de test Namur', 'Selor, testcentrum Antwerpen', 'Selor, centre de test Liège'])[1 + ${hash("place")} % 5],
           (array['NL','NL','FR','FR','DE'])[1 + ${hash("language")} % 5]::language,
           c.capacity,
           ${hash("taken")} % (c.capacity + 1)
    from generate_series(1, ${count}::int) as g(n)
    cross join lateral (select current_date + (1 + ${hash("day")} % 120)::int as raw_day) r
    -- Selor tests on weekdays and Saturdays: a Sunday moves to Monday.
    cross join lateral (select (r.raw_day + case when extract(isodow from r.raw_day) = 7 then 1 else 0 end)::timestamp as day) d
    cross join lateral (select 20 + (${hash("capacity")} % 5) * 10 as capacity) c`);
}

async function insertVacancies(tx: Executor, campaignId: number, count: number): Promise<void> {
  await tx.execute(sql`
    with wave as (
      select id, opens_on, (row_number() over (order by number) - 1)::int as i, count(*) over ()::int as n from waves where campaign_id = ${campaignId}::int
    ), profile as (
      select id, function_code, title, function_family, (row_number() over (order by id) - 1)::int as i, count(*) over ()::int as n from job_profiles
    ), agency as (
      select agency_code, (row_number() over (order by agency_code) - 1)::int as i, count(*) over ()::int as n from campaign_agencies where campaign_id = ${campaignId}::int
    ), place(name, regime, i) as (
      values ('Brussel', 'BILINGUAL', 0), ('Brussel', 'NL', 1), ('Bruxelles', 'FR', 2), ('Antwerpen', 'NL', 3), ('Gent', 'NL', 4),
             ('Steenokkerzeel', 'NL', 5), ('Merksplas', 'NL', 6), ('Zulte', 'NL', 7), ('Poelkapelle', 'NL', 8), ('Sint-Truiden', 'NL', 9),
             ('Jabbeke', 'NL', 10), ('Kapellen', 'NL', 11), ('Liège', 'FR', 12), ('Namur', 'FR', 13), ('Vottem', 'FR', 14),
             ('Tubize', 'FR', 15), ('Florennes', 'FR', 16), ('Jumet', 'FR', 17), ('Mouscron', 'FR', 18), ('Eupen', 'DE', 19)
    )
    insert into vacancies (campaign_id, wave_id, agency_code, job_profile_id, title, headcount_target, place, language_regime,
                           contract_type, status, published_at, application_deadline)
    select ${campaignId}::int, w.id, a.agency_code, p.id, t.title, 1 + ${hash("headcount")} % 5, pl.name, pl.regime::language_regime,
           (array['STATUTORY','PERMANENT_CONTRACT','FIXED_TERM_CONTRACT'])[1 + ${hash("contract")} % 3]::contract_type,
           s.status::vacancy_status, pub.published_at,
           case
             when s.status = 'OPEN' and ${hash("deadline")} % 10 < 4 then null
             when s.status = 'OPEN' or pub.published_at is null then greatest(now(), pub.published_at) + (7 + ${hash("days")} % 120) * interval '1 day'
             else pub.published_at + (30 + ${hash("days")} % 60) * interval '1 day'
           end
    from generate_series(1, ${count}::int) as g(n)
    join wave w on w.i = ${hash("wave")} % w.n
    join profile p on p.i = ${hash("profile")} % p.n
    join agency a on a.i = ${hash("agency")} % a.n
    join place pl on pl.i = ${hash("place")} % 20
    cross join lateral (
      select case when h < 85 then 'OPEN' when h < 90 then 'CLOSED' when h < 93 then 'FILLED' when h < 95 then 'CANCELLED' else 'DRAFT' end as status
      from (select ${hash("status")} % 100 as h) x
    ) s
    cross join lateral (
      select case when s.status = 'DRAFT' then null
                  -- From the wave's opening to now at the latest (a wave opening later is published when it opens).
                  else least((w.opens_on + time '09:00') at time zone 'Europe/Brussels' + (${hash("published")} % 400000) * interval '1 minute',
                             greatest((w.opens_on + time '09:00') at time zone 'Europe/Brussels', now() - interval '1 hour'))
             end as published_at
    ) pub
    cross join lateral (select jsonb_object_agg(key, value || ' (' || pl.name || ')') as title from jsonb_each_text(p.title)) t
    order by g.n`);
}

async function insertExamPartsAndCounters(tx: Executor, afterVacancyId: number): Promise<void> {
  await tx.execute(sql`
    insert into exam_parts (vacancy_id, position, name, max_points, pass_percent)
    select v.id, part.position, part.name, part.max_points, 50
    from vacancies v
    cross join lateral (values (1, case when v.id % 3 = 0 then 'Computertest' else 'Schriftelijk' end, case when v.id % 3 = 0 then 40 else 50 end),
                               (2, 'Mondeling', 50)) as part(position, name, max_points)
    where v.id > ${afterVacancyId}::int`);
  // Where a trigger on vacancies already creates them (migration 0002), this finds them there and adds nothing.
  await tx.execute(sql`
    insert into vacancy_stage_counts (vacancy_id, stage)
    select v.id, stage from vacancies v cross join unnest(enum_range(null::application_stage)) as stage
    where v.id > ${afterVacancyId}::int
    on conflict do nothing`);
}

async function linkSessions(tx: Executor, afterVacancyId: number, afterSessionId: number): Promise<void> {
  await tx.execute(sql`
    with session as (
      select id, (row_number() over (order by id) - 1)::int as i, count(*) over ()::int as n from test_sessions where id > ${afterSessionId}::int
    )
    insert into test_session_vacancies (session_id, vacancy_id)
    select s.id, v.id
    from vacancies v
    cross join lateral generate_series(0, 1 + v.id % 3) as k
    join session s on s.i = (v.id * 7 + k * 37) % s.n
    where v.id > ${afterVacancyId}::int
    on conflict do nothing`);
}
