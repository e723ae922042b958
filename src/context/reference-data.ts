import type { Agency, AgencyCode } from "../agencies/agency.type";
import type { Wave } from "../campaigns/campaign.type";
import { TableSnapshot } from "../common/table-snapshot";
import type { JobProfile, RequiredCompetency, ResultArea, SalaryScale } from "../job-profiles/job-profile.type";
import type { Place } from "../places/place.type";
import type { Services } from "./services";

/** How long each table may be held, in ms: the server passes its types' public max-ages (src/server/plugins/cache-policy.ts). */
export type ReferenceBounds = Record<"Agency" | "Wave" | "JobProfile" | "ResultArea" | "RequiredCompetency" | "SalaryScale" | "Place", number>;

/**
 * The public reference data every vacancy card shows, held in memory per process, each table for at most the time
 * anonymous readers may already keep it (its public max-age, in `bounds`): a campaign page then reads its vacancies,
 * their count and their sessions, and no longer agencies, waves, job profiles (with their result areas and
 * competencies), salary scales and places on every request. Only anonymous requests use it: a caller with a key reads
 * its own edits at once (src/server/graphql-handler.ts).
 */
export function createReferenceData(services: Services, clock: () => number, bounds: ReferenceBounds) {
  return {
    agencies: new TableSnapshot<AgencyCode, Agency>(
      () => services.agencies.list(),
      (a) => a.code,
      bounds.Agency,
      clock,
    ),
    waves: new TableSnapshot<number, Wave>(
      () => services.campaigns.allWaves(),
      (w) => w.key,
      bounds.Wave,
      clock,
    ),
    jobProfiles: new TableSnapshot<number, JobProfile>(
      () => services.jobProfiles.list(),
      (p) => p.key,
      bounds.JobProfile,
      clock,
    ),
    // A vacancy page's job profile with its result areas and competencies: per profile, an entry for each.
    resultAreas: new TableSnapshot<number, { profileKey: number; items: ResultArea[] }>(
      () => services.jobProfiles.resultAreasOfEveryProfile(),
      (r) => r.profileKey,
      bounds.ResultArea,
      clock,
    ),
    competencies: new TableSnapshot<number, { profileKey: number; items: RequiredCompetency[] }>(
      () => services.jobProfiles.competenciesOfEveryProfile(),
      (r) => r.profileKey,
      bounds.RequiredCompetency,
      clock,
    ),
    salaryScales: new TableSnapshot<string, SalaryScale>(
      () => services.jobProfiles.allSalaryScales(),
      (s) => s.code,
      bounds.SalaryScale,
      clock,
    ),
    places: new TableSnapshot<number, Place>(
      () => services.places.list(),
      (p) => p.key,
      bounds.Place,
      clock,
    ),
  };
}

export type ReferenceData = ReturnType<typeof createReferenceData>;
