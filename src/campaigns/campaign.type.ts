import { Node } from "../common/node";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { LocalizedText } from "../common/localized-text";
import { DateScalar } from "../common/scalars";

@ObjectType({ implements: Node, description: "A hiring drive: the 2021 asylum and migration campaign is one; a later drive would be another." })
export class Campaign {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;

  @Field({ description: "Short name used in URLs and queries, e.g. asiel-migratie-2021." })
  slug!: string;

  @Field(() => Int, { description: "How many people the campaign sets out to hire (700 for the 2021 campaign)." })
  targetHeadcount!: number;

  @Field(() => DateScalar, { description: "First day of the campaign." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day of the campaign: the date by which the target should be reached." })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: "The campaign's public website." })
  siteUrl!: string | null;

  names!: LocalizedText;
  descriptions!: LocalizedText | null;
}

@ObjectType({ implements: Node, description: "A numbered release of vacancies within a campaign." })
export class Wave {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;
  campaignKey!: number;

  @Field(() => Int, { description: "1 for the first wave, 2 for the second, and so on." })
  number!: number;

  @Field(() => DateScalar, { description: "The day the wave's vacancies open." })
  opensOn!: string;

  names!: LocalizedText;
  descriptions!: LocalizedText | null;
}
