import { pgEnum } from "drizzle-orm/pg-core";

// The closed sets, each written once as an array: the database enum is built from it here, the TypeScript type is its
// element type, and the GraphQL enum (in the feature's type file) registers `enumObject(array)`. The database refuses
// anything outside them.
export const AGENCY_CODES = ["DVZ", "CGVS", "RVV", "FEDASIL"] as const;
export const LANGUAGES = ["NL", "FR", "EN", "DE"] as const;
export const JOB_LEVELS = ["A", "B", "C", "D"] as const;
export const COMPLEXITY_LEVELS = ["A", "B", "C"] as const;
export const COMPETENCE_GROUPS = ["GENERAL", "SPECIFIC", "MANAGEMENT"] as const;
export const VACANCY_STATUSES = ["DRAFT", "OPEN", "CLOSED", "FILLED", "CANCELLED"] as const;
export const LANGUAGE_REGIMES = ["NL", "FR", "DE", "BILINGUAL"] as const;
export const CONTRACT_TYPES = ["STATUTORY", "PERMANENT_CONTRACT", "FIXED_TERM_CONTRACT"] as const;
/** The pipeline in order, then its two exits; the moves between them are in src/applications/stages.ts. */
export const STAGES = ["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN"] as const;
export const REJECTION_REASONS = ["INELIGIBLE", "FAILED_TEST", "NO_SHOW", "FAILED_INTERVIEW", "OTHER"] as const;
export const REGIONS = ["BRUSSELS", "FLANDERS", "WALLONIA"] as const;
export const PROVINCES = [
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
] as const;
export const TEST_KINDS = ["COMPUTER_TEST", "WRITTEN", "ORAL", "ASSESSMENT"] as const;
export const TEST_SESSION_STATUSES = ["SCHEDULED", "CANCELLED"] as const;
export const BOOKING_STATUSES = ["BOOKED", "ATTENDED", "NO_SHOW", "CANCELLED"] as const;
export const ROLES = ["AGENCY_HR", "TASKFORCE", "ADMIN"] as const;
export const AUDIT_OUTCOMES = ["OK", "USER_ERROR", "DENIED", "FAILED"] as const;
export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "DEAD"] as const;

export type AgencyCodeValue = (typeof AGENCY_CODES)[number];
export type LanguageValue = (typeof LANGUAGES)[number];
export type JobLevelValue = (typeof JOB_LEVELS)[number];
export type ComplexityLevelValue = (typeof COMPLEXITY_LEVELS)[number];
export type CompetenceGroupValue = (typeof COMPETENCE_GROUPS)[number];
export type VacancyStatusValue = (typeof VACANCY_STATUSES)[number];
export type LanguageRegimeValue = (typeof LANGUAGE_REGIMES)[number];
export type ContractTypeValue = (typeof CONTRACT_TYPES)[number];
export type StageValue = (typeof STAGES)[number];
export type RejectionReasonValue = (typeof REJECTION_REASONS)[number];
export type RegionValue = (typeof REGIONS)[number];
export type ProvinceValue = (typeof PROVINCES)[number];
export type TestKindValue = (typeof TEST_KINDS)[number];
export type TestSessionStatusValue = (typeof TEST_SESSION_STATUSES)[number];
export type RoleValue = (typeof ROLES)[number];
export type AuditOutcomeValue = (typeof AUDIT_OUTCOMES)[number];
export type WebhookDeliveryStatusValue = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const agencyCodeEnum = pgEnum("agency_code", AGENCY_CODES);
export const languageEnum = pgEnum("language", LANGUAGES);
export const jobLevelEnum = pgEnum("job_level", JOB_LEVELS);
export const complexityLevelEnum = pgEnum("complexity_level", COMPLEXITY_LEVELS);
export const competenceGroupEnum = pgEnum("competence_group", COMPETENCE_GROUPS);
export const vacancyStatusEnum = pgEnum("vacancy_status", VACANCY_STATUSES);
export const languageRegimeEnum = pgEnum("language_regime", LANGUAGE_REGIMES);
export const contractTypeEnum = pgEnum("contract_type", CONTRACT_TYPES);
export const applicationStageEnum = pgEnum("application_stage", STAGES);
export const rejectionReasonEnum = pgEnum("rejection_reason", REJECTION_REASONS);
export const regionEnum = pgEnum("region", REGIONS);
export const provinceEnum = pgEnum("province", PROVINCES);
export const testKindEnum = pgEnum("test_kind", TEST_KINDS);
export const testSessionStatusEnum = pgEnum("test_session_status", TEST_SESSION_STATUSES);
export const bookingStatusEnum = pgEnum("booking_status", BOOKING_STATUSES);
export const roleEnum = pgEnum("role", ROLES);
export const auditOutcomeEnum = pgEnum("audit_outcome", AUDIT_OUTCOMES);
export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);
