import { asc, eq, inArray, sql } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { displayPrefix, generateApiKey, hashApiKey } from "../auth/api-keys";
import { Role } from "../auth/role";
import { CursorCodec, toPage, type PageArgs, type PageResult } from "../common/connection";
import { fromGlobalId, toGlobalId } from "../common/global-id";
import { userError, type UserError } from "../common/user-error";
import type { Db } from "../db/client";
import { apiClients } from "../db/tables";
import { ApiClient } from "./api-client.type";
import { ApiClientErrorCode, type ApiClientCode } from "./api-client.errors";

export function toApiClient(row: typeof apiClients.$inferSelect): ApiClient {
  return Object.assign(new ApiClient(), {
    id: toGlobalId("ApiClient", row.id),
    key: row.id,
    name: row.name,
    role: row.role,
    agencyCode: row.agencyCode,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  });
}

const cursors = new CursorCodec<[number]>("apiClients", (v): v is [number] => v.length === 1 && Number.isSafeInteger(v[0]));

export class ApiClientService {
  constructor(private readonly db: Db) {}

  /** Creates a client and returns its key once; the database keeps only the key's SHA-256. */
  async create(input: {
    name: string;
    role: Role;
    agency?: AgencyCode | null;
  }): Promise<{ apiClient: ApiClient | null; apiKey: string | null; userErrors: UserError<ApiClientCode<"createApiClient">>[] }> {
    const name = input.name.trim();
    const errors: UserError<ApiClientCode<"createApiClient">>[] = [];
    if (!name) errors.push(userError(ApiClientErrorCode.NAME_REQUIRED, "name must not be blank.", ["input", "name"]));
    else if (name.length > 200)
      errors.push(userError(ApiClientErrorCode.NAME_TOO_LONG, `name must be at most 200 characters, got ${name.length}.`, ["input", "name"]));
    if (input.role === Role.AGENCY_HR && !input.agency)
      errors.push(userError(ApiClientErrorCode.AGENCY_REQUIRED, "An AGENCY_HR client needs an agency.", ["input", "agency"]));
    if (input.role !== Role.AGENCY_HR && input.agency)
      errors.push(userError(ApiClientErrorCode.AGENCY_NOT_ALLOWED, `A ${input.role} client is not tied to an agency.`, ["input", "agency"]));
    if (errors.length) return { apiClient: null, apiKey: null, userErrors: errors };

    const apiKey = generateApiKey();
    const [row] = await this.db
      .insert(apiClients)
      .values({ name, role: input.role, agencyCode: input.agency ?? null, keyHash: hashApiKey(apiKey), keyPrefix: displayPrefix(apiKey) })
      .returning();
    return { apiClient: toApiClient(row), apiKey, userErrors: [] };
  }

  async revoke(apiClientId: string): Promise<{ apiClient: ApiClient | null; userErrors: UserError<ApiClientCode<"revokeApiClient">>[] }> {
    const key = fromGlobalId("ApiClient", apiClientId);
    const notFound = {
      apiClient: null,
      userErrors: [userError(ApiClientErrorCode.API_CLIENT_NOT_FOUND, "No API client has this id.", ["input", "apiClientId"])],
    };
    if (key == null) return notFound;
    const [revoked] = await this.db
      .update(apiClients)
      .set({ revokedAt: sql`now()` })
      .where(sql`${apiClients.id} = ${key} and ${apiClients.revokedAt} is null`)
      .returning();
    if (revoked) return { apiClient: toApiClient(revoked), userErrors: [] };
    const [existing] = await this.db.select().from(apiClients).where(eq(apiClients.id, key));
    if (!existing) return notFound;
    return {
      apiClient: null,
      userErrors: [
        userError(ApiClientErrorCode.ALREADY_REVOKED, `The client was already revoked at ${existing.revokedAt!.toISOString()}.`, ["input", "apiClientId"]),
      ],
    };
  }

  async list(pageArgs: PageArgs): Promise<PageResult<ApiClient>> {
    const page = cursors.page(pageArgs, "id:ASC");
    const rows = await this.db
      .select()
      .from(apiClients)
      .where(page.after ? sql`${apiClients.id} > ${page.after[0]}` : undefined)
      .orderBy(asc(apiClients.id))
      .limit(page.first + 1);
    return toPage(
      rows,
      page,
      (row) => cursors.encode("id:ASC", [row.id]),
      toApiClient,
      async () => (await this.db.select({ n: sql<number>`count(*)::int` }).from(apiClients))[0].n,
    );
  }

  /** API clients by key (for node(id:)). */
  async byKeys(keys: readonly number[]): Promise<ApiClient[]> {
    return (
      await this.db
        .select()
        .from(apiClients)
        .where(inArray(apiClients.id, [...keys]))
    ).map(toApiClient);
  }
}
