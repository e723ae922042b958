import { eq, sql } from "drizzle-orm";
import { toCandidate } from "../applications/application.service";
import type { Candidate } from "../applications/application.type";
import { fromGlobalId } from "../common/global-id";
import { userError, type UserError } from "../common/user-error";
import type { Db } from "../db/client";
import { EventType } from "../events/event-types";
import { candidateEvent, recordEvents } from "../events/outbox";
import { applications, candidates } from "../db/tables";

export enum ErasureErrorCode {
  NOT_FOUND = "NOT_FOUND",
  ALREADY_ERASED = "ALREADY_ERASED",
}

export class CandidateService {
  constructor(private readonly db: Db) {}

  /**
   * Removes a candidate's personal data for good. The candidate row stays (without any personal field) so applications,
   * their events and every counter, and therefore every dashboard figure, are unchanged. The candidate's applications are
   * marked changed so HR systems syncing by updatedSince learn of the erasure.
   */
  async erase(candidateId: string): Promise<{ candidate: Candidate | null; userErrors: UserError[] }> {
    const key = fromGlobalId("Candidate", candidateId);
    const notFound = { candidate: null, userErrors: [userError(ErasureErrorCode.NOT_FOUND, "No candidate has this id.", ["input", "candidateId"])] };
    if (key == null) return notFound;
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select({ erasedAt: candidates.erasedAt }).from(candidates).where(eq(candidates.id, key)).for("update");
      if (!current) return notFound;
      if (current.erasedAt) {
        return {
          candidate: null,
          userErrors: [userError(ErasureErrorCode.ALREADY_ERASED, `The candidate was erased at ${current.erasedAt.toISOString()}.`, ["input", "candidateId"])],
        };
      }
      const [erased] = await tx
        .update(candidates)
        .set({ email: null, firstName: null, lastName: null, phone: null, birthDate: null, erasedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(candidates.id, key))
        .returning();
      const touched = await tx
        .update(applications)
        .set({ updatedAt: sql`now()` })
        .where(eq(applications.candidateId, key))
        .returning({ id: applications.id, agencyCode: applications.agencyCode });
      // Each agency holding applications of the person learns of the erasure, with its own applications only.
      const agencies = [...new Set(touched.map((a) => a.agencyCode))].sort();
      await recordEvents(
        tx,
        agencies.map((agency) =>
          candidateEvent(
            EventType.CANDIDATE_ERASED,
            key,
            agency,
            touched.filter((a) => a.agencyCode === agency).map((a) => a.id),
          ),
        ),
      );
      return { candidate: toCandidate(erased), userErrors: [] };
    });
  }
}
