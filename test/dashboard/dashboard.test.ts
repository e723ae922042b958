import { eq } from "drizzle-orm";
import { addDays, brusselsDate, daysBetween, isoWeekday } from "../../src/common/brussels-time";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { examParts, testSessions, vacancies } from "../../src/db/tables";
import { generateDemoData } from "../../src/seeding/demo-generator";
import { calendarShift } from "../../src/seeding/seed-campaign";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { oracle, type OracleInput } from "../helpers/dashboard-oracle";
import { insertCampaign, insertVacancies, seededCampaign } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { startTestServer, type TestServer } from "../helpers/test-server";

const DASHBOARD = `query Dashboard($slug: String, $filter: DashboardFilter, $asOf: Date, $first: Int, $weeklyFrom: Date, $weeklyTo: Date) {
  dashboard(campaignSlug: $slug, filter: $filter, asOf: $asOf) {
    asOf from target hired offered laureates applications distinctCandidates openVacancies progress
    funnel { stage reached current conversionFromPrevious }
    byAgency { agency { code } target hired gapToTarget fillRate funnel { stage reached current conversionFromPrevious } }
    byWave { wave { id number } target hired gapToTarget fillRate funnel { stage reached current conversionFromPrevious } }
    byJobProfile { jobProfile { functionCode } target hired }
    byVacancy(first: $first) { totalCount edges { node { vacancy { id } target hired gapToTarget fillRate funnel { stage reached current conversionFromPrevious } } } }
    weekly(from: $weeklyFrom, to: $weeklyTo) { isoWeek weekStart applications laureates offers hires }
    timeInStage { fromStage toStage count medianDays p90Days }
    exits { stage rejected rejectedByReason { reason count } withdrawn }
    testSessions { all { sessions seatsOffered seatsBooked attended noShows noShowRate utilisation } weekday { sessions } saturday { sessions } }
    forecast { hiresLastFourWeeks weeklyHiringRate projectedHiresByEnd projectedTargetDate requiredWeeklyRate weeksRemaining onTrack
      byAgency { agency { code } target hired hiresLastFourWeeks weeklyHiringRate projectedTargetDate } }
  }
}`;

describe("a known campaign history, built through the API", () => {
  let server: TestServer;
  let keys: Keys;
  let v1: string;
  let v2: string;
  const today = brusselsDate(new Date());

  beforeAll(async () => {
    server = await startTestServer();
    keys = await createKeys(server);
    const { wave } = await insertCampaign(server.database.db, "dashboard-test", 10);
    const db = server.database.db;
    const seeded = await seededCampaign(db);
    const make = async (agencyCode: "DVZ" | "CGVS", code: string, target: number) => {
      const profile = seeded.profile(code);
      const title = { nl: `Dashboard ${agencyCode}` };
      const [row] = await db
        .insert(vacancies)
        .values({
          campaignId: wave.campaignId,
          waveId: wave.id,
          agencyCode,
          jobProfileId: profile.id,
          title,
          headcountTarget: target,
          place: "Dashboardstad",
          languageRegime: "NL",
          contractType: "STATUTORY",
          status: "OPEN",
          publishedAt: new Date("2026-02-01T08:00:00Z"),
        })
        .returning();
      await db.insert(examParts).values([
        { vacancyId: row.id, position: 1, name: "Schriftelijk", maxPoints: 50 },
        { vacancyId: row.id, position: 2, name: "Mondeling", maxPoints: 50 },
      ]);
      return toGlobalId("Vacancy", row.id);
    };
    v1 = await make("DVZ", "NBV001", 4);
    v2 = await make("CGVS", "NBV103", 6);

    const person = (n: number) => ({ email: `persoon${n}@example.be`, firstName: "P", lastName: String(n) });
    const push = async (key: string, items: unknown[]) =>
      (await server.data(SUBMIT, { input: { applications: items } }, { key })).submitApplications.results.map((r: any) => r.application.id as string);
    const [a1, a2, a3] = await push(keys.dvz, [
      submission(v1, { submittedAt: "2026-03-02T09:00:00Z" }, person(1)),
      submission(v1, { submittedAt: "2026-03-03T09:00:00Z" }, person(2)),
      submission(v1, { submittedAt: "2026-03-09T09:00:00Z" }, person(3)),
    ]);
    const [a4, a5, a6] = await push(keys.cgvs, [
      submission(v2, { submittedAt: "2026-03-10T09:00:00Z" }, person(1)),
      submission(v2, { submittedAt: "2026-03-10T10:00:00Z" }, person(4)),
      submission(v2, { submittedAt: "2026-03-16T09:00:00Z" }, person(5)),
    ]);
    const move = (key: string, input: Record<string, unknown>) => server.data(MOVE, { input }, { key });
    await move(keys.dvz, { applicationId: a1, toStage: "SCREENED", occurredAt: "2026-03-04T09:00:00Z" });
    await move(keys.dvz, { applicationId: a2, toStage: "SCREENED", occurredAt: "2026-03-05T09:00:00Z" });
    await move(keys.dvz, { applicationId: a3, toStage: "REJECTED", reason: "INELIGIBLE", occurredAt: "2026-03-11T09:00:00Z" });
    await move(keys.cgvs, { applicationId: a4, toStage: "SCREENED", occurredAt: "2026-03-12T09:00:00Z" });
    await move(keys.cgvs, { applicationId: a5, toStage: "SCREENED", occurredAt: "2026-03-12T10:00:00Z" });
    await move(keys.cgvs, { applicationId: a6, toStage: "WITHDRAWN", occurredAt: "2026-03-17T09:00:00Z" });

    const session = await server.data(
      `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } } }`,
      { input: { kind: "WRITTEN", startsAt: new Date(Date.now() + 86_400_000).toISOString(), place: "Selor", capacity: 5, vacancyIds: [v1, v2] } },
      { key: keys.taskforce },
    );
    const sessionId = session.createTestSession.testSession.id;
    await server.data(
      `mutation($input: InviteToTestSessionInput!) { inviteToTestSession(input: $input) { userErrors { code } } }`,
      { input: { sessionId, applicationIds: [a1, a2, a4, a5] } },
      { key: keys.taskforce },
    );
    await db
      .update(testSessions)
      .set({ startsAt: new Date(Date.now() - 60_000) })
      .where(eq(testSessions.id, fromGlobalId("TestSession", sessionId)!));
    await server.data(
      `mutation($input: RecordSessionAttendanceInput!) { recordSessionAttendance(input: $input) { userErrors { code } } }`,
      { input: { sessionId, presentApplicationIds: [a1, a2, a4], absentApplicationIds: [a5] } },
      { key: keys.taskforce },
    );
    const result = (key: string, applicationId: string, part: string, points: number) =>
      server.data(
        `mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { userErrors { code } } }`,
        { input: { applicationId, part, points } },
        { key },
      );
    await result(keys.dvz, a1, "Schriftelijk", 40);
    await result(keys.dvz, a1, "Mondeling", 40);
    await result(keys.dvz, a2, "Schriftelijk", 20);
    await result(keys.cgvs, a4, "Schriftelijk", 30);
    await result(keys.cgvs, a4, "Mondeling", 30);
    await move(keys.dvz, { applicationId: a1, toStage: "OFFERED" });
    await move(keys.dvz, { applicationId: a1, toStage: "HIRED" });
    await move(keys.cgvs, { applicationId: a4, toStage: "OFFERED" });
  });
  afterAll(() => server.close());

  test("every figure, exactly", async () => {
    const d = (await server.data(DASHBOARD, { slug: "dashboard-test", first: 10, weeklyFrom: "2026-01-01", weeklyTo: today }, { key: keys.taskforce }))
      .dashboard;
    const step = (stage: string, reached: number, current: number, conversionFromPrevious: number | null) => ({
      stage,
      reached,
      current,
      conversionFromPrevious,
    });
    expect({ ...d, weekly: undefined, timeInStage: undefined, forecast: undefined, testSessions: undefined, byVacancy: undefined, byWave: undefined }).toEqual({
      asOf: today,
      from: null,
      target: 10,
      hired: 1,
      offered: 2,
      laureates: 2,
      applications: 6,
      distinctCandidates: 5,
      openVacancies: 2,
      progress: 0.1,
      funnel: [
        step("APPLIED", 6, 0, null),
        step("SCREENED", 4, 0, 4 / 6),
        step("INVITED", 4, 0, 1),
        step("TESTED", 3, 0, 0.75),
        step("LAUREATE", 2, 0, 2 / 3),
        step("OFFERED", 2, 1, 1),
        step("HIRED", 1, 1, 0.5),
      ],
      byAgency: [
        {
          agency: { code: "DVZ" },
          target: 4,
          hired: 1,
          gapToTarget: 3,
          fillRate: 0.25,
          funnel: [
            step("APPLIED", 3, 0, null),
            step("SCREENED", 2, 0, 2 / 3),
            step("INVITED", 2, 0, 1),
            step("TESTED", 2, 0, 1),
            step("LAUREATE", 1, 0, 0.5),
            step("OFFERED", 1, 0, 1),
            step("HIRED", 1, 1, 1),
          ],
        },
        {
          agency: { code: "CGVS" },
          target: 6,
          hired: 0,
          gapToTarget: 6,
          fillRate: 0,
          funnel: [
            step("APPLIED", 3, 0, null),
            step("SCREENED", 2, 0, 2 / 3),
            step("INVITED", 2, 0, 1),
            step("TESTED", 1, 0, 0.5),
            step("LAUREATE", 1, 0, 1),
            step("OFFERED", 1, 1, 1),
            step("HIRED", 0, 0, 0),
          ],
        },
      ],
      byJobProfile: [
        { jobProfile: { functionCode: "NBV001" }, target: 4, hired: 1 },
        { jobProfile: { functionCode: "NBV103" }, target: 6, hired: 0 },
      ],
      exits: [
        { stage: "APPLIED", rejected: 1, rejectedByReason: [{ reason: "INELIGIBLE", count: 1 }], withdrawn: 1 },
        { stage: "SCREENED", rejected: 0, rejectedByReason: [], withdrawn: 0 },
        { stage: "INVITED", rejected: 1, rejectedByReason: [{ reason: "NO_SHOW", count: 1 }], withdrawn: 0 },
        { stage: "TESTED", rejected: 1, rejectedByReason: [{ reason: "FAILED_TEST", count: 1 }], withdrawn: 0 },
        { stage: "LAUREATE", rejected: 0, rejectedByReason: [], withdrawn: 0 },
        { stage: "OFFERED", rejected: 0, rejectedByReason: [], withdrawn: 0 },
      ],
    });
    expect(d.byWave).toEqual([{ wave: { id: expect.any(String), number: 1 }, target: 10, hired: 1, gapToTarget: 9, fillRate: 0.1, funnel: d.funnel }]);
    expect(d.byVacancy.totalCount).toBe(2);
    expect(d.byVacancy.edges.map((e: any) => [e.node.vacancy.id, e.node.hired, e.node.target])).toEqual([
      [v1, 1, 4],
      [v2, 0, 6],
    ]);

    // Weekly: the applications on their March days, everything from the test session on today.
    const byWeek = Object.fromEntries(
      d.weekly
        .filter((w: any) => w.applications + w.laureates + w.offers + w.hires > 0)
        .map((w: any) => [w.weekStart, [w.applications, w.laureates, w.offers, w.hires]]),
    );
    const thisWeek = addDays(today, 1 - isoWeekday(today));
    expect(byWeek).toEqual({ "2026-03-02": [2, 0, 0, 0], "2026-03-09": [3, 0, 0, 0], "2026-03-16": [1, 0, 0, 0], [thisWeek]: [0, 2, 2, 1] });
    expect(d.weekly[0]).toMatchObject({ weekStart: "2025-12-29", isoWeek: "2026-W01" });
    expect(d.weekly.at(-1).weekStart).toBe(thisWeek);

    const sinceScreened = [
      daysBetween("2026-03-04", today),
      daysBetween("2026-03-05", today),
      daysBetween("2026-03-12", today),
      daysBetween("2026-03-12", today),
    ].sort((a, b) => a - b);
    expect(d.timeInStage).toEqual([
      { fromStage: "APPLIED", toStage: "SCREENED", count: 4, medianDays: 2, p90Days: 2 },
      { fromStage: "SCREENED", toStage: "INVITED", count: 4, medianDays: sinceScreened[1], p90Days: sinceScreened[3] },
      { fromStage: "INVITED", toStage: "TESTED", count: 3, medianDays: 0, p90Days: 0 },
      { fromStage: "TESTED", toStage: "LAUREATE", count: 2, medianDays: 0, p90Days: 0 },
      { fromStage: "LAUREATE", toStage: "OFFERED", count: 2, medianDays: 0, p90Days: 0 },
      { fromStage: "OFFERED", toStage: "HIRED", count: 1, medianDays: 0, p90Days: 0 },
      { fromStage: "APPLIED", toStage: "HIRED", count: 1, medianDays: daysBetween("2026-03-02", today), p90Days: daysBetween("2026-03-02", today) },
    ]);

    const saturday = isoWeekday(brusselsDate(new Date(Date.now() - 60_000))) === 6 ? 1 : 0;
    expect(d.testSessions).toEqual({
      all: { sessions: 1, seatsOffered: 5, seatsBooked: 4, attended: 3, noShows: 1, noShowRate: 0.25, utilisation: 0.8 },
      weekday: { sessions: 1 - saturday },
      saturday: { sessions: saturday },
    });

    const weeks = daysBetween(today, "2027-12-31") / 7;
    expect(d.forecast).toEqual({
      hiresLastFourWeeks: 1,
      weeklyHiringRate: 0.25,
      projectedHiresByEnd: Math.floor(1 + 0.25 * weeks),
      projectedTargetDate: addDays(today, 252),
      requiredWeeklyRate: 9 / weeks,
      weeksRemaining: Math.round(weeks * 100) / 100,
      onTrack: Math.floor(1 + 0.25 * weeks) >= 10,
      byAgency: [
        { agency: { code: "DVZ" }, target: 4, hired: 1, hiresLastFourWeeks: 1, weeklyHiringRate: 0.25, projectedTargetDate: addDays(today, 84) },
        { agency: { code: "CGVS" }, target: 6, hired: 0, hiresLastFourWeeks: 0, weeklyHiringRate: 0, projectedTargetDate: null },
      ],
    });
  });

  test("as of the end of a past day", async () => {
    const d = (await server.data(DASHBOARD, { slug: "dashboard-test", asOf: "2026-03-10", weeklyTo: "2026-03-10" }, { key: keys.taskforce })).dashboard;
    expect(d).toMatchObject({ asOf: "2026-03-10", applications: 5, hired: 0, distinctCandidates: 4 });
    expect(d.funnel.slice(0, 3)).toEqual([
      { stage: "APPLIED", reached: 5, current: 3, conversionFromPrevious: null },
      { stage: "SCREENED", reached: 2, current: 2, conversionFromPrevious: 0.4 },
      { stage: "INVITED", reached: 0, current: 0, conversionFromPrevious: 0 },
    ]);
    expect(d.exits.every((e: any) => e.rejected === 0 && e.withdrawn === 0)).toBe(true);
    expect(d.timeInStage[0]).toEqual({ fromStage: "APPLIED", toStage: "SCREENED", count: 2, medianDays: 2, p90Days: 2 });
    expect(d.weekly.at(-1)).toEqual({ isoWeek: "2026-W11", weekStart: "2026-03-09", applications: 3, laureates: 0, offers: 0, hires: 0 });
  });

  test("narrowed to an agency, to a vacancy and to a period", async () => {
    const cgvs = (await server.data(DASHBOARD, { slug: "dashboard-test", filter: { agencies: ["CGVS"] } }, { key: keys.admin })).dashboard;
    expect(cgvs).toMatchObject({ target: 6, applications: 3, distinctCandidates: 3, hired: 0, offered: 1, openVacancies: 1 });
    const mixed = (await server.data(DASHBOARD, { slug: "dashboard-test", filter: { agencies: ["DVZ", "CGVS"], vacancyIds: [v1, v2] } }, { key: keys.admin }))
      .dashboard;
    expect(mixed).toMatchObject({ target: 10, applications: 6, distinctCandidates: 5, hired: 1 });
    const march = (await server.data(DASHBOARD, { slug: "dashboard-test", filter: { from: "2026-03-09", to: "2026-03-15" } }, { key: keys.admin })).dashboard;
    expect(march).toMatchObject({ asOf: "2026-03-15", from: "2026-03-09", applications: 3, distinctCandidates: 2 });
    expect(march.funnel[1]).toEqual({ stage: "SCREENED", reached: 2, current: 4, conversionFromPrevious: 2 / 3 });
    expect(march.exits[0]).toEqual({ stage: "APPLIED", rejected: 1, rejectedByReason: [{ reason: "INELIGIBLE", count: 1 }], withdrawn: 0 });
  });

  test("erasing a candidate changes no figure", async () => {
    const before = (await server.data(DASHBOARD, { slug: "dashboard-test" }, { key: keys.admin })).dashboard;
    const apps = await server.data(`{ applications(first: 100) { edges { node { candidate { id email } } } } }`, {}, { key: keys.admin });
    for (const email of ["persoon1@example.be", "persoon4@example.be"]) {
      const id = apps.applications.edges.find((e: any) => e.node.candidate?.email === email).node.candidate.id;
      await server.data(`mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`, { id }, { key: keys.admin });
    }
    expect((await server.data(DASHBOARD, { slug: "dashboard-test" }, { key: keys.admin })).dashboard).toEqual(before);
  });

  test("only the taskforce and administrators", async () => {
    for (const [key, code] of [
      [keys.dvz, "FORBIDDEN"],
      [undefined, "UNAUTHENTICATED"],
    ] as const) {
      const response = await server.gql(DASHBOARD, { slug: "dashboard-test" }, { key });
      expect([response.body.data?.dashboard ?? null, response.body.errors?.[0].extensions?.code]).toEqual([null, code]);
    }
    expect((await server.data(DASHBOARD, { slug: "nope" }, { key: keys.taskforce })).dashboard).toBeNull();
  });

  test("bad input: a future asOf, a backwards period, a malformed id", async () => {
    for (const [variables, message] of [
      [{ asOf: "2999-01-01" }, `asOf (2999-01-01) lies in the future; figures exist up to today (${today}).`],
      [{ filter: { from: "2026-03-10", to: "2026-03-01" } }, "filter.to (2026-03-01) lies before filter.from (2026-03-10)."],
      [{ filter: { waveIds: ["x"] } }, 'filter.waveIds[0]: "x" is not a wave id.'],
      // An empty selection would read as a target of 0 "on track": refused.
      [{ filter: { waveIds: [] } }, "filter.waveIds is empty: it would select nothing. Leave it out to select every one."],
      [{ filter: { agencies: [] } }, "filter.agencies is empty: it would select nothing. Leave it out to select every one."],
      [{ weeklyFrom: "2026-03-10", weeklyTo: "2026-03-01" }, 'weekly: "to" (2026-03-01) lies before "from" (2026-03-10).'],
      [{ weeklyFrom: "2000-01-03", weeklyTo: "2026-03-01" }, "weekly: a window spans at most 520 weeks."],
    ] as const) {
      const response = await server.gql(DASHBOARD, { slug: "dashboard-test", ...variables }, { key: keys.taskforce });
      expect(response.body.errors?.[0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT" } });
    }
  });
});

// The seeded campaign's calendar moves to the day the seed runs (src/seeding/seed-campaign.ts): the days below are
// counted from today and from the campaign's first day.
const TODAY = brusselsDate(new Date());
const START = addDays("2021-06-14", calendarShift("2021-10-18", TODAY));
const day = (from: string, days: number) => addDays(from, days);

describe("random histories against a recount from the event log", () => {
  let server: TestServer;
  let keys: Keys;

  beforeAll(async () => {
    server = await startTestServer();
    keys = await createKeys(server);
    const db = server.database.db;
    // Extra vacancies in the seeded campaign, so filters have several of each dimension to pick from.
    await insertVacancies(db, 6, (i) => ({
      agencyCode: (["DVZ", "CGVS", "RVV"] as const)[i % 3],
      waveNumber: 1 + (i % 3),
      functionCode: ["NBV001", "NBV104"][i % 2],
      headcountTarget: 1 + i,
    }));
    await generateDemoData(server.database, { applications: 1500, seed: 11, until: day(TODAY, -20), chunkSize: 400 });
    // And some through the API, with moves on past days, so both writers' counters meet.
    const vacancies = await server.data(
      `{ vacancies(first: 100, filter: { campaignSlug: "asiel-migratie-2021", agencies: [DVZ], acceptingApplications: true }) { edges { node { id } } } }`,
    );
    const ids = vacancies.vacancies.edges.map((e: any) => e.node.id);
    const pushed = await server.data(
      SUBMIT,
      {
        input: {
          applications: Array.from({ length: 40 }, (_, i) =>
            submission(ids[i % ids.length], { submittedAt: `${day(TODAY, -50 + (i % 28))}T10:00:00Z` }, { email: `demo.11.${i * 7}@example.invalid` }),
          ),
        },
      },
      { key: keys.dvz },
    );
    for (const [i, r] of pushed.submitApplications.results.entries()) {
      if (!r.application) continue;
      await server.data(
        MOVE,
        {
          input: {
            applicationId: r.application.id,
            toStage: i % 3 ? "SCREENED" : "WITHDRAWN",
            occurredAt: `${day(TODAY, -22 + (i % 20))}T12:00:00Z`,
          },
        },
        { key: keys.dvz },
      );
    }
  });
  afterAll(() => server.close());

  test("the counters equal a recount from the events", async () => {
    await expectCountersToMatchEvents(server.database.db);
  });

  test.each([
    ["the whole campaign", {}],
    ["as of the campaign's 40th day", { asOf: day(START, 40) }],
    // Recent days are counted down from today's counters, distant ones up from the start: both ways must agree.
    ["as of a week ago", { asOf: addDays(brusselsDate(new Date()), -7) }],
    ["one agency as of a week ago", { agencies: ["CGVS"], asOf: addDays(brusselsDate(new Date()), -7) }],
    ["as of the campaign's 10th day", { asOf: day(START, 10) }],
    ["one agency", { agencies: ["DVZ"] }],
    ["two agencies as of the campaign's 60th day", { agencies: ["CGVS", "RVV"], asOf: day(START, 60) }],
    ["one wave", { waveNumbers: [2] }],
    ["one job profile over a period", { functionCodes: ["NBV104"], from: day(START, 40), to: day(START, 100) }],
    ["an agency and a wave (mixed)", { agencies: ["DVZ"], waveNumbers: [1] }],
    ["mixed, as of a past day", { agencies: ["FEDASIL"], waveNumbers: [2, 3], asOf: day(START, 110) }],
    ["a period", { from: day(TODAY, -50), to: day(TODAY, -30) }],
    ["some vacancies over a period", { vacancyCount: 5, from: day(START, 30), to: day(TODAY, -25) }],
  ] as [string, { agencies?: string[]; waveNumbers?: number[]; functionCodes?: string[]; vacancyCount?: number; asOf?: string; from?: string; to?: string }][])(
    "%s",
    async (_name, spec) => {
      const db = server.database.db;
      const seeded = await seededCampaign(db);
      const waveIds = spec.waveNumbers?.map((n) => seeded.wave(n).id);
      const profileIds = spec.functionCodes?.map((c) => seeded.profile(c).id);
      const vacancyIds = spec.vacancyCount
        ? (await oracle(db, { campaignSlug: "asiel-migratie-2021" })).byVacancy.slice(3, 3 + spec.vacancyCount).map((v) => v.vacancy)
        : undefined;
      const input: OracleInput = {
        campaignSlug: "asiel-migratie-2021",
        agencies: spec.agencies,
        waveIds,
        profileIds,
        vacancyIds,
        asOf: spec.asOf,
        from: spec.from,
        to: spec.to,
      };
      const expected = await oracle(db, input);
      const filter = {
        agencies: spec.agencies,
        waveIds: waveIds?.map((id) => toGlobalId("Wave", id)),
        jobProfileIds: profileIds?.map((id) => toGlobalId("JobProfile", id)),
        vacancyIds: vacancyIds?.map((id) => toGlobalId("Vacancy", id)),
        from: spec.from,
        to: spec.to,
      };
      const d = (
        await server.data(
          DASHBOARD,
          { slug: "asiel-migratie-2021", filter, asOf: spec.asOf, first: 100, weeklyFrom: spec.from ?? START, weeklyTo: expected.asOf },
          { key: keys.taskforce },
        )
      ).dashboard;
      expect(d).toMatchObject({
        asOf: expected.asOf,
        target: expected.target,
        hired: expected.hired,
        offered: expected.offered,
        laureates: expected.laureates,
        applications: expected.applications,
        distinctCandidates: expected.distinctCandidates,
        openVacancies: expected.openVacancies,
        progress: expected.progress,
        funnel: expected.funnel,
        weekly: expected.weekly,
        timeInStage: expected.timeInStage,
        exits: expected.exits,
      });
      expect(expected.applications).toBeGreaterThan(0);
      expect(
        d.byAgency.map((a: any) => ({
          agency: a.agency.code,
          target: a.target,
          hired: a.hired,
          gapToTarget: a.gapToTarget,
          fillRate: a.fillRate,
          funnel: a.funnel,
        })),
      ).toEqual(expected.byAgency);
      expect(
        d.byWave.map((w: any) => ({
          wave: fromGlobalId("Wave", w.wave.id),
          target: w.target,
          hired: w.hired,
          gapToTarget: w.gapToTarget,
          fillRate: w.fillRate,
          funnel: w.funnel,
        })),
      ).toEqual(expected.byWave);
      expect(
        d.byVacancy.edges.map((e: any) => ({
          vacancy: fromGlobalId("Vacancy", e.node.vacancy.id),
          target: e.node.target,
          hired: e.node.hired,
          gapToTarget: e.node.gapToTarget,
          fillRate: e.node.fillRate,
          funnel: e.node.funnel,
        })),
      ).toEqual(expected.byVacancy);
      expect(d.forecast.hiresLastFourWeeks).toBe(expected.hiresLastFourWeeks);
    },
  );

  test("the statement count is constant, with every section asked for", async () => {
    const small = await server.gql(DASHBOARD, { slug: "asiel-migratie-2021", filter: { agencies: ["RVV"] }, first: 1 }, { key: keys.taskforce });
    const large = await server.gql(DASHBOARD, { slug: "asiel-migratie-2021", first: 100 }, { key: keys.taskforce });
    // As of the campaign's first day: nothing had happened yet, and the statements are the same.
    const { startsOn } = (await server.data(`{ campaign { startsOn } }`)).campaign;
    const past = await server.gql(DASHBOARD, { slug: "asiel-migratie-2021", asOf: startsOn, first: 100 }, { key: keys.taskforce });
    expect([small.body.errors, large.body.errors, past.body.errors]).toEqual([undefined, undefined, undefined]);
    expect(large.statements).toBe(small.statements);
    expect(past.statements).toBe(large.statements);
  });
});
