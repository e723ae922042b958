import { Node } from "../common/node";
import { enumObject } from "../common/enum-object";
import { TEST_KINDS, TEST_SESSION_STATUSES, type TestKindValue, type TestSessionStatusValue } from "../db/tables";
import type { LocalizedText } from "../common/localized-text";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../common/connection";
import { isSaturdayInBrussels } from "../common/brussels-time";
import { Language } from "../common/language";

export const TestKind = enumObject(TEST_KINDS);
export type TestKind = TestKindValue;

registerEnumType(TestKind, {
  name: "TestKind",
  description: "What kind of test a Selor session holds.",
  valuesConfig: {
    COMPUTER_TEST: { description: "Computer-based screening test (reasoning, situational judgement)." },
    WRITTEN: { description: "Written exam, e.g. a case study." },
    ORAL: { description: "Oral exam or interview before a selection board." },
    ASSESSMENT: { description: "Assessment centre: exercises and role plays." },
  },
});

export const TestSessionStatus = enumObject(TEST_SESSION_STATUSES);
export type TestSessionStatus = TestSessionStatusValue;

registerEnumType(TestSessionStatus, {
  name: "TestSessionStatus",
  description: "Whether a session takes place.",
  valuesConfig: {
    SCHEDULED: { description: "Planned; takes place at startsAt." },
    CANCELLED: { description: "Called off; its applicants may be invited to another session." },
  },
});

@ObjectType({
  implements: Node,
  description: "A Selor test session: a time, a place, a language and a number of seats. Public: nothing in it says who is booked.",
})
export class TestSession {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;
  campaignKey!: number;

  @Field(() => TestKind, { description: "What kind of test the session holds." })
  kind!: TestKind;

  @Field(() => Date, { description: "When the session starts." })
  startsAt!: Date;

  @Field(() => Int, { description: "How long the session lasts, in minutes." })
  durationMinutes!: number;

  /** The place as entered, and its names per language when given. */
  placeName!: string;
  placeNames!: LocalizedText | null;

  @Field(() => Language, { description: "The language the test is taken in." })
  language!: Language;

  @Field(() => Int, { description: "How many seats the session has." })
  capacity!: number;

  @Field(() => TestSessionStatus, { description: "Whether the session takes place." })
  status!: TestSessionStatus;

  seatsTaken!: number;
  attendedCount!: number;
  noShowCount!: number;

  // Fields of the session alone are getters, not field resolvers: a compiled query (src/server/compiled-execution.ts)
  // reads them as properties, where each resolver call builds a resolve info and a path (a page of vacancy cards has
  // about 150 sessions, each with both).
  @Field(() => Int, { description: "Seats still free (0 once cancelled)." })
  get seatsLeft(): number {
    return this.status === TestSessionStatus.CANCELLED ? 0 : Math.max(0, this.capacity - this.seatsTaken);
  }

  @Field(() => Boolean, { description: "Whether the session falls on a Saturday in Brussels time." })
  get isSaturday(): boolean {
    return isSaturdayInBrussels(this.startsAt);
  }
}

@InputType({ description: "Narrows a test-session list. Every given criterion must hold." })
export class TestSessionFilter {
  @Field(() => String, { nullable: true, description: "Only sessions of this campaign." })
  campaignSlug?: string | null;

  @Field(() => Date, { nullable: true, description: "Only sessions starting at or after this moment. Default: now (upcoming sessions)." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only sessions starting before this moment." })
  to?: Date | null;

  @Field(() => [TestKind], { nullable: true, description: "Only sessions of these kinds." })
  kinds?: TestKind[] | null;

  @Field(() => [Language], { nullable: true, description: "Only sessions in these languages." })
  languages?: Language[] | null;

  @Field(() => [ID], { nullable: true, description: "Only sessions that test one of these vacancies." })
  vacancyIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only Saturday sessions; false: only weekday sessions (in Brussels time)." })
  onSaturday?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Include cancelled sessions (default false)." })
  includeCancelled?: boolean | null;
}

export const TestSessionConnection = Connection(TestSession, "TestSession", "test session");
export type TestSessionConnection = InstanceType<typeof TestSessionConnection>;
