import { AgencyService } from "../agencies/agency.service";
import { ViewerService } from "../auth/viewer.service";
import { CampaignService } from "../campaigns/campaign.service";
import type { Db } from "../db/client";
import { JobProfileService } from "../job-profiles/job-profile.service";
import { TestSessionService } from "../test-sessions/test-session.service";
import { VacancyService } from "../vacancies/vacancy.service";

/** The plain services behind the resolvers: stateless, built once per process around the database. */
export function createServices(db: Db, options: { adminApiKey: string | null }) {
  return {
    viewers: new ViewerService(db, options.adminApiKey),
    agencies: new AgencyService(db),
    campaigns: new CampaignService(db),
    jobProfiles: new JobProfileService(db),
    vacancies: new VacancyService(db),
    testSessions: new TestSessionService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
