import { and, eq, sql } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { toCandidate } from "../applications/application.service";
import type { Candidate } from "../applications/application.type";
import { bumpApplicationsOf } from "../applications/submission.service";
import { fromGlobalId } from "../common/global-id";
import { userError, type UserError } from "../common/user-error";
import type { Db } from "../db/client";
import { EventType } from "../events/event-types";
import { candidateEvent, recordEvents } from "../events/outbox";
import { candidates } from "../db/tables";
import { ErasureErrorCode, type CandidateCode } from "./candidate.errors";

export class CandidateService {
  constructor(private readonly db: Db) {}

  /**
   * Removes a candidate's personal data for good: one agency's record of the person (the agency is the controller; the
   * other agencies' records of the same person are theirs). The row stays with the keyed hash of the address only, so
   * applications, their events and every counter, and therefore every dashboard figure, are unchanged, and a resend of
   * the address is refused (ERASED). The candidate's applications get a new version and updatedAt so HR systems syncing
   * by either learn of the erasure. `agency`: the caller's agency when confined to one (another agency's candidate reads
   * as unknown); null for ADMIN.
   */
  async erase(
    candidateId: string,
    agency: AgencyCode | null,
  ): Promise<{ candidate: Candidate | null; userErrors: UserError<CandidateCode<"eraseCandidate">>[] }> {
    const key = fromGlobalId("Candidate", candidateId);
    const notFound = { candidate: null, userErrors: [userError(ErasureErrorCode.CANDIDATE_NOT_FOUND, "No candidate has this id.", ["input", "candidateId"])] };
    if (key == null) return notFound;
    return this.db.transaction(async (tx) => {
      const [current] = await tx
        .select({ erasedAt: candidates.erasedAt, agencyCode: candidates.agencyCode })
        .from(candidates)
        .where(and(eq(candidates.id, key), agency ? eq(candidates.agencyCode, agency) : undefined))
        .for("update");
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
      const touched = await bumpApplicationsOf(tx, [key]);
      await recordEvents(tx, [
        candidateEvent(
          EventType.CANDIDATE_ERASED,
          key,
          current.agencyCode,
          touched.map((a) => a.id),
        ),
      ]);
      return { candidate: toCandidate(erased), userErrors: [] };
    });
  }
}
