import { pgEnum } from "drizzle-orm/pg-core";

// Closed sets shared by the database and the API; the database refuses anything outside them.
export const agencyCodeEnum = pgEnum("agency_code", ["DVZ", "CGVS", "RVV", "FEDASIL"]);
export const languageEnum = pgEnum("language", ["NL", "FR", "EN", "DE"]);
export const jobLevelEnum = pgEnum("job_level", ["A", "B", "C", "D"]);
export const complexityLevelEnum = pgEnum("complexity_level", ["A", "B", "C"]);
export const competenceGroupEnum = pgEnum("competence_group", ["GENERAL", "SPECIFIC", "MANAGEMENT"]);
export const vacancyStatusEnum = pgEnum("vacancy_status", ["DRAFT", "OPEN", "CLOSED", "FILLED", "CANCELLED"]);
export const languageRegimeEnum = pgEnum("language_regime", ["NL", "FR", "DE", "BILINGUAL"]);
export const contractTypeEnum = pgEnum("contract_type", ["STATUTORY", "PERMANENT_CONTRACT", "FIXED_TERM_CONTRACT"]);
export const applicationStageEnum = pgEnum("application_stage", [
  "APPLIED",
  "SCREENED",
  "INVITED",
  "TESTED",
  "LAUREATE",
  "OFFERED",
  "HIRED",
  "REJECTED",
  "WITHDRAWN",
]);
export const rejectionReasonEnum = pgEnum("rejection_reason", ["INELIGIBLE", "FAILED_TEST", "NO_SHOW", "FAILED_INTERVIEW", "OTHER"]);
export const regionEnum = pgEnum("region", ["BRUSSELS", "FLANDERS", "WALLONIA"]);
export const provinceEnum = pgEnum("province", [
  "ANTWERP",
  "EAST_FLANDERS",
  "FLEMISH_BRABANT",
  "LIMBURG",
  "WEST_FLANDERS",
  "HAINAUT",
  "LIEGE",
  "LUXEMBOURG",
  "NAMUR",
  "WALLOON_BRABANT",
]);
export const testKindEnum = pgEnum("test_kind", ["COMPUTER_TEST", "WRITTEN", "ORAL", "ASSESSMENT"]);
export const testSessionStatusEnum = pgEnum("test_session_status", ["SCHEDULED", "CANCELLED"]);
export const bookingStatusEnum = pgEnum("booking_status", ["BOOKED", "ATTENDED", "NO_SHOW", "CANCELLED"]);
export const roleEnum = pgEnum("role", ["AGENCY_HR", "TASKFORCE", "ADMIN"]);
export const auditOutcomeEnum = pgEnum("audit_outcome", ["OK", "USER_ERROR", "DENIED", "FAILED"]);

export type AgencyCodeValue = (typeof agencyCodeEnum.enumValues)[number];
export type LanguageValue = (typeof languageEnum.enumValues)[number];
export type StageValue = (typeof applicationStageEnum.enumValues)[number];
export type RejectionReasonValue = (typeof rejectionReasonEnum.enumValues)[number];
export type VacancyStatusValue = (typeof vacancyStatusEnum.enumValues)[number];
export type RoleValue = (typeof roleEnum.enumValues)[number];
export type RegionValue = (typeof regionEnum.enumValues)[number];
export type ProvinceValue = (typeof provinceEnum.enumValues)[number];
export type TestKindValue = (typeof testKindEnum.enumValues)[number];
