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

/** A salary scale: gross monthly pay in whole euro per year of seniority, starting at 0 years. */
export interface SalaryScaleSeed {
  code: string;
  level: JobLevel;
  name: LocalizedText;
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
  languageRequirement: LocalizedText;
  salaryScaleCode: string;
  resultAreas: ResultAreaSeed[];
  competencies: { area: number; level: ComplexityLevel }[];
}

export type VacancySeedStatus = "DRAFT" | "OPEN" | "CLOSED";

/** When applications close: never (continuous recruitment), a number of days after the seed runs, or a fixed instant. */
export type DeadlineSeed = { continuous: true } | { daysAfterSeed: number } | { at: string };

export interface ExamPartSeed {
  name: string;
  maxPoints: number;
  passPercent?: number;
  /** The kind of test session that examines the part. */
  kind: "COMPUTER_TEST" | "WRITTEN" | "ORAL" | "ASSESSMENT";
}

export interface VacancySeed {
  /** Stable key within the seed, so the seed can tell what it already loaded. */
  key: string;
  agency: AgencyCode;
  wave: number;
  functionCode: string;
  headcountTarget: number;
  place: string;
  languageRegime: "NL" | "FR" | "DE" | "BILINGUAL";
  contractType: "STATUTORY" | "PERMANENT_CONTRACT" | "FIXED_TERM_CONTRACT";
  status: VacancySeedStatus;
  deadline: DeadlineSeed;
  /** Defaults to the job profile's title. */
  title?: LocalizedText;
  description?: LocalizedText;
  /** Defaults to the Asse rule: written 50 points and oral 50 points, each at least 50 %, overall at least 60 %. */
  examParts?: ExamPartSeed[];
  overallPassPercent?: number;
}

export interface WaveSeed {
  number: number;
  opensOn: string;
  name: LocalizedText;
  description: LocalizedText;
}

export interface TestSessionSeed {
  /**
   * The ISO week counted from the week the seed runs in (1: next week) and the ISO weekday (1 Monday .. 6 Saturday):
   * seeded sessions always lie ahead, on weekdays and Saturdays, whatever day the seed runs.
   */
  week: number;
  weekday: 1 | 2 | 3 | 4 | 5 | 6;
  /** Local time in Brussels, HH:MM. */
  startsAtLocal: string;
  durationMinutes: number;
  kind: "COMPUTER_TEST" | "WRITTEN" | "ORAL" | "ASSESSMENT";
  place: string;
  language: "NL" | "FR" | "EN" | "DE";
  capacity: number;
  /** The session tests the open vacancies of these profiles whose language regime fits the session's language. */
  functionCodes: string[];
}

export interface CampaignSeed {
  slug: string;
  name: LocalizedText;
  description: LocalizedText;
  targetHeadcount: number;
  startsOn: string;
  /** The documents give no end; the seed sets it this many days after the seed runs, so the campaign is always current. */
  endsDaysAfterSeed: number;
  siteUrl: string;
  agencies: AgencyCode[];
  waves: WaveSeed[];
  vacancies: VacancySeed[];
  testSessions: TestSessionSeed[];
}
