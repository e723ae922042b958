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

/** Each feature's loaders, built together (a feature's loaders may share state, such as a map of loaders per page size). */
function loaderGroups(services: Services) {
  return [
    () => createAgencyLoaders(services.agencies),
    () => createCampaignLoaders(services.campaigns),
    () => createJobProfileLoaders(services.jobProfiles),
    () => createVacancyLoaders(services.vacancies),
    () => createPlaceLoaders(services.places),
    () => createTestSessionLoaders(services.testSessions, services.selection),
    () => createApplicationLoaders(services.applications),
    () => createWebhookLoaders(services.events, services.webhooks),
  ] as const;
}

/** Agencies, waves, job profiles (with their result areas and competencies), salary scales and places from the process's copy. */
function referenceLoaders(reference: ReferenceData) {
  return {
    agencyByCode: new DataLoader((codes: readonly AgencyCode[]) => reference.agencies.get(codes)),
    waveByKey: new DataLoader((keys: readonly number[]) => reference.waves.get(keys)),
    jobProfileByKey: new DataLoader((keys: readonly number[]) => reference.jobProfiles.get(keys)),
    resultAreasByProfile: new DataLoader(async (keys: readonly number[]) => (await reference.resultAreas.get(keys)).map((r) => r?.items ?? [])),
    competenciesByProfile: new DataLoader(async (keys: readonly number[]) => (await reference.competencies.get(keys)).map((r) => r?.items ?? [])),
    salaryScaleByCode: new DataLoader((codes: readonly string[]) => reference.salaryScales.get(codes)),
    placeByKey: new DataLoader((keys: readonly number[]) => reference.places.get(keys)),
  };
}

type Groups = ReturnType<typeof loaderGroups>;
type Merged<T extends readonly (() => object)[]> = T extends readonly [() => infer First, ...infer Rest extends readonly (() => object)[]]
  ? First & Merged<Rest>
  : unknown;

/** Every relation's loader, by name. */
export type Loaders = Merged<Groups>;

/** Per services and reference data (both built once per process): the prototype whose getters build a request's loaders. */
const prototypes = new WeakMap<Services, Map<ReferenceData | null, object>>();

/**
 * Every relation's DataLoader, fresh for each request so nothing is cached across requests or viewers; with `reference`
 * (anonymous requests), agencies, waves, job profiles (with their result areas and competencies), salary scales and
 * places come from the process's copy of them, within its bound.
 *
 * Built when first used: a feature's loaders come into being on the request's first read of one of them (a campaign page
 * uses three features of ten; building all of them for every request was about 1 % of its CPU). The result is an object
 * whose getters, on a prototype made once per process, build the feature's loaders and keep them on the object.
 */
export function createLoaders(services: Services, reference?: ReferenceData | null): Loaders {
  let byReference = prototypes.get(services);
  if (!byReference) prototypes.set(services, (byReference = new Map<ReferenceData | null, object>()));
  let prototype = byReference.get(reference ?? null);
  if (!prototype) byReference.set(reference ?? null, (prototype = loaderPrototype(services, reference ?? null)));
  return Object.create(prototype, { built: { value: [] } }) as Loaders;
}

function loaderPrototype(services: Services, reference: ReferenceData | null): object {
  const groups: (() => Record<string, unknown>)[] = [...loaderGroups(services)];
  // Later groups win a name: the reference data's loaders stand in for the database's.
  if (reference) groups.push(() => referenceLoaders(reference));
  const prototype = {};
  groups.forEach((build, index) => {
    // Built once here, for the names only.
    for (const name of Object.keys(build())) {
      Object.defineProperty(prototype, name, {
        configurable: true,
        enumerable: true,
        get(this: { built: Record<string, unknown>[] }) {
          const value = (this.built[index] ??= build())[name];
          Object.defineProperty(this, name, { value, enumerable: true });
          return value;
        },
      });
    }
  });
  return prototype;
}
