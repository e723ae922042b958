import { toGlobalId } from "../../src/common/global-id";
import { createKeys, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertCampaign, insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { vacancies } from "../../src/db/tables";
import { eq, sql } from "drizzle-orm";
import { selectRows } from "../../src/db/client";

/** Weekly figures frozen when their ISO week closes, revisions from late syncs, and the trend's window: on an injected clock. */

const WEEKLY = `query Weekly($filter: DashboardFilter, $from: Date, $to: Date, $view: WeeklyView) {
  dashboard(campaignSlug: "weekly-test", filter: $filter) {
    weekly(from: $from, to: $to, view: $view) {
      isoWeek weekStart applications laureates offers hires closed reportedAt
      reported { applications laureates offers hires }
      revisions { figure reported now difference reason }
    }
  }
}`;

describe("weekly reports", () => {
  let server: TestServer;
  let keys: Keys;
  let clock = new Date("2026-03-11T10:00:00Z");
  let vacancyId: string;

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    keys = await createKeys(server);
    const db = server.database.db;
    const { campaign, wave } = await insertCampaign(db, "weekly-test", 10);
    const [id] = await insertVacancies(db, 1, { agencyCode: "DVZ", headcountTarget: 5 });
    await db.update(vacancies).set({ campaignId: campaign.id, waveId: wave.id }).where(eq(vacancies.id, id));
    vacancyId = toGlobalId("Vacancy", id);
    await push(["2026-03-03T09:00:00Z", "2026-03-05T09:00:00Z", "2026-03-10T09:00:00Z"]);
  });
  afterAll(() => server.close());

  const push = async (days: string[]) => {
    const result = await server.data(SUBMIT, { input: { applications: days.map((submittedAt) => submission(vacancyId, { submittedAt })) } }, { key: keys.dvz });
    expect(result.submitApplications.createdCount).toBe(days.length);
  };
  const weekly = async (variables: Record<string, unknown>) => (await server.data(WEEKLY, variables, { key: keys.taskforce })).dashboard.weekly;
  const none = { applications: 0, laureates: 0, offers: 0, hires: 0 };

  test("a closed week is frozen on the first read; a late, backdated sync shows as a revision, not a rewrite", async () => {
    const first = await weekly({ from: "2026-03-02", to: "2026-03-15" });
    expect(first).toEqual([
      {
        isoWeek: "2026-W10",
        weekStart: "2026-03-02",
        ...none,
        applications: 2,
        closed: true,
        reportedAt: "2026-03-11T10:00:00.000Z",
        reported: { ...none, applications: 2 },
        revisions: [],
      },
      { isoWeek: "2026-W11", weekStart: "2026-03-09", ...none, applications: 1, closed: false, reportedAt: null, reported: null, revisions: [] },
    ]);

    clock = new Date("2026-03-12T08:00:00Z");
    await push(["2026-03-04T09:00:00Z"]);
    const revision = {
      figure: "APPLICATIONS",
      reported: 2,
      now: 3,
      difference: 1,
      reason: "1 applications dated in 2026-W10 were recorded after the week was reported on 2026-03-11 (late, backdated syncs).",
    };
    const [now] = await weekly({ from: "2026-03-02", to: "2026-03-08" });
    expect(now).toMatchObject({ applications: 3, reported: { applications: 2 }, revisions: [revision] });
    const [asReported] = await weekly({ from: "2026-03-02", to: "2026-03-08", view: "AS_REPORTED" });
    expect(asReported).toMatchObject({ applications: 2, reported: { applications: 2 }, revisions: [revision] });
    // The same per agency (a coarse scope) and for a mixed selection (per vacancy).
    for (const filter of [{ agencies: ["DVZ"] }, { agencies: ["DVZ"], vacancyIds: [vacancyId] }]) {
      const [week] = await weekly({ filter, from: "2026-03-02", to: "2026-03-08" });
      expect(week).toMatchObject({ applications: 3, reported: { applications: 2 }, revisions: [revision] });
    }
    const [other] = await weekly({ filter: { agencies: ["CGVS"] }, from: "2026-03-02", to: "2026-03-08" });
    expect(other).toMatchObject({ applications: 0, reported: none, revisions: [] });
  });

  test("the next week freezes when it closes; weeks already frozen stay as reported", async () => {
    clock = new Date("2026-03-16T07:00:00Z");
    const weeks = await weekly({ from: "2026-03-02", to: "2026-03-15" });
    expect(weeks.map((w: any) => [w.weekStart, w.applications, w.reported?.applications ?? null, w.reportedAt])).toEqual([
      ["2026-03-02", 3, 2, "2026-03-11T10:00:00.000Z"],
      ["2026-03-09", 1, 1, "2026-03-16T07:00:00.000Z"],
    ]);
    const [{ n }] = await selectRows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from weekly_reports r join campaigns c on c.id = r.campaign_id where c.slug = 'weekly-test'`,
    );
    // Every closed week of the campaign from its first (2025-12-29) to 2026-03-09, once.
    expect(n).toBe(11);
  });

  test("readers racing on the first read after a week closed freeze it once (concurrently on PostgreSQL)", async () => {
    clock = new Date("2026-03-23T06:00:00Z");
    const answers = await Promise.all(Array.from({ length: 6 }, () => weekly({ from: "2026-03-16", to: "2026-03-22" })));
    expect(new Set(answers.map((a) => a[0].reportedAt))).toEqual(new Set(["2026-03-23T06:00:00.000Z"]));
    const [{ reports, counts }] = await selectRows<{ reports: number; counts: number }>(
      server.database.db,
      sql`select (select count(*)::int from weekly_reports r join campaigns c on c.id = r.campaign_id where c.slug = 'weekly-test') as reports,
                 (select count(*)::int from weekly_report_counts r join campaigns c on c.id = r.campaign_id
                   where c.slug = 'weekly-test' and r.week = '2026-03-02' and r.stage = 'APPLIED') as counts`,
    );
    // Twelve closed weeks, each once; week 10's applications once per scope (campaign, agency, wave, job profile, vacancy).
    expect([reports, counts]).toEqual([12, 5]);
  });

  test("by default, the last 12 weeks and the weeks ahead to the campaign's end", async () => {
    clock = new Date("2026-04-15T10:00:00Z");
    const weeks = await weekly({});
    expect([weeks[0].weekStart, weeks.at(-1).weekStart, weeks.length]).toEqual(["2026-01-26", "2027-12-27", 101]);
    expect(weeks.filter((w: any) => w.closed).length).toBe(11);
  });
});
