import { campaign2021 } from "../../seeds";
import { generateDemoData } from "../../src/seeding/demo-generator";
import { createKey } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** "N of 700 filled" and its breakdowns, as the home page reads them, against the taskforce dashboard's own figures. */
let server: TestServer;
let taskforce: string;
beforeAll(async () => {
  server = await startTestServer();
  taskforce = await createKey(server, "TASKFORCE");
  await generateDemoData(server.database, { applications: 1500, seed: 12 });
});
afterAll(() => server.close());

const PROGRESS = `{ campaign { targetHeadcount hiredCount openPostCount openVacancyCount progress {
  target hired openPosts openVacancies fillRate
  byAgency { agency { code } target hired openPosts openVacancies fillRate }
  byWave { wave { number } target hired openPosts openVacancies }
  byJobProfile { jobProfile { functionCode } target hired openPosts openVacancies }
} } }`;

test("progress per agency, wave and job profile adds up to the campaign's totals", async () => {
  const response = await server.gql(PROGRESS);
  expect(response.body.errors).toBeUndefined();
  const { campaign } = response.body.data!;
  const progress = campaign.progress;
  expect(progress.target).toBe(700);
  expect(progress.hired).toBe(campaign.hiredCount);
  expect(progress.hired).toBeGreaterThan(0);
  expect([progress.openPosts, progress.openVacancies]).toEqual([campaign.openPostCount, campaign.openVacancyCount]);
  expect(progress.fillRate).toBe(Math.round((progress.hired / 700) * 10_000) / 10_000);
  for (const breakdown of [progress.byAgency, progress.byWave, progress.byJobProfile]) {
    const sum = (key: string) => breakdown.reduce((total: number, part: any) => total + part[key], 0);
    expect([sum("target"), sum("hired"), sum("openPosts"), sum("openVacancies")]).toEqual([700, progress.hired, progress.openPosts, progress.openVacancies]);
  }
  // Targets straight from the seed (the wave-3 draft's 15 posts count as planned).
  const target = (pick: (v: (typeof campaign2021.vacancies)[number]) => boolean) =>
    campaign2021.vacancies.filter(pick).reduce((sum, v) => sum + v.headcountTarget, 0);
  expect(progress.byAgency.map((a: any) => [a.agency.code, a.target])).toEqual(
    ["DVZ", "CGVS", "RVV", "FEDASIL"].map((code) => [code, target((v) => v.agency === code)]),
  );
  expect(progress.byWave.map((w: any) => [w.wave.number, w.target])).toEqual([1, 2, 3].map((n) => [n, target((v) => v.wave === n)]));
  expect(progress.byWave[0].target).toBe(183);
  // One statement for the figures per campaign, one for the progress rows, and the agencies, waves and profiles.
  expect(response.statements).toBe(6);
  // Public and shared caches may keep it as long as other campaign figures.
  expect(response.headers.get("cache-control")).toBe("max-age=20, public");
});

test("the public figures are the dashboard's", async () => {
  const [publicView, dashboard] = await Promise.all([
    server.data(PROGRESS),
    server.data(
      `{ dashboard(campaignSlug: "asiel-migratie-2021") { hired target byAgency { agency { code } hired target } byWave { wave { number } hired target } byJobProfile { jobProfile { functionCode } hired target } } }`,
      undefined,
      { key: taskforce },
    ),
  ]);
  const p = publicView.campaign.progress;
  const d = dashboard.dashboard;
  expect([p.hired, p.target]).toEqual([d.hired, d.target]);
  expect(p.byAgency.map((a: any) => [a.agency.code, a.hired, a.target])).toEqual(d.byAgency.map((a: any) => [a.agency.code, a.hired, a.target]));
  expect(p.byWave.map((w: any) => [w.wave.number, w.hired, w.target])).toEqual(d.byWave.map((w: any) => [w.wave.number, w.hired, w.target]));
  const profiles = (rows: any[]) => rows.map((r) => [r.jobProfile.functionCode, r.hired, r.target]).sort();
  expect(profiles(p.byJobProfile)).toEqual(profiles(d.byJobProfile));
});
