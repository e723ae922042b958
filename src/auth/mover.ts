import type { Mover } from "../applications/pipeline.service";
import type { MoveActor } from "../applications/stage-moves";
import { scopedAgency, type Viewer } from "./viewer";

/** How a viewer is recorded on the events it causes: the API client, or its name when it has no stored client. */
export function actorOf(viewer: Viewer): MoveActor {
  if (viewer.kind !== "client") return { clientId: null, label: "anonymous" };
  return viewer.clientId != null ? { clientId: viewer.clientId, label: null } : { clientId: null, label: viewer.name };
}

export function moverOf(viewer: Viewer): Mover {
  return { agencyCode: scopedAgency(viewer), actor: actorOf(viewer) };
}
