import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { Candidate } from "../applications/application.type";
import { Role } from "../auth/role";
import { UserError } from "../common/user-error";
import type { Context } from "../context/context";

@InputType({ description: "Erase a candidate's personal data on request." })
export class EraseCandidateInput {
  @Field(() => ID, { description: "The candidate (from application.candidate.id)." })
  candidateId!: string;
}

@ObjectType({ description: "The outcome of eraseCandidate." })
export class EraseCandidatePayload {
  @Field(() => Candidate, { nullable: true, description: "The candidate after erasure: every personal field null." })
  candidate!: Candidate | null;

  @Field(() => [UserError], { description: "Why nothing was erased; empty on success." })
  userErrors!: UserError[];
}

@Resolver()
export class CandidateResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => EraseCandidatePayload, {
    description: "Remove a candidate's personal data for good. Applications, their history and every dashboard figure stay as they were. ADMIN only.",
  })
  async eraseCandidate(
    @Ctx() ctx: Context,
    @Arg("input", () => EraseCandidateInput, { description: "Which candidate." }) input: EraseCandidateInput,
  ): Promise<EraseCandidatePayload> {
    return Object.assign(new EraseCandidatePayload(), await ctx.services.candidates.erase(input.candidateId));
  }
}
