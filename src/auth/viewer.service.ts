import { eq } from "drizzle-orm";
import { unauthenticated } from "../common/errors";
import type { Db } from "../db/client";
import { apiClients } from "../db/tables";
import { bearerKey, hashApiKey, sameHash } from "./api-keys";
import { Role } from "./role";
import { anonymous, type Viewer } from "./viewer";

/** Turns the Authorization header into a viewer: anonymous without one, the key's client with a valid one, 401 otherwise. */
export class ViewerService {
  private readonly adminKeyHash: string | null;

  constructor(
    private readonly db: Db,
    adminApiKey: string | null,
  ) {
    this.adminKeyHash = adminApiKey ? hashApiKey(adminApiKey) : null;
  }

  async fromAuthorization(header: string | undefined): Promise<Viewer> {
    const key = bearerKey(header);
    if (key === undefined) return anonymous;
    if (key === null) throw unauthenticated('The Authorization header must be "Bearer <API key>".');
    const hash = hashApiKey(key);
    if (this.adminKeyHash && sameHash(hash, this.adminKeyHash)) {
      return { kind: "client", clientId: null, name: "bootstrap administrator (ADMIN_API_KEY)", role: Role.ADMIN, agencyCode: null };
    }
    const [client] = await this.db
      .select({ id: apiClients.id, name: apiClients.name, role: apiClients.role, agencyCode: apiClients.agencyCode, revokedAt: apiClients.revokedAt })
      .from(apiClients)
      .where(eq(apiClients.keyHash, hash))
      .limit(1);
    if (!client || client.revokedAt) throw unauthenticated();
    return { kind: "client", clientId: client.id, name: client.name, role: client.role, agencyCode: client.agencyCode };
  }
}
