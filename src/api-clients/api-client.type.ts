import { Node } from "../common/node";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { AgencyCode } from "../agencies/agency.type";
import { Role } from "../auth/role";
import { Connection } from "../common/connection";
import { UserError, withCodes } from "../common/user-error";
import { API_CLIENT_OPERATION_CODES as CODES, type ApiClientCode } from "./api-client.errors";

@ObjectType({ implements: Node, description: "A holder of an API key: an agency's HR system, the taskforce, an operator." })
export class ApiClient {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;

  @Field({ description: 'What the client is, e.g. "DVZ HR system (vendor X)".' })
  name!: string;

  @Field(() => Role, { description: "What the key may do." })
  role!: Role;

  @Field(() => AgencyCode, { nullable: true, description: "The agency an AGENCY_HR key is confined to." })
  agencyCode!: AgencyCode | null;

  @Field({ description: "The key's first characters, to tell keys apart; never enough to use it." })
  keyPrefix!: string;

  @Field(() => Date, { description: "When the client was created." })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the key was revoked; null while it works." })
  revokedAt!: Date | null;
}

@ObjectType({ description: "Who is calling." })
export class Viewer {
  @Field({ description: "true without an API key: only public data is readable." })
  anonymous!: boolean;

  @Field(() => Role, { nullable: true, description: "The key's role; null when anonymous." })
  role!: Role | null;

  @Field(() => String, { nullable: true, description: "The API client's name; null when anonymous." })
  name!: string | null;

  @Field(() => AgencyCode, { nullable: true, description: "The agency an AGENCY_HR key is confined to." })
  agencyCode!: AgencyCode | null;

  clientKey!: number | null;
}

@InputType({ description: "A new API client." })
export class CreateApiClientInput {
  @Field({ description: "What the client is, 1 to 200 characters." })
  name!: string;

  @Field(() => Role, { description: "What the key may do." })
  role!: Role;

  @Field(() => AgencyCode, { nullable: true, description: "Required for AGENCY_HR, not allowed for the other roles." })
  agency?: AgencyCode | null;
}

@ObjectType({ description: withCodes("The outcome of createApiClient.", CODES.createApiClient) })
export class CreateApiClientPayload {
  @Field(() => ApiClient, { nullable: true, description: "The new client; null when refused." })
  apiClient!: ApiClient | null;

  @Field(() => String, { nullable: true, description: 'The key, shown this once: only its hash is stored. Send it as "Authorization: Bearer <key>".' })
  apiKey!: string | null;

  @Field(() => [UserError], { description: "Why the client was not created; empty on success." })
  userErrors!: UserError<ApiClientCode<"createApiClient">>[];
}

@InputType({ description: "Revoke an API client's key for good." })
export class RevokeApiClientInput {
  @Field(() => ID, { description: "The API client." })
  apiClientId!: string;
}

@ObjectType({ description: withCodes("The outcome of revokeApiClient.", CODES.revokeApiClient) })
export class RevokeApiClientPayload {
  @Field(() => ApiClient, { nullable: true, description: "The revoked client; null when refused." })
  apiClient!: ApiClient | null;

  @Field(() => [UserError], { description: "Why nothing was revoked; empty on success." })
  userErrors!: UserError<ApiClientCode<"revokeApiClient">>[];
}

export const ApiClientConnection = Connection(ApiClient, "ApiClient", "API client");
export type ApiClientConnection = InstanceType<typeof ApiClientConnection>;
