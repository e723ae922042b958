import { sql } from "drizzle-orm";
import { selectRows } from "../../src/db/client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test("NBV001, the return coach, with its result areas, competencies and salary scale", async () => {
  const data = await server.data(`{
    jobProfile(functionCode: "nbv001") {
      functionCode level class managesCount title functionFamily professionalCategory
      resultAreas { position role(lang: EN) tasks }
      competencies { level area { number group } }
      salaryScale { code level minMonthlyGrossEur maxMonthlyGrossEur steps { seniorityYears monthlyGrossEur } }
    }
  }`);
  const profile = data.jobProfile;
  expect(profile).toMatchObject({
    functionCode: "NBV001",
    level: "A",
    class: "A1",
    managesCount: 0,
    title: "Attaché terugkeercoach",
    functionFamily: "Begeleiders",
    professionalCategory: "11. Bevolking en Veiligheid (BV)",
  });
  expect(profile.resultAreas.map((r: any) => r.position)).toEqual([1, 2, 3, 4, 5]);
  expect(profile.resultAreas.every((r: any) => r.tasks.length >= 2)).toBe(true);
  expect(profile.competencies.length).toBeGreaterThanOrEqual(3);
  expect(profile.salaryScale).toMatchObject({ code: "A11", level: "A" });
  expect(profile.salaryScale.steps).toHaveLength(24);
  expect(profile.salaryScale.steps[0].seniorityYears).toBe(0);
});

test("the Asse table is kept as it is in the document; federal posts show an illustrative scale, marked so", async () => {
  const asse = await selectRows<{ seniority_years: number; monthly_gross_eur: string }>(
    server.database.db,
    sql`select seniority_years, monthly_gross_eur::text from salary_scale_steps where scale_code = 'ASSE-B1' and seniority_years in (0, 5, 23) order by 1`,
  );
  expect(asse).toEqual([
    { seniority_years: 0, monthly_gross_eur: "3000.00" },
    { seniority_years: 5, monthly_gross_eur: "3260.00" },
    { seniority_years: 23, monthly_gross_eur: "4049.00" },
  ]);
  const data = await server.data(`{ jobProfile(functionCode: "NBV104") { salaryScale { code illustrative indexFactor } } }`);
  expect(data.jobProfile.salaryScale).toEqual({ code: "B11", illustrative: true, indexFactor: null });
});

test("an unknown function code gives null; the 37 competence areas are listed", async () => {
  expect(await server.data(`{ jobProfile(functionCode: "XYZ999") { functionCode } }`)).toEqual({ jobProfile: null });
  const areas = await server.data(`{ competenceAreas { number group title(lang: EN) } }`);
  expect(areas.competenceAreas.map((a: any) => a.number)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
  const profiles = await server.data(`{ jobProfiles { functionCode } }`);
  expect(profiles.jobProfiles.map((p: any) => p.functionCode)).toEqual(["NBV001", "NBV101", "NBV102", "NBV103", "NBV104", "NBV105", "NBV106", "NBV107"]);
});
