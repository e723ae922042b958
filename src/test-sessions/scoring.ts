/**
 * The exam scoring rule, pure. The vacancy's procedure lists its parts in the order they are taken, each with a maximum
 * and a pass mark, plus an overall pass mark (the Asse rule: every part at least 50 %, all parts together at least 60 %).
 * A failed part ends the procedure at once: only those who pass a part go on to the next. Passing every part and the
 * overall mark makes a laureate. Arithmetic is exact: points and percentages are compared in hundredths, never as
 * rounded floating-point ratios, so 30/50 is exactly 60 % and 29.99/50 is not.
 */

export interface ProcedurePart {
  name: string;
  maxPoints: number;
  passPercent: number;
}

export interface Procedure {
  parts: ProcedurePart[];
  overallPassPercent: number;
}

export type Decision = "PENDING" | "LAUREATE" | "FAILED";

export interface PartScore {
  name: string;
  points: number | null;
  maxPoints: number;
  percent: number | null;
  passPercent: number;
  passed: boolean | null;
}

export interface ScoreOutcome {
  decision: Decision;
  parts: PartScore[];
  totalPoints: number;
  maxPoints: number;
  /** Of the procedure's total maximum, once every part is scored; otherwise of the parts scored so far. */
  percent: number;
  /** In words (English): which rule passed or failed; explainScore (score-explanation.ts) says it in each language. */
  explanation: string;
  /** The procedure's overall pass mark, in percent. */
  overallPassPercent: number;
}

const hundredths = (value: number) => Math.round(value * 100);

/** points / max >= percent / 100, exactly. */
function reaches(points: number, max: number, percent: number): boolean {
  return hundredths(points) * 10_000 >= hundredths(percent) * hundredths(max);
}

function percentOf(points: number, max: number): number {
  return Math.round((points / max) * 10_000) / 100;
}

/** Whether points are a valid score for a part: from 0 to its maximum, in hundredths at most. */
export function validPoints(points: number, part: ProcedurePart): boolean {
  return Number.isFinite(points) && points >= 0 && hundredths(points) <= hundredths(part.maxPoints) && Math.abs(points * 100 - hundredths(points)) < 1e-6;
}

export function score(procedure: Procedure, results: ReadonlyMap<string, number>): ScoreOutcome {
  const parts: PartScore[] = procedure.parts.map((part) => {
    const points = results.get(part.name);
    if (points === undefined) return { name: part.name, points: null, maxPoints: part.maxPoints, percent: null, passPercent: part.passPercent, passed: null };
    return {
      name: part.name,
      points,
      maxPoints: part.maxPoints,
      percent: percentOf(points, part.maxPoints),
      passPercent: part.passPercent,
      passed: reaches(points, part.maxPoints, part.passPercent),
    };
  });
  const totalPoints = hundredths(parts.reduce((sum, p) => sum + (p.points ?? 0), 0)) / 100;
  const maxPoints = procedure.parts.reduce((sum, p) => sum + p.maxPoints, 0);
  const scoredMax = parts.filter((p) => p.points !== null).reduce((sum, p) => sum + p.maxPoints, 0);

  const outcome = (decision: ScoreOutcome["decision"], percent: number, explanation: string): ScoreOutcome => ({
    decision,
    parts,
    totalPoints,
    maxPoints,
    percent,
    overallPassPercent: procedure.overallPassPercent,
    explanation,
  });
  // Until every part is scored (or one fails), the percent is of the parts scored so far.
  const scoredPercent = scoredMax ? percentOf(totalPoints, scoredMax) : 0;

  const failed = parts.find((p) => p.passed === false);
  if (failed) {
    return outcome(
      "FAILED",
      scoredPercent,
      `Failed part "${failed.name}": ${failed.points}/${failed.maxPoints} is ${failed.percent} %, below the ${failed.passPercent} % needed for the part.`,
    );
  }
  const pending = parts.find((p) => p.points === null);
  if (pending) return outcome("PENDING", scoredPercent, `Passed every part scored so far; "${pending.name}" is next.`);
  const percent = percentOf(totalPoints, maxPoints);
  if (!reaches(totalPoints, maxPoints, procedure.overallPassPercent)) {
    return outcome(
      "FAILED",
      percent,
      `Passed every part, but ${totalPoints}/${maxPoints} is ${percent} % overall, below the ${procedure.overallPassPercent} % needed.`,
    );
  }
  return outcome(
    "LAUREATE",
    percent,
    `Passed every part and ${totalPoints}/${maxPoints} is ${percent} % overall, at least the ${procedure.overallPassPercent} % needed.`,
  );
}
