import { Node } from "../common/node";
import { enumObject } from "../common/enum-object";
import { REGIONS, PROVINCES, type RegionValue, type ProvinceValue } from "../db/tables";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { LocalizedText } from "../common/localized-text";

export const RegionCode = enumObject(REGIONS);
export type RegionCode = RegionValue;

registerEnumType(RegionCode, {
  name: "RegionCode",
  description: "Belgium's three regions.",
  valuesConfig: {
    BRUSSELS: { description: "The Brussels-Capital Region (no provinces)." },
    FLANDERS: { description: "The Flemish Region." },
    WALLONIA: { description: "The Walloon Region." },
  },
});

export const ProvinceCode = enumObject(PROVINCES);
export type ProvinceCode = ProvinceValue;

registerEnumType(ProvinceCode, {
  name: "ProvinceCode",
  description: "Belgium's ten provinces (five in Flanders, five in Wallonia).",
  valuesConfig: {
    ANTWERP: { description: "Antwerpen (Flanders)." },
    EAST_FLANDERS: { description: "Oost-Vlaanderen (Flanders)." },
    FLEMISH_BRABANT: { description: "Vlaams-Brabant (Flanders)." },
    LIMBURG: { description: "Limburg (Flanders)." },
    WEST_FLANDERS: { description: "West-Vlaanderen (Flanders)." },
    HAINAUT: { description: "Hainaut (Wallonia)." },
    LIEGE: { description: "Liège (Wallonia)." },
    LUXEMBOURG: { description: "Luxembourg (Wallonia)." },
    NAMUR: { description: "Namur (Wallonia)." },
    WALLOON_BRABANT: { description: "Brabant wallon (Wallonia)." },
  },
});

@ObjectType({ description: "One of Belgium's regions, with its names." })
export class Region {
  @Field(() => RegionCode, { description: "The region's code." })
  code!: RegionCode;

  names!: LocalizedText;
}

@ObjectType({ description: "One of Belgium's provinces, with its names and region." })
export class Province {
  @Field(() => ProvinceCode, { description: "The province's code." })
  code!: ProvinceCode;

  regionCode!: RegionCode;
  names!: LocalizedText;
}

@ObjectType({ implements: Node, description: "A municipality (or a known part of one) where posts are based or tests are held." })
export class Place {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  key!: number;
  names!: LocalizedText;
  provinceCode!: ProvinceCode | null;
  regionCode!: RegionCode;
}
