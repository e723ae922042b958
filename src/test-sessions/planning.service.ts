import { and, eq, gte, lt, sql } from "drizzle-orm";
import { addDays, brusselsDate, isoWeek, isoWeekday, isoWeekMonday } from "../common/brussels-time";
import { badUserInput } from "../common/errors";
import { zonedInstant } from "../common/zoned-instant";
import { selectRows, type Db } from "../db/client";
import { campaigns, testSessions, type TestKindValue } from "../db/tables";
import { DEFAULT_SATURDAY_CAPACITY, matchSeats, type FreeSession, type Regime } from "./seat-matching";
import { PlanningBacklog, PlanningWeek, SeatFigures, SeatNeedFigures, TestSessionPlanning } from "./planning.type";

type SessionRow = typeof testSessions.$inferSelect;
interface WaitingRow {
  vacancy_id: number;
  language_regime: Regime;
  screened: number;
  invited_without_seat: number;
  kinds: TestKindValue[];
}

/** testSessionPlanning: a campaign's sessions per ISO week (Brussels), weekday against Saturday, and the backlog. */
export class PlanningService {
  constructor(private readonly db: Db) {}

  async plan(campaignSlug: string | null | undefined, from: string, to: string, now = new Date()): Promise<TestSessionPlanning | null> {
    if (to < from) throw badUserInput(`"to" (${to}) lies before "from" (${from}).`, "to");
    if (addDays(from, 366) < to) throw badUserInput("The period may span at most 366 days.", "to");
    const [campaign] = campaignSlug
      ? await this.db.select().from(campaigns).where(eq(campaigns.slug, campaignSlug))
      : await this.db
          .select()
          .from(campaigns)
          .orderBy(sql`${campaigns.startsOn} desc, ${campaigns.id} desc`)
          .limit(1);
    if (!campaign) return null;

    const start = zonedInstant(from, "00:00");
    const end = zonedInstant(addDays(to, 1), "00:00");
    const sessions = await this.db
      .select()
      .from(testSessions)
      .where(and(eq(testSessions.campaignId, campaign.id), gte(testSessions.startsAt, start), lt(testSessions.startsAt, end)))
      .orderBy(testSessions.startsAt, testSessions.id);
    const [waiting] = await selectRows<{
      screened: number;
      invited_without_seat: number;
      vacancies: WaitingRow[];
      links: { session_id: number; vacancy_id: number }[];
    }>(
      this.db,
      sql`with waiting as (
            select v.id as vacancy_id, v.language_regime,
              coalesce((select c.current from vacancy_stage_counts c where c.vacancy_id = v.id and c.stage = 'SCREENED'), 0)::int as screened,
              (select count(*) from applications a where a.vacancy_id = v.id and a.stage = 'INVITED'
                and not exists (select 1 from bookings b where b.application_id = a.id and b.status = 'BOOKED'))::int as invited_without_seat,
              (select coalesce(array_agg(distinct p.kind::text), '{}') from exam_parts p where p.vacancy_id = v.id) as kinds
            from vacancies v where v.campaign_id = ${campaign.id})
          select
            (select coalesce(sum(screened), 0)::int from waiting) as screened,
            (select coalesce(sum(invited_without_seat), 0)::int from waiting) as invited_without_seat,
            (select coalesce(json_agg(w), '[]'::json) from waiting w where screened + invited_without_seat > 0) as vacancies,
            (select coalesce(json_agg(l), '[]'::json) from (
               select tv.session_id, tv.vacancy_id from test_session_vacancies tv
               where tv.session_id in ${sessions.length ? sql.raw(`(${sessions.map((x) => x.id).join(",")})`) : sql.raw("(null)")}) l) as links`,
    );

    const weeks: PlanningWeek[] = [];
    for (let monday = isoWeekMonday(from); monday <= to; monday = addDays(monday, 7)) {
      const inWeek = sessions.filter((s) => isoWeekMonday(brusselsDate(s.startsAt)) === monday);
      const scheduled = inWeek.filter((s) => s.status === "SCHEDULED");
      const saturday = (s: SessionRow) => isoWeekday(brusselsDate(s.startsAt)) === 6;
      weeks.push(
        Object.assign(new PlanningWeek(), {
          isoWeek: isoWeek(monday),
          weekStart: monday,
          all: figures(scheduled),
          weekday: figures(scheduled.filter((s) => !saturday(s))),
          saturday: figures(scheduled.filter(saturday)),
          cancelledSessions: inWeek.length - scheduled.length,
        }),
      );
    }

    const testedBy = new Map<number, number[]>();
    for (const link of waiting.links) testedBy.set(link.session_id, [...(testedBy.get(link.session_id) ?? []), link.vacancy_id]);
    const free = (s: SessionRow): FreeSession => ({
      kind: s.kind,
      language: s.language,
      freeSeats: s.capacity - s.seatsTaken,
      vacancyIds: testedBy.get(s.id) ?? [],
      saturday: isoWeekday(brusselsDate(s.startsAt)) === 6,
      capacity: s.capacity,
    });
    const scheduled = sessions.filter((s) => s.status === "SCHEDULED");
    const ahead = scheduled.filter((s) => s.startsAt > now);
    const needs = matchSeats(
      waiting.vacancies.map((v) => ({
        vacancyId: v.vacancy_id,
        languageRegime: v.language_regime,
        kinds: v.kinds,
        waiting: v.screened + v.invited_without_seat,
      })),
      ahead.map(free),
      scheduled.map(free),
    );
    // A typical Saturday session of this period; without one yet, Selor's usual room.
    const saturdays = scheduled.filter((s) => isoWeekday(brusselsDate(s.startsAt)) === 6);
    const averageSaturdayCapacity = saturdays.length
      ? Math.round(saturdays.reduce((sum, s) => sum + s.capacity, 0) / saturdays.length)
      : DEFAULT_SATURDAY_CAPACITY;
    return Object.assign(new TestSessionPlanning(), {
      from,
      to,
      weeks,
      total: figures(sessions.filter((s) => s.status === "SCHEDULED")),
      backlog: Object.assign(new PlanningBacklog(), {
        screenedWaiting: waiting.screened,
        invitedWithoutSeat: waiting.invited_without_seat,
        freeSeatsAhead: ahead.reduce((sum, s) => sum + s.capacity - s.seatsTaken, 0),
        shortfall: needs.reduce((sum, n) => sum + n.shortfall, 0),
        averageSaturdayCapacity,
        extraSaturdaySessionsNeeded: needs.reduce((sum, n) => sum + n.extraSaturdaySessions, 0),
        needs: needs.map((n) => Object.assign(new SeatNeedFigures(), n)),
      }),
    });
  }
}

export function figures(sessions: readonly Pick<SessionRow, "capacity" | "seatsTaken" | "attendedCount" | "noShowCount">[]): SeatFigures {
  const sum = (pick: (s: (typeof sessions)[number]) => number) => sessions.reduce((total, s) => total + pick(s), 0);
  const seatsOffered = sum((s) => s.capacity);
  const seatsBooked = sum((s) => s.seatsTaken);
  const attended = sum((s) => s.attendedCount);
  const noShows = sum((s) => s.noShowCount);
  return Object.assign(new SeatFigures(), {
    sessions: sessions.length,
    seatsOffered,
    seatsBooked,
    seatsLeft: seatsOffered - seatsBooked,
    attended,
    noShows,
    utilisation: seatsOffered ? seatsBooked / seatsOffered : null,
    noShowRate: attended + noShows ? noShows / (attended + noShows) : null,
  });
}
