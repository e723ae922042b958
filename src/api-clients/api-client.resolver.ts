import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Agency } from "../agencies/agency.type";
import { Role } from "../auth/role";
import { PageArgs } from "../common/connection";
import { payload } from "../common/user-error";
import type { Context } from "../context/context";
import {
  ApiClient,
  ApiClientConnection,
  CreateApiClientInput,
  CreateApiClientPayload,
  RevokeApiClientInput,
  RevokeApiClientPayload,
  Viewer,
} from "./api-client.type";

@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Query(() => Viewer, { description: "Who is calling: anonymous, or the API client behind the key with its role and agency." })
  viewer(@Ctx() ctx: Context): Viewer {
    const v = ctx.viewer;
    return Object.assign(
      new Viewer(),
      v.kind === "client"
        ? { anonymous: false, role: v.role, name: v.name, agencyCode: v.agencyCode, clientKey: v.clientId }
        : { anonymous: true, role: null, name: null, agencyCode: null, clientKey: null },
    );
  }

  @Authorized(Role.ADMIN)
  @Query(() => ApiClientConnection, { description: "Every API client, oldest first. ADMIN only." })
  async apiClients(@Ctx() ctx: Context, @Args() page: PageArgs): Promise<ApiClientConnection> {
    return ApiClientConnection.of(await ctx.services.apiClients.list(page));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateApiClientPayload, { description: "Create an API client; the payload carries its key, shown this once. ADMIN only." })
  async createApiClient(
    @Ctx() ctx: Context,
    @Arg("input", () => CreateApiClientInput, { description: "The client." }) input: CreateApiClientInput,
  ): Promise<CreateApiClientPayload> {
    return payload(CreateApiClientPayload, await ctx.services.apiClients.create(input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RevokeApiClientPayload, { description: "Revoke an API client's key: from now on it is refused (UNAUTHENTICATED). ADMIN only." })
  async revokeApiClient(
    @Ctx() ctx: Context,
    @Arg("input", () => RevokeApiClientInput, { description: "Which client." }) input: RevokeApiClientInput,
  ): Promise<RevokeApiClientPayload> {
    return payload(RevokeApiClientPayload, await ctx.services.apiClients.revoke(input.apiClientId));
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency an AGENCY_HR key is confined to." })
  agency(@Root() client: ApiClient, @Ctx() ctx: Context): Promise<Agency | null> {
    return client.agencyCode ? ctx.loaders.agencyByCode.load(client.agencyCode) : Promise.resolve(null);
  }
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @FieldResolver(() => Agency, { nullable: true, description: "The agency an AGENCY_HR key is confined to." })
  agency(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<Agency | null> {
    return viewer.agencyCode ? ctx.loaders.agencyByCode.load(viewer.agencyCode) : Promise.resolve(null);
  }
}
