import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../common/scalars";

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

@ObjectType({ description: "Applicants waiting for a seat against the seats still free, and what that asks of Saturdays." })
export class PlanningBacklog {
  @Field(() => Int, { description: "SCREENED applications: eligible, not yet invited." })
  screenedWaiting!: number;

  @Field(() => Int, { description: "INVITED applications without a seat (their session was cancelled)." })
  invitedWithoutSeat!: number;

  @Field(() => Int, { description: "Free seats in scheduled sessions from now to the end of the period." })
  freeSeatsAhead!: number;

  @Field(() => Int, { description: "Applicants the free seats cannot take: waiting minus free seats, at least 0." })
  shortfall!: number;

  @Field(() => Int, { description: "Average capacity of the period's Saturday sessions (60 when it has none)." })
  averageSaturdayCapacity!: number;

  @Field(() => Int, { description: "Extra Saturday sessions of average capacity that would seat the shortfall." })
  extraSaturdaySessionsNeeded!: number;
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
