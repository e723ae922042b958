import { eq, inArray } from "drizzle-orm";
import * as seed from "../../seeds";
import { addDays, brusselsDate, isoWeekMonday } from "../common/brussels-time";
import { zonedInstant } from "../common/zoned-instant";
import type { Db, Executor } from "../db/client";
import {
  agencies,
  campaignAgencies,
  campaigns,
  competenceAreas,
  examParts,
  jobProfileCompetencies,
  jobProfileResultAreas,
  jobProfiles,
  salaryScales,
  salaryScaleSteps,
  testSessions,
  testSessionVacancies,
  vacancies,
  waves,
} from "../db/tables";
import { vacancySearchText } from "../vacancies/vacancy.service";

export interface SeedOutcome {
  seeded: boolean;
  campaignSlug: string;
}

/**
 * Loads the reference data (agencies, competence areas, salary scales, job profiles) and the 2021 campaign, once: a
 * campaign that already exists is left alone, so restarts keep whatever happened since. Runs in one transaction.
 * Relative dates (deadlines, sessions, the campaign's end) are counted from `today` (a Brussels calendar date).
 */
export async function seedCampaign(db: Db, today: string = brusselsDate(new Date())): Promise<SeedOutcome> {
  const campaignSeed = seed.campaign2021;
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, campaignSeed.slug)).limit(1);
    if (existing.length > 0) return { seeded: false, campaignSlug: campaignSeed.slug };
    await seedReferenceData(tx);
    await seedCampaignData(tx, campaignSeed, today);
    return { seeded: true, campaignSlug: campaignSeed.slug };
  });
}

/** Agencies, competence areas, salary scales and job profiles; existing rows (by natural key) are kept as they are. */
export async function seedReferenceData(tx: Executor): Promise<void> {
  await tx
    .insert(agencies)
    .values(seed.agencies.map((a) => ({ code: a.code, name: a.name, website: a.website ?? null })))
    .onConflictDoNothing();
  await tx
    .insert(competenceAreas)
    .values(seed.competenceAreas.map((c) => ({ number: c.number, group: c.group, title: c.title })))
    .onConflictDoNothing();
  await tx
    .insert(salaryScales)
    .values(seed.salaryScales.map((s) => ({ code: s.code, level: s.level, name: s.name, indexFactor: s.indexFactor ?? null })))
    .onConflictDoNothing();
  await tx
    .insert(salaryScaleSteps)
    .values(
      seed.salaryScales.flatMap((s) =>
        s.monthlyGrossBySeniority.map((amount, years) => ({ scaleCode: s.code, seniorityYears: years, monthlyGrossEur: amount })),
      ),
    )
    .onConflictDoNothing();

  const inserted = await tx
    .insert(jobProfiles)
    .values(
      seed.jobProfiles.map((p) => ({
        functionCode: p.functionCode,
        title: p.title,
        level: p.level,
        class: p.class,
        functionFamily: p.functionFamily,
        professionalCategory: p.professionalCategory,
        purpose: p.purpose,
        reportsTo: p.reportsTo,
        managesCount: p.managesCount,
        diplomaRequirement: p.diplomaRequirement,
        languageRequirement: p.languageRequirement,
        salaryScaleCode: p.salaryScaleCode,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: jobProfiles.id, functionCode: jobProfiles.functionCode });
  const profileIds = new Map(inserted.map((p) => [p.functionCode, p.id]));
  const newProfiles = seed.jobProfiles.filter((p) => profileIds.has(p.functionCode));
  if (newProfiles.length === 0) return;
  await tx
    .insert(jobProfileResultAreas)
    .values(
      newProfiles.flatMap((p) =>
        p.resultAreas.map((area, i) => ({ jobProfileId: profileIds.get(p.functionCode)!, position: i + 1, role: area.role, aim: area.aim, tasks: area.tasks })),
      ),
    );
  await tx
    .insert(jobProfileCompetencies)
    .values(
      newProfiles.flatMap((p) => p.competencies.map((c) => ({ jobProfileId: profileIds.get(p.functionCode)!, competenceAreaNumber: c.area, level: c.level }))),
    );
}

async function seedCampaignData(tx: Executor, campaignSeed: seed.CampaignSeed, today: string): Promise<void> {
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      slug: campaignSeed.slug,
      name: campaignSeed.name,
      description: campaignSeed.description,
      targetHeadcount: campaignSeed.targetHeadcount,
      startsOn: campaignSeed.startsOn,
      endsOn: addDays(today, campaignSeed.endsDaysAfterSeed),
      siteUrl: campaignSeed.siteUrl,
    })
    .returning({ id: campaigns.id });
  await tx.insert(campaignAgencies).values(campaignSeed.agencies.map((code) => ({ campaignId: campaign.id, agencyCode: code })));

  const waveRows = await tx
    .insert(waves)
    .values(campaignSeed.waves.map((w) => ({ campaignId: campaign.id, number: w.number, opensOn: w.opensOn, name: w.name, description: w.description })))
    .returning({ id: waves.id, number: waves.number, opensOn: waves.opensOn });
  const waveByNumber = new Map(waveRows.map((w) => [w.number, w]));

  const codes = [...new Set(campaignSeed.vacancies.map((v) => v.functionCode))];
  const profiles = await tx
    .select({ id: jobProfiles.id, functionCode: jobProfiles.functionCode, title: jobProfiles.title, functionFamily: jobProfiles.functionFamily })
    .from(jobProfiles)
    .where(inArray(jobProfiles.functionCode, codes));
  const profileByCode = new Map(profiles.map((p) => [p.functionCode, p]));

  const vacancyRows = await tx
    .insert(vacancies)
    .values(
      campaignSeed.vacancies.map((v) => {
        const wave = waveByNumber.get(v.wave);
        const profile = profileByCode.get(v.functionCode);
        if (!wave || !profile) throw new Error(`seed vacancy ${v.key}: unknown wave ${v.wave} or profile ${v.functionCode}`);
        const title = v.title ?? profile.title;
        return {
          campaignId: campaign.id,
          waveId: wave.id,
          agencyCode: v.agency,
          jobProfileId: profile.id,
          title,
          description: v.description ?? null,
          headcountTarget: v.headcountTarget,
          place: v.place,
          languageRegime: v.languageRegime,
          contractType: v.contractType,
          status: v.status,
          publishedAt: v.status === "DRAFT" ? null : zonedInstant(wave.opensOn, "09:00"),
          applicationDeadline: deadlineOf(v.deadline, today),
          overallPassPercent: v.overallPassPercent ?? seed.DEFAULT_OVERALL_PASS_PERCENT,
          searchText: vacancySearchText(title, profile),
        };
      }),
    )
    .returning({ id: vacancies.id });

  await tx.insert(examParts).values(
    campaignSeed.vacancies.flatMap((v, i) =>
      (v.examParts ?? seed.DEFAULT_EXAM_PARTS).map((part, position) => ({
        vacancyId: vacancyRows[i].id,
        position: position + 1,
        name: part.name,
        maxPoints: part.maxPoints,
        passPercent: part.passPercent ?? 50,
        kind: part.kind,
      })),
    ),
  );

  const sessionRows = await tx
    .insert(testSessions)
    .values(
      campaignSeed.testSessions.map((s) => ({
        campaignId: campaign.id,
        kind: s.kind,
        startsAt: zonedInstant(addDays(isoWeekMonday(today), 7 * s.week + s.weekday - 1), s.startsAtLocal),
        durationMinutes: s.durationMinutes,
        place: s.place,
        language: s.language,
        capacity: s.capacity,
      })),
    )
    .returning({ id: testSessions.id });
  const links = campaignSeed.testSessions.flatMap((s, i) =>
    campaignSeed.vacancies
      .map((v, j) => ({ v, id: vacancyRows[j].id }))
      .filter(
        ({ v }) => v.status === "OPEN" && s.functionCodes.includes(v.functionCode) && (v.languageRegime === s.language || v.languageRegime === "BILINGUAL"),
      )
      .map(({ id }) => ({ sessionId: sessionRows[i].id, vacancyId: id })),
  );
  if (links.length) await tx.insert(testSessionVacancies).values(links);
}

function deadlineOf(deadline: seed.DeadlineSeed, today: string): Date | null {
  if ("continuous" in deadline) return null;
  if ("daysAfterSeed" in deadline) return zonedInstant(addDays(today, deadline.daysAfterSeed), "23:59");
  return new Date(deadline.at);
}
