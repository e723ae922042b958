import DataLoader from "dataloader";
import { inKeyOrder } from "../common/loader";
import type { AgencyService } from "./agency.service";
import type { Agency, AgencyCode } from "./agency.type";

export function createAgencyLoaders(agencies: AgencyService) {
  return {
    agencyByCode: new DataLoader<AgencyCode, Agency | null>(async (codes) => inKeyOrder(codes, await agencies.byCodes(codes), (a) => a.code)),
  };
}
