import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { AgencyResolver } from "../agencies/agency.resolver";
import { RoleAuthChecker } from "../auth/auth-checker";
import { CampaignResolver, WaveResolver } from "../campaigns/campaign.resolver";
import { DateTimeScalar } from "../common/scalars";
import { CompetenceAreaResolver, JobProfileResolver, ResultAreaResolver, SalaryScaleResolver } from "../job-profiles/job-profile.resolver";
import { TestSessionResolver } from "../test-sessions/test-session.resolver";
import { CampaignVacanciesResolver, VacancyResolver } from "../vacancies/vacancy.resolver";

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
  TestSessionResolver,
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
  });
  return built;
}

/** The published SDL: sorted, so its diff shows only real changes. */
export async function printCampaignSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await campaignSchema())) + "\n";
}
