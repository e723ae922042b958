import { addDays, daysBetween, isoWeek, isoWeekday, isoWeekMonday } from "../../src/common/brussels-time";
import { planSelection, type CampaignRow, type ParsedDashboardArgs, type SelectedVacancy } from "../../src/dashboard/dashboard-selection";
import { exitFigures, forecast, percentile, sumTotals, targetOf, timeInStage, totalsByVacancy } from "../../src/dashboard/figures";

/** The dashboard's pure parts, without a database. */

describe("percentile (nearest rank)", () => {
  test.each([
    ["empty", [], 50, null],
    ["one value", [{ value: 3, count: 1 }], 50, 3],
    [
      "even count: the lower middle",
      [
        { value: 1, count: 1 },
        { value: 2, count: 1 },
      ],
      50,
      1,
    ],
    [
      "p90 of ten ones and one nine",
      [
        { value: 1, count: 10 },
        { value: 9, count: 1 },
      ],
      90,
      1,
    ],
    [
      "p90 of nine ones and one nine",
      [
        { value: 1, count: 9 },
        { value: 9, count: 1 },
      ],
      91,
      9,
    ],
    [
      "unsorted input",
      [
        { value: 5, count: 1 },
        { value: 1, count: 1 },
        { value: 3, count: 1 },
      ],
      50,
      3,
    ],
    [
      "p0 is the smallest",
      [
        { value: 4, count: 2 },
        { value: 7, count: 2 },
      ],
      0,
      4,
    ],
    [
      "p100 is the largest",
      [
        { value: 4, count: 2 },
        { value: 7, count: 2 },
      ],
      100,
      7,
    ],
    ["zero counts only", [{ value: 4, count: 0 }], 50, null],
  ] as const)("%s", (_name, histogram, p, expected) => {
    expect(percentile(histogram, p)).toBe(expected);
  });
});

describe("ISO weeks", () => {
  test.each([
    ["2021-01-03", "2020-W53", "2020-12-28", 7],
    ["2021-01-04", "2021-W01", "2021-01-04", 1],
    ["2026-01-01", "2026-W01", "2025-12-29", 4],
    ["2024-12-30", "2025-W01", "2024-12-30", 1],
    ["2021-07-24", "2021-W29", "2021-07-19", 6],
    ["2027-01-01", "2026-W53", "2026-12-28", 5],
    // Summer time starts and ends on these Sundays: calendar arithmetic is unaffected.
    ["2021-03-28", "2021-W12", "2021-03-22", 7],
    ["2021-10-31", "2021-W43", "2021-10-25", 7],
  ])("%s is in %s, whose Monday is %s", (date, week, monday, weekday) => {
    expect([isoWeek(date), isoWeekMonday(date), isoWeekday(date)]).toEqual([week, monday, weekday]);
  });

  test("addDays and daysBetween across a month, a year and a leap day", () => {
    expect([addDays("2024-02-28", 1), addDays("2024-02-28", 2), addDays("2021-12-31", 1), addDays("2021-03-01", -1)]).toEqual([
      "2024-02-29",
      "2024-03-01",
      "2022-01-01",
      "2021-02-28",
    ]);
    expect([daysBetween("2021-03-27", "2021-03-29"), daysBetween("2022-01-01", "2021-12-31")]).toEqual([2, -1]);
  });
});

describe("totals and targets", () => {
  const rows = [
    { vacancy_id: 1, stage: "APPLIED" as const, reached: 5, current: 2 },
    { vacancy_id: 1, stage: "HIRED" as const, reached: 1, current: 1 },
    { vacancy_id: 1, stage: "REJECTED" as const, reached: 2, current: 2 },
    { vacancy_id: 2, stage: "APPLIED" as const, reached: 3, current: 3 },
    { vacancy_id: 9, stage: "APPLIED" as const, reached: 99, current: 99 },
  ];

  test("per vacancy: exits and unselected vacancies left out, every selected vacancy present", () => {
    const byVacancy = totalsByVacancy([1, 2, 3], rows);
    expect([...byVacancy.keys()]).toEqual([1, 2, 3]);
    expect(byVacancy.get(1)!.reached).toEqual({ APPLIED: 5, SCREENED: 0, INVITED: 0, TESTED: 0, LAUREATE: 0, OFFERED: 0, HIRED: 1 });
    expect(byVacancy.get(3)!.current.APPLIED).toBe(0);
  });

  test("summed over some vacancies", () => {
    const byVacancy = totalsByVacancy([1, 2, 3], rows);
    expect(sumTotals(byVacancy, [1, 2]).reached.APPLIED).toBe(8);
    expect(sumTotals(byVacancy, [2]).current).toEqual({ APPLIED: 3, SCREENED: 0, INVITED: 0, TESTED: 0, LAUREATE: 0, OFFERED: 0, HIRED: 0 });
    expect(sumTotals(byVacancy, []).reached.APPLIED).toBe(0);
  });

  test("a target leaves cancelled vacancies out", () => {
    expect(
      targetOf([
        { headcountTarget: 4, status: "OPEN" },
        { headcountTarget: 6, status: "CANCELLED" },
        { headcountTarget: 2, status: "CLOSED" },
      ]),
    ).toBe(6);
    expect(targetOf([])).toBe(0);
  });
});

describe("time in stage and exits", () => {
  test("medians and 90th percentiles per transition, zero counts where none", () => {
    const t = timeInStage([
      { from_stage: "APPLIED", to_stage: "SCREENED", days: 2, n: 3 },
      { from_stage: "APPLIED", to_stage: "SCREENED", days: 10, n: 1 },
    ]);
    expect(t[0]).toEqual({ fromStage: "APPLIED", toStage: "SCREENED", count: 4, medianDays: 2, p90Days: 10 });
    expect(t.at(-1)).toEqual({ fromStage: "APPLIED", toStage: "HIRED", count: 0, medianDays: null, p90Days: null });
    expect(t).toHaveLength(7);
  });

  test("exits by reason in the reasons' order, withdrawals apart", () => {
    const x = exitFigures([
      { from_stage: "APPLIED", exit: "OTHER", n: 1 },
      { from_stage: "APPLIED", exit: "INELIGIBLE", n: 2 },
      { from_stage: "APPLIED", exit: "WITHDRAWN", n: 5 },
    ]);
    expect(x[0]).toEqual({
      stage: "APPLIED",
      rejected: 3,
      rejectedByReason: [
        { reason: "INELIGIBLE", count: 2 },
        { reason: "OTHER", count: 1 },
      ],
      withdrawn: 5,
    });
    expect(x.map((e) => e.stage)).toEqual(["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE", "OFFERED"]);
  });
});

describe("forecast", () => {
  test.each([
    [
      "on the way: one a week, ten weeks left, four missing",
      { target: 10, hired: 6, hiresLastFourWeeks: 4, end: "2026-03-01", campaignEnd: "2026-05-10" },
      { weeklyHiringRate: 1, projectedHiresByEnd: 16, projectedTargetDate: "2026-03-29", requiredWeeklyRate: 0.4, weeksRemaining: 10, onTrack: true },
    ],
    [
      "no recent hires: no date",
      { target: 10, hired: 6, hiresLastFourWeeks: 0, end: "2026-03-01", campaignEnd: "2026-05-10" },
      { weeklyHiringRate: 0, projectedHiresByEnd: 6, projectedTargetDate: null, requiredWeeklyRate: 0.4, weeksRemaining: 10, onTrack: false },
    ],
    [
      "target reached: today",
      { target: 10, hired: 12, hiresLastFourWeeks: 0, end: "2026-03-01", campaignEnd: "2026-05-10" },
      { weeklyHiringRate: 0, projectedHiresByEnd: 12, projectedTargetDate: "2026-03-01", requiredWeeklyRate: 0, weeksRemaining: 10, onTrack: true },
    ],
    [
      "past the campaign's end: the whole gap at once",
      { target: 10, hired: 6, hiresLastFourWeeks: 2, end: "2026-06-01", campaignEnd: "2026-05-10" },
      { weeklyHiringRate: 0.5, projectedHiresByEnd: 6, projectedTargetDate: "2026-07-27", requiredWeeklyRate: 4, weeksRemaining: 0, onTrack: false },
    ],
  ])("%s", (_name, input, expected) => {
    expect(forecast(input)).toEqual({ ...expected, hiresLastFourWeeks: input.hiresLastFourWeeks, target: input.target, hired: input.hired });
  });
});

describe("selection planning", () => {
  const campaign = { id: 7, startsOn: "2026-01-01", endsOn: "2026-12-31", targetHeadcount: 700 } as CampaignRow;
  const vacancy = (id: number, waveId: number, jobProfileId: number): SelectedVacancy => ({
    id,
    agencyCode: "DVZ",
    waveId,
    jobProfileId,
    headcountTarget: 1,
    status: "OPEN",
  });
  const none: ParsedDashboardArgs = { asOf: null, from: null, to: null, agencies: null, waveKeys: null, profileKeys: null, vacancyKeys: null };

  test.each([
    ["no filter: the campaign", {}, ["c:7"], true],
    ["agencies", { agencies: ["DVZ", "CGVS", "DVZ"] }, ["a:7:DVZ", "a:7:CGVS"], false],
    ["waves: those of the selected vacancies", { waveKeys: [1, 2, 3] }, ["w:1", "w:2"], false],
    ["job profiles", { profileKeys: [5] }, ["p:7:5", "p:7:6"], false],
    ["two dimensions: none", { agencies: ["DVZ"], waveKeys: [1] }, null, false],
    ["vacancies: none", { vacancyKeys: [1] }, null, false],
  ])("%s", (_name, parsed, scopes, whole) => {
    const s = planSelection(campaign, [vacancy(1, 1, 5), vacancy(2, 2, 6)], { ...none, ...parsed } as never, "2026-06-30");
    expect([s.scopes, s.whole, s.live, s.end]).toEqual([scopes, whole, true, "2026-06-30"]);
  });

  test("the period ends at the earliest of asOf, to and today; counted from the nearer side", () => {
    const plan = (p: Partial<ParsedDashboardArgs>) => planSelection(campaign, [], { ...none, ...p }, "2026-06-30");
    expect([plan({ asOf: "2026-06-20" }).end, plan({ asOf: "2026-06-20" }).counting, plan({ asOf: "2026-06-20" }).live]).toEqual([
      "2026-06-20",
      "from-now",
      false,
    ]);
    expect([plan({ asOf: "2026-01-20" }).counting, plan({ to: "2026-02-01", asOf: "2026-03-01" }).end]).toEqual(["up-to", "2026-02-01"]);
    expect(plan({ from: "2026-06-01", to: "2026-06-10" }).counting).toBe("up-to");
  });
});
