import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { Candidate } from "../applications/application.type";
import { Role } from "../auth/role";
import { scopedAgency } from "../auth/viewer";
import { payload, UserError, withCodes } from "../common/user-error";
import type { Context } from "../context/context";
import { CANDIDATE_OPERATION_CODES as CODES, type CandidateCode } from "./candidate.errors";

@InputType({ description: "Erase a candidate's personal data on request." })
export class EraseCandidateInput {
  @Field(() => ID, { description: "The candidate (from application.candidate.id)." })
  candidateId!: string;
}

@ObjectType({ description: withCodes("The outcome of eraseCandidate.", CODES.eraseCandidate) })
export class EraseCandidatePayload {
  @Field(() => Candidate, { nullable: true, description: "The candidate after erasure: every personal field null." })
  candidate!: Candidate | null;

  @Field(() => [UserError], { description: "Why nothing was erased; empty on success." })
  userErrors!: UserError<CandidateCode<"eraseCandidate">>[];
}

@Resolver()
export class CandidateResolver {
  @Authorized(Role.ADMIN, Role.AGENCY_HR)
  @Mutation(() => EraseCandidatePayload, {
    description:
      "Remove a candidate's personal data for good; a later resend of the address is refused (ERASED). Applications, their history and every dashboard figure stay as they were. An agency's HR key erases its own agency's candidates; ADMIN any.",
  })
  async eraseCandidate(
    @Ctx() ctx: Context,
    @Arg("input", () => EraseCandidateInput, { description: "Which candidate." }) input: EraseCandidateInput,
  ): Promise<EraseCandidatePayload> {
    return payload(EraseCandidatePayload, await ctx.services.candidates.erase(input.candidateId, scopedAgency(ctx.viewer)));
  }
}
