import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import { forbidden, unauthenticated } from "../common/errors";
import type { Context } from "../context/context";
import type { Role } from "./role";

/** @Authorized(roles): anonymous callers need a key; a key without one of the roles is forbidden. */
export class RoleAuthChecker implements AuthCheckerInterface<Context, Role> {
  check({ context }: ResolverData<Context>, roles: Role[]): boolean {
    const viewer = context.viewer;
    if (viewer.kind === "anonymous") throw unauthenticated('This needs an API key: send "Authorization: Bearer <key>".');
    if (roles.length > 0 && !roles.includes(viewer.role)) throw forbidden(`This needs one of the roles ${roles.join(", ")}; your key has ${viewer.role}.`);
    return true;
  }
}
