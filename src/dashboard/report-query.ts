import type { SeatNeed } from "../test-sessions/seat-matching";
/**
 * The GraphQL document of the taskforce's weekly report: what the dashboard page (web/dashboard/) asks for and what
 * the exports (src/dashboard/export/) are made from, so the page, the files and the API agree by construction. Plain
 * text, no runtime imports (the seat needs are a type of the planning's): the page bundles it too. docs/dashboard.md shows it; a test validates it against the schema.
 */
export const DASHBOARD_REPORT_QUERY = `query TaskforceReport($campaignSlug: String, $filter: DashboardFilter, $asOf: Date, $view: WeeklyView, $lang: Language, $planningFrom: Date!, $planningTo: Date!) {
  dashboard(campaignSlug: $campaignSlug, filter: $filter, asOf: $asOf) {
    asOf from
    campaign { slug name(lang: $lang) startsOn endsOn targetHeadcount }
    target hired offered laureates applications distinctCandidates openVacancies progress
    funnel { stage reached current conversionFromPrevious }
    byAgency { agency { code name(lang: $lang) } target hired gapToTarget fillRate funnel { stage reached current conversionFromPrevious } }
    byWave { wave { id number name(lang: $lang) } target hired gapToTarget fillRate funnel { stage reached current conversionFromPrevious } }
    byJobProfile { jobProfile { id functionCode title(lang: $lang) } target hired gapToTarget fillRate funnel { stage reached current conversionFromPrevious } }
    weekly(view: $view) {
      isoWeek weekStart applications laureates offers hires closed reportedAt
      reported { applications laureates offers hires }
      revisions { figure reported now difference reason }
    }
    testSessions {
      all { sessions seatsOffered seatsBooked seatsLeft attended noShows utilisation noShowRate }
      weekday { sessions seatsOffered seatsBooked seatsLeft attended noShows utilisation noShowRate }
      saturday { sessions seatsOffered seatsBooked seatsLeft attended noShows utilisation noShowRate }
    }
    forecast {
      hiresLastFourWeeks weeklyHiringRate projectedHiresByEnd projectedTargetDate requiredWeeklyRate weeksRemaining onTrack
      byAgency { agency { code } target hired hiresLastFourWeeks weeklyHiringRate projectedHiresByEnd projectedTargetDate requiredWeeklyRate onTrack }
    }
  }
  testSessionPlanning(campaignSlug: $campaignSlug, from: $planningFrom, to: $planningTo) {
    from to
    backlog {
      screenedWaiting invitedWithoutSeat freeSeatsAhead shortfall extraSaturdaySessionsNeeded
      needs { kind language waiting freeSeats seated shortfall averageSaturdayCapacity extraSaturdaySessions }
    }
  }
}`;

type Funnel = { stage: string; reached: number; current: number; conversionFromPrevious: number | null }[];
type Group = { target: number; hired: number; gapToTarget: number; fillRate: number; funnel: Funnel };
type Seats = {
  sessions: number;
  seatsOffered: number;
  seatsBooked: number;
  seatsLeft: number;
  attended: number;
  noShows: number;
  utilisation: number | null;
  noShowRate: number | null;
};
type Counts = { applications: number; laureates: number; offers: number; hires: number };

/** The answer's shape (data), as the page and the exports read it. */
export interface DashboardReport {
  dashboard: {
    asOf: string;
    from: string | null;
    campaign: { slug: string; name: string; startsOn: string; endsOn: string; targetHeadcount: number };
    target: number;
    hired: number;
    offered: number;
    laureates: number;
    applications: number;
    distinctCandidates: number;
    openVacancies: number;
    progress: number;
    funnel: Funnel;
    byAgency: (Group & { agency: { code: string; name: string } })[];
    byWave: (Group & { wave: { id: string; number: number; name: string } })[];
    byJobProfile: (Group & { jobProfile: { id: string; functionCode: string; title: string } })[];
    weekly: (Counts & {
      isoWeek: string;
      weekStart: string;
      closed: boolean;
      reportedAt: string | null;
      reported: Counts | null;
      revisions: { figure: string; reported: number; now: number; difference: number; reason: string }[];
    })[];
    testSessions: { all: Seats; weekday: Seats; saturday: Seats };
    forecast: {
      hiresLastFourWeeks: number;
      weeklyHiringRate: number;
      projectedHiresByEnd: number;
      projectedTargetDate: string | null;
      requiredWeeklyRate: number;
      weeksRemaining: number;
      onTrack: boolean;
      byAgency: {
        agency: { code: string };
        target: number;
        hired: number;
        hiresLastFourWeeks: number;
        weeklyHiringRate: number;
        projectedHiresByEnd: number;
        projectedTargetDate: string | null;
        requiredWeeklyRate: number;
        onTrack: boolean;
      }[];
    };
  } | null;
  testSessionPlanning: {
    from: string;
    to: string;
    backlog: {
      screenedWaiting: number;
      invitedWithoutSeat: number;
      freeSeatsAhead: number;
      shortfall: number;
      extraSaturdaySessionsNeeded: number;
      needs: SeatNeed[];
    };
  } | null;
}

/** Variables of the report query, as the page's filters and the export's URL give them. */
export interface ReportVariables {
  campaignSlug?: string | null;
  filter?: { agencies?: string[]; waveIds?: string[]; jobProfileIds?: string[]; from?: string; to?: string } | null;
  asOf?: string | null;
  view?: "CURRENT" | "AS_REPORTED";
  lang?: "NL" | "FR" | "EN";
  planningFrom: string;
  planningTo: string;
}

/** The planning period: from today for a year (the longest the planning takes). */
export function planningPeriod(today: string): { planningFrom: string; planningTo: string } {
  const to = new Date(`${today}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + 365);
  return { planningFrom: today, planningTo: to.toISOString().slice(0, 10) };
}
