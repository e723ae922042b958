import { Arg, Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import { PageArgs } from "../common/connection";
import type { Context } from "../context/context";
import { AuditEntry, AuditEntryConnection, AuditLogFilter } from "./audit.type";

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: "The audit log, newest first: one entry per mutation. ADMIN only." })
  async auditLog(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => AuditLogFilter, { nullable: true, description: "Which entries to list." }) filter?: AuditLogFilter | null,
  ): Promise<AuditEntryConnection> {
    return AuditEntryConnection.of(await ctx.services.audit.list(filter, page));
  }
}
