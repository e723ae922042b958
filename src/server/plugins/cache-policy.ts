import {
  getNamedType,
  isCompositeType,
  Kind,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { Context } from "../../context/context";

/**
 * How long anonymous readers (and CDNs) may keep each public type or field, in seconds: the whole cache policy of the
 * API in one place. A response's max-age is the smallest over every object and field it contains.
 *
 * This is an allow-list. A type or object field not named here is never cached (max-age 0), so new types are private
 * until someone decides otherwise: candidates, applications, dashboards, API clients, audit entries and every mutation
 * payload stay out. Authenticated requests are never cached at all, whatever they read (see cachePolicyPlugin).
 */
export const PUBLIC_MAX_AGE = {
  types: {
    // Vacancy data changes when an agency edits, publishes or closes a vacancy: tens of seconds.
    Campaign: 20,
    Vacancy: 20,
    VacancyConnection: 20,
    VacancyEdge: 20,
    PageInfo: 20,
    TestSession: 20,
    TestSessionConnection: 20,
    TestSessionEdge: 20,
    // Progress moves with hires; filter menus with vacancies.
    CampaignProgress: 20,
    AgencyProgress: 20,
    WaveProgress: 20,
    JobProfileProgress: 20,
    VacancyFacets: 20,
    AgencyFacet: 20,
    WaveFacet: 20,
    LevelFacet: 20,
    LanguageRegimeFacet: 20,
    ProvinceFacet: 20,
    RegionFacet: 20,
    // Reference data, edited by hand a few times per campaign.
    Agency: 60,
    Wave: 60,
    JobProfile: 60,
    ResultArea: 60,
    CompetenceArea: 60,
    RequiredCompetency: 60,
    SalaryScale: 60,
    SalaryStep: 60,
    SelectionProcedure: 60,
    ExamPart: 60,
    Place: 60,
    Province: 60,
    Region: 60,
  } as Record<string, number>,
  fields: {
    // Seats go as applicants are invited: a few seconds.
    "TestSession.seatsLeft": 5,
  } as Record<string, number>,
};

/**
 * The max-age of an operation: the smallest PUBLIC_MAX_AGE over every field it selects that returns an object (unlisted
 * types count 0) and every listed field; scalar fields inherit their parent's. The policy depends on types and fields
 * only, never on values, so reading it off the document once is the same as hinting every resolved field, without a
 * hook per field (which cost a tenth of the CPU of a 50-vacancy page). undefined: nothing cacheable asked.
 */
export function documentMaxAge(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number | undefined {
  const typeInfo = new TypeInfo(schema);
  let maxAge: number | undefined;
  const restrict = (value: number) => (maxAge = maxAge === undefined ? value : Math.min(maxAge, value));
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const seen = new Set<string>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field() {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field) return;
          const own = PUBLIC_MAX_AGE.fields[`${parent.name}.${field.name}`];
          const named = getNamedType(field.type);
          if (own !== undefined) restrict(own);
          else if (isCompositeType(named)) restrict(PUBLIC_MAX_AGE.types[named.name] ?? 0);
        },
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !seen.has(fragment.name.value)) {
            seen.add(fragment.name.value);
            walk(fragment);
          }
        },
      }),
    );
  walk(operation);
  return maxAge;
}

/**
 * documentMaxAge of an operation, once per operation of a parsed document: Apollo keeps parsed documents (its document
 * store), and so do the prepared queries (src/server/prepared-queries.ts), so a page asked again walks nothing; the
 * policy depends on the document alone, never on variables or values.
 */
const maxAges = new WeakMap<OperationDefinitionNode, { maxAge: number | undefined }>();
export function operationMaxAge(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number | undefined {
  let known = maxAges.get(operation);
  if (!known) maxAges.set(operation, (known = { maxAge: documentMaxAge(schema, document, operation) }));
  return known.maxAge;
}

/** The Cache-Control of an answer without errors, from its cache policy (max-age 0 or none: not cacheable). */
export function cacheControl(maxAge: number | undefined, scope: "PUBLIC" | "PRIVATE" = "PUBLIC"): string {
  return maxAge ? `max-age=${maxAge}, ${scope.toLowerCase()}` : "no-store";
}

/**
 * Sets each request's cache policy from PUBLIC_MAX_AGE, and the Cache-Control header from it: `max-age=N, public` on an
 * anonymous query answered without errors, `no-store` on everything else (authenticated requests, mutations, errors).
 * It stands in for Apollo's cache-control plugin (disabled), whose per-field hooks would compute the same policy.
 */
function publicMaxAgePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { operation, document, schema } = requestContext;
          if (requestContext.contextValue.viewer.kind !== "anonymous" || operation?.operation !== OperationTypeNode.QUERY) {
            requestContext.overallCachePolicy.restrict({ maxAge: 0, scope: "PRIVATE" });
            return;
          }
          const maxAge = operationMaxAge(schema, document, operation);
          if (maxAge !== undefined) requestContext.overallCachePolicy.restrict({ maxAge, scope: "PUBLIC" });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          if (response.http.headers.has("cache-control")) return;
          const cacheable = response.body.kind === "single" && !response.body.singleResult.errors ? overallCachePolicy.policyIfCacheable() : null;
          response.http.headers.set("cache-control", cacheable ? cacheControl(cacheable.maxAge, cacheable.scope) : "no-store");
        },
      };
    },
  };
}

/**
 * The cache policy and its Cache-Control header (Apollo's own cache-control plugin switched off). Whole answers are
 * kept by the response cache at the edge of the GraphQL route (src/server/response-cache.ts), which stores an answer
 * only when this policy made it public.
 */
export function cachePlugins(): ApolloServerPlugin<Context>[] {
  return [publicMaxAgePlugin(), ApolloServerPluginCacheControlDisabled()];
}
