import { Node } from "../common/node";
import { enumObject } from "../common/enum-object";
import { STAGES, REJECTION_REASONS, type StageValue, type RejectionReasonValue } from "../db/tables";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { AgencyCode } from "../agencies/agency.type";
import { Connection } from "../common/connection";
import { DateScalar } from "../common/scalars";

export const ApplicationStage = enumObject(STAGES);
export type ApplicationStage = StageValue;

registerEnumType(ApplicationStage, {
  name: "ApplicationStage",
  description:
    "Where an application stands. The pipeline runs APPLIED, SCREENED, INVITED, TESTED, LAUREATE, OFFERED, HIRED, one step at a time; REJECTED and WITHDRAWN are exits from any stage that is not final.",
  valuesConfig: {
    APPLIED: { description: "Received from the agency's HR system." },
    SCREENED: { description: "Eligible on paper." },
    INVITED: { description: "Booked in a Selor test session (set by inviteToTestSession)." },
    TESTED: { description: "Sat the test (set by recordAttendance)." },
    LAUREATE: { description: "Passed every exam part under the vacancy's procedure (computed from recorded results)." },
    OFFERED: { description: "Offered the job." },
    HIRED: { description: "Hired. Final." },
    REJECTED: { description: "Rejected, with a reason. Final." },
    WITHDRAWN: { description: "Withdrawn by the candidate. Final." },
  },
});

export const RejectionReason = enumObject(REJECTION_REASONS);
export type RejectionReason = RejectionReasonValue;

registerEnumType(RejectionReason, {
  name: "RejectionReason",
  description: "Why an application was rejected.",
  valuesConfig: {
    INELIGIBLE: { description: "Does not meet the requirements (diploma, nationality, language)." },
    FAILED_TEST: { description: "Failed an exam part or the overall pass mark." },
    NO_SHOW: { description: "Did not come to the test session." },
    FAILED_INTERVIEW: { description: "Not retained after the interview." },
    OTHER: { description: "Any other reason." },
  },
});

@ObjectType({
  implements: Node,
  description:
    "A person who applied. Visible only to the HR system of an agency the person applied to, and to administrators; the personal fields are null once the candidate is erased.",
})
export class Candidate {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;

  @Field(() => String, { nullable: true, description: "First name." })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: "Last name." })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: "E-mail address (normalised to lower case); within an agency, one address is one candidate." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  phone!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of birth." })
  birthDate!: string | null;

  @Field({ description: "Whether the candidate's personal data has been erased on request." })
  erased!: boolean;
}

@ObjectType({ description: "Who made a move." })
export class Actor {
  @Field({ description: "The API client's name, or the system that acted (the seed, the scoring rule)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The API client's role, when an API client acted." })
  role!: string | null;
}

@ObjectType({ description: "One move of an application from one stage to the next." })
export class StageEvent {
  @Field(() => ApplicationStage, { nullable: true, description: "The stage left; null for the submission." })
  fromStage!: ApplicationStage | null;

  @Field(() => ApplicationStage, { description: "The stage entered." })
  toStage!: ApplicationStage;

  @Field(() => Date, { description: "When the move happened (may lie before recordedAt when an HR system syncs late)." })
  occurredAt!: Date;

  @Field(() => Date, { description: "When the service recorded the move." })
  recordedAt!: Date;

  @Field(() => RejectionReason, { nullable: true, description: "Why, for a move to REJECTED." })
  reason!: RejectionReason | null;

  @Field(() => Actor, { description: "Who made the move." })
  actor!: Actor;

  applicationKey!: number;
}

@ObjectType({ implements: Node, description: "A candidate's application for one vacancy, pushed by the agency's HR system. Not public." })
export class Application {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;
  vacancyKey!: number;
  candidateKey!: number;
  agencyCode!: AgencyCode;

  @Field({ description: "The pushing HR system's own id; unique per agency." })
  externalId!: string;

  @Field(() => ApplicationStage, { description: "Where the application stands now." })
  stage!: ApplicationStage;

  @Field(() => RejectionReason, { nullable: true, description: "Why it was rejected, when REJECTED." })
  rejectionReason!: RejectionReason | null;

  @Field(() => Int, { description: "Increases with every move: pass it as expectedVersion to move only if nobody moved it meanwhile." })
  version!: number;

  @Field(() => Date, { description: "When the candidate applied." })
  submittedAt!: Date;

  @Field(() => Date, { description: "When the application entered its current stage." })
  stageEnteredAt!: Date;

  @Field(() => Date, { description: "When the application last changed (stage or candidate details); sync with applications(filter: { updatedSince })." })
  updatedAt!: Date;
}

@InputType({ description: "Narrows an application list. Every given criterion must hold." })
export class ApplicationFilter {
  @Field(() => ID, { nullable: true, description: "Only applications for this vacancy." })
  vacancyId?: string | null;

  @Field(() => ApplicationStage, { nullable: true, description: "Only applications in this stage now." })
  stage?: ApplicationStage | null;

  @Field(() => Date, { nullable: true, description: "Only applications changed at or after this moment (for incremental sync)." })
  updatedSince?: Date | null;

  @Field(() => String, { nullable: true, description: "Only the application with this external id (of the caller's agency)." })
  externalId?: string | null;
}

export const ApplicationConnection = Connection(Application, "Application", "application", {
  rank: "The laureate's place in vacancy.laureates (1 is the best); null in other application lists.",
});
export type ApplicationConnection = InstanceType<typeof ApplicationConnection>;
