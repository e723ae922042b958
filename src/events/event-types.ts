import { registerEnumType } from "type-graphql";

/** Every kind of change the feed and webhooks carry. Webhook bodies name them in dotted form (WIRE_NAMES). */
export enum EventType {
  APPLICATION_SUBMITTED = "APPLICATION_SUBMITTED",
  APPLICATION_MOVED = "APPLICATION_MOVED",
  APPLICATION_WITHDRAWN = "APPLICATION_WITHDRAWN",
  APPLICATION_INVITED = "APPLICATION_INVITED",
  APPLICATION_ATTENDANCE_RECORDED = "APPLICATION_ATTENDANCE_RECORDED",
  APPLICATION_RESULT_RECORDED = "APPLICATION_RESULT_RECORDED",
  APPLICATION_RESULT_CORRECTED = "APPLICATION_RESULT_CORRECTED",
  CANDIDATE_UPDATED = "CANDIDATE_UPDATED",
  CANDIDATE_ERASED = "CANDIDATE_ERASED",
  VACANCY_PUBLISHED = "VACANCY_PUBLISHED",
  VACANCY_UPDATED = "VACANCY_UPDATED",
  VACANCY_CLOSED = "VACANCY_CLOSED",
  TEST_SESSION_SCHEDULED = "TEST_SESSION_SCHEDULED",
  TEST_SESSION_MOVED = "TEST_SESSION_MOVED",
  TEST_SESSION_CANCELLED = "TEST_SESSION_CANCELLED",
  WEEKLY_REPORT_FROZEN = "WEEKLY_REPORT_FROZEN",
  WEEKLY_REPORT_REVISED = "WEEKLY_REPORT_REVISED",
}

/**
 * Who may read an event:
 * - PERSONAL: about an application or candidate: the agency's own HR systems and administrators (never the taskforce,
 *   which sees no candidate references in events, nor another agency);
 * - INTERNAL: no candidate reference, not public (a draft vacancy, a weekly report): its agency (if any), the taskforce
 *   and administrators;
 * - PUBLIC: what the campaign pages show (a published vacancy, a test session): everyone, anonymous callers included.
 */
export type Audience = "PERSONAL" | "INTERNAL" | "PUBLIC";

interface TypeInfo {
  wire: string;
  /** The audience of every event of this type, or null when it depends on the subject (a vacancy: draft or not). */
  audience: Audience | null;
  description: string;
}

const TYPES: Record<EventType, TypeInfo> = {
  APPLICATION_SUBMITTED: { wire: "application.submitted", audience: "PERSONAL", description: "An HR system pushed a new application (stage APPLIED)." },
  APPLICATION_MOVED: {
    wire: "application.moved",
    audience: "PERSONAL",
    description: "An application moved to another stage by moveApplication or moveApplications (SCREENED, OFFERED, HIRED, REJECTED, ...).",
  },
  APPLICATION_WITHDRAWN: { wire: "application.withdrawn", audience: "PERSONAL", description: "The candidate withdrew the application." },
  APPLICATION_INVITED: {
    wire: "application.invited",
    audience: "PERSONAL",
    description: "The application got a seat in a test session (stage INVITED).",
  },
  APPLICATION_ATTENDANCE_RECORDED: {
    wire: "application.attendance_recorded",
    audience: "PERSONAL",
    description: "Attendance at a test session was recorded: TESTED when present, REJECTED (NO_SHOW) when absent.",
  },
  APPLICATION_RESULT_RECORDED: {
    wire: "application.result_recorded",
    audience: "PERSONAL",
    description: "Points for one exam part were recorded; the stage shows the outcome (still TESTED, LAUREATE, or REJECTED with FAILED_TEST).",
  },
  APPLICATION_RESULT_CORRECTED: {
    wire: "application.result_corrected",
    audience: "PERSONAL",
    description:
      "Points already recorded for one exam part were corrected; the stage shows the decision the corrected score gives (a reversed decision replaces the old one in the history).",
  },
  CANDIDATE_UPDATED: {
    wire: "candidate.updated",
    audience: "PERSONAL",
    description: "A candidate's details changed (a resend with new details); read them through the API.",
  },
  CANDIDATE_ERASED: { wire: "candidate.erased", audience: "PERSONAL", description: "A candidate's personal data was erased for good." },
  VACANCY_PUBLISHED: { wire: "vacancy.published", audience: "PUBLIC", description: "A vacancy was published (DRAFT to OPEN)." },
  VACANCY_UPDATED: {
    wire: "vacancy.updated",
    audience: null,
    description: "A vacancy's details changed (public once published; a draft's changes only its agency sees).",
  },
  VACANCY_CLOSED: {
    wire: "vacancy.closed",
    audience: null,
    description: "A vacancy became CLOSED, FILLED or CANCELLED (a draft's cancellation only its agency sees).",
  },
  TEST_SESSION_SCHEDULED: { wire: "test_session.scheduled", audience: "PUBLIC", description: "Selor scheduled a test session." },
  TEST_SESSION_MOVED: {
    wire: "test_session.moved",
    audience: "PUBLIC",
    description: "A test session's time, place, duration or capacity changed.",
  },
  TEST_SESSION_CANCELLED: {
    wire: "test_session.cancelled",
    audience: "PUBLIC",
    description: "A test session was called off; its applicants may be invited to another one.",
  },
  WEEKLY_REPORT_FROZEN: { wire: "weekly_report.frozen", audience: "INTERNAL", description: "The taskforce froze a week's report." },
  WEEKLY_REPORT_REVISED: { wire: "weekly_report.revised", audience: "INTERNAL", description: "A frozen weekly report was revised." },
};

registerEnumType(EventType, {
  name: "EventType",
  description: "A kind of change carried by the events feed and by webhooks (whose bodies name it in dotted form, e.g. application.moved).",
  valuesConfig: Object.fromEntries(Object.entries(TYPES).map(([name, info]) => [name, { description: `${info.description} Webhooks: "${info.wire}".` }])),
});

export const ALL_EVENT_TYPES = Object.values(EventType);

/** The dotted name webhook bodies carry, e.g. "application.moved". */
export function wireName(type: EventType): string {
  return TYPES[type].wire;
}

const BY_WIRE = new Map(ALL_EVENT_TYPES.map((t) => [TYPES[t].wire, t]));

export function typeOfWire(wire: string): EventType | null {
  return BY_WIRE.get(wire) ?? null;
}

/** The audience of an event of this type; `subjectIsPublic` decides the types whose audience depends on their subject. */
export function audienceOf(type: EventType, subjectIsPublic = true): Audience {
  return TYPES[type].audience ?? (subjectIsPublic ? "PUBLIC" : "INTERNAL");
}

/** The audiences an event of this type can ever have. */
export function possibleAudiences(type: EventType): Audience[] {
  const fixed = TYPES[type].audience;
  return fixed ? [fixed] : ["PUBLIC", "INTERNAL"];
}
