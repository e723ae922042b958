import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/role";
import { actorOf, moverOf } from "../auth/mover";
import { PageArgs } from "../common/connection";
import { badUserInput, forbidden } from "../common/errors";
import { fromGlobalId } from "../common/global-id";
import { narrowCodes, payload } from "../common/user-error";
import type { Context } from "../context/context";
import { Vacancy } from "../vacancies/vacancy.type";
import {
  ApplicationMoveResult,
  ApplicationSubmissionResult,
  MoveApplicationsInput,
  MoveApplicationsPayload,
  MoveApplicationInput,
  MoveApplicationPayload,
  SubmitApplicationsInput,
  SubmitApplicationsPayload,
  WithdrawApplicationInput,
  WithdrawApplicationPayload,
} from "./application.inputs";
import { mayViewApplication, mayViewCandidateOf } from "./application.service";
import { MAX_MOVES } from "./pipeline.service";
import { APPLICATION_OPERATION_CODES as CODES } from "./application.errors";
import { Application, ApplicationConnection, ApplicationFilter, Candidate, StageEvent } from "./application.type";

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized()
  @Query(() => ApplicationConnection, {
    description:
      "Applications the caller may see, in (updatedAt, id) order: an HR system pages through its own agency's changes since its last sync. Needs an API key.",
  })
  async applications(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => ApplicationFilter, { nullable: true, description: "Which applications to list." }) filter?: ApplicationFilter | null,
  ): Promise<ApplicationConnection> {
    return ApplicationConnection.of(await ctx.services.applications.list(ctx.viewer, filter, page));
  }

  @Authorized()
  @Query(() => Application, { nullable: true, description: "An application by id; null when unknown or of another agency. Needs an API key." })
  async application(@Ctx() ctx: Context, @Arg("id", () => ID, { description: "The application's id." }) id: string): Promise<Application | null> {
    const key = fromGlobalId("Application", id);
    const application = key == null ? null : await ctx.loaders.applicationByKey.load(key);
    return application && mayViewApplication(ctx.viewer, application) ? application : null;
  }

  @Authorized(Role.AGENCY_HR)
  @Mutation(() => SubmitApplicationsPayload, {
    description:
      "Push up to 500 applications for the caller's agency. Each is handled on its own; resending an external id returns the same application (created: false) and updates changed candidate details, never the stage.",
  })
  async submitApplications(
    @Ctx() ctx: Context,
    @Arg("input", () => SubmitApplicationsInput, { description: "The batch." }) input: SubmitApplicationsInput,
  ): Promise<SubmitApplicationsPayload> {
    const viewer = ctx.viewer;
    if (viewer.kind !== "client" || !viewer.agencyCode) throw forbidden("Only an agency's HR key can submit applications.");
    const outcomes = await ctx.services.submissions.submit({ agencyCode: viewer.agencyCode, actor: actorOf(viewer) }, input.applications);
    return payload(SubmitApplicationsPayload, {
      results: outcomes.map((o) => payload(ApplicationSubmissionResult, o)),
      createdCount: outcomes.filter((o) => o.created).length,
      existingCount: outcomes.filter((o) => o.application && !o.created).length,
      refusedCount: outcomes.filter((o) => !o.application).length,
      userErrors: [],
    });
  }

  @Authorized(Role.AGENCY_HR, Role.ADMIN)
  @Mutation(() => MoveApplicationPayload, { description: "Move an application one stage on, or to REJECTED (with a reason) or WITHDRAWN." })
  async moveApplication(
    @Ctx() ctx: Context,
    @Arg("input", () => MoveApplicationInput, { description: "The move." }) input: MoveApplicationInput,
  ): Promise<MoveApplicationPayload> {
    const outcome = await ctx.services.pipeline.move(moverOf(ctx.viewer), {
      applicationId: input.applicationId,
      toStage: input.toStage,
      reason: input.reason ?? null,
      occurredAt: input.occurredAt ?? null,
      expectedVersion: input.expectedVersion ?? null,
    });
    return payload(MoveApplicationPayload, outcome);
  }

  @Authorized(Role.AGENCY_HR, Role.ADMIN)
  @Mutation(() => MoveApplicationsPayload, {
    description: `Up to ${MAX_MOVES} moves at once, each with the rules of moveApplication: one refused move does not stop the others, and a move whose application has already reached the stage answers moved: false, so a batch can be resent safely.`,
  })
  async moveApplications(
    @Ctx() ctx: Context,
    @Arg("input", () => MoveApplicationsInput, { description: "The moves." }) input: MoveApplicationsInput,
  ): Promise<MoveApplicationsPayload> {
    if (input.moves.length > MAX_MOVES) throw badUserInput(`input.moves holds ${input.moves.length} moves; at most ${MAX_MOVES} per call.`, "input");
    const outcomes = await ctx.services.pipeline.moveMany(
      moverOf(ctx.viewer),
      input.moves.map((m) => ({
        applicationId: m.applicationId,
        toStage: m.toStage,
        reason: m.reason ?? null,
        occurredAt: m.occurredAt ?? null,
        expectedVersion: m.expectedVersion ?? null,
      })),
    );
    return payload(MoveApplicationsPayload, {
      results: outcomes.map((o) => payload(ApplicationMoveResult, o)),
      movedCount: outcomes.filter((o) => o.moved).length,
      unchangedCount: outcomes.filter((o) => o.application && !o.moved).length,
      refusedCount: outcomes.filter((o) => !o.application).length,
      userErrors: [],
    });
  }

  @Authorized(Role.AGENCY_HR, Role.ADMIN)
  @Mutation(() => WithdrawApplicationPayload, { description: "Record that the candidate withdrew: the application moves to WITHDRAWN." })
  async withdrawApplication(
    @Ctx() ctx: Context,
    @Arg("input", () => WithdrawApplicationInput, { description: "The withdrawal." }) input: WithdrawApplicationInput,
  ): Promise<WithdrawApplicationPayload> {
    const outcome = await ctx.services.pipeline.move(moverOf(ctx.viewer), {
      applicationId: input.applicationId,
      toStage: "WITHDRAWN",
      reason: null,
      occurredAt: input.occurredAt ?? null,
      expectedVersion: input.expectedVersion ?? null,
    });
    return payload(WithdrawApplicationPayload, { ...outcome, userErrors: narrowCodes(CODES.withdrawApplication, outcome.userErrors) });
  }

  @FieldResolver(() => Vacancy, { description: "The vacancy applied for." })
  async vacancy(@Root() application: Application, @Ctx() ctx: Context): Promise<Vacancy> {
    return (await ctx.loaders.vacancyByKey.load(application.vacancyKey))!;
  }

  @FieldResolver(() => Candidate, {
    nullable: true,
    description: "The candidate: for the application's own agency and administrators only; null for the taskforce.",
  })
  async candidate(@Root() application: Application, @Ctx() ctx: Context): Promise<Candidate | null> {
    return mayViewCandidateOf(ctx.viewer, application) ? ctx.loaders.candidateByKey.load(application.candidateKey) : null;
  }

  @FieldResolver(() => [StageEvent], { description: "Every move of the application, oldest first." })
  history(@Root() application: Application, @Ctx() ctx: Context): Promise<StageEvent[]> {
    return ctx.loaders.historyByApplication.load(application.key);
  }
}
