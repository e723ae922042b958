import { sql } from "drizzle-orm";
import { brusselsDate, isoWeekMonday } from "../common/brussels-time";
import { selectRows, type Executor } from "../db/client";
import type { StageValue } from "../db/tables";
import { EventType } from "./event-types";
import { recordEvents, weeklyReportEvent } from "./outbox";

/** An entry into a stage, as the weekly reports count it. */
export interface WeeklyEntry {
  campaignId: number;
  /** Brussels day of the move. */
  day: string;
  stage: StageValue;
}

/**
 * A move dated in a week whose report is frozen revises that report (the dashboard shows the week's reported figure
 * beside what it is now): the taskforce gets a weekly_report.revised event per week, in the mover's transaction. Only
 * entries dated before the current week can fall in a frozen one, so ordinary moves cost no statement.
 */
export async function recordWeeklyRevisions(tx: Executor, entries: readonly WeeklyEntry[], now = new Date()): Promise<void> {
  const thisWeek = isoWeekMonday(brusselsDate(now));
  const byWeek = new Map<string, { campaignId: number; monday: string; stages: Set<StageValue> }>();
  for (const e of entries) {
    const monday = isoWeekMonday(e.day);
    if (monday >= thisWeek) continue;
    const key = `${e.campaignId}|${monday}`;
    const week = byWeek.get(key) ?? { campaignId: e.campaignId, monday, stages: new Set<StageValue>() };
    week.stages.add(e.stage);
    byWeek.set(key, week);
  }
  if (byWeek.size === 0) return;
  const wanted = [...byWeek.values()].map((w) => ({ campaign_id: w.campaignId, week: w.monday }));
  const frozen = await selectRows<{ campaign_id: number; week: string }>(
    tx,
    sql`select r.campaign_id, r.week::text as week from weekly_reports r
        join jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(campaign_id int, week date) on w.campaign_id = r.campaign_id and w.week = r.week
        order by r.campaign_id, r.week`,
  );
  await recordEvents(
    tx,
    frozen.map((f) => {
      const week = byWeek.get(`${f.campaign_id}|${f.week}`)!;
      return weeklyReportEvent(EventType.WEEKLY_REPORT_REVISED, f.campaign_id, f.week, { stages: [...week.stages].sort() });
    }),
  );
}
