import { sql, type SQL } from "drizzle-orm";
import type { AgencyCode } from "../agencies/agency.type";
import { Role } from "../auth/role";
import type { Viewer } from "../auth/viewer";
import type { Audience } from "./event-types";

/** Who reads events: a role (null for anonymous callers) and, for AGENCY_HR, its agency. */
export interface Reader {
  role: Role | null;
  agencyCode: AgencyCode | null;
}

export function readerOf(viewer: Viewer): Reader {
  return viewer.kind === "client"
    ? { role: viewer.role, agencyCode: viewer.role === Role.AGENCY_HR ? viewer.agencyCode : null }
    : { role: null, agencyCode: null };
}

/**
 * The one rule of who reads which event: public events everyone; administrators everything; the taskforce whatever
 * carries no candidate reference; an agency's HR systems their own agency's events.
 */
export function mayRead(reader: Reader, event: { audience: Audience; agencyCode: AgencyCode | null }): boolean {
  return (
    event.audience === "PUBLIC" ||
    reader.role === Role.ADMIN ||
    (reader.role === Role.TASKFORCE && event.audience === "INTERNAL") ||
    (reader.role === Role.AGENCY_HR && event.agencyCode != null && event.agencyCode === reader.agencyCode)
  );
}

/**
 * mayRead in SQL, over the events table's columns, for a reader given as SQL expressions (parameters for the feed's
 * caller, an endpoint's columns when fanning out to webhooks). test/events/audience.test.ts holds the two to one table.
 */
export function readableBy(role: SQL, agencyCode: SQL, event: { audience: SQL; agencyCode: SQL } = EVENT_COLUMNS): SQL {
  return sql`(${event.audience} = 'PUBLIC'
    or ${role} = 'ADMIN'
    or (${role} = 'TASKFORCE' and ${event.audience} = 'INTERNAL')
    or (${role} = 'AGENCY_HR' and ${event.agencyCode} = ${agencyCode}))`;
}

const EVENT_COLUMNS = { audience: sql.raw("e.audience"), agencyCode: sql.raw("e.agency_code") };

/** readableBy for one known reader (the feed's caller). */
export function readableByReader(reader: Reader): SQL {
  return readableBy(sql`${reader.role}::text`, sql`${reader.agencyCode}::agency_code`);
}
