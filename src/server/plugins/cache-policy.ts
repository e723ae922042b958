import { createHash } from "node:crypto";
import { getNamedType, isCompositeType } from "graphql";
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { maybeCacheControlFromInfo } from "@apollo/cache-control-types";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { Context } from "../context";

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
  } as Record<string, number>,
  fields: {
    // Seats go as applicants are invited: a few seconds.
    "TestSession.seatsLeft": 5,
  } as Record<string, number>,
};

/**
 * Applies PUBLIC_MAX_AGE to every resolved field, and makes authenticated requests and mutations uncacheable.
 *
 * Installed right before Apollo's cache-control plugin: Apollo runs field hooks in reverse plugin order, so the
 * cache-control plugin has given the field its `info.cacheControl` by the time this one sets the hint.
 */
function publicMaxAgePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          if (requestContext.contextValue.viewer.kind !== "anonymous" || requestContext.operation?.operation !== "query") {
            requestContext.overallCachePolicy.restrict({ maxAge: 0, scope: "PRIVATE" });
          }
        },
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              const named = getNamedType(info.returnType);
              const maxAge = PUBLIC_MAX_AGE.fields[`${info.parentType.name}.${info.fieldName}`] ?? (isCompositeType(named) ? PUBLIC_MAX_AGE.types[named.name] : undefined);
              if (maxAge !== undefined) maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge, scope: "PUBLIC" });
            },
          };
        },
      };
    },
  };
}

/** Authenticated requests never read or write the response cache, and never share an entry with each other. */
function isAnonymous(requestContext: GraphQLRequestContext<Context>): boolean {
  return !requestContext.request.http?.headers.get("authorization") && requestContext.contextValue.viewer.kind === "anonymous";
}

/**
 * The cache plugins in their required order: the max-age hints, Apollo's cache-control (Cache-Control header: `max-age=N,
 * public` on cacheable anonymous answers, `no-store` on everything else), and, when `responseCache` is given, an
 * in-process cache of whole anonymous query responses, keyed by document, variables and language, kept for their max-age.
 */
export function cachePlugins(responseCache: { maxBytes: number } | null): ApolloServerPlugin<Context>[] {
  const plugins: ApolloServerPlugin<Context>[] = [publicMaxAgePlugin(), ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: true })];
  if (responseCache) {
    plugins.push(
      responseCachePlugin<Context>({
        cache: new InMemoryLRUCache<string>({ maxSize: responseCache.maxBytes }),
        // A session per Authorization header: should an authenticated answer ever reach the writer, it could only be
        // read back by the same key. The two hooks below keep authenticated requests away from the cache altogether.
        sessionId: async (requestContext) => {
          const authorization = requestContext.request.http?.headers.get("authorization");
          return authorization ? createHash("sha256").update(authorization).digest("hex") : null;
        },
        extraCacheKeyData: async (requestContext) => ({ language: requestContext.contextValue.language }),
        shouldReadFromCache: async (requestContext) => isAnonymous(requestContext),
        shouldWriteToCache: async (requestContext) => isAnonymous(requestContext),
      }),
    );
  }
  return plugins;
}
