import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../common/scalars";
import { UserError, withCodes } from "../common/user-error";
import { Application, ApplicationStage, RejectionReason } from "./application.type";
import { APPLICATION_OPERATION_CODES as CODES, type ApplicationCode } from "./application.errors";

export const MAX_BATCH = 500;

@InputType({
  description:
    "The person behind an application, as your agency knows them: within your agency the e-mail address identifies the person across vacancies; other agencies' records of the person are theirs.",
})
export class CandidateInput {
  @Field({ description: "First name, 1 to 100 characters." })
  firstName!: string;

  @Field({ description: "Last name, 1 to 100 characters." })
  lastName!: string;

  @Field({ description: "E-mail address, at most 254 characters; compared without case." })
  email!: string;

  @Field(() => String, {
    nullable: true,
    description: "Phone number, at most 30 characters of digits, spaces, +, -, (, ), /, . Left out: the stored number stays; null clears it.",
  })
  phone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of birth; not in the future. Left out: the stored date stays; null clears it." })
  birthDate?: Date | null;
}

@InputType({ description: "One application as the agency's HR system knows it." })
export class ApplicationSubmission {
  @Field({ description: "The HR system's own id for the application, 1 to 100 characters. Resending the same id is safe: it returns the same application." })
  externalId!: string;

  @Field(() => ID, { description: "The vacancy applied for; it must belong to the caller's agency and be open." })
  vacancyId!: string;

  @Field(() => Date, { nullable: true, description: "When the candidate applied (default: now); not in the future and not after the vacancy's deadline." })
  submittedAt?: Date | null;

  @Field(() => CandidateInput, { description: "The candidate." })
  candidate!: CandidateInput;
}

@InputType({ description: `A batch of at most ${MAX_BATCH} applications; each is handled on its own.` })
export class SubmitApplicationsInput {
  @Field(() => [ApplicationSubmission], { description: `The applications, at most ${MAX_BATCH}.` })
  applications!: ApplicationSubmission[];
}

@ObjectType({ description: "What happened to one submitted application." })
export class ApplicationSubmissionResult {
  @Field({ description: "The external id as submitted." })
  externalId!: string;

  @Field(() => Application, { nullable: true, description: "The stored application; null when refused." })
  application!: Application | null;

  @Field({ description: "true when this call created the application; false when it already existed (a resend) or was refused." })
  created!: boolean;

  @Field({ description: "true when this call really changed a value of the candidate's details (never the stage)." })
  updated!: boolean;

  @Field(() => [UserError], { description: "Why this application was refused; empty when stored." })
  userErrors!: UserError<ApplicationCode<"submitApplications">>[];
}

@ObjectType({ description: withCodes("The outcome of a batch, one result per submitted application, in order.", CODES.submitApplications) })
export class SubmitApplicationsPayload {
  @Field(() => [ApplicationSubmissionResult], { description: "One result per submitted application, in the order submitted." })
  results!: ApplicationSubmissionResult[];

  @Field(() => Int, { description: "How many applications this call created." })
  createdCount!: number;

  @Field(() => Int, { description: "How many were already there (resends)." })
  existingCount!: number;

  @Field(() => Int, { description: "How many were refused (see their userErrors)." })
  refusedCount!: number;

  @Field(() => [UserError], { description: "Problems with the batch as a whole; per-application problems are in results." })
  userErrors!: UserError[];
}

@InputType({ description: "Move an application to its next stage, or out to REJECTED or WITHDRAWN." })
export class MoveApplicationInput {
  @Field(() => ID, { description: "The application." })
  applicationId!: string;

  @Field(() => ApplicationStage, { description: "The stage to move to: the next pipeline stage, REJECTED or WITHDRAWN." })
  toStage!: ApplicationStage;

  @Field(() => RejectionReason, { nullable: true, description: "Required with REJECTED, not allowed otherwise." })
  reason?: RejectionReason | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the move happened (default: now). May lie in the past for a late sync, but not in the future nor before the previous move.",
  })
  occurredAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "Move only if the application's version is still this one (optimistic concurrency)." })
  expectedVersion?: number | null;
}

@InputType({ description: `A batch of at most ${MAX_BATCH} moves, each checked like moveApplication and handled in the order given.` })
export class MoveApplicationsInput {
  @Field(() => [MoveApplicationInput], { description: `The moves, at most ${MAX_BATCH}; several moves of one application are made in turn.` })
  moves!: MoveApplicationInput[];
}

@ObjectType({ description: "The outcome of one move of moveApplications." })
export class ApplicationMoveResult {
  @Field(() => ID, { description: "The application id as sent." })
  applicationId!: string;

  @Field(() => Application, { nullable: true, description: "The application after the batch; null when refused." })
  application!: Application | null;

  @Field({ description: "true when this call made the move; false when refused, or when the application had already reached the stage (a resend)." })
  moved!: boolean;

  @Field(() => [UserError], { description: "Why this move was refused; empty otherwise." })
  userErrors!: UserError<ApplicationCode<"moveApplications">>[];
}

@ObjectType({ description: withCodes("The outcome of moveApplications.", CODES.moveApplications) })
export class MoveApplicationsPayload {
  @Field(() => [ApplicationMoveResult], { description: "One result per move, in the order sent." })
  results!: ApplicationMoveResult[];

  @Field(() => Int, { description: "How many moves this call made." })
  movedCount!: number;

  @Field(() => Int, { description: "How many found their application already in the stage (resends): nothing to do." })
  unchangedCount!: number;

  @Field(() => Int, { description: "How many were refused (see their userErrors)." })
  refusedCount!: number;

  @Field(() => [UserError], { description: "Problems with the batch as a whole; per-move problems are in results." })
  userErrors!: UserError[];
}

@ObjectType({ description: withCodes("The outcome of moveApplication.", CODES.moveApplication) })
export class MoveApplicationPayload {
  @Field(() => Application, { nullable: true, description: "The application after the move; null when refused." })
  application!: Application | null;

  @Field(() => [UserError], { description: "Why the move was refused; empty on success." })
  userErrors!: UserError<ApplicationCode<"moveApplication">>[];
}

@InputType({ description: "Record that the candidate withdrew the application." })
export class WithdrawApplicationInput {
  @Field(() => ID, { description: "The application." })
  applicationId!: string;

  @Field(() => Date, { nullable: true, description: "When the candidate withdrew (default: now)." })
  occurredAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "Withdraw only if the application's version is still this one." })
  expectedVersion?: number | null;
}

@ObjectType({ description: withCodes("The outcome of withdrawApplication.", CODES.withdrawApplication) })
export class WithdrawApplicationPayload {
  @Field(() => Application, { nullable: true, description: "The application after withdrawal; null when refused." })
  application!: Application | null;

  @Field(() => [UserError], { description: "Why the withdrawal was refused; empty on success." })
  userErrors!: UserError<ApplicationCode<"withdrawApplication">>[];
}
