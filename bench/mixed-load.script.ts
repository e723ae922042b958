import { seededRandom, weightedPick } from "./lib/random";
import type { LoadScript, RequestSpec, Verdict } from "./lib/scripted-load";

/**
 * The callers of the mixed-load benchmark, run in the load generator's worker thread (runScriptedLoad): every request
 * is drawn from a fixed-seed generator, so every run sends the same sequence of kinds and variables (which connection
 * sends which depends on timing). Public pages go without a key; HR writes with their agency's key; the dashboard with
 * the taskforce's key.
 */

export const KINDS = ["vacancy list", "vacancy page", "test sessions", "submit", "move", "dashboard"] as const;
export type Kind = (typeof KINDS)[number];

/** Weights of the mix, in percent: 80 public reads, 15 HR writes, 5 dashboard. */
export const MIX: { weight: number; value: Kind }[] = [
  { weight: 40, value: "vacancy list" },
  { weight: 30, value: "vacancy page" },
  { weight: 10, value: "test sessions" },
  { weight: 7.5, value: "submit" },
  { weight: 7.5, value: "move" },
  { weight: 5, value: "dashboard" },
];

export const VACANCY_LIST_QUERY = `query VacancyList($first: Int!, $filter: VacancyFilter, $orderBy: VacancyOrder, $lang: Language) {
  campaign { name(lang: $lang) targetHeadcount hiredCount openVacancyCount openPostCount }
  vacancies(first: $first, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id title(lang: $lang) place headcountTarget languageRegime applicationDeadline
      agency { code name(lang: $lang) }
      wave { number name }
      jobProfile { functionCode level title(lang: $lang) salaryScale { code minMonthlyGrossEur maxMonthlyGrossEur } }
      upcomingTestSessions(first: 3) { startsAt place language isSaturday seatsLeft }
    } }
  }
}`;

/** The README's vacancy page. */
export const VACANCY_PAGE_QUERY = `query Vacancy($id: ID!) {
  vacancy(id: $id) {
    title description place languageRegime contractType status acceptsApplications applicationDeadline headcountTarget
    agency { name } wave { number name opensOn }
    jobProfile {
      functionCode level class title purpose functionFamily professionalCategory reportsTo diplomaRequirement languageRequirement
      resultAreas { position role aim tasks }
      competencies { level area { number group title } }
    }
    salaryScale { code indexFactor steps { seniorityYears monthlyGrossEur } }
    procedure { overallPassPercent parts { name maxPoints passPercent } }
    upcomingTestSessions { kind startsAt endsAt date isSaturday place language seatsLeft }
  }
}`;

export const TEST_SESSIONS_QUERY = `query TestSessions($filter: TestSessionFilter, $first: Int) {
  testSessions(first: $first, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind startsAt endsAt date isSaturday place language seatsLeft vacancies { id title } } }
  }
}`;

export const MOVE_MUTATION = `mutation Move($input: MoveApplicationInput!) {
  moveApplication(input: $input) { application { id stage version } userErrors { field code message } }
}`;

/** The README's dashboard, with what the taskforce's screen shows: funnel, by agency, weekly trend, forecast. */
export const DASHBOARD_QUERY = `query Dashboard($filter: DashboardFilter, $asOf: Date) {
  dashboard(campaignSlug: "asiel-migratie-2021", filter: $filter, asOf: $asOf) {
    asOf target hired offered laureates applications distinctCandidates openVacancies progress
    funnel { stage reached current conversionFromPrevious }
    byAgency { agency { code } target hired gapToTarget fillRate funnel { stage reached current } }
    byWave { wave { number } target hired gapToTarget fillRate }
    byJobProfile { jobProfile { functionCode } target hired gapToTarget fillRate }
    byVacancy(first: 50) { totalCount edges { node { vacancy { id title } target hired gapToTarget fillRate } } }
    weekly { isoWeek weekStart applications laureates offers hires }
    timeInStage { fromStage toStage count medianDays p90Days }
    exits { stage rejected rejectedByReason { reason count } withdrawn }
    testSessions { all { seatsOffered seatsBooked attended noShows noShowRate utilisation } weekday { sessions } saturday { sessions } }
    forecast { hiresLastFourWeeks weeklyHiringRate projectedHiresByEnd projectedTargetDate requiredWeeklyRate weeksRemaining onTrack
               byAgency { agency { code } target hired weeklyHiringRate projectedTargetDate onTrack } }
  }
}`;

export interface MixedAgency {
  code: string;
  key: string;
  /** OPEN vacancies with a deadline ahead: where its HR system pushes. */
  openVacancyIds: string[];
  /** APPLIED applications of the agency before the run, oldest first: what its HR system screens. */
  applied: { id: string; version: number }[];
}

export interface MixedParams {
  seed: number;
  /** Distinguishes the run's external ids and e-mail addresses. */
  tag: string;
  agencies: MixedAgency[];
  taskforceKey: string;
  /** Every published vacancy (the public's vacancy pages). */
  vacancyIds: string[];
  waveNumbers: number[];
  /** A past day for the dashboard's asOf variant (Brussels date). */
  pastDay: string;
  submitQuery: string;
  /** Applications per HR push: from min to max, uniformly. */
  batch: { min: number; max: number };
}

interface SubmitMeta {
  agency: string;
  size: number;
}

interface MoveMeta {
  agency: string;
}

const LANGS = ["NL", "FR", "EN"] as const;
const AGENCY_FILTERS = [null, "DVZ", "CGVS", "RVV", "FEDASIL"] as const;
const ORDERS = [null, { field: "APPLICATION_DEADLINE", direction: "ASC" }, { field: "HEADCOUNT_TARGET", direction: "DESC" }] as const;
const REGIMES = [null, ["NL", "BILINGUAL"], ["FR", "BILINGUAL"]] as const;

export function createScript(raw: unknown): LoadScript & { summary(): unknown } {
  const p = raw as MixedParams;
  const random = seededRandom(p.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const pools = new Map(p.agencies.map((a) => [a.code, [...a.applied]]));
  let pushed = 0;
  let submitsInsteadOfMoves = 0;
  const created: Record<string, number> = {};
  const moved: Record<string, number> = {};
  const hr = (agency: MixedAgency) => ({ authorization: `Bearer ${agency.key}` });
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

  const submit = (agency: MixedAgency): RequestSpec => {
    const size = p.batch.min + Math.floor(random() * (p.batch.max - p.batch.min + 1));
    const applications = Array.from({ length: size }, () => {
      const n = pushed++;
      return {
        externalId: `${agency.code}-${p.tag}-${n}`,
        vacancyId: pick(agency.openVacancyIds),
        candidate: {
          firstName: "Kandidaat",
          lastName: `Mix ${n}`,
          email: `mix.${p.tag}.${n}@kandidaat.example.be`,
          phone: "+32 470 12 34 56",
          birthDate: "1990-05-17",
        },
      };
    });
    return {
      kind: "submit",
      body: body(p.submitQuery, { input: { applications } }),
      headers: hr(agency),
      meta: { agency: agency.code, size } satisfies SubmitMeta,
    };
  };

  const next = (): RequestSpec => {
    const kind = weightedPick(random, MIX);
    switch (kind) {
      case "vacancy list": {
        const agency = pick(AGENCY_FILTERS);
        const waves = random() < 0.3 ? [pick(p.waveNumbers)] : null;
        const regimes = pick(REGIMES);
        const filter: Record<string, unknown> = {
          statuses: ["OPEN"],
          ...(agency ? { agencies: [agency] } : {}),
          ...(waves ? { waveNumbers: waves } : {}),
          ...(regimes ? { languageRegimes: regimes } : {}),
        };
        const order = pick(ORDERS);
        return { kind, body: body(VACANCY_LIST_QUERY, { first: 20, filter, ...(order ? { orderBy: order } : {}), lang: pick(LANGS) }) };
      }
      case "vacancy page":
        return { kind, body: body(VACANCY_PAGE_QUERY, { id: pick(p.vacancyIds) }), headers: { "accept-language": pick(["nl-BE", "fr-BE", "en"]) } };
      case "test sessions": {
        const filter: Record<string, unknown> = {};
        const r = random();
        if (r < 0.3) filter.onSaturday = random() < 0.5;
        else if (r < 0.6) filter.languages = [pick(["NL", "FR", "DE"])];
        else if (r < 0.8) filter.vacancyIds = [pick(p.vacancyIds)];
        return { kind, body: body(TEST_SESSIONS_QUERY, { filter, first: 20 }) };
      }
      case "submit":
        return submit(pick(p.agencies));
      case "move": {
        const agency = pick(p.agencies);
        const application = pools.get(agency.code)!.shift();
        // Nothing left to screen for this agency (a smoke run on little data): its HR system pushes instead.
        if (!application) {
          submitsInsteadOfMoves++;
          return submit(agency);
        }
        const input = { applicationId: application.id, toStage: "SCREENED", expectedVersion: application.version };
        return { kind, body: body(MOVE_MUTATION, { input }), headers: hr(agency), meta: { agency: agency.code } satisfies MoveMeta };
      }
      case "dashboard": {
        const r = random();
        const variables = r < 0.5 ? {} : r < 0.8 ? { filter: { agencies: [pick(p.agencies).code] } } : { asOf: p.pastDay };
        return { kind, body: body(DASHBOARD_QUERY, variables), headers: { authorization: `Bearer ${p.taskforceKey}` } };
      }
    }
  };

  return {
    next,
    read(spec: RequestSpec, data: unknown): Verdict {
      if (spec.kind === "submit") {
        const meta = spec.meta as SubmitMeta;
        const payload = (
          data as {
            submitApplications: {
              createdCount: number;
              results: { created: boolean; application: { id: string; version: number } | null; userErrors: { code: string }[] }[];
            };
          }
        ).submitApplications;
        if (payload.results.length !== meta.size) throw new Error(`${payload.results.length} results for ${meta.size} applications`);
        // What was just pushed is screened later in the run, after what was there before.
        for (const r of payload.results) if (r.created && r.application) pools.get(meta.agency)!.push({ id: r.application.id, version: r.application.version });
        created[meta.agency] = (created[meta.agency] ?? 0) + payload.createdCount;
        return {
          userErrorCodes: payload.results.flatMap((r) => r.userErrors.map((e) => e.code)),
          tally: { applications: meta.size, created: payload.createdCount },
        };
      }
      if (spec.kind === "move") {
        const meta = spec.meta as MoveMeta;
        const payload = (data as { moveApplication: { application: { stage: string } | null; userErrors: { code: string }[] } }).moveApplication;
        if (payload.application?.stage === "SCREENED") moved[meta.agency] = (moved[meta.agency] ?? 0) + 1;
        return { userErrorCodes: payload.userErrors.map((e) => e.code), tally: { screened: payload.application?.stage === "SCREENED" ? 1 : 0 } };
      }
      if (spec.kind === "vacancy page" && (data as { vacancy: unknown }).vacancy == null) throw new Error("vacancy not found");
      if (spec.kind === "dashboard" && (data as { dashboard: unknown }).dashboard == null) throw new Error("no dashboard");
      return {};
    },
    /** Over the whole run, warm-up included: what the database should now hold. */
    summary: () => ({ created, moved, submitsInsteadOfMoves }),
  };
}
