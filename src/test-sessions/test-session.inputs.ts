import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Application } from "../applications/application.type";
import { Language } from "../common/language";
import { UserError, withCodes } from "../common/user-error";
import { LocalizedTextInput } from "../vacancies/vacancy.inputs";
import { TestKind, TestSession } from "./test-session.type";
import {
  SELECTION_OPERATION_CODES as SELECTION_CODES,
  SESSION_OPERATION_CODES as SESSION_CODES,
  type SelectionCode,
  type SessionCode,
} from "./test-session.errors";

@InputType({ description: "A new Selor test session." })
export class CreateTestSessionInput {
  @Field(() => TestKind, { description: "What kind of test." })
  kind!: TestKind;

  @Field(() => Date, { description: "When it starts; in the future." })
  startsAt!: Date;

  @Field(() => Int, { defaultValue: 180, description: "How long it lasts, in minutes (1 to 1440)." })
  durationMinutes!: number;

  @Field({ description: "Where, 1 to 200 characters (in Dutch, or the place's own language)." })
  place!: string;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: "The place's name in each language, for the public pages. Default: place, in every language.",
  })
  placeNames?: LocalizedTextInput | null;

  @Field(() => Int, { description: "Seats, 1 to 10000." })
  capacity!: number;

  @Field(() => Language, { nullable: true, defaultValue: Language.NL, description: "The language the test is taken in (default NL)." })
  language?: Language | null;

  @Field(() => [ID], { description: "The vacancies it tests (at least one, all of one campaign)." })
  vacancyIds!: string[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Load a past session (TASKFORCE or ADMIN, audited): startsAt must then lie in the past, within the campaign. Default false: a session is planned ahead.",
  })
  historical?: boolean | null;
}

@ObjectType({ description: withCodes("The outcome of createTestSession.", SESSION_CODES.createTestSession) })
export class CreateTestSessionPayload {
  @Field(() => TestSession, { nullable: true, description: "The new session; null when refused." })
  testSession!: TestSession | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError<SessionCode<"createTestSession">>[];
}

@InputType({ description: "Move a session to another time or place, or change its seats." })
export class RescheduleTestSessionInput {
  @Field(() => ID, { description: "The session." })
  sessionId!: string;

  @Field(() => Date, { nullable: true, description: "New start, in the future." })
  startsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "New duration in minutes." })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: "New place." })
  place?: string | null;

  @Field(() => Int, { nullable: true, description: "New number of seats; not fewer than the seats already booked." })
  capacity?: number | null;
}

@InputType({ description: "Call off a session." })
export class CancelTestSessionInput {
  @Field(() => ID, { description: "The session." })
  sessionId!: string;
}

@ObjectType({ description: withCodes("The outcome of rescheduleTestSession.", SESSION_CODES.rescheduleTestSession) })
export class RescheduleTestSessionPayload {
  @Field(() => TestSession, { nullable: true, description: "The session after the change; null when refused." })
  testSession!: TestSession | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError<SessionCode<"rescheduleTestSession">>[];
}

@ObjectType({ description: withCodes("The outcome of cancelTestSession.", SESSION_CODES.cancelTestSession) })
export class CancelTestSessionPayload {
  @Field(() => TestSession, { nullable: true, description: "The session, cancelled; null when refused." })
  testSession!: TestSession | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError<SessionCode<"cancelTestSession">>[];
}

@InputType({ description: "Book SCREENED applications into a session; they move to INVITED." })
export class InviteToTestSessionInput {
  @Field(() => ID, { description: "The session." })
  sessionId!: string;

  @Field(() => [ID], { description: "The applications, 1 to 500, each of a vacancy the session tests." })
  applicationIds!: string[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Load past invitations into a session that has started (TASKFORCE or ADMIN, audited), dated invitedAt. Default false: invitations go to sessions still to come.",
  })
  historical?: boolean | null;

  @Field(() => Date, { nullable: true, description: "With historical: when the invitations were sent; not after the session's start." })
  invitedAt?: Date | null;
}

@ObjectType({ description: withCodes("The outcome of inviteToTestSession: all invited, or none.", SELECTION_CODES.inviteToTestSession) })
export class InviteToTestSessionPayload {
  @Field(() => TestSession, { nullable: true, description: "The session with its seats left; null when refused." })
  testSession!: TestSession | null;

  @Field(() => [Application], { description: "The applications invited (now INVITED); empty when refused." })
  invited!: Application[];

  @Field(() => [UserError], { description: "Why nobody was invited; empty on success." })
  userErrors!: UserError<SelectionCode<"inviteToTestSession">>[];
}

@InputType({ description: "Whether an invited applicant came to the test." })
export class RecordAttendanceInput {
  @Field(() => ID, { description: "The application (INVITED, with a seat in a session that has started)." })
  applicationId!: string;

  @Field({ description: "true: present (to TESTED); false: no-show (to REJECTED with reason NO_SHOW)." })
  attended!: boolean;
}

@ObjectType({ description: withCodes("The outcome of recordAttendance.", SELECTION_CODES.recordAttendance) })
export class RecordAttendancePayload {
  @Field(() => Application, { nullable: true, description: "The application after the record; null when refused." })
  application!: Application | null;

  @Field(() => [UserError], { description: "Why nothing was recorded; empty on success." })
  userErrors!: UserError<SelectionCode<"recordAttendance">>[];
}

@InputType({ description: "Attendance of a whole session at once." })
export class RecordSessionAttendanceInput {
  @Field(() => ID, { description: "The session (it must have started)." })
  sessionId!: string;

  @Field(() => [ID], { description: "Applications that came (to TESTED)." })
  presentApplicationIds!: string[];

  @Field(() => [ID], { description: "Applications that did not come (to REJECTED, NO_SHOW)." })
  absentApplicationIds!: string[];
}

@ObjectType({ description: withCodes("The outcome of recordSessionAttendance: all recorded, or none.", SELECTION_CODES.recordSessionAttendance) })
export class RecordSessionAttendancePayload {
  @Field(() => TestSession, { nullable: true, description: "The session with its attendance counts; null when refused." })
  testSession!: TestSession | null;

  @Field(() => [Application], { description: "The applications recorded." })
  applications!: Application[];

  @Field(() => [UserError], { description: "Why nothing was recorded; empty on success." })
  userErrors!: UserError<SelectionCode<"recordSessionAttendance">>[];
}

@InputType({ description: "Points for one exam part of one application." })
export class RecordTestResultInput {
  @Field(() => ID, { description: "The application (TESTED)." })
  applicationId!: string;

  @Field({ description: "The exam part's name, as in vacancy.procedure.parts." })
  part!: string;

  @Field(() => Float, { description: "Points, from 0 to the part's maxPoints, in hundredths at most." })
  points!: number;

  @Field(() => Date, {
    nullable: true,
    description: "Load a past result (TASKFORCE or ADMIN, audited): when it was decided, which dates the decision it brings. Default: now.",
  })
  decidedAt?: Date | null;
}

export enum ScoringDecision {
  PENDING = "PENDING",
  LAUREATE = "LAUREATE",
  FAILED = "FAILED",
}

registerEnumType(ScoringDecision, {
  name: "ScoringDecision",
  description: "What the vacancy's procedure makes of the results so far.",
  valuesConfig: {
    PENDING: { description: "Every part scored so far is passed; more parts follow." },
    LAUREATE: { description: "Every part passed and the overall pass mark reached: the application is LAUREATE." },
    FAILED: { description: "A part or the overall mark was failed: the application is REJECTED with FAILED_TEST." },
  },
});

@ObjectType({ description: "One exam part's score under the procedure." })
export class PartScore {
  @Field({ description: "The part." })
  name!: string;

  @Field(() => Float, { nullable: true, description: "Points scored; null when not yet recorded." })
  points!: number | null;

  @Field(() => Float, { description: "The part's maximum." })
  maxPoints!: number;

  @Field(() => Float, { nullable: true, description: "Points as a percentage of the maximum, to two decimals." })
  percent!: number | null;

  @Field(() => Float, { description: "The percentage needed to pass the part." })
  passPercent!: number;

  @Field(() => Boolean, { nullable: true, description: "Whether the part is passed; null when not yet recorded." })
  passed!: boolean | null;
}

@ObjectType({ description: "An application's score under its vacancy's procedure, with the reason for the decision." })
export class Score {
  @Field(() => ScoringDecision, { description: "What the procedure makes of the results." })
  decision!: ScoringDecision;

  @Field(() => [PartScore], { description: "Every part, in order." })
  parts!: PartScore[];

  @Field(() => Float, { description: "Points over the parts scored." })
  totalPoints!: number;

  @Field(() => Float, { description: "The procedure's maximum over all parts." })
  maxPoints!: number;

  @Field(() => Float, { description: "Total as a percentage: of all parts once complete, of the parts scored so far until then." })
  percent!: number;

  explanation!: string;
  overallPassPercent!: number;
}

@ObjectType({ description: withCodes("The outcome of recordTestResult.", SELECTION_CODES.recordTestResult) })
export class RecordTestResultPayload {
  @Field(() => Application, { nullable: true, description: "The application after scoring (LAUREATE, REJECTED or still TESTED); null when refused." })
  application!: Application | null;

  @Field(() => Score, { nullable: true, description: "The score with its explanation; null when refused." })
  score!: Score | null;

  @Field(() => [UserError], { description: "Why nothing was recorded; empty on success." })
  userErrors!: UserError<SelectionCode<"recordTestResult">>[];
}

export enum ResultCorrectionReason {
  ENTRY_ERROR = "ENTRY_ERROR",
  MARKING_ERROR = "MARKING_ERROR",
  REVIEW = "REVIEW",
}

registerEnumType(ResultCorrectionReason, {
  name: "ResultCorrectionReason",
  description: "Why recorded points are corrected (kept in the audit log).",
  valuesConfig: {
    ENTRY_ERROR: { description: "The points were mistyped when recorded." },
    MARKING_ERROR: { description: "The exam was marked wrongly (a miscount, a wrong answer key)." },
    REVIEW: { description: "The candidate asked for a review of the marking and the review changed the points." },
  },
});

@InputType({ description: "Corrected points for one exam part already scored." })
export class CorrectTestResultInput {
  @Field(() => ID, { description: "The application." })
  applicationId!: string;

  @Field({ description: "The exam part's name, as in vacancy.procedure.parts; it must have a result." })
  part!: string;

  @Field(() => Float, { description: "The right points, from 0 to the part's maxPoints, in hundredths at most." })
  points!: number;

  @Field(() => ResultCorrectionReason, { description: "Why the points are corrected." })
  correctionReason!: ResultCorrectionReason;
}

@ObjectType({ description: withCodes("The outcome of correctTestResult.", SELECTION_CODES.correctTestResult) })
export class CorrectTestResultPayload {
  @Field(() => Application, { nullable: true, description: "The application after the correction, at the stage the corrected score gives; null when refused." })
  application!: Application | null;

  @Field(() => Score, { nullable: true, description: "The corrected score with its explanation; null when refused." })
  score!: Score | null;

  @Field(() => Float, { nullable: true, description: "The points the part had before; null when refused." })
  previousPoints!: number | null;

  @Field(() => [UserError], { description: "Why nothing was corrected; empty on success." })
  userErrors!: UserError<SelectionCode<"correctTestResult">>[];
}

@InputType({ description: "A batch of at most 500 results, each recorded as recordTestResult would, in the order given." })
export class RecordTestResultsInput {
  @Field(() => [RecordTestResultInput], { description: "The results, at most 500." })
  results!: RecordTestResultInput[];
}

@ObjectType({ description: "What happened to one result of recordTestResults." })
export class TestResultOutcome {
  @Field(() => ID, { description: "The application id as sent." })
  applicationId!: string;

  @Field({ description: "The exam part as sent." })
  part!: string;

  @Field({ description: "true when this call stored the result; false when refused, or when the same result was there already (a resend)." })
  recorded!: boolean;

  @Field(() => Application, { nullable: true, description: "The application after this result; null when refused." })
  application!: Application | null;

  @Field(() => Score, { nullable: true, description: "The score after this result; null when refused." })
  score!: Score | null;

  @Field(() => [UserError], { description: "Why this result was refused; empty otherwise." })
  userErrors!: UserError<SelectionCode<"recordTestResults">>[];
}

@ObjectType({ description: withCodes("The outcome of recordTestResults.", SELECTION_CODES.recordTestResults) })
export class RecordTestResultsPayload {
  @Field(() => [TestResultOutcome], { description: "One outcome per result, in the order sent." })
  results!: TestResultOutcome[];

  @Field(() => Int, { description: "How many results this call stored." })
  recordedCount!: number;

  @Field(() => Int, { description: "How many were there already with the same points (resends): nothing to do." })
  unchangedCount!: number;

  @Field(() => Int, { description: "How many were refused (see their userErrors)." })
  refusedCount!: number;

  @Field(() => [UserError], { description: "Problems with the batch as a whole; per-result problems are in results." })
  userErrors!: UserError[];
}
