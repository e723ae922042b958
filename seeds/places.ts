/**
 * Belgium's regions and provinces, and the places where the campaign's posts are based and Selor tests: names in
 * Dutch, French, English and German (where the languages differ, the official or usual exonym).
 *
 * Not in the source documents (they name no places): the project's own reference data. Vottem, Jumet, Bierset and
 * Poelkapelle are parts of the municipalities of Herstal, Charleroi, Grâce-Hollogne and Langemark-Poelkapelle, listed
 * under the name the reception and detention centres there are known by.
 */
import type { PlaceSeed, ProvinceSeed, RegionSeed } from "./types";

export const regions: RegionSeed[] = [
  {
    code: "BRUSSELS",
    name: { nl: "Brussels Hoofdstedelijk Gewest", fr: "Région de Bruxelles-Capitale", en: "Brussels-Capital Region", de: "Region Brüssel-Hauptstadt" },
  },
  { code: "FLANDERS", name: { nl: "Vlaams Gewest", fr: "Région flamande", en: "Flemish Region", de: "Flämische Region" } },
  { code: "WALLONIA", name: { nl: "Waals Gewest", fr: "Région wallonne", en: "Walloon Region", de: "Wallonische Region" } },
];

export const provinces: ProvinceSeed[] = [
  { code: "ANTWERP", region: "FLANDERS", name: { nl: "Antwerpen", fr: "Anvers", en: "Antwerp", de: "Antwerpen" } },
  { code: "EAST_FLANDERS", region: "FLANDERS", name: { nl: "Oost-Vlaanderen", fr: "Flandre-Orientale", en: "East Flanders", de: "Ostflandern" } },
  { code: "FLEMISH_BRABANT", region: "FLANDERS", name: { nl: "Vlaams-Brabant", fr: "Brabant flamand", en: "Flemish Brabant", de: "Flämisch-Brabant" } },
  { code: "LIMBURG", region: "FLANDERS", name: { nl: "Limburg", fr: "Limbourg", en: "Limburg", de: "Limburg" } },
  { code: "WEST_FLANDERS", region: "FLANDERS", name: { nl: "West-Vlaanderen", fr: "Flandre-Occidentale", en: "West Flanders", de: "Westflandern" } },
  { code: "HAINAUT", region: "WALLONIA", name: { nl: "Henegouwen", fr: "Hainaut", en: "Hainaut", de: "Hennegau" } },
  { code: "LIEGE", region: "WALLONIA", name: { nl: "Luik", fr: "Liège", en: "Liège", de: "Lüttich" } },
  { code: "LUXEMBOURG", region: "WALLONIA", name: { nl: "Luxemburg", fr: "Luxembourg", en: "Luxembourg", de: "Luxemburg" } },
  { code: "NAMUR", region: "WALLONIA", name: { nl: "Namen", fr: "Namur", en: "Namur", de: "Namür" } },
  { code: "WALLOON_BRABANT", region: "WALLONIA", name: { nl: "Waals-Brabant", fr: "Brabant wallon", en: "Walloon Brabant", de: "Wallonisch-Brabant" } },
];

const same = (name: string) => ({ nl: name, fr: name, en: name, de: name });

export const places: PlaceSeed[] = [
  { name: { nl: "Brussel", fr: "Bruxelles", en: "Brussels", de: "Brüssel" }, province: null, region: "BRUSSELS" },
  { name: same("Steenokkerzeel"), province: "FLEMISH_BRABANT", region: "FLANDERS" },
  { name: same("Merksplas"), province: "ANTWERP", region: "FLANDERS" },
  { name: same("Arendonk"), province: "ANTWERP", region: "FLANDERS" },
  { name: { nl: "Mechelen", fr: "Malines", en: "Mechelen", de: "Mecheln" }, province: "ANTWERP", region: "FLANDERS" },
  { name: { nl: "Gent", fr: "Gand", en: "Ghent", de: "Gent" }, province: "EAST_FLANDERS", region: "FLANDERS" },
  { name: same("Zulte"), province: "EAST_FLANDERS", region: "FLANDERS" },
  { name: { nl: "Sint-Gillis-Waas", fr: "Saint-Gilles-Waes", en: "Sint-Gillis-Waas", de: "Sint-Gillis-Waas" }, province: "EAST_FLANDERS", region: "FLANDERS" },
  { name: same("Poelkapelle"), province: "WEST_FLANDERS", region: "FLANDERS" },
  { name: same("Jabbeke"), province: "WEST_FLANDERS", region: "FLANDERS" },
  { name: { nl: "Sint-Truiden", fr: "Saint-Trond", en: "Sint-Truiden", de: "Sankt Truiden" }, province: "LIMBURG", region: "FLANDERS" },
  { name: { nl: "Tubeke", fr: "Tubize", en: "Tubize", de: "Tubize" }, province: "WALLOON_BRABANT", region: "WALLONIA" },
  { name: { nl: "Bevekom", fr: "Beauvechain", en: "Beauvechain", de: "Beauvechain" }, province: "WALLOON_BRABANT", region: "WALLONIA" },
  { name: same("Vottem"), province: "LIEGE", region: "WALLONIA" },
  { name: same("Bierset"), province: "LIEGE", region: "WALLONIA" },
  { name: { nl: "Luik", fr: "Liège", en: "Liège", de: "Lüttich" }, province: "LIEGE", region: "WALLONIA" },
  { name: same("Jumet"), province: "HAINAUT", region: "WALLONIA" },
  { name: { nl: "Moeskroen", fr: "Mouscron", en: "Mouscron", de: "Mouscron" }, province: "HAINAUT", region: "WALLONIA" },
  { name: { nl: "Namen", fr: "Namur", en: "Namur", de: "Namür" }, province: "NAMUR", region: "WALLONIA" },
  { name: same("Florennes"), province: "NAMUR", region: "WALLONIA" },
];
