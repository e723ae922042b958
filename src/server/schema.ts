import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { AgencyResolver } from "../agencies/agency.resolver";
import { ApiClientResolver, ViewerResolver } from "../api-clients/api-client.resolver";
import { ApplicationResolver } from "../applications/application.resolver";
import { audited } from "../audit/audit.middleware";
import { AuditResolver } from "../audit/audit.resolver";
import { CandidateResolver } from "../candidates/candidate.resolver";
import { DashboardResolver } from "../dashboard/dashboard.resolver";
import { EventResolver } from "../events/event.resolver";
import { WebhookDeliveryResolver, WebhookEndpointResolver } from "../webhooks/webhook.resolver";
import { RoleAuthChecker } from "../auth/auth-checker";
import { CampaignResolver, WaveResolver } from "../campaigns/campaign.resolver";
import { DateTimeScalar } from "../common/scalars";
import { callResolversDirectly, resolveTypesDirectly } from "./direct-resolvers";
import { CompetenceAreaResolver, JobProfileResolver, ResultAreaResolver, SalaryScaleResolver } from "../job-profiles/job-profile.resolver";
import { NodeResolver } from "../nodes/node.resolver";
import { PlaceResolver, ProvinceResolver, RegionResolver } from "../places/place.resolver";
import { ApplicationScoreResolver, LaureatesResolver, ScoreResolver, SelectionResolver } from "../test-sessions/selection.resolver";
import { TestSessionResolver } from "../test-sessions/test-session.resolver";
import { VacancyManagementResolver } from "../vacancies/vacancy-management.resolver";
import { CampaignVacanciesResolver, ExamPartResolver, VacancyResolver } from "../vacancies/vacancy.resolver";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const resolvers: NonEmptyArray<Function> = [
  AgencyResolver,
  CampaignResolver,
  WaveResolver,
  CampaignVacanciesResolver,
  JobProfileResolver,
  ResultAreaResolver,
  CompetenceAreaResolver,
  SalaryScaleResolver,
  VacancyResolver,
  ExamPartResolver,
  VacancyManagementResolver,
  PlaceResolver,
  NodeResolver,
  ProvinceResolver,
  RegionResolver,
  TestSessionResolver,
  SelectionResolver,
  LaureatesResolver,
  ApplicationScoreResolver,
  ScoreResolver,
  ApplicationResolver,
  CandidateResolver,
  ApiClientResolver,
  ViewerResolver,
  AuditResolver,
  DashboardResolver,
  EventResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
];

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the resolver classes. */
export function campaignSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker: RoleAuthChecker,
    authMode: "error",
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  })
    .then(describeRootTypes)
    .then(callResolversDirectly)
    .then(resolveTypesDirectly);
  return built;
}

const ROOT_DESCRIPTIONS = {
  Query: "Reads. Public campaign data needs no key; pipeline data needs an API key (Authorization: Bearer <key>).",
  Mutation: "One mutation per business action, each taking one input and returning a payload with userErrors.",
} as const;

/**
 * type-graphql leaves the root types undescribed (the SDL is the front-end teams' documentation, so describe them); and
 * every mutation is wrapped for the audit log, outside the authorization check so refusals are recorded too.
 */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const describe = (type: GraphQLObjectType | null | undefined) =>
    type ? new GraphQLObjectType({ ...type.toConfig(), description: ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS] }) : type;
  const query = describe(config.query);
  const mutation = config.mutation
    ? new GraphQLObjectType({
        ...config.mutation.toConfig(),
        description: ROOT_DESCRIPTIONS.Mutation,
        fields: Object.fromEntries(
          Object.entries(config.mutation.toConfig().fields).map(([name, field]) => [
            name,
            { ...field, resolve: field.resolve && audited(field.resolve as never) },
          ]),
        ),
      })
    : undefined;
  return new GraphQLSchema({
    ...config,
    query,
    mutation,
    types: config.types.filter((t) => t.name !== "Query" && t.name !== "Mutation"),
  });
}

/** The published SDL: sorted, so its diff shows only real changes. */
export async function printCampaignSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await campaignSchema())) + "\n";
}
