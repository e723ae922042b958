import { Field, Float, Int, ObjectType } from "type-graphql";
import { Language } from "../common/language";
import { DateScalar } from "../common/scalars";
import { TestKind } from "./test-session.type";

@ObjectType({ description: "Seats over a set of test sessions (cancelled sessions left out)." })
export class SeatFigures {
  @Field(() => Int, { description: "Scheduled sessions." })
  sessions!: number;

  @Field(() => Int, { description: "Seats offered: their capacity together." })
  seatsOffered!: number;

  @Field(() => Int, { description: "Seats booked (including those attended and no-shows)." })
  seatsBooked!: number;

  @Field(() => Int, { description: "Seats still free." })
  seatsLeft!: number;

  @Field(() => Int, { description: "Applicants who came." })
  attended!: number;

  @Field(() => Int, { description: "Applicants who did not come." })
  noShows!: number;

  @Field(() => Float, { nullable: true, description: "Booked seats as a share of seats offered (0 to 1); null without seats." })
  utilisation!: number | null;

  @Field(() => Float, { nullable: true, description: "No-shows as a share of attendance recorded (0 to 1); null before any is recorded." })
  noShowRate!: number | null;
}

@ObjectType({ description: "One ISO week (Europe/Brussels) of test sessions." })
export class PlanningWeek {
  @Field({ description: "The ISO week, e.g. 2021-W29." })
  isoWeek!: string;

  @Field(() => DateScalar, { description: "The week's Monday." })
  weekStart!: string;

  @Field(() => SeatFigures, { description: "Every session of the week." })
  all!: SeatFigures;

  @Field(() => SeatFigures, { description: "Monday to Friday sessions." })
  weekday!: SeatFigures;

  @Field(() => SeatFigures, { description: "Saturday sessions." })
  saturday!: SeatFigures;

  @Field(() => Int, { description: "Sessions of the week that were cancelled." })
  cancelledSessions!: number;
}

@ObjectType({
  description:
    "Seats of one test kind in one language: the applicants who need one, the free seats ahead that can take them (sessions testing their vacancy), and the Saturday sessions still needed.",
})
export class SeatNeedFigures {
  @Field(() => TestKind, { description: "The kind of test." })
  kind!: TestKind;

  @Field(() => Language, {
    description:
      "The session language (a bilingual vacancy's applicants count where they were seated; those left over where extra sessions have room, else NL).",
  })
  language!: Language;

  @Field(() => Int, { description: "Waiting applicants whose procedure has this kind of test, in this language: seated plus shortfall." })
  waiting!: number;

  @Field(() => Int, { description: "Free seats in scheduled sessions of this kind and language, from now to the end of the period." })
  freeSeats!: number;

  @Field(() => Int, { description: "Waiting applicants the free seats can take (a seat only takes applicants of the vacancies its session tests)." })
  seated!: number;

  @Field(() => Int, { description: "Waiting applicants no free seat can take." })
  shortfall!: number;

  @Field(() => Int, { description: "Average capacity of the period's Saturday sessions of this kind (in this language if any; 60 when there are none)." })
  averageSaturdayCapacity!: number;

  @Field(() => Int, { description: "Extra Saturday sessions of this kind and language, of average capacity, that would seat the shortfall." })
  extraSaturdaySessions!: number;
}

@ObjectType({ description: "Applicants waiting for a seat against the seats still free, and what that asks of Saturdays." })
export class PlanningBacklog {
  @Field(() => Int, { description: "SCREENED applications: eligible, not yet invited." })
  screenedWaiting!: number;

  @Field(() => Int, { description: "INVITED applications without a seat (their session was cancelled)." })
  invitedWithoutSeat!: number;

  @Field(() => Int, { description: "Free seats in scheduled sessions from now to the end of the period." })
  freeSeatsAhead!: number;

  @Field(() => Int, { description: "Seats the free seats cannot provide, over every test kind and language (the sum of needs' shortfall)." })
  shortfall!: number;

  @Field(() => Int, { description: "Average capacity of the period's Saturday sessions (60 when it has none)." })
  averageSaturdayCapacity!: number;

  @Field(() => Int, { description: "Extra Saturday sessions needed, over every test kind and language (the sum of needs' extraSaturdaySessions)." })
  extraSaturdaySessionsNeeded!: number;

  @Field(() => [SeatNeedFigures], {
    description: "Per test kind (in the kinds' order) and language: who waits, the seats that can take them, and the Saturday sessions still needed.",
  })
  needs!: SeatNeedFigures[];
}

@ObjectType({ description: "Selor capacity planning for a campaign over a period: per ISO week, and the backlog." })
export class TestSessionPlanning {
  @Field(() => DateScalar, { description: "First day of the period (Brussels)." })
  from!: string;

  @Field(() => DateScalar, { description: "Last day of the period (Brussels)." })
  to!: string;

  @Field(() => [PlanningWeek], { description: "Every ISO week touching the period, in order, including weeks without sessions." })
  weeks!: PlanningWeek[];

  @Field(() => SeatFigures, { description: "The whole period." })
  total!: SeatFigures;

  @Field(() => PlanningBacklog, { description: "Who still waits for a seat, now." })
  backlog!: PlanningBacklog;
}
