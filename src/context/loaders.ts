import DataLoader from "dataloader";
import type { AgencyCode } from "../agencies/agency.type";
import { createAgencyLoaders } from "../agencies/agency.loaders";
import { createApplicationLoaders } from "../applications/application.loaders";
import { createCampaignLoaders } from "../campaigns/campaign.loaders";
import { createJobProfileLoaders } from "../job-profiles/job-profile.loaders";
import { createPlaceLoaders } from "../places/place.loaders";
import { createTestSessionLoaders } from "../test-sessions/test-session.loaders";
import { createVacancyLoaders } from "../vacancies/vacancy.loaders";
import { createWebhookLoaders } from "../webhooks/webhook.loaders";
import type { ReferenceData } from "./reference-data";
import type { Services } from "./services";

/**
 * Every relation's DataLoader, built fresh for each request so nothing is cached across requests or viewers; with
 * `reference` (anonymous requests), agencies, waves, job profiles (with their result areas and competencies), salary
 * scales and places come from the process's copy of them, within its bound.
 */
export function createLoaders(services: Services, reference?: ReferenceData | null) {
  const loaders = {
    ...createAgencyLoaders(services.agencies),
    ...createCampaignLoaders(services.campaigns),
    ...createJobProfileLoaders(services.jobProfiles),
    ...createVacancyLoaders(services.vacancies),
    ...createPlaceLoaders(services.places),
    ...createTestSessionLoaders(services.testSessions, services.selection),
    ...createApplicationLoaders(services.applications),
    ...createWebhookLoaders(services.events, services.webhooks),
  };
  if (!reference) return loaders;
  return {
    ...loaders,
    agencyByCode: new DataLoader((codes: readonly AgencyCode[]) => reference.agencies.get(codes)),
    waveByKey: new DataLoader((keys: readonly number[]) => reference.waves.get(keys)),
    jobProfileByKey: new DataLoader((keys: readonly number[]) => reference.jobProfiles.get(keys)),
    resultAreasByProfile: new DataLoader(async (keys: readonly number[]) => (await reference.resultAreas.get(keys)).map((r) => r?.items ?? [])),
    competenciesByProfile: new DataLoader(async (keys: readonly number[]) => (await reference.competencies.get(keys)).map((r) => r?.items ?? [])),
    salaryScaleByCode: new DataLoader((codes: readonly string[]) => reference.salaryScales.get(codes)),
    placeByKey: new DataLoader((keys: readonly number[]) => reference.places.get(keys)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
