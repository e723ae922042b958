import type { CodesOf } from "../common/user-error";

// The codes the feature's mutations return in userErrors, and below, which mutation returns which (src/common/user-error.ts).

export enum VacancyErrorCode {
  VACANCY_NOT_FOUND = "VACANCY_NOT_FOUND",
  AGENCY_NOT_ALLOWED = "AGENCY_NOT_ALLOWED",
  JOB_PROFILE_NOT_FOUND = "JOB_PROFILE_NOT_FOUND",
  WAVE_NOT_FOUND = "WAVE_NOT_FOUND",
  HEADCOUNT_NOT_POSITIVE = "HEADCOUNT_NOT_POSITIVE",
  CAMPAIGN_TARGET_EXCEEDED = "CAMPAIGN_TARGET_EXCEEDED",
  DEADLINE_IN_PAST = "DEADLINE_IN_PAST",
  INVALID_TEXT = "INVALID_TEXT",
  INVALID_PROCEDURE = "INVALID_PROCEDURE",
  PROCEDURE_LOCKED = "PROCEDURE_LOCKED",
  NOT_DRAFT = "NOT_DRAFT",
  INVALID_STATUS_CHANGE = "INVALID_STATUS_CHANGE",
}

const V = VacancyErrorCode;
/** The fields checked before the database is read (headcount, place and texts, deadline, procedure). */
const FIELD_CODES = [V.HEADCOUNT_NOT_POSITIVE, V.INVALID_TEXT, V.DEADLINE_IN_PAST, V.INVALID_PROCEDURE] as const;

export const VACANCY_OPERATION_CODES = {
  createVacancy: [V.AGENCY_NOT_ALLOWED, ...FIELD_CODES, V.JOB_PROFILE_NOT_FOUND, V.WAVE_NOT_FOUND, V.CAMPAIGN_TARGET_EXCEEDED],
  updateVacancy: [...FIELD_CODES, V.VACANCY_NOT_FOUND, V.CAMPAIGN_TARGET_EXCEEDED, V.PROCEDURE_LOCKED],
  publishVacancy: [V.VACANCY_NOT_FOUND, V.NOT_DRAFT, V.DEADLINE_IN_PAST],
  closeVacancy: [V.VACANCY_NOT_FOUND, V.INVALID_STATUS_CHANGE],
} as const;
export type VacancyCode<Op extends keyof typeof VACANCY_OPERATION_CODES> = CodesOf<typeof VACANCY_OPERATION_CODES, Op>;
