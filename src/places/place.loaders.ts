import DataLoader from "dataloader";
import { inKeyOrder } from "../common/loader";
import type { PlaceService } from "./place.service";
import type { Place, Province, ProvinceCode, Region, RegionCode } from "./place.type";

export function createPlaceLoaders(places: PlaceService) {
  return {
    placeByKey: new DataLoader<number, Place | null>(async (keys) => inKeyOrder(keys, await places.byKeys(keys), (p) => p.key)),
    provinceByCode: new DataLoader<ProvinceCode, Province | null>(async (codes) => inKeyOrder(codes, await places.provincesByCodes(codes), (p) => p.code)),
    regionByCode: new DataLoader<RegionCode, Region | null>(async (codes) => inKeyOrder(codes, await places.regionsByCodes(codes), (r) => r.code)),
  };
}
