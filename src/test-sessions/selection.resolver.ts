import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { mayViewApplication } from "../applications/application.service";
import { Application, ApplicationConnection } from "../applications/application.type";
import { Role } from "../auth/role";
import { actorOf } from "../auth/mover";
import { scopedAgency } from "../auth/viewer";
import { PageArgs, toPage } from "../common/connection";
import { badUserInput, forbidden } from "../common/errors";
import { narrowCodes, payload } from "../common/user-error";
import { DateScalar, toIsoDate } from "../common/scalars";
import type { Context } from "../context/context";
import { Language, langArg } from "../common/language";
import { explainScore } from "./score-explanation";
import { Vacancy } from "../vacancies/vacancy.type";
import { TestSessionPlanning } from "./planning.type";
import type { ScoreOutcome } from "./scoring";
import { laureateCursors, LAUREATE_ORDER, MAX_RESULTS, type Selector } from "./selection.service";
import {
  CancelTestSessionInput,
  CorrectTestResultInput,
  CorrectTestResultPayload,
  CreateTestSessionInput,
  CreateTestSessionPayload,
  InviteToTestSessionInput,
  InviteToTestSessionPayload,
  PartScore,
  RecordAttendanceInput,
  RecordAttendancePayload,
  RecordSessionAttendanceInput,
  RecordSessionAttendancePayload,
  RecordTestResultInput,
  RecordTestResultPayload,
  RecordTestResultsInput,
  RecordTestResultsPayload,
  TestResultOutcome,
  RescheduleTestSessionInput,
  Score,
  ScoringDecision,
  RescheduleTestSessionPayload,
  CancelTestSessionPayload,
} from "./test-session.inputs";
import { SELECTION_OPERATION_CODES as CODES } from "./test-session.errors";

/** The historical path (past sessions, invitations and results with their real dates) is the taskforce's and administrators'. */
function historyAllowed(ctx: Context): void {
  const role = ctx.viewer.kind === "client" ? ctx.viewer.role : null;
  if (role !== Role.TASKFORCE && role !== Role.ADMIN) throw forbidden("Only the taskforce or an administrator may load history.");
}

function selectorOf(ctx: Context): Selector {
  return { agencyCode: scopedAgency(ctx.viewer), actor: actorOf(ctx.viewer) };
}

export function toScore(outcome: ScoreOutcome): Score {
  return Object.assign(new Score(), {
    ...outcome,
    decision: outcome.decision as ScoringDecision,
    parts: outcome.parts.map((p) => Object.assign(new PartScore(), p)),
  });
}

/** The planner's mutations (TASKFORCE and ADMIN) and the selection steps (also the vacancy's own agency HR). */
@Resolver()
export class SelectionResolver {
  @Authorized(Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => CreateTestSessionPayload, { description: "Schedule a Selor test session for some vacancies. TASKFORCE or ADMIN." })
  async createTestSession(
    @Ctx() ctx: Context,
    @Arg("input", () => CreateTestSessionInput, { description: "The session." }) input: CreateTestSessionInput,
  ): Promise<CreateTestSessionPayload> {
    return payload(CreateTestSessionPayload, await ctx.services.sessionManagement.create(input));
  }

  @Authorized(Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => RescheduleTestSessionPayload, { description: "Move a session that has not started, or change its seats. TASKFORCE or ADMIN." })
  async rescheduleTestSession(
    @Ctx() ctx: Context,
    @Arg("input", () => RescheduleTestSessionInput, { description: "The changes." }) input: RescheduleTestSessionInput,
  ): Promise<RescheduleTestSessionPayload> {
    return payload(RescheduleTestSessionPayload, await ctx.services.sessionManagement.reschedule(input));
  }

  @Authorized(Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => CancelTestSessionPayload, {
    description: "Call off a session that has not started; its applicants keep INVITED and may be invited to another session. TASKFORCE or ADMIN.",
  })
  async cancelTestSession(
    @Ctx() ctx: Context,
    @Arg("input", () => CancelTestSessionInput, { description: "Which session." }) input: CancelTestSessionInput,
  ): Promise<CancelTestSessionPayload> {
    return payload(CancelTestSessionPayload, await ctx.services.sessionManagement.cancel(input.sessionId));
  }

  @Authorized(Role.AGENCY_HR, Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => InviteToTestSessionPayload, {
    description:
      "Book SCREENED applications into a session (they become INVITED): all of them, or none when a rule refuses one or the seats do not suffice (SESSION_FULL).",
  })
  async inviteToTestSession(
    @Ctx() ctx: Context,
    @Arg("input", () => InviteToTestSessionInput, { description: "The invitation." }) input: InviteToTestSessionInput,
  ): Promise<InviteToTestSessionPayload> {
    if (input.historical) historyAllowed(ctx);
    if (input.historical && !input.invitedAt) throw badUserInput("A historical invitation needs invitedAt, when the invitations were sent.", "input");
    return payload(
      InviteToTestSessionPayload,
      await ctx.services.selection.invite(selectorOf(ctx), input.sessionId, input.applicationIds, new Date(), input.historical ? input.invitedAt! : null),
    );
  }

  @Authorized(Role.AGENCY_HR, Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => RecordAttendancePayload, { description: "Record whether an invited applicant came: present to TESTED, absent to REJECTED (NO_SHOW)." })
  async recordAttendance(
    @Ctx() ctx: Context,
    @Arg("input", () => RecordAttendanceInput, { description: "The attendance." }) input: RecordAttendanceInput,
  ): Promise<RecordAttendancePayload> {
    const outcome = await ctx.services.selection.recordAttendance(
      selectorOf(ctx),
      [{ applicationId: input.applicationId, attended: input.attended, field: ["input", "applicationId"] }],
      null,
    );
    return payload(RecordAttendancePayload, {
      application: outcome.applications[0] ?? null,
      userErrors: narrowCodes(CODES.recordAttendance, outcome.userErrors),
    });
  }

  @Authorized(Role.AGENCY_HR, Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => RecordSessionAttendancePayload, { description: "Record a whole session's attendance at once: all of it, or none when a rule refuses one." })
  async recordSessionAttendance(
    @Ctx() ctx: Context,
    @Arg("input", () => RecordSessionAttendanceInput, { description: "The attendance." }) input: RecordSessionAttendanceInput,
  ): Promise<RecordSessionAttendancePayload> {
    const entries = [
      ...input.presentApplicationIds.map((applicationId, i) => ({ applicationId, attended: true, field: ["input", "presentApplicationIds", String(i)] })),
      ...input.absentApplicationIds.map((applicationId, i) => ({ applicationId, attended: false, field: ["input", "absentApplicationIds", String(i)] })),
    ];
    return payload(RecordSessionAttendancePayload, await ctx.services.selection.recordAttendance(selectorOf(ctx), entries, input.sessionId));
  }

  @Authorized(Role.AGENCY_HR, Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => RecordTestResultPayload, {
    description: "Record points for one exam part; the vacancy's procedure then decides: next part, LAUREATE, or REJECTED (FAILED_TEST).",
  })
  async recordTestResult(
    @Ctx() ctx: Context,
    @Arg("input", () => RecordTestResultInput, { description: "The result." }) input: RecordTestResultInput,
  ): Promise<RecordTestResultPayload> {
    if (input.decidedAt) historyAllowed(ctx);
    const outcome = await ctx.services.selection.recordResult(
      selectorOf(ctx),
      input.applicationId,
      input.part,
      input.points,
      new Date(),
      input.decidedAt ?? null,
    );
    return payload(RecordTestResultPayload, { ...outcome, score: outcome.score ? toScore(outcome.score) : null });
  }

  @Authorized(Role.AGENCY_HR, Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => RecordTestResultsPayload, {
    description: `Record up to ${MAX_RESULTS} results at once, each as recordTestResult would, in the order given: one refused result does not stop the others, and the same result sent again answers recorded: false.`,
  })
  async recordTestResults(
    @Ctx() ctx: Context,
    @Arg("input", () => RecordTestResultsInput, { description: "The results." }) input: RecordTestResultsInput,
  ): Promise<RecordTestResultsPayload> {
    if (input.results.length > MAX_RESULTS)
      throw badUserInput(`input.results holds ${input.results.length} results; at most ${MAX_RESULTS} per call.`, "input");
    if (input.results.some((r) => r.decidedAt)) historyAllowed(ctx);
    const outcomes = await ctx.services.selection.recordResults(
      selectorOf(ctx),
      input.results.map((r) => ({ applicationId: r.applicationId, part: r.part, points: r.points, decidedAt: r.decidedAt ?? null })),
    );
    return payload(RecordTestResultsPayload, {
      results: outcomes.map((o) => payload(TestResultOutcome, { ...o, score: o.score ? toScore(o.score) : null })),
      recordedCount: outcomes.filter((o) => o.recorded).length,
      unchangedCount: outcomes.filter((o) => o.application && !o.recorded).length,
      refusedCount: outcomes.filter((o) => !o.application).length,
      userErrors: [],
    });
  }

  @Authorized(Role.TASKFORCE, Role.ADMIN)
  @Mutation(() => CorrectTestResultPayload, {
    description:
      "Correct the points of an exam part already scored, with a reason (audited). The decision follows the corrected score: a laureate who now fails is REJECTED (FAILED_TEST), a rejection the score reverses is replaced by the right decision; a decision already acted on (OFFERED, HIRED) is refused with DECISION_ACTED_ON. TASKFORCE or ADMIN.",
  })
  async correctTestResult(
    @Ctx() ctx: Context,
    @Arg("input", () => CorrectTestResultInput, { description: "The correction." }) input: CorrectTestResultInput,
  ): Promise<CorrectTestResultPayload> {
    const outcome = await ctx.services.selection.correctResult(selectorOf(ctx), input.applicationId, input.part, input.points);
    return payload(CorrectTestResultPayload, { ...outcome, score: outcome.score ? toScore(outcome.score) : null });
  }

  @Authorized(Role.TASKFORCE, Role.ADMIN)
  @Query(() => TestSessionPlanning, {
    nullable: true,
    description:
      "Selor capacity planning per ISO week (Brussels) and the backlog of applicants waiting for a seat. TASKFORCE or ADMIN; null for an unknown campaign.",
  })
  testSessionPlanning(
    @Ctx() ctx: Context,
    @Arg("from", () => DateScalar, { description: "First day of the period." }) from: Date,
    @Arg("to", () => DateScalar, { description: "Last day of the period (at most 366 days after from)." }) to: Date,
    @Arg("campaignSlug", () => String, { nullable: true, description: "The campaign; default the most recent." }) campaignSlug?: string | null,
  ): Promise<TestSessionPlanning | null> {
    return ctx.services.planning.plan(campaignSlug, toIsoDate(from), toIsoDate(to));
  }
}

@Resolver(() => Vacancy)
export class LaureatesResolver {
  @FieldResolver(() => ApplicationConnection, {
    nullable: true,
    description:
      "The vacancy's laureates (LAUREATE, OFFERED, HIRED), ranked by total points; ties go to the higher score on the first exam part, then the earlier application, then the lower id. For the vacancy's agency, the taskforce (candidate left out) and administrators; null for anyone else.",
  })
  async laureates(@Root() vacancy: Vacancy, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<ApplicationConnection | null> {
    if (!mayViewApplication(ctx.viewer, vacancy)) return null;
    const request = laureateCursors.page(page, LAUREATE_ORDER);
    const afterRank = request.after?.[0] ?? 0;
    const rows = await ctx.loaders.laureatePage(afterRank, request.first + 1).load(vacancy.key);
    return ApplicationConnection.of(
      toPage(
        rows,
        request,
        (r) => laureateCursors.encode(LAUREATE_ORDER, [r.rank]),
        (r) => r.application,
        () => ctx.loaders.laureateCount.load(vacancy.key),
        (r) => r.rank,
      ),
    );
  }
}

@Resolver(() => Score)
export class ScoreResolver {
  @FieldResolver(() => String, { description: "Which rule passed or failed, in words, in the asked language." })
  explanation(@Root() score: Score, @Ctx() ctx: Context, @Arg("lang", () => Language, langArg) lang?: Language | null): string {
    return explainScore(score, ctx.lang(lang));
  }
}

@Resolver(() => Application)
export class ApplicationScoreResolver {
  @FieldResolver(() => Score, {
    nullable: true,
    description: "The exam results under the vacancy's procedure, with the decision explained; null before any result.",
  })
  async score(@Root() application: Application, @Ctx() ctx: Context): Promise<Score | null> {
    const outcome = await ctx.loaders.scoreByApplication.load({ key: application.key, vacancyKey: application.vacancyKey });
    return outcome ? toScore(outcome) : null;
  }
}
