import { createAgencyLoaders } from "../agencies/agency.loaders";
import { createApplicationLoaders } from "../applications/application.loaders";
import { createCampaignLoaders } from "../campaigns/campaign.loaders";
import { createJobProfileLoaders } from "../job-profiles/job-profile.loaders";
import { createPlaceLoaders } from "../places/place.loaders";
import { createTestSessionLoaders } from "../test-sessions/test-session.loaders";
import { createVacancyLoaders } from "../vacancies/vacancy.loaders";
import { createWebhookLoaders } from "../webhooks/webhook.loaders";
import type { Services } from "./services";

/** Every relation's DataLoader, built fresh for each request so nothing is cached across requests or viewers. */
export function createLoaders(services: Services) {
  return {
    ...createAgencyLoaders(services.agencies),
    ...createCampaignLoaders(services.campaigns),
    ...createJobProfileLoaders(services.jobProfiles),
    ...createVacancyLoaders(services.vacancies),
    ...createPlaceLoaders(services.places),
    ...createTestSessionLoaders(services.testSessions, services.selection),
    ...createApplicationLoaders(services.applications),
    ...createWebhookLoaders(services.events, services.webhooks),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
