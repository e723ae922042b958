import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import { PIPELINE_STAGES } from "../applications/stages";
import { Role } from "../auth/role";
import { toCampaign } from "../campaigns/campaign.service";
import { CursorCodec, PageArgs } from "../common/connection";
import { DateScalar, toIsoDate } from "../common/scalars";
import { AGENCY_CODES } from "../db/tables";
import { targetOf } from "./figures";
import type { Context } from "../context/context";
import type { DashboardSelection, SelectedVacancy } from "./dashboard-selection";
import type { StageTotals } from "./figures";
import {
  AgencyForecast,
  AgencyFunnel,
  CampaignForecast,
  Dashboard,
  DashboardFilter,
  FunnelStep,
  GroupFigures,
  JobProfileFunnel,
  ReasonCount,
  SessionLoad,
  StageDuration,
  StageExits,
  VacancyFunnel,
  VacancyFunnelConnection,
  WaveFunnel,
  WeeklyCounts,
  WeeklyFigures,
  WeeklyRevision,
  WeeklyView,
} from "./dashboard.type";

/** The dashboard object carries its selection (plain data); each field asks the service for (once) only what it needs. */
type DashboardRoot = Dashboard & { selection: DashboardSelection };

const vacancyCursors = new CursorCodec<[number]>("dashboardVacancies", (v): v is [number] => v.length === 1 && Number.isSafeInteger(v[0]));

export function funnelOf(totals: StageTotals): FunnelStep[] {
  return PIPELINE_STAGES.map((stage, i) => {
    const previous = i > 0 ? totals.reached[PIPELINE_STAGES[i - 1]] : 0;
    return Object.assign(new FunnelStep(), {
      stage: stage,
      reached: totals.reached[stage],
      current: totals.current[stage],
      conversionFromPrevious: i > 0 && previous > 0 ? totals.reached[stage] / previous : null,
    });
  });
}

async function group<T extends GroupFigures>(ctx: Context, selection: DashboardSelection, members: SelectedVacancy[], into: T): Promise<T> {
  const totals = await ctx.services.dashboard.stageTotals(
    selection,
    members.map((v) => v.id),
  );
  const target = targetOf(members);
  const hired = totals.reached.HIRED;
  return Object.assign(into, { target, hired, gapToTarget: Math.max(0, target - hired), fillRate: target ? hired / target : 0, funnel: funnelOf(totals) });
}

function groupBy<K>(vacancies: SelectedVacancy[], keyOf: (v: SelectedVacancy) => K): Map<K, SelectedVacancy[]> {
  const groups = new Map<K, SelectedVacancy[]>();
  for (const v of vacancies) {
    const members = groups.get(keyOf(v));
    if (members) members.push(v);
    else groups.set(keyOf(v), [v]);
  }
  return groups;
}

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized(Role.TASKFORCE, Role.ADMIN)
  @Query(() => Dashboard, {
    nullable: true,
    description:
      "The taskforce dashboard of a campaign (default: the most recent), optionally narrowed and as of the end of a past day. TASKFORCE or ADMIN; null for an unknown campaign.",
  })
  async dashboard(
    @Ctx() ctx: Context,
    @Arg("campaignSlug", () => String, { nullable: true, description: "The campaign's slug." }) campaignSlug?: string | null,
    @Arg("filter", () => DashboardFilter, { nullable: true, description: "Which vacancies, and which period, the figures cover." })
    filter?: DashboardFilter | null,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Reproduce the figures as they stood at the end of this past day (Brussels)." })
    asOf?: Date | null,
  ): Promise<Dashboard | null> {
    const selection = await ctx.services.dashboard.open({ campaignSlug, filter, asOf });
    if (!selection) return null;
    return Object.assign<Dashboard, Partial<Dashboard> & Pick<DashboardRoot, "selection">>(new Dashboard(), {
      campaign: toCampaign(selection.campaign),
      asOf: selection.end,
      from: selection.from,
      selection,
    });
  }

  @FieldResolver(() => Int, { description: "The headcount target: the campaign's, or the selected vacancies' together (cancelled ones aside)." })
  target(@Root() d: DashboardRoot, @Ctx() ctx: Context): number {
    return ctx.services.dashboard.target(d.selection);
  }

  @FieldResolver(() => Int, { description: "Hired." })
  async hired(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.dashboard.stageTotals(d.selection)).reached.HIRED;
  }

  @FieldResolver(() => Int, { description: "Applications that reached OFFERED." })
  async offered(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.dashboard.stageTotals(d.selection)).reached.OFFERED;
  }

  @FieldResolver(() => Int, { description: "Applications that reached LAUREATE." })
  async laureates(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.dashboard.stageTotals(d.selection)).reached.LAUREATE;
  }

  @FieldResolver(() => Int, { description: "Applications received." })
  async applications(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.dashboard.stageTotals(d.selection)).reached.APPLIED;
  }

  @FieldResolver(() => Int, {
    description:
      "Distinct people behind the applications (one e-mail address, one person, whichever agencies they applied through; linked by a keyed hash of the address), counted on their first application's day.",
  })
  distinctCandidates(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.dashboard.distinctCandidates(d.selection);
  }

  @FieldResolver(() => Int, {
    description:
      "People who applied through more than one agency (linked by a keyed hash of their address, never by personal data), among the selection's applications submitted by the period's end.",
  })
  crossAgencyCandidates(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.dashboard.crossAgencyCandidates(d.selection);
  }

  @FieldResolver(() => Int, { description: "Selected vacancies open now (the current status, also with asOf)." })
  openVacancies(@Root() d: DashboardRoot, @Ctx() ctx: Context): number {
    return ctx.services.dashboard.openVacancies(d.selection);
  }

  @FieldResolver(() => Float, { description: "hired divided by target (0 when the target is 0)." })
  async progress(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<number> {
    const target = ctx.services.dashboard.target(d.selection);
    return target ? (await ctx.services.dashboard.stageTotals(d.selection)).reached.HIRED / target : 0;
  }

  @FieldResolver(() => [FunnelStep], { description: "One step per stage, APPLIED to HIRED, in order." })
  async funnel(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<FunnelStep[]> {
    return funnelOf(await ctx.services.dashboard.stageTotals(d.selection));
  }

  @FieldResolver(() => [AgencyFunnel], { description: "Per agency with selected vacancies, by code." })
  async byAgency(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<AgencyFunnel[]> {
    const groups = groupBy(d.selection.vacancies, (v) => v.agencyCode);
    const codes = AGENCY_CODES.filter((code) => groups.has(code));
    return Promise.all(
      codes.map(async (code) =>
        group(
          ctx,
          d.selection,
          groups.get(code)!,
          Object.assign(new AgencyFunnel(), { agencyCode: code, agency: (await ctx.loaders.agencyByCode.load(code))! }),
        ),
      ),
    );
  }

  @FieldResolver(() => [WaveFunnel], { description: "Per wave with selected vacancies, by number." })
  async byWave(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<WaveFunnel[]> {
    const groups = groupBy(d.selection.vacancies, (v) => v.waveId);
    const waves = (await ctx.loaders.waveByKey.loadMany([...groups.keys()])).filter((w) => w != null && !(w instanceof Error)) as NonNullable<
      WaveFunnel["wave"]
    >[];
    waves.sort((a, b) => a.number - b.number);
    return Promise.all(waves.map((wave) => group(ctx, d.selection, groups.get(wave.key)!, Object.assign(new WaveFunnel(), { waveKey: wave.key, wave }))));
  }

  @FieldResolver(() => [JobProfileFunnel], { description: "Per job profile with selected vacancies, by function code." })
  async byJobProfile(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<JobProfileFunnel[]> {
    const groups = groupBy(d.selection.vacancies, (v) => v.jobProfileId);
    const profiles = (await ctx.loaders.jobProfileByKey.loadMany([...groups.keys()])).filter((p) => p != null && !(p instanceof Error)) as NonNullable<
      JobProfileFunnel["jobProfile"]
    >[];
    profiles.sort((a, b) => a.functionCode.localeCompare(b.functionCode));
    return Promise.all(
      profiles.map((jobProfile) =>
        group(ctx, d.selection, groups.get(jobProfile.key)!, Object.assign(new JobProfileFunnel(), { jobProfileKey: jobProfile.key, jobProfile })),
      ),
    );
  }

  @FieldResolver(() => VacancyFunnelConnection, { description: "Per selected vacancy, by id." })
  async byVacancy(@Root() d: DashboardRoot, @Ctx() ctx: Context, @Args() pageArgs: PageArgs): Promise<VacancyFunnelConnection> {
    const page = vacancyCursors.page(pageArgs, "id");
    const rows = d.selection.vacancies.filter((v) => page.after == null || v.id > page.after[0]).slice(0, page.first + 1);
    const shown = rows.slice(0, page.first);
    const vacancies = await ctx.loaders.vacancyByKey.loadMany(shown.map((v) => v.id));
    const funnels = await Promise.all(
      shown.map((v, i) =>
        group(ctx, d.selection, [v], Object.assign(new VacancyFunnel(), { vacancyKey: v.id, vacancy: vacancies[i] as VacancyFunnel["vacancy"] })),
      ),
    );
    return VacancyFunnelConnection.of({
      edges: funnels.map((node) => ({ cursor: vacancyCursors.encode("id", [node.vacancyKey]), node })),
      hasNextPage: rows.length > page.first,
      totalCount: async () => d.selection.vacancies.length,
    });
  }

  @FieldResolver(() => [WeeklyFigures], {
    description:
      "Per ISO week (Europe/Brussels) of a window: by default the last 12 weeks up to the figures' day and the weeks ahead to the campaign's end (at most 520 weeks). Closed weeks are frozen as reported; `view` picks which figures they show, and `revisions` says what changed since.",
  })
  async weekly(
    @Root() d: DashboardRoot,
    @Ctx() ctx: Context,
    @Arg("from", () => DateScalar, { nullable: true, description: "A day in the first week shown." }) from?: Date | null,
    @Arg("to", () => DateScalar, { nullable: true, description: "A day in the last week shown." }) to?: Date | null,
    @Arg("view", () => WeeklyView, { defaultValue: WeeklyView.CURRENT, description: "Closed weeks as counted now, or as reported." }) view?: WeeklyView,
  ): Promise<WeeklyFigures[]> {
    const weeks = await ctx.services.dashboard.weekly(
      d.selection,
      { from: from ? toIsoDate(from) : null, to: to ? toIsoDate(to) : null },
      view ?? WeeklyView.CURRENT,
    );
    return weeks.map((w) =>
      Object.assign(new WeeklyFigures(), {
        ...w,
        reported: w.reported && Object.assign(new WeeklyCounts(), w.reported),
        revisions: w.revisions.map((r) => Object.assign(new WeeklyRevision(), r)),
      }),
    );
  }

  @FieldResolver(() => [StageDuration], {
    description: "Days from entering each pipeline stage to entering the next, and from application to hire (APPLIED to HIRED, last).",
  })
  async timeInStage(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<StageDuration[]> {
    return (await ctx.services.dashboard.timeInStage(d.selection)).map((t) =>
      Object.assign(new StageDuration(), { ...t, fromStage: t.fromStage, toStage: t.toStage }),
    );
  }

  @FieldResolver(() => [StageExits], { description: "Rejections by reason and withdrawals, per stage left (APPLIED to OFFERED)." })
  async exits(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<StageExits[]> {
    return (await ctx.services.dashboard.exits(d.selection)).map((e) =>
      Object.assign(new StageExits(), {
        ...e,
        stage: e.stage,
        rejectedByReason: e.rejectedByReason.map((r) => Object.assign(new ReasonCount(), { reason: r.reason, count: r.count })),
      }),
    );
  }

  @FieldResolver(() => SessionLoad, { description: "Seats of the scheduled sessions testing the selected vacancies (in the period, when one is given)." })
  async testSessions(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<SessionLoad> {
    return Object.assign(new SessionLoad(), await ctx.services.dashboard.testSessions(d.selection));
  }

  @FieldResolver(() => CampaignForecast, {
    description: "At the trailing four-week hiring rate: hires by the campaign's end and when the target is reached; per agency too.",
  })
  async forecast(@Root() d: DashboardRoot, @Ctx() ctx: Context): Promise<CampaignForecast> {
    const agencies = AGENCY_CODES.filter((code) => d.selection.vacancies.some((v) => v.agencyCode === code));
    const byAgency = await Promise.all(
      agencies.map(async (code) =>
        Object.assign(new AgencyForecast(), await ctx.services.dashboard.forecast(d.selection, code), {
          agencyCode: code,
          agency: (await ctx.loaders.agencyByCode.load(code))!,
        }),
      ),
    );
    return Object.assign(new CampaignForecast(), await ctx.services.dashboard.forecast(d.selection), { byAgency });
  }
}
