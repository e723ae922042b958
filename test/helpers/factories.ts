import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { campaigns, examParts, jobProfiles, testSessions, testSessionVacancies, vacancies, waves } from "../../src/db/tables";

/** Factories write straight to the database: tests build exactly the rows they assert on. */

export async function seededCampaign(db: Db) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, "asiel-migratie-2021"));
  const waveRows = await db.select().from(waves).where(eq(waves.campaignId, campaign.id));
  const profiles = await db.select().from(jobProfiles);
  return {
    campaign,
    wave: (n: number) => waveRows.find((w) => w.number === n)!,
    profile: (code: string) => profiles.find((p) => p.functionCode === code)!,
  };
}

export interface VacancyOverrides {
  agencyCode?: "DVZ" | "CGVS" | "RVV" | "FEDASIL";
  waveNumber?: number;
  functionCode?: string;
  headcountTarget?: number;
  place?: string;
  languageRegime?: "NL" | "FR" | "DE" | "BILINGUAL";
  status?: "DRAFT" | "OPEN" | "CLOSED" | "FILLED" | "CANCELLED";
  publishedAt?: Date | null;
  applicationDeadline?: Date | null;
  title?: { nl: string; fr?: string; en?: string };
}

export async function insertVacancies(db: Db, count: number, overrides: VacancyOverrides | ((i: number) => VacancyOverrides) = {}): Promise<number[]> {
  const seeded = await seededCampaign(db);
  const values = Array.from({ length: count }, (_, i) => {
    const o = typeof overrides === "function" ? overrides(i) : overrides;
    const profile = seeded.profile(o.functionCode ?? "NBV001");
    const title = o.title ?? { nl: `Testvacature ${i + 1}`, en: `Test vacancy ${i + 1}` };
    const status = o.status ?? "OPEN";
    return {
      campaignId: seeded.campaign.id,
      waveId: seeded.wave(o.waveNumber ?? 1).id,
      agencyCode: o.agencyCode ?? "DVZ",
      jobProfileId: profile.id,
      title,
      headcountTarget: o.headcountTarget ?? 1,
      place: o.place ?? "Testplaats",
      languageRegime: o.languageRegime ?? "NL",
      contractType: "PERMANENT_CONTRACT" as const,
      status,
      publishedAt: o.publishedAt !== undefined ? o.publishedAt : status === "DRAFT" ? null : new Date(Date.UTC(2021, 5, 14, 7) + i * 60_000),
      applicationDeadline: o.applicationDeadline ?? null,
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await db
      .insert(vacancies)
      .values(values.slice(i, i + 500))
      .returning({ id: vacancies.id });
    ids.push(...rows.map((r) => r.id));
  }
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.insert(examParts).values(
      chunk.flatMap((id) => [
        { vacancyId: id, position: 1, name: "Schriftelijk", maxPoints: 50, passPercent: 50 },
        { vacancyId: id, position: 2, name: "Mondeling", maxPoints: 50, passPercent: 50 },
      ]),
    );
  }
  return ids;
}

export async function insertTestSession(
  db: Db,
  vacancyIds: number[],
  o: {
    startsAt: Date;
    capacity?: number;
    seatsTaken?: number;
    language?: "NL" | "FR" | "EN" | "DE";
    kind?: "COMPUTER_TEST" | "WRITTEN" | "ORAL" | "ASSESSMENT";
    status?: "SCHEDULED" | "CANCELLED";
    place?: string;
  },
): Promise<number> {
  const seeded = await seededCampaign(db);
  const [session] = await db
    .insert(testSessions)
    .values({
      campaignId: seeded.campaign.id,
      kind: o.kind ?? "COMPUTER_TEST",
      startsAt: o.startsAt,
      durationMinutes: 120,
      place: o.place ?? "Selor, testcentrum Brussel",
      language: o.language ?? "NL",
      capacity: o.capacity ?? 30,
      seatsTaken: o.seatsTaken ?? 0,
      status: o.status ?? "SCHEDULED",
    })
    .returning({ id: testSessions.id });
  if (vacancyIds.length) await db.insert(testSessionVacancies).values(vacancyIds.map((vacancyId) => ({ sessionId: session.id, vacancyId })));
  return session.id;
}

/** A campaign of its own with one wave and room in its target, for tests that create vacancies. */
export async function insertCampaign(db: Db, slug: string, targetHeadcount = 1000) {
  const [campaign] = await db
    .insert(campaigns)
    .values({ slug, name: { nl: `Testcampagne ${slug}` }, targetHeadcount, startsOn: "2026-01-01", endsOn: "2027-12-31" })
    .returning();
  const [wave] = await db
    .insert(waves)
    .values({ campaignId: campaign.id, number: 1, opensOn: "2026-01-01", name: { nl: "Golf 1" } })
    .returning();
  return { campaign, wave };
}
