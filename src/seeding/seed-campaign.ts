import { eq, inArray, isNull, sql } from "drizzle-orm";
import * as seed from "../../seeds";
import { addDays, brusselsDate, daysBetween } from "../common/brussels-time";
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
  places,
  provinces,
  regions,
  salaryScales,
  salaryScaleSteps,
  testSessions,
  testSessionVacancies,
  vacancies,
  waves,
} from "../db/tables";

export interface SeedOutcome {
  seeded: boolean;
  campaignSlug: string;
}

/**
 * Loads the reference data (agencies, places, competence areas, salary scales, job profiles), then the 2021 campaign
 * once: a campaign that already exists is left alone, so restarts keep whatever happened since. Runs in one
 * transaction. The campaign's calendar moves by whole weeks so that `today` (a Brussels calendar date) falls in the
 * week the seed stands on (see calendarShift).
 */
export async function seedCampaign(db: Db, today: string = brusselsDate(new Date())): Promise<SeedOutcome> {
  const campaignSeed = seed.campaign2021;
  return db.transaction(async (tx) => {
    await seedReferenceData(tx);
    const existing = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, campaignSeed.slug)).limit(1);
    if (existing.length > 0) return { seeded: false, campaignSlug: campaignSeed.slug };
    await seedCampaignData(tx, campaignSeed, calendarShift(campaignSeed.standsOn, today));
    return { seeded: true, campaignSlug: campaignSeed.slug };
  });
}

/**
 * How many days the seed's calendar moves: whole weeks (a Saturday session stays a Saturday), as many as put `today`
 * in the 7 days that start on the seed's standing day. Every date moves alike, so the timeline stays whole.
 */
export function calendarShift(standsOn: string, today: string): number {
  return 7 * Math.floor(daysBetween(standsOn, today) / 7);
}

/**
 * Agencies, places, competence areas, salary scales and job profiles; existing rows (by natural key) are kept as they
 * are. Runs at every start (a handful of statements), so places added to the seed reach existing databases too.
 */
export async function seedReferenceData(tx: Executor): Promise<void> {
  await tx
    .insert(agencies)
    .values(seed.agencies.map((a) => ({ code: a.code, name: a.name, website: a.website ?? null })))
    .onConflictDoNothing();
  await tx
    .insert(regions)
    .values(seed.regions.map((r) => ({ code: r.code, name: r.name })))
    .onConflictDoNothing();
  await tx
    .insert(provinces)
    .values(seed.provinces.map((p) => ({ code: p.code, region: p.region, name: p.name })))
    .onConflictDoNothing();
  const newPlaces = await tx
    .insert(places)
    .values(seed.places.map((p) => ({ name: p.name, province: p.province, region: p.region })))
    .onConflictDoNothing()
    .returning({ id: places.id });
  // Vacancies written before their place was known get linked to it now (the search trigger does the linking).
  if (newPlaces.length)
    await tx
      .update(vacancies)
      .set({ place: sql`${vacancies.place}` })
      .where(isNull(vacancies.placeId));
  await tx
    .insert(competenceAreas)
    .values(seed.competenceAreas.map((c) => ({ number: c.number, group: c.group, title: c.title })))
    .onConflictDoNothing();
  await tx
    .insert(salaryScales)
    .values(
      seed.salaryScales.map((s) => ({
        code: s.code,
        level: s.level,
        name: s.name,
        indexFactor: s.indexFactor ?? null,
        source: s.source,
        illustrative: s.illustrative,
      })),
    )
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

async function seedCampaignData(tx: Executor, campaignSeed: seed.CampaignSeed, shift: number): Promise<void> {
  const day = (date: string) => addDays(date, shift);
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      slug: campaignSeed.slug,
      name: campaignSeed.name,
      description: campaignSeed.description,
      targetHeadcount: campaignSeed.targetHeadcount,
      startsOn: day(campaignSeed.startsOn),
      endsOn: day(campaignSeed.endsOn),
      siteUrl: campaignSeed.siteUrl,
    })
    .returning({ id: campaigns.id });
  await tx.insert(campaignAgencies).values(campaignSeed.agencies.map((code) => ({ campaignId: campaign.id, agencyCode: code })));

  const waveRows = await tx
    .insert(waves)
    .values(campaignSeed.waves.map((w) => ({ campaignId: campaign.id, number: w.number, opensOn: day(w.opensOn), name: w.name, description: w.description })))
    .returning({ id: waves.id, number: waves.number, opensOn: waves.opensOn });
  const waveByNumber = new Map(waveRows.map((w) => [w.number, w]));

  const codes = [...new Set(campaignSeed.vacancies.map((v) => v.functionCode))];
  const profiles = await tx
    .select({ id: jobProfiles.id, functionCode: jobProfiles.functionCode, title: jobProfiles.title })
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
          description: v.description,
          headcountTarget: v.headcountTarget,
          place: v.place,
          languageRegime: v.languageRegime,
          contractType: v.contractType,
          status: v.status,
          publishedAt: v.status === "DRAFT" ? null : zonedInstant(wave.opensOn, "09:00"),
          applicationDeadline: "continuous" in v.deadline ? null : zonedInstant(day(v.deadline.on), "23:59"),
          overallPassPercent: v.overallPassPercent ?? seed.DEFAULT_OVERALL_PASS_PERCENT,
        };
      }),
    )
    .returning({ id: vacancies.id });

  await tx.insert(examParts).values(
    campaignSeed.vacancies.flatMap((v, i) =>
      v.examParts.map((part, position) => ({
        vacancyId: vacancyRows[i].id,
        position: position + 1,
        name: part.name,
        kind: part.kind,
        title: part.title,
        maxPoints: part.maxPoints,
        passPercent: part.passPercent ?? 50,
      })),
    ),
  );

  const sessionRows = await tx
    .insert(testSessions)
    .values(
      campaignSeed.testSessions.map((s) => ({
        campaignId: campaign.id,
        kind: s.kind,
        startsAt: zonedInstant(day(s.on), s.startsAtLocal),
        durationMinutes: s.durationMinutes,
        place: s.place.nl,
        placeNames: s.place,
        language: s.language,
        capacity: s.capacity,
      })),
    )
    .returning({ id: testSessions.id });
  const links = campaignSeed.testSessions.flatMap((s, i) =>
    campaignSeed.vacancies
      .map((v, j) => ({ v, id: vacancyRows[j].id }))
      .filter(
        ({ v }) =>
          v.status === "OPEN" &&
          s.functionCodes.includes(v.functionCode) &&
          (v.languageRegime === s.language || v.languageRegime === "BILINGUAL") &&
          // A session examines one kind of exam part: only vacancies whose procedure has such a part take it.
          v.examParts.some((part) => part.kind === s.kind),
      )
      .map(({ id }) => ({ sessionId: sessionRows[i].id, vacancyId: id })),
  );
  if (links.length) await tx.insert(testSessionVacancies).values(links);
}
