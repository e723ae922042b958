import { Field, Float, Int, ObjectType } from "type-graphql";
import { Agency } from "../agencies/agency.type";
import { JobProfile } from "../job-profiles/job-profile.type";
import { Wave } from "./campaign.type";

/** The figures of one part of a campaign (an agency, a wave, a job profile) or of the whole. */
export interface ProgressFigures {
  target: number;
  hired: number;
  openPosts: number;
  openVacancies: number;
}

@ObjectType({ description: "Posts, hires and open posts." })
export abstract class Progress implements ProgressFigures {
  @Field(() => Int, { description: "Posts planned: the headcount targets of the vacancies, cancelled ones aside (drafts included)." })
  target!: number;

  @Field(() => Int, { description: "People hired so far (the dashboard's HIRED count)." })
  hired!: number;

  @Field(() => Int, { description: "Posts one can apply for now: the headcount targets of the open vacancies." })
  openPosts!: number;

  @Field(() => Int, { description: "Open vacancies." })
  openVacancies!: number;

  @Field(() => Float, { description: "hired / target, from 0 to 1, to four decimals (0 when the target is 0)." })
  fillRate(): number {
    return this.target > 0 ? Math.round((this.hired / this.target) * 10_000) / 10_000 : 0;
  }
}

@ObjectType({ description: "Public progress of one agency in the campaign." })
export class AgencyProgress extends Progress {
  @Field(() => Agency, { description: "The agency." })
  agency!: Agency;
}

@ObjectType({ description: "Public progress of one wave." })
export class WaveProgress extends Progress {
  @Field(() => Wave, { description: "The wave." })
  wave!: Wave;
}

@ObjectType({ description: "Public progress of one job profile in the campaign." })
export class JobProfileProgress extends Progress {
  @Field(() => JobProfile, { description: "The job profile." })
  jobProfile!: JobProfile;
}

@ObjectType({
  description:
    "The campaign's public progress: its posts, hires and open posts, in total and per agency, wave and job profile. The parts of each breakdown add up to the total.",
})
export class CampaignProgress extends Progress {
  @Field(() => [AgencyProgress], { description: "Per agency, in the order DVZ, CGVS, RVV, FEDASIL." })
  byAgency!: AgencyProgress[];

  @Field(() => [WaveProgress], { description: "Per wave, by number." })
  byWave!: WaveProgress[];

  @Field(() => [JobProfileProgress], { description: "Per job profile, by function code." })
  byJobProfile!: JobProfileProgress[];
}
