import type { AgencyCode } from "../agencies/agency.type";
import { EXIT_STAGES, PIPELINE_STAGES, PIPELINE_STEPS, type PipelineStage } from "../applications/stages";
import { addDays, daysBetween } from "../common/brussels-time";
import { rejectionReasonEnum, type StageValue } from "../db/tables";

/**
 * The dashboard's figures from the rows its statement returns: plain functions of plain values, unit-tested without a
 * database (test/dashboard/figures.test.ts).
 */

export type Pipeline = PipelineStage;

export interface StageTotals {
  reached: Record<Pipeline, number>;
  current: Record<Pipeline, number>;
}

export interface TargetVacancy {
  headcountTarget: number;
  status: string;
}

/** Transitions timed by the time-in-stage histograms: each pipeline step, then application to hire. */
export const TRANSITIONS: readonly (readonly [Pipeline, Pipeline])[] = [...PIPELINE_STEPS, ["APPLIED", "HIRED"]];

/**
 * The p-th percentile of a histogram by the nearest-rank method: the smallest value such that at least p % of the
 * observations are at or below it. The median is the 50th percentile (for an even count, the lower middle value). Exact
 * on whole days, so a figure from the counters equals a recount from the events. Null for an empty histogram.
 */
export function percentile(histogram: readonly { value: number; count: number }[], p: number): number | null {
  const total = histogram.reduce((sum, h) => sum + h.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const h of [...histogram].sort((a, b) => a.value - b.value)) {
    seen += h.count;
    if (seen >= rank) return h.value;
  }
  return null;
}

/** Zero for every pipeline stage, as a literal: one hidden class for all of them, so the sums below stay fast. */
function zeroByStage(): Record<Pipeline, number> {
  return { APPLIED: 0, SCREENED: 0, INVITED: 0, TESTED: 0, LAUREATE: 0, OFFERED: 0, HIRED: 0 };
}

export function emptyTotals(): StageTotals {
  return { reached: zeroByStage(), current: zeroByStage() };
}

const PIPELINE: ReadonlySet<string> = new Set(PIPELINE_STAGES);

/** The entry of every vacancy without a counter row (most of them): shared, frozen, and skipped by sumTotals. */
const NOTHING: StageTotals = Object.freeze({ reached: Object.freeze(zeroByStage()), current: Object.freeze(zeroByStage()) });

/** Reached and current per vacancy from the rows per vacancy and stage (exits left out); every vacancy has an entry. */
export function totalsByVacancy(vacancyIds: readonly number[], rows: readonly { vacancy_id: number; stage: StageValue; reached: number; current: number }[]) {
  const byVacancy = new Map<number, StageTotals>();
  for (const id of vacancyIds) byVacancy.set(id, NOTHING);
  for (const row of rows) {
    let totals = byVacancy.get(row.vacancy_id);
    if (!totals || !PIPELINE.has(row.stage)) continue;
    if (totals === NOTHING) byVacancy.set(row.vacancy_id, (totals = emptyTotals()));
    totals.reached[row.stage as Pipeline] += row.reached;
    totals.current[row.stage as Pipeline] += row.current;
  }
  return byVacancy;
}

/** The totals of some vacancies. */
export function sumTotals(perVacancy: ReadonlyMap<number, StageTotals>, vacancyIds: readonly number[]): StageTotals {
  const sum = emptyTotals();
  for (const id of vacancyIds) {
    const t = perVacancy.get(id);
    if (!t || t === NOTHING) continue;
    for (const stage of PIPELINE_STAGES) {
      sum.reached[stage] += t.reached[stage];
      sum.current[stage] += t.current[stage];
    }
  }
  return sum;
}

/** The headcount target of some vacancies, cancelled ones aside. */
export function targetOf(vacancies: readonly TargetVacancy[]): number {
  return vacancies.filter((v) => v.status !== "CANCELLED").reduce((sum, v) => sum + v.headcountTarget, 0);
}

/** Median and 90th percentile days per transition, from the duration histograms. */
export function timeInStage(rows: readonly { from_stage: Pipeline; to_stage: Pipeline; days: number; n: number }[]) {
  return TRANSITIONS.map(([fromStage, toStage]) => {
    const histogram = rows.filter((r) => r.from_stage === fromStage && r.to_stage === toStage).map((r) => ({ value: r.days, count: r.n }));
    return {
      fromStage,
      toStage,
      count: histogram.reduce((sum, h) => sum + h.count, 0),
      medianDays: percentile(histogram, 50),
      p90Days: percentile(histogram, 90),
    };
  });
}

/** Rejections by reason (reasons with none left out) and withdrawals, per stage left. */
export function exitFigures(rows: readonly { from_stage: Pipeline; exit: string; n: number }[]) {
  return EXIT_STAGES.map((stage) => {
    const own = rows.filter((r) => r.from_stage === stage);
    const byReason = rejectionReasonEnum.enumValues
      .map((reason) => ({ reason, count: own.filter((r) => r.exit === reason).reduce((s, r) => s + r.n, 0) }))
      .filter((r) => r.count > 0);
    return {
      stage,
      rejected: byReason.reduce((s, r) => s + r.count, 0),
      rejectedByReason: byReason,
      withdrawn: own.filter((r) => r.exit === "WITHDRAWN").reduce((s, r) => s + r.n, 0),
    };
  });
}

export interface ForecastInput {
  target: number;
  hired: number;
  hiresLastFourWeeks: number;
  /** The day the figures are as of. */
  end: string;
  /** The campaign's last day. */
  campaignEnd: string;
}

/** At the hiring rate of the last four weeks: hires by the campaign's end, and when the target would be reached. */
export function forecast({ target, hired, hiresLastFourWeeks, end, campaignEnd }: ForecastInput) {
  const weeklyHiringRate = hiresLastFourWeeks / 4;
  const weeksRemaining = Math.max(0, daysBetween(end, campaignEnd) / 7);
  const missing = Math.max(0, target - hired);
  const projectedHiresByEnd = Math.floor(hired + weeklyHiringRate * weeksRemaining);
  return {
    hiresLastFourWeeks,
    weeklyHiringRate,
    projectedHiresByEnd,
    projectedTargetDate: missing === 0 ? end : weeklyHiringRate > 0 ? addDays(end, Math.ceil((missing / weeklyHiringRate) * 7)) : null,
    requiredWeeklyRate: weeksRemaining > 0 ? missing / weeksRemaining : missing,
    weeksRemaining: Math.round(weeksRemaining * 100) / 100,
    // Nothing selected has no target to be on track for.
    onTrack: target > 0 && projectedHiresByEnd >= target,
    target,
    hired,
  };
}

/** Hires per agency from hires per vacancy. */
export function hiresByAgency(
  rows: readonly { vacancy_id: number; n: number }[],
  agencyOf: (vacancyId: number) => AgencyCode | undefined,
): Map<AgencyCode, number> {
  const byAgency = new Map<AgencyCode, number>();
  for (const row of rows) {
    const agency = agencyOf(row.vacancy_id);
    if (agency) byAgency.set(agency, (byAgency.get(agency) ?? 0) + row.n);
  }
  return byAgency;
}
