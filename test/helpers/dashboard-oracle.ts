import { sql } from "drizzle-orm";
import { addDays, brusselsDate, daysBetween, isoWeek, isoWeekMonday } from "../../src/common/brussels-time";
import { selectRows, type Db } from "../../src/db/client";

/**
 * The dashboard's figures recomputed from first principles: the raw event log, applications and vacancies, in plain
 * TypeScript, with none of the service's counters or SQL. Tests compare the API's answer with this.
 */
const PIPELINE = ["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE", "OFFERED", "HIRED"] as const;
const TRANSITIONS = [
  ["APPLIED", "SCREENED"],
  ["SCREENED", "INVITED"],
  ["INVITED", "TESTED"],
  ["TESTED", "LAUREATE"],
  ["LAUREATE", "OFFERED"],
  ["OFFERED", "HIRED"],
  ["APPLIED", "HIRED"],
] as const;

export interface OracleInput {
  campaignSlug: string;
  vacancyIds?: number[];
  agencies?: string[];
  waveIds?: number[];
  profileIds?: number[];
  from?: string;
  to?: string;
  asOf?: string;
}

export async function oracle(db: Db, input: OracleInput) {
  const [campaign] = await selectRows<{ id: number; target: number; starts_on: string; ends_on: string }>(
    db,
    sql`select id, target_headcount as target, starts_on::text, ends_on::text from campaigns where slug = ${input.campaignSlug}`,
  );
  const vacancies = (
    await selectRows<{ id: number; agency: string; wave: number; profile: number; target: number; status: string }>(
      db,
      sql`select id, agency_code::text as agency, wave_id as wave, job_profile_id as profile, headcount_target as target, status::text from vacancies where campaign_id = ${campaign.id} order by id`,
    )
  ).filter(
    (v) =>
      (!input.vacancyIds || input.vacancyIds.includes(v.id)) &&
      (!input.agencies || input.agencies.includes(v.agency)) &&
      (!input.waveIds || input.waveIds.includes(v.wave)) &&
      (!input.profileIds || input.profileIds.includes(v.profile)),
  );
  const selected = new Set(vacancies.map((v) => v.id));
  const events = (
    await selectRows<{
      application_id: number;
      vacancy_id: number;
      person_id: number;
      from_stage: string | null;
      to_stage: string;
      reason: string | null;
      occurred_at: string;
    }>(
      db,
      sql`select e.application_id, a.vacancy_id, c.person_id, e.from_stage::text, e.to_stage::text, e.reason::text, e.occurred_at::text
          from stage_events e join applications a on a.id = e.application_id join candidates c on c.id = a.candidate_id order by e.application_id, e.occurred_at, e.id`,
    )
  ).filter((e) => selected.has(e.vacancy_id));

  const today = brusselsDate(new Date());
  const end = [input.asOf, input.to, today].filter((d): d is string => !!d).sort()[0];
  const start = input.from ?? "0001-01-01";
  const dayOf = (e: { occurred_at: string }) => brusselsDate(new Date(e.occurred_at));
  const upToEnd = events.filter((e) => dayOf(e) <= end);
  const inPeriod = upToEnd.filter((e) => dayOf(e) >= start);

  const funnelOf = (ids: Set<number>) => {
    const reached = Object.fromEntries(PIPELINE.map((s) => [s, inPeriod.filter((e) => ids.has(e.vacancy_id) && e.to_stage === s).length]));
    const stageAtEnd = new Map<number, string>();
    for (const e of upToEnd) if (ids.has(e.vacancy_id)) stageAtEnd.set(e.application_id, e.to_stage);
    const current = Object.fromEntries(PIPELINE.map((s) => [s, [...stageAtEnd.values()].filter((x) => x === s).length]));
    return PIPELINE.map((stage, i) => ({
      stage,
      reached: reached[stage],
      current: current[stage],
      conversionFromPrevious: i > 0 && reached[PIPELINE[i - 1]] > 0 ? reached[stage] / reached[PIPELINE[i - 1]] : null,
    }));
  };
  const targetOf = (list: typeof vacancies) => list.filter((v) => v.status !== "CANCELLED").reduce((s, v) => s + v.target, 0);
  const groupOf = (list: typeof vacancies) => {
    const funnel = funnelOf(new Set(list.map((v) => v.id)));
    const target = targetOf(list);
    const hired = funnel[6].reached;
    return { target, hired, gapToTarget: Math.max(0, target - hired), fillRate: target ? hired / target : 0, funnel };
  };
  const unfiltered = !input.vacancyIds && !input.agencies && !input.waveIds && !input.profileIds;
  const funnel = funnelOf(selected);
  const target = unfiltered ? campaign.target : targetOf(vacancies);

  const firstDay = new Map<number, string>();
  for (const e of upToEnd)
    if (e.to_stage === "APPLIED" && (!firstDay.has(e.person_id) || dayOf(e) < firstDay.get(e.person_id)!)) firstDay.set(e.person_id, dayOf(e));
  const distinctCandidates = [...firstDay.values()].filter((d) => d >= start).length;

  const weeks = new Map<string, { isoWeek: string; weekStart: string; applications: number; laureates: number; offers: number; hires: number }>();
  const first = input.from ?? campaign.starts_on;
  for (let monday = isoWeekMonday(first < end ? first : end); monday <= end; monday = addDays(monday, 7)) {
    weeks.set(monday, { isoWeek: isoWeek(monday), weekStart: monday, applications: 0, laureates: 0, offers: 0, hires: 0 });
  }
  for (const e of inPeriod) {
    const week = weeks.get(isoWeekMonday(dayOf(e)));
    if (!week) continue;
    if (e.to_stage === "APPLIED") week.applications++;
    if (e.to_stage === "LAUREATE") week.laureates++;
    if (e.to_stage === "OFFERED") week.offers++;
    if (e.to_stage === "HIRED") week.hires++;
  }

  const byApplication = new Map<number, typeof events>();
  for (const e of events) byApplication.set(e.application_id, [...(byApplication.get(e.application_id) ?? []), e]);
  const durations = TRANSITIONS.map(([from, to]) => {
    const values: number[] = [];
    for (const history of byApplication.values()) {
      history.forEach((e, i) => {
        if (e.to_stage !== to || dayOf(e) < start || dayOf(e) > end) return;
        const since = from === "APPLIED" && to === "HIRED" ? history[0] : e.from_stage === from ? history[i - 1] : null;
        if (since) values.push(daysBetween(dayOf(since), dayOf(e)));
      });
    }
    values.sort((a, b) => a - b);
    const rank = (p: number) => (values.length ? values[Math.max(1, Math.ceil((p / 100) * values.length)) - 1] : null);
    return { fromStage: from, toStage: to, count: values.length, medianDays: rank(50), p90Days: rank(90) };
  });

  const exits = PIPELINE.slice(0, 6).map((stage) => {
    const leaving = inPeriod.filter((e) => e.from_stage === stage && (e.to_stage === "REJECTED" || e.to_stage === "WITHDRAWN"));
    const reasons = ["INELIGIBLE", "FAILED_TEST", "NO_SHOW", "FAILED_INTERVIEW", "OTHER"]
      .map((reason) => ({ reason, count: leaving.filter((e) => e.reason === reason).length }))
      .filter((r) => r.count > 0);
    return {
      stage,
      rejected: reasons.reduce((s, r) => s + r.count, 0),
      rejectedByReason: reasons,
      withdrawn: leaving.filter((e) => e.to_stage === "WITHDRAWN").length,
    };
  });

  const groups = <K>(keyOf: (v: (typeof vacancies)[number]) => K) => {
    const map = new Map<K, typeof vacancies>();
    for (const v of vacancies) map.set(keyOf(v), [...(map.get(keyOf(v)) ?? []), v]);
    return map;
  };
  const hiresLastFourWeeks = (list: typeof vacancies) => {
    const ids = new Set(list.map((v) => v.id));
    return upToEnd.filter((e) => ids.has(e.vacancy_id) && e.to_stage === "HIRED" && dayOf(e) >= addDays(end, -27)).length;
  };

  return {
    asOf: end,
    target,
    hired: funnel[6].reached,
    offered: funnel[5].reached,
    laureates: funnel[4].reached,
    applications: funnel[0].reached,
    distinctCandidates,
    openVacancies: vacancies.filter((v) => v.status === "OPEN").length,
    progress: target ? funnel[6].reached / target : 0,
    funnel,
    byAgency: ["DVZ", "CGVS", "RVV", "FEDASIL"]
      .filter((a) => groups((v) => v.agency).has(a))
      .map((a) => ({ agency: a, ...groupOf(groups((v) => v.agency).get(a)!) })),
    byWave: [...groups((v) => v.wave).entries()].sort((a, b) => a[0] - b[0]).map(([wave, list]) => ({ wave, ...groupOf(list) })),
    byVacancy: vacancies.map((v) => ({ vacancy: v.id, ...groupOf([v]) })),
    weekly: [...weeks.values()],
    timeInStage: durations,
    exits,
    hiresLastFourWeeks: hiresLastFourWeeks(vacancies),
    endsOn: campaign.ends_on,
  };
}
