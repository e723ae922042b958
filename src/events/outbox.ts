import { sql } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { isoWeek } from "../common/brussels-time";
import { toGlobalId } from "../common/global-id";
import type { Executor } from "../db/client";
import { audienceOf, EventType, wireName, type Audience } from "./event-types";

/** An event about to be recorded. Its payload holds ids, codes and stages only: never a name, address or date of birth. */
export interface NewEvent {
  type: EventType;
  /** What the event is about, e.g. "Application:12": deliveries of one subject go out in the order they were recorded. */
  subject: string;
  agencyCode: AgencyCode | null;
  audience: Audience;
  payload: Record<string, unknown>;
}

/**
 * Records events in the caller's transaction, so they exist exactly when the change they describe does: one statement
 * however many (a batch of 500 submissions writes its 500 events at once). Call it after the rows the events are
 * about are locked or written (the feed's order for one subject follows the order of these inserts; see
 * src/events/sequencer.ts).
 */
export async function recordEvents(tx: Executor, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ type: wireName(e.type), subject: e.subject, agency_code: e.agencyCode, audience: e.audience, payload: e.payload }));
  await tx.execute(sql`
    insert into events (type, subject, agency_code, audience, payload)
    select r.type, r.subject, r.agency_code, r.audience, r.payload
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(type text, subject text, agency_code agency_code, audience event_audience, payload jsonb)`);
}

/** An application as the events describe it: what it is now. */
export interface ApplicationState {
  key: number;
  vacancyKey: number;
  candidateKey: number;
  agencyCode: AgencyCode;
  externalId: string;
  stage: string;
  rejectionReason: string | null;
  version: number;
}

/**
 * An event about one application: its ids, the stage it came from and the one it is in now with its version (so a
 * receiver can tell a stale event from a fresh one), when the change happened, and type-specific ids (a test session).
 */
export function applicationEvent(
  type: EventType,
  application: ApplicationState,
  change: { fromStage: string | null; occurredAt: Date; extra?: Record<string, unknown> },
): NewEvent {
  return {
    type,
    subject: `Application:${application.key}`,
    agencyCode: application.agencyCode,
    audience: audienceOf(type),
    payload: {
      applicationId: toGlobalId("Application", application.key),
      externalId: application.externalId,
      agency: application.agencyCode,
      vacancyId: toGlobalId("Vacancy", application.vacancyKey),
      candidateId: toGlobalId("Candidate", application.candidateKey),
      fromStage: change.fromStage,
      stage: application.stage,
      rejectionReason: application.rejectionReason,
      version: application.version,
      occurredAt: change.occurredAt.toISOString(),
      ...change.extra,
    },
  };
}

/** An event about a candidate as one agency knows them: the candidate's id and that agency's applications. */
export function candidateEvent(type: EventType, candidateKey: number, agencyCode: AgencyCode, applicationKeys: readonly number[]): NewEvent {
  return {
    type,
    subject: `Candidate:${candidateKey}`,
    agencyCode: agencyCode,
    audience: audienceOf(type),
    payload: {
      candidateId: toGlobalId("Candidate", candidateKey),
      agency: agencyCode,
      applicationIds: [...applicationKeys].sort((a, b) => a - b).map((k) => toGlobalId("Application", k)),
    },
  };
}

/** An event about a vacancy: public once it has been published, its agency's alone while a draft. */
export function vacancyEvent(
  type: EventType,
  vacancy: { key: number; agencyCode: AgencyCode; status: string; publishedAt: Date | null },
  extra: Record<string, unknown> = {},
): NewEvent {
  return {
    type,
    subject: `Vacancy:${vacancy.key}`,
    agencyCode: vacancy.agencyCode,
    audience: audienceOf(type, vacancy.publishedAt != null),
    payload: { vacancyId: toGlobalId("Vacancy", vacancy.key), agency: vacancy.agencyCode, status: vacancy.status, ...extra },
  };
}

/**
 * An event about a test session (public, as the sessions are on the campaign pages). Without the vacancies it tests:
 * some may be drafts, which the public must not learn of; receivers read them through testSessions.
 */
export function testSessionEvent(type: EventType, session: { key: number; startsAt: Date; status: string }, extra: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    subject: `TestSession:${session.key}`,
    agencyCode: null,
    audience: audienceOf(type),
    payload: {
      testSessionId: toGlobalId("TestSession", session.key),
      status: session.status,
      startsAt: session.startsAt.toISOString(),
      ...extra,
    },
  };
}

/** An event about a campaign's weekly report (the taskforce's), one ISO week given by its Monday. */
export function weeklyReportEvent(type: EventType, campaignKey: number, monday: string, extra: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    subject: `WeeklyReport:${campaignKey}:${monday}`,
    agencyCode: null,
    audience: audienceOf(type),
    payload: { campaignId: toGlobalId("Campaign", campaignKey), week: isoWeek(monday), monday, ...extra },
  };
}
