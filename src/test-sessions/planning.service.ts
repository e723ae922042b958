import { and, eq, gte, lt, sql } from "drizzle-orm";
import { addDays, brusselsDate, isoWeek, isoWeekday, isoWeekMonday } from "../common/brussels-time";
import { badUserInput } from "../common/errors";
import { zonedInstant } from "../common/zoned-instant";
import { selectRows, type Db } from "../db/client";
import { campaigns, testSessions } from "../db/tables";
import { PlanningBacklog, PlanningWeek, SeatFigures, TestSessionPlanning } from "./planning.type";

type SessionRow = typeof testSessions.$inferSelect;
const DEFAULT_SATURDAY_CAPACITY = 60;

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
    const [waiting] = await selectRows<{ screened: number; invited_without_seat: number }>(
      this.db,
      sql`select
            (select coalesce(sum(c.current), 0)::int from vacancy_stage_counts c join vacancies v on v.id = c.vacancy_id
              where v.campaign_id = ${campaign.id} and c.stage = 'SCREENED') as screened,
            (select count(*)::int from applications a join vacancies v on v.id = a.vacancy_id
              where v.campaign_id = ${campaign.id} and a.stage = 'INVITED'
                and not exists (select 1 from bookings b where b.application_id = a.id and b.status = 'BOOKED')) as invited_without_seat`,
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

    const ahead = sessions.filter((s) => s.status === "SCHEDULED" && s.startsAt > now);
    const freeSeatsAhead = ahead.reduce((sum, s) => sum + s.capacity - s.seatsTaken, 0);
    const waitingTotal = waiting.screened + waiting.invited_without_seat;
    const shortfall = Math.max(0, waitingTotal - freeSeatsAhead);
    // A typical Saturday session of this period; without one yet, Selor's usual room.
    const saturdays = sessions.filter((s) => s.status === "SCHEDULED" && isoWeekday(brusselsDate(s.startsAt)) === 6);
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
        freeSeatsAhead,
        shortfall,
        averageSaturdayCapacity,
        extraSaturdaySessionsNeeded: Math.ceil(shortfall / averageSaturdayCapacity),
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
