import type { AgencyCode } from "../agencies/agency.type";
import { Role } from "./role";

/** Who is calling: nobody (the public) or the holder of an API key. */
export type Viewer = { kind: "anonymous" } | { kind: "client"; clientId: number | null; name: string; role: Role; agencyCode: AgencyCode | null };

export const anonymous: Viewer = { kind: "anonymous" };

/** The agency an AGENCY_HR viewer is confined to; null for everyone else. */
export function scopedAgency(viewer: Viewer): AgencyCode | null {
  return viewer.kind === "client" && viewer.role === Role.AGENCY_HR ? viewer.agencyCode : null;
}
