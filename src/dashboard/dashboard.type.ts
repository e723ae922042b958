import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Agency, AgencyCode } from "../agencies/agency.type";
import { ApplicationStage, RejectionReason } from "../applications/application.type";
import { Campaign, Wave } from "../campaigns/campaign.type";
import { Connection } from "../common/connection";
import { DateScalar, DateTimeScalar } from "../common/scalars";
import { JobProfile } from "../job-profiles/job-profile.type";
import { SeatFigures } from "../test-sessions/planning.type";
import { Vacancy } from "../vacancies/vacancy.type";

@InputType({ description: "Narrows the dashboard to some vacancies and, with from/to, to a period of activity." })
export class DashboardFilter {
  @Field(() => [AgencyCode], { nullable: true, description: "Only these agencies' vacancies." })
  agencies?: AgencyCode[] | null;

  @Field(() => [ID], { nullable: true, description: "Only these waves' vacancies (an empty list selects nothing, and is refused)." })
  waveIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only vacancies of these job profiles." })
  jobProfileIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only these vacancies." })
  vacancyIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Count only what happened on or after this day (Brussels)." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Count only what happened on or before this day (Brussels); `current` figures are as of its end." })
  to?: Date | null;
}

@ObjectType({ description: "One stage of the funnel." })
export class FunnelStep {
  @Field(() => ApplicationStage, { description: "The stage." })
  stage!: ApplicationStage;

  @Field(() => Int, {
    description: "Applications that reached the stage (a hired applicant counts in every earlier stage); within the period, when one is given.",
  })
  reached!: number;

  @Field(() => Int, { description: "Applications in the stage at the end of the day the figures are for." })
  current!: number;

  @Field(() => Float, { nullable: true, description: "reached divided by the previous stage's reached; null for APPLIED or when the previous stage has none." })
  conversionFromPrevious!: number | null;
}

@ObjectType({ description: "Figures of a group of vacancies against their headcount targets." })
export class GroupFigures {
  @Field(() => Int, { description: "The group's headcount target (its vacancies, cancelled ones aside)." })
  target!: number;

  @Field(() => Int, { description: "Hired." })
  hired!: number;

  @Field(() => Int, { description: "target minus hired, at least 0." })
  gapToTarget!: number;

  @Field(() => Float, { description: "hired divided by target (0 when the target is 0)." })
  fillRate!: number;

  @Field(() => [FunnelStep], { description: "The funnel, APPLIED to HIRED in order." })
  funnel!: FunnelStep[];
}

@ObjectType({ description: "An agency's figures." })
export class AgencyFunnel extends GroupFigures {
  agencyCode!: AgencyCode;

  @Field(() => Agency, { description: "The agency." })
  agency!: Agency;
}

@ObjectType({ description: "A wave's figures." })
export class WaveFunnel extends GroupFigures {
  waveKey!: number;

  @Field(() => Wave, { description: "The wave." })
  wave!: Wave;
}

@ObjectType({ description: "A job profile's figures." })
export class JobProfileFunnel extends GroupFigures {
  jobProfileKey!: number;

  @Field(() => JobProfile, { description: "The job profile." })
  jobProfile!: JobProfile;
}

@ObjectType({ description: "A vacancy's figures." })
export class VacancyFunnel extends GroupFigures {
  vacancyKey!: number;

  @Field(() => Vacancy, { description: "The vacancy." })
  vacancy!: Vacancy;
}

export enum WeeklyView {
  CURRENT = "CURRENT",
  AS_REPORTED = "AS_REPORTED",
}
registerEnumType(WeeklyView, {
  name: "WeeklyView",
  description: "Which figures a closed week shows: as counted now, or as frozen when the week closed.",
  valuesConfig: {
    CURRENT: { description: "As counted now, late (backdated) moves included." },
    AS_REPORTED: { description: "For weeks frozen when they closed, the figures as reported then; other weeks as counted now." },
  },
});

export enum WeeklyFigure {
  APPLICATIONS = "APPLICATIONS",
  LAUREATES = "LAUREATES",
  OFFERS = "OFFERS",
  HIRES = "HIRES",
}
registerEnumType(WeeklyFigure, {
  name: "WeeklyFigure",
  description: "One of a week's figures.",
  valuesConfig: {
    APPLICATIONS: { description: "Applications received." },
    LAUREATES: { description: "Applications that became laureates." },
    OFFERS: { description: "Offers made." },
    HIRES: { description: "Hires." },
  },
});

@ObjectType({ description: "A change to a week's figure after the week was reported: what was reported, what it is now, and why." })
export class WeeklyRevision {
  @Field(() => WeeklyFigure, { description: "The figure that changed." })
  figure!: WeeklyFigure;

  @Field(() => Int, { description: "As reported when the week was frozen." })
  reported!: number;

  @Field(() => Int, { description: "As counted now." })
  now!: number;

  @Field(() => Int, { description: "now minus reported." })
  difference!: number;

  @Field({ description: "Why it changed, in English (moves dated in the week but recorded after it was reported, or a recount)." })
  reason!: string;
}

@ObjectType({ description: "A week's four figures." })
export class WeeklyCounts {
  @Field(() => Int, { description: "Applications received." })
  applications!: number;

  @Field(() => Int, { description: "Applications that became laureates." })
  laureates!: number;

  @Field(() => Int, { description: "Offers made." })
  offers!: number;

  @Field(() => Int, { description: "Hires." })
  hires!: number;
}

/** The week's four figures (WeeklyCounts), as they stand now, and what it reported. */
@ObjectType({ description: "One ISO week (Europe/Brussels) of activity." })
export class WeeklyFigures extends WeeklyCounts {
  @Field({ description: "The ISO week, e.g. 2021-W29." })
  isoWeek!: string;

  @Field(() => DateScalar, { description: "The week's Monday." })
  weekStart!: string;

  @Field({ description: "Whether the week has ended (its Sunday lies before today, in Brussels)." })
  closed!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the week's figures were frozen as reported (the first read after it closed); null before.",
  })
  reportedAt!: string | null;

  @Field(() => WeeklyCounts, {
    nullable: true,
    description: "The figures as reported when the week was frozen; null for a week not frozen, or one the period cuts.",
  })
  reported!: WeeklyCounts | null;

  @Field(() => [WeeklyRevision], { description: "The figures that changed since the week was reported (none when it is not frozen)." })
  revisions!: WeeklyRevision[];
}

@ObjectType({ description: "How long applications took from entering one stage to entering the next, in Brussels calendar days." })
export class StageDuration {
  @Field(() => ApplicationStage, { description: "The stage entered first (APPLIED for application-to-hire)." })
  fromStage!: ApplicationStage;

  @Field(() => ApplicationStage, { description: "The stage entered next (HIRED for application-to-hire)." })
  toStage!: ApplicationStage;

  @Field(() => Int, { description: "How many moves the figures cover." })
  count!: number;

  @Field(() => Int, { nullable: true, description: "Median days (nearest rank); null without moves." })
  medianDays!: number | null;

  @Field(() => Int, { nullable: true, description: "90th percentile of days (nearest rank); null without moves." })
  p90Days!: number | null;
}

@ObjectType({ description: "Rejections of one reason from one stage." })
export class ReasonCount {
  @Field(() => RejectionReason, { description: "The reason." })
  reason!: RejectionReason;

  @Field(() => Int, { description: "How many." })
  count!: number;
}

@ObjectType({ description: "Where the funnel leaks: rejections (by reason) and withdrawals from one stage." })
export class StageExits {
  @Field(() => ApplicationStage, { description: "The stage the applications left." })
  stage!: ApplicationStage;

  @Field(() => Int, { description: "Rejected from this stage." })
  rejected!: number;

  @Field(() => [ReasonCount], { description: "The rejections by reason (reasons with none left out)." })
  rejectedByReason!: ReasonCount[];

  @Field(() => Int, { description: "Withdrawn from this stage." })
  withdrawn!: number;
}

@ObjectType({ description: "Test-session load: every scheduled session, and weekdays against Saturdays." })
export class SessionLoad {
  @Field(() => SeatFigures, { description: "All scheduled sessions." })
  all!: SeatFigures;

  @Field(() => SeatFigures, { description: "Monday to Friday sessions." })
  weekday!: SeatFigures;

  @Field(() => SeatFigures, { description: "Saturday sessions." })
  saturday!: SeatFigures;
}

@ObjectType({ description: "Will the target be reached? At the hiring rate of the last four weeks." })
export class Forecast {
  @Field(() => Int, { description: "Hires in the 28 days ending on the day the figures are for." })
  hiresLastFourWeeks!: number;

  @Field(() => Float, { description: "Hires per week over those four weeks." })
  weeklyHiringRate!: number;

  @Field(() => Int, { description: "Hires so far plus the rate until the campaign ends." })
  projectedHiresByEnd!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "When the target would be reached at this rate (possibly after the campaign's end); null when no one was hired in the last four weeks and the target is not reached.",
  })
  projectedTargetDate!: string | null;

  @Field(() => Float, { description: "Hires per week needed from now on to reach the target by the campaign's end." })
  requiredWeeklyRate!: number;

  @Field(() => Float, { description: "Weeks left until the campaign's end." })
  weeksRemaining!: number;

  @Field({ description: "Whether the projected hires by the end reach the target." })
  onTrack!: boolean;
}

@ObjectType({ description: "An agency's forecast." })
export class AgencyForecast extends Forecast {
  agencyCode!: AgencyCode;

  @Field(() => Agency, { description: "The agency." })
  agency!: Agency;

  @Field(() => Int, { description: "The agency's headcount target." })
  target!: number;

  @Field(() => Int, { description: "The agency's hires so far." })
  hired!: number;
}

@ObjectType({ description: "The campaign forecast and the same per agency." })
export class CampaignForecast extends Forecast {
  @Field(() => [AgencyForecast], { description: "Per agency, by code." })
  byAgency!: AgencyForecast[];
}

export const VacancyFunnelConnection = Connection(VacancyFunnel, "VacancyFunnel", "vacancy's figures");
export type VacancyFunnelConnection = InstanceType<typeof VacancyFunnelConnection>;

@ObjectType({
  description:
    "The taskforce's view of a campaign: where it stands against its target, where the funnel leaks, and whether it will make it. Exact: every figure is a count of applications or events.",
})
export class Dashboard {
  @Field(() => Campaign, { description: "The campaign." })
  campaign!: Campaign;

  @Field(() => DateScalar, { description: "The day (Brussels) the figures are as of, at its end: asOf, the filter's `to`, or today." })
  asOf!: string;

  @Field(() => DateScalar, { nullable: true, description: "The first day counted, when the filter gives a period." })
  from!: string | null;
}
