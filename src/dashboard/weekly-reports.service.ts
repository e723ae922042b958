import { sql } from "drizzle-orm";
import { WEEKLY_STAGES, mondayOf } from "../applications/stage-moves";
import { addDays, isoWeekMonday } from "../common/brussels-time";
import { selectRows, type Db } from "../db/client";
import { EventType } from "../events/event-types";
import { recordEvents, weeklyReportEvent } from "../events/outbox";
import type { CampaignRow } from "./dashboard-selection";

/**
 * Weekly reports that stay put. When an ISO week (Europe/Brussels) has closed, its weekly figures (applications,
 * laureates, offers, hires) are frozen as reported: copied, per coarse scope and per vacancy, into
 * weekly_report_counts. The live counters go on changing when a backdated move arrives later; the dashboard then
 * shows the week's reported figure, what it is now, and why (src/dashboard/weekly.ts).
 *
 * Freezing needs no scheduler and no wall clock of its own: the first dashboard read (or export) after a week closed
 * freezes every closed week not frozen yet, by the service's clock (injected in tests). `freezeClosedWeeks` is the one
 * place a week is frozen; `revisionsOf` (weekly.ts) the one place a revision is worked out.
 */
export class WeeklyReportService {
  /** Per campaign, the Monday of the last week known to be frozen: the check costs a statement once a week. */
  private readonly frozenThrough = new Map<number, string>();

  constructor(private readonly db: Db) {}

  /** The Monday of the last closed week on a day: the week before the day's own. */
  static lastClosedWeek(today: string): string {
    return addDays(isoWeekMonday(today), -7);
  }

  /**
   * Freezes the campaign's closed weeks (from its first to its last, or to last week) that are not frozen yet, at
   * `now`; returns their Mondays. Safe under concurrency: a week is frozen by the one transaction that inserts its report.
   */
  async freezeClosedWeeks(campaign: CampaignRow, today: string, now: Date): Promise<string[]> {
    const last = [WeeklyReportService.lastClosedWeek(today), isoWeekMonday(campaign.endsOn)].sort()[0];
    const first = isoWeekMonday(campaign.startsOn);
    if (last < first || (this.frozenThrough.get(campaign.id) ?? "") >= last) return [];
    const id = campaign.id;
    // The weeks frozen here and their weekly_report.frozen events (for the taskforce) in one transaction.
    const rows = await this.db.transaction(async (tx) => {
      const frozen = await selectRows<{ week: string }>(
        tx,
        sql`with frozen as (
            insert into weekly_reports (campaign_id, week, frozen_at)
            select ${id}::int, w::date, ${now.toISOString()}::timestamptz from generate_series(${first}::date, ${last}::date, interval '7 days') w
            on conflict do nothing
            returning week),
          -- Run to completion whether or not the outer query reads it (PostgreSQL's rule for data-modifying WITH).
          counts as (
            insert into weekly_report_counts (campaign_id, week, scope, stage, reported)
            select ${id}::int, r.week, r.scope, r.stage, r.entered from rollup_stage_weekly r
            where r.week in (select week from frozen) and r.entered > 0
              and (r.scope = ${`c:${id}`} or r.scope like ${`a:${id}:%`} or r.scope like ${`p:${id}:%`}
                   or r.scope in (select 'w:' || w.id from waves w where w.campaign_id = ${id}::int))
            union all
            select ${id}::int, ${mondayOf("d.day")}, 'v:' || d.vacancy_id, d.stage, sum(d.entered)::int from vacancy_stage_daily d
            where d.vacancy_id in (select v.id from vacancies v where v.campaign_id = ${id}::int)
              and d.stage in ${sql.raw(`(${WEEKLY_STAGES.map((s) => `'${s}'`).join(", ")})`)}
              and d.day >= ${first}::date and d.day < ${addDays(last, 7)}::date and ${mondayOf("d.day")} in (select week from frozen)
            group by 2, 3, 4 having sum(d.entered) > 0
            returning 1)
          select week::text as week from frozen order by week`,
      );
      await recordEvents(
        tx,
        frozen.map((r) => weeklyReportEvent(EventType.WEEKLY_REPORT_FROZEN, id, r.week, { frozenAt: now.toISOString() })),
      );
      return frozen;
    });
    this.frozenThrough.set(campaign.id, last);
    return rows.map((r) => r.week);
  }
}
