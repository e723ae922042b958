import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import { scopedAgency } from "../auth/viewer";
import type { Context } from "../context/context";
import {
  CloseVacancyInput,
  CloseVacancyPayload,
  CreateVacancyInput,
  CreateVacancyPayload,
  PublishVacancyInput,
  PublishVacancyPayload,
  UpdateVacancyInput,
  UpdateVacancyPayload,
} from "./vacancy.inputs";
import { payload } from "../common/user-error";
import { Vacancy } from "./vacancy.type";

/** Vacancy management: an agency's HR key for its own agency, administrators for every agency. */
@Resolver(() => Vacancy)
export class VacancyManagementResolver {
  @Authorized(Role.AGENCY_HR, Role.ADMIN)
  @Mutation(() => CreateVacancyPayload, { description: "Create a vacancy as a DRAFT." })
  async createVacancy(
    @Ctx() ctx: Context,
    @Arg("input", () => CreateVacancyInput, { description: "The vacancy." }) input: CreateVacancyInput,
  ): Promise<InstanceType<typeof CreateVacancyPayload>> {
    return payload(CreateVacancyPayload, await ctx.services.vacancyManagement.create({ agencyCode: scopedAgency(ctx.viewer) }, input));
  }

  @Authorized(Role.AGENCY_HR, Role.ADMIN)
  @Mutation(() => UpdateVacancyPayload, { description: "Change a vacancy's target, place, texts, deadline or procedure." })
  async updateVacancy(
    @Ctx() ctx: Context,
    @Arg("input", () => UpdateVacancyInput, { description: "The changes." }) input: UpdateVacancyInput,
  ): Promise<InstanceType<typeof UpdateVacancyPayload>> {
    return payload(UpdateVacancyPayload, await ctx.services.vacancyManagement.update({ agencyCode: scopedAgency(ctx.viewer) }, input));
  }

  @Authorized(Role.AGENCY_HR, Role.ADMIN)
  @Mutation(() => PublishVacancyPayload, { description: "Publish a draft: it becomes OPEN and public." })
  async publishVacancy(
    @Ctx() ctx: Context,
    @Arg("input", () => PublishVacancyInput, { description: "Which vacancy." }) input: PublishVacancyInput,
  ): Promise<InstanceType<typeof PublishVacancyPayload>> {
    return payload(PublishVacancyPayload, await ctx.services.vacancyManagement.publish({ agencyCode: scopedAgency(ctx.viewer) }, input.vacancyId));
  }

  @Authorized(Role.AGENCY_HR, Role.ADMIN)
  @Mutation(() => CloseVacancyPayload, { description: "Stop a vacancy taking applications: CLOSED (default), FILLED or CANCELLED." })
  async closeVacancy(
    @Ctx() ctx: Context,
    @Arg("input", () => CloseVacancyInput, { description: "Which vacancy, and how." }) input: CloseVacancyInput,
  ): Promise<InstanceType<typeof CloseVacancyPayload>> {
    return payload(CloseVacancyPayload, await ctx.services.vacancyManagement.close({ agencyCode: scopedAgency(ctx.viewer) }, input.vacancyId, input.status));
  }
}
