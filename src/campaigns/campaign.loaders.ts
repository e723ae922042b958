import DataLoader from "dataloader";
import { groupedInKeyOrder, inKeyOrder } from "../common/loader";
import type { AgencyCode } from "../agencies/agency.type";
import type { CampaignFigures, CampaignService, ProgressRow } from "./campaign.service";
import type { Campaign, Wave } from "./campaign.type";

export function createCampaignLoaders(campaigns: CampaignService) {
  return {
    campaignByKey: new DataLoader<number, Campaign | null>(async (keys) => inKeyOrder(keys, await campaigns.byKeys(keys), (c) => c.key)),
    waveByKey: new DataLoader<number, Wave | null>(async (keys) => inKeyOrder(keys, await campaigns.wavesByKeys(keys), (w) => w.key)),
    wavesByCampaign: new DataLoader<number, Wave[]>(async (keys) => groupedInKeyOrder(keys, await campaigns.wavesOfCampaigns(keys), (w) => w.campaignKey)),
    agencyCodesByCampaign: new DataLoader<number, AgencyCode[]>(async (keys) =>
      groupedInKeyOrder(keys, await campaigns.agencyCodesOfCampaigns(keys), (r) => r.campaignKey).map((rows) => rows.map((r) => r.agencyCode)),
    ),
    campaignProgress: new DataLoader<number, ProgressRow[]>(async (keys) => groupedInKeyOrder(keys, await campaigns.progress(keys), (r) => r.campaignKey)),
    campaignFigures: new DataLoader<number, CampaignFigures>(async (keys) =>
      inKeyOrder(keys, await campaigns.figures(keys), (f) => f.campaignKey).map(
        (figures, i) => figures ?? { campaignKey: keys[i], hired: 0, openVacancies: 0, openPosts: 0 },
      ),
    ),
  };
}
