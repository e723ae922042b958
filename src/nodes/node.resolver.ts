import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import { mayViewApplication } from "../applications/application.service";
import { badUserInput } from "../common/errors";
import { parseGlobalId, type NodeType } from "../common/global-id";
import { Node } from "../common/node";
import type { Context } from "../context/context";
import { readerOf } from "../events/audience";
import { mayView } from "../vacancies/vacancy.service";

const MAX_NODES = 100;

/**
 * Relay's refetch by id. Each object is loaded the way its own field loads it and shown only to whom that field shows
 * it: drafts to their agency, the taskforce and administrators; applications to their agency's HR system, the taskforce
 * and administrators; candidates, API clients and audit entries to administrators (an HR system reaches its candidates
 * through its applications). Anything else reads as null, exactly like an unknown id. Ids of one type load together.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id; null when unknown or not visible to the caller." })
  async node(@Ctx() ctx: Context, @Arg("id", () => ID, { description: "A global id." }) id: string): Promise<Node | null> {
    return (await resolveNodes(ctx, [id]))[0];
  }

  @Query(() => [Node], {
    nullable: "items",
    description: `Objects by global id, in the order asked (at most ${MAX_NODES}); null for each unknown or invisible one.`,
  })
  async nodes(@Ctx() ctx: Context, @Arg("ids", () => [ID], { description: "Global ids." }) ids: string[]): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODES) throw badUserInput(`"ids" may hold at most ${MAX_NODES} ids, got ${ids.length}.`, "ids");
    return resolveNodes(ctx, ids);
  }
}

async function resolveNodes(ctx: Context, ids: string[]): Promise<(Node | null)[]> {
  const admin = ctx.viewer.kind === "client" && ctx.viewer.role === Role.ADMIN;
  const byType = new Map<NodeType, number[]>();
  const parsed = ids.map(parseGlobalId);
  for (const p of parsed) if (p) byType.set(p.type, [...(byType.get(p.type) ?? []), p.key]);
  const adminOnly = async <T>(load: (keys: number[]) => Promise<T[]>, keys: number[]) => (admin ? load(keys) : []);
  const loaded = new Map<string, object | null>();
  await Promise.all(
    [...byType].map(async ([type, keys]) => {
      const loaders: Partial<Record<NodeType, () => Promise<(object | null | Error)[]>>> = {
        Campaign: () => ctx.loaders.campaignByKey.loadMany(keys),
        Wave: () => ctx.loaders.waveByKey.loadMany(keys),
        JobProfile: () => ctx.loaders.jobProfileByKey.loadMany(keys),
        Vacancy: async () => (await ctx.loaders.vacancyByKey.loadMany(keys)).map((v) => (v && !(v instanceof Error) && mayView(ctx.viewer, v) ? v : null)),
        Place: () => ctx.loaders.placeByKey.loadMany(keys),
        TestSession: () => ctx.loaders.testSessionByKey.loadMany(keys),
        Application: async () =>
          (await ctx.loaders.applicationByKey.loadMany(keys)).map((a) => (a && !(a instanceof Error) && mayViewApplication(ctx.viewer, a) ? a : null)),
        Candidate: async () => (admin ? ctx.loaders.candidateByKey.loadMany(keys) : []),
        ApiClient: () => adminOnly((k) => ctx.services.apiClients.byKeys(k), keys),
        AuditEntry: () => adminOnly((k) => ctx.services.audit.byKeys(k), keys),
        Event: () => ctx.services.events.readableByKeys(readerOf(ctx.viewer), keys),
        WebhookEndpoint: () => ctx.services.webhooks.endpointsByKeys(ctx.viewer, keys),
        WebhookDelivery: () => ctx.services.webhooks.deliveriesByKeys(ctx.viewer, keys),
      };
      const found = (await loaders[type]?.()) ?? [];
      for (const object of found) {
        if (object && !(object instanceof Error)) loaded.set((object as { id: string }).id, object);
      }
    }),
  );
  return ids.map((id) => (loaded.get(id) as Node | undefined) ?? null);
}
