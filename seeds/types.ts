/**
 * Shapes of the campaign's seed data. The data files beside this one hold facts taken from the source documents
 * (see the comment at the top of each file); where a document leaves a number open, the file says what was filled in.
 */

/** A text the public reads, in Dutch (always) and French, English and German where known. */
export interface LocalizedText {
  nl: string;
  fr?: string;
  en?: string;
  de?: string;
}

export type AgencyCode = "DVZ" | "CGVS" | "RVV" | "FEDASIL";
export type JobLevel = "A" | "B" | "C" | "D";
export type ComplexityLevel = "A" | "B" | "C";

export interface AgencySeed {
  code: AgencyCode;
  name: Required<LocalizedText>;
  website?: string;
}

/** One of the 37 competence areas of the European sectoral qualification framework for asylum and reception officials. */
export interface CompetenceAreaSeed {
  number: number;
  group: "GENERAL" | "SPECIFIC" | "MANAGEMENT";
  title: LocalizedText;
}

export type RegionCode = "BRUSSELS" | "FLANDERS" | "WALLONIA";
export type ProvinceCode =
  "ANTWERP" | "EAST_FLANDERS" | "FLEMISH_BRABANT" | "LIMBURG" | "WEST_FLANDERS" | "HAINAUT" | "LIEGE" | "LUXEMBOURG" | "NAMUR" | "WALLOON_BRABANT";

export interface RegionSeed {
  code: RegionCode;
  name: Required<LocalizedText>;
}

export interface ProvinceSeed {
  code: ProvinceCode;
  region: Exclude<RegionCode, "BRUSSELS">;
  name: Required<LocalizedText>;
}

/** A municipality (or a known part of one); vacancies and sessions name places by their Dutch name. */
export interface PlaceSeed {
  name: Required<LocalizedText>;
  /** Null only in the Brussels-Capital Region, which has no province. */
  province: ProvinceCode | null;
  region: RegionCode;
}

/** A salary scale: gross monthly pay in whole euro per year of seniority, starting at 0 years. */
export interface SalaryScaleSeed {
  code: string;
  level: JobLevel;
  name: LocalizedText;
  /** Where the amounts come from (a document, or "illustrative, not from a source"). */
  source: LocalizedText;
  /** True when no source gives the amounts and they are filled in for illustration. */
  illustrative: boolean;
  /** Index of 1 = 100% on which the amounts are based (e.g. 2.0807 for June 2024), when the source gives one. */
  indexFactor?: number;
  monthlyGrossBySeniority: number[];
}

export interface ResultAreaSeed {
  /** The role the holder plays ("as coach", "as case manager"). */
  role: LocalizedText;
  /** What the holder does in that role, and to what end. */
  aim: LocalizedText;
  tasks: LocalizedText[];
}

export interface JobProfileSeed {
  functionCode: string;
  title: LocalizedText;
  level: JobLevel;
  /** Class within the level, e.g. "A1"; for levels B, C, D the class is the level itself ("B"). */
  class: string;
  functionFamily: LocalizedText;
  professionalCategory: LocalizedText;
  purpose: LocalizedText;
  reportsTo: LocalizedText;
  managesCount: number;
  diplomaRequirement: LocalizedText;
  /** What the profile asks beyond the vacancy's language regime (which sets the language of the post). */
  languageRequirement: LocalizedText;
  salaryScaleCode: string;
  resultAreas: ResultAreaSeed[];
  competencies: { area: number; level: ComplexityLevel }[];
}

export type VacancySeedStatus = "DRAFT" | "OPEN" | "CLOSED";
export type TestKind = "COMPUTER_TEST" | "WRITTEN" | "ORAL" | "ASSESSMENT";

/** When applications close: never (continuous recruitment), or at 23:59 Brussels time on a day of the campaign's calendar. */
export type DeadlineSeed = { continuous: true } | { on: string };

export interface ExamPartSeed {
  /** The key results are recorded against (Dutch). */
  name: string;
  /** The kind of test session that examines the part. */
  kind: TestKind;
  title: LocalizedText;
  maxPoints: number;
  passPercent?: number;
}

export interface VacancySeed {
  /** Stable key within the seed, so the seed can tell what it already loaded. */
  key: string;
  agency: AgencyCode;
  wave: number;
  functionCode: string;
  headcountTarget: number;
  /** The place by one of its names in places.ts (the local one). */
  place: string;
  languageRegime: "NL" | "FR" | "DE" | "BILINGUAL";
  contractType: "STATUTORY" | "PERMANENT_CONTRACT" | "FIXED_TERM_CONTRACT";
  status: VacancySeedStatus;
  deadline: DeadlineSeed;
  /** Defaults to the job profile's title. */
  title?: LocalizedText;
  description: LocalizedText;
  /** The selection procedure's parts, in the order they are taken (each at least 50 %, overall at least 60 %). */
  examParts: ExamPartSeed[];
  overallPassPercent?: number;
}

export interface WaveSeed {
  number: number;
  opensOn: string;
  name: LocalizedText;
  description: LocalizedText;
}

export interface TestSessionSeed {
  /** The day in the campaign's calendar (a weekday or a Saturday). */
  on: string;
  /** Local time in Brussels, HH:MM. */
  startsAtLocal: string;
  durationMinutes: number;
  kind: TestKind;
  place: LocalizedText;
  language: "NL" | "FR" | "EN" | "DE";
  capacity: number;
  /**
   * The session tests the open vacancies of these profiles whose language regime fits the session's language and
   * whose procedure has a part of the session's kind.
   */
  functionCodes: string[];
}

export interface CampaignSeed {
  slug: string;
  name: LocalizedText;
  description: LocalizedText;
  targetHeadcount: number;
  startsOn: string;
  endsOn: string;
  /**
   * The day of the campaign's calendar a fresh install stands on. Seeding on another day moves every date of the
   * campaign by the same whole number of weeks (weekdays stay weekdays), so that the install day falls in the week
   * that starts on this day: the timeline stays whole from start to end, and deadlines and sessions still lie ahead.
   */
  standsOn: string;
  siteUrl: string;
  agencies: AgencyCode[];
  waves: WaveSeed[];
  vacancies: VacancySeed[];
  testSessions: TestSessionSeed[];
}
