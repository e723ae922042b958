import { AgencyService } from "../agencies/agency.service";
import { ApiClientService } from "../api-clients/api-client.service";
import { ApplicationService } from "../applications/application.service";
import { PipelineService } from "../applications/pipeline.service";
import { SubmissionService } from "../applications/submission.service";
import { AuditService } from "../audit/audit.service";
import { CandidateService } from "../candidates/candidate.service";
import { PersonKeys } from "../candidates/person-keys";
import { DashboardService, type DashboardCaching } from "../dashboard/dashboard.service";
import { EventService } from "../events/event.service";
import { Sequencer } from "../events/sequencer";
import { fanOut } from "../webhooks/fan-out";
import { WebhookEndpointService } from "../webhooks/webhook-endpoint.service";
import type { AllowedNetworks } from "../webhooks/webhook-url";
import { ViewerService } from "../auth/viewer.service";
import { CampaignService } from "../campaigns/campaign.service";
import type { Db } from "../db/client";
import { JobProfileService } from "../job-profiles/job-profile.service";
import { PlaceService } from "../places/place.service";
import { PlanningService } from "../test-sessions/planning.service";
import { SelectionService } from "../test-sessions/selection.service";
import { SessionManagementService } from "../test-sessions/session-management.service";
import { TestSessionService } from "../test-sessions/test-session.service";
import { VacancyManagementService } from "../vacancies/vacancy-management.service";
import { VacancyService } from "../vacancies/vacancy.service";

/** The plain services behind the resolvers: stateless, built once per process around the database. */
export function createServices(
  db: Db,
  options: {
    adminApiKey: string | null;
    now?: () => Date;
    webhookAllowedNetworks?: AllowedNetworks;
    /** A read replica for the dashboards (counters and rollups: a replica's lag is fine there); default: db. */
    readDb?: Db;
    /** PERSON_KEY_SECRET (src/candidates/person-keys.ts); null: the install's own, kept in the database. */
    personKeySecret?: string | null;
    /** Dashboard figures shared by the requests for one selection (DASHBOARD_CACHE_S); default: not shared. */
    dashboardCaching?: DashboardCaching | null;
  },
) {
  const pipeline = new PipelineService(db);
  const personKeys = new PersonKeys(db, options.personKeySecret ?? null);
  const sequencer = new Sequencer(db);
  // Wherever events get their positions, webhook deliveries are created in the same transaction.
  sequencer.onSequenced(fanOut);
  return {
    viewers: new ViewerService(db, options.adminApiKey),
    agencies: new AgencyService(db),
    campaigns: new CampaignService(db),
    jobProfiles: new JobProfileService(db),
    vacancies: new VacancyService(db),
    places: new PlaceService(db),
    testSessions: new TestSessionService(db),
    vacancyManagement: new VacancyManagementService(db, options.now),
    applications: new ApplicationService(db),
    personKeys,
    submissions: new SubmissionService(db, personKeys),
    pipeline,
    selection: new SelectionService(db, pipeline),
    sessionManagement: new SessionManagementService(db),
    planning: new PlanningService(db),
    candidates: new CandidateService(db),
    apiClients: new ApiClientService(db),
    audit: new AuditService(db),
    dashboard: new DashboardService(db, options.now, options.readDb, options.dashboardCaching),
    sequencer,
    events: new EventService(db, sequencer),
    webhooks: new WebhookEndpointService(db, options.webhookAllowedNetworks ?? []),
  };
}

export type Services = ReturnType<typeof createServices>;
