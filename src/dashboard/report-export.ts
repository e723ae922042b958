import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { isOneOf } from "../common/enum-object";
import { AGENCY_CODES } from "../db/tables/enums";
import type { DashboardReport, ReportVariables } from "./report-query";
import { planningPeriod } from "./report-query";

/**
 * The weekly report as files: every breakdown the dashboard page shows, from the answer of the same query
 * (report-query.ts). Aggregates only: the query asks for no candidate data. CSV is one long table (section, group,
 * date, figure, value), numbers as plain numbers and dates as ISO dates; XLSX has a sheet per breakdown with numbers as
 * numbers and dates as date cells (exceljs), so LibreOffice and Excel compute with them. Column names are English and
 * stable, for automations; names of agencies, waves and job profiles come in the requested language.
 */

export type ExportFormat = "csv" | "xlsx";

/** A row of the long table: which breakdown, which group in it, which day (if any), which figure, its value. */
export interface ReportRow {
  section: string;
  group: string;
  date: string | null;
  figure: string;
  value: number | string | boolean | null;
}

const VIEWS = new Set(["CURRENT", "AS_REPORTED"]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The export's URL parameters as the report query's variables; a bad one is named in the error. */
export function exportVariables(params: URLSearchParams, today: string): { variables: ReportVariables } | { error: string } {
  const list = (name: string) =>
    params
      .get(name)
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const filter: NonNullable<ReportVariables["filter"]> = {};
  const agencies = list("agencies");
  if (agencies) {
    const unknown = agencies.find((a) => !isOneOf(AGENCY_CODES, a));
    if (unknown) return { error: `agencies: "${unknown}" is not an agency code (${AGENCY_CODES.join(", ")}).` };
    filter.agencies = agencies;
  }
  for (const name of ["waveIds", "jobProfileIds"] as const) {
    const ids = list(name);
    if (ids) filter[name] = ids;
  }
  for (const name of ["from", "to", "asOf"] as const) {
    const value = params.get(name);
    if (value && !DAY.test(value)) return { error: `${name}: "${value}" is not a date (YYYY-MM-DD).` };
  }
  if (params.get("from")) filter.from = params.get("from")!;
  if (params.get("to")) filter.to = params.get("to")!;
  const view = params.get("view") ?? "CURRENT";
  if (!VIEWS.has(view)) return { error: `view: "${view}" is not CURRENT or AS_REPORTED.` };
  const lang = (params.get("lang") ?? "nl").toUpperCase();
  if (!["NL", "FR", "EN"].includes(lang)) return { error: `lang: "${params.get("lang")}" is not nl, fr or en.` };
  return {
    variables: {
      campaignSlug: params.get("campaign") || null,
      filter: Object.keys(filter).length ? filter : null,
      asOf: params.get("asOf") || null,
      view: view as "CURRENT" | "AS_REPORTED",
      lang: lang as "NL" | "FR" | "EN",
      ...planningPeriod(today),
    },
  };
}

/** Every breakdown of the report as rows of the long table, in the page's order. */
export function reportRows(report: DashboardReport): ReportRow[] {
  const d = report.dashboard!;
  const rows: ReportRow[] = [];
  const add = (section: string, group: string, date: string | null, values: Record<string, number | string | boolean | null>) => {
    for (const [figure, value] of Object.entries(values)) rows.push({ section, group, date, figure, value });
  };
  add("summary", d.campaign.slug, d.asOf, {
    target: d.target,
    hired: d.hired,
    progress: d.progress,
    offered: d.offered,
    laureates: d.laureates,
    applications: d.applications,
    distinctCandidates: d.distinctCandidates,
    openVacancies: d.openVacancies,
  });
  const f = d.forecast;
  add("forecast", d.campaign.slug, d.asOf, {
    onTrack: f.onTrack,
    projectedTargetDate: f.projectedTargetDate,
    projectedHiresByEnd: f.projectedHiresByEnd,
    hiresLastFourWeeks: f.hiresLastFourWeeks,
    weeklyHiringRate: f.weeklyHiringRate,
    requiredWeeklyRate: f.requiredWeeklyRate,
    weeksRemaining: f.weeksRemaining,
  });
  for (const a of f.byAgency) {
    add("forecastByAgency", a.agency.code, d.asOf, {
      target: a.target,
      hired: a.hired,
      onTrack: a.onTrack,
      projectedTargetDate: a.projectedTargetDate,
      projectedHiresByEnd: a.projectedHiresByEnd,
      weeklyHiringRate: a.weeklyHiringRate,
      requiredWeeklyRate: a.requiredWeeklyRate,
    });
  }
  for (const s of d.funnel) add("funnel", s.stage, null, { reached: s.reached, current: s.current, conversionFromPrevious: s.conversionFromPrevious });
  const groups: [string, { label: string; target: number; hired: number; gapToTarget: number; fillRate: number; funnel: typeof d.funnel }[]][] = [
    ["agency", d.byAgency.map((g) => ({ ...g, label: g.agency.code }))],
    ["wave", d.byWave.map((g) => ({ ...g, label: g.wave.name }))],
    ["jobProfile", d.byJobProfile.map((g) => ({ ...g, label: `${g.jobProfile.functionCode} ${g.jobProfile.title}` }))],
  ];
  for (const [section, list] of groups) {
    for (const g of list) {
      const reached = (stage: string) => g.funnel.find((s) => s.stage === stage)?.reached ?? 0;
      add(section, g.label, null, {
        target: g.target,
        hired: g.hired,
        gapToTarget: g.gapToTarget,
        fillRate: g.fillRate,
        laureates: reached("LAUREATE"),
        applications: reached("APPLIED"),
      });
    }
  }
  for (const w of d.weekly) {
    add("weekly", w.isoWeek, w.weekStart, {
      applications: w.applications,
      laureates: w.laureates,
      offers: w.offers,
      hires: w.hires,
      reportedApplications: w.reported?.applications ?? null,
      reportedLaureates: w.reported?.laureates ?? null,
      reportedOffers: w.reported?.offers ?? null,
      reportedHires: w.reported?.hires ?? null,
      reportedAt: w.reportedAt,
    });
    for (const r of w.revisions)
      add("revision", `${w.isoWeek} ${r.figure}`, w.weekStart, { reported: r.reported, now: r.now, difference: r.difference, reason: r.reason });
  }
  for (const [group, s] of Object.entries(d.testSessions)) {
    add("testSessions", group, null, {
      sessions: s.sessions,
      seatsOffered: s.seatsOffered,
      seatsBooked: s.seatsBooked,
      seatsLeft: s.seatsLeft,
      attended: s.attended,
      noShows: s.noShows,
      utilisation: s.utilisation,
      noShowRate: s.noShowRate,
    });
  }
  for (const n of report.testSessionPlanning?.backlog.needs ?? []) {
    add("planning", `${n.kind} ${n.language}`, null, {
      waiting: n.waiting,
      freeSeats: n.freeSeats,
      seated: n.seated,
      shortfall: n.shortfall,
      averageSaturdayCapacity: n.averageSaturdayCapacity,
      extraSaturdaySessions: n.extraSaturdaySessions,
    });
  }
  return rows;
}

export function reportCsv(report: DashboardReport): string {
  const rows = reportRows(report);
  return stringify(
    rows.map((r) => [r.section, r.group, r.date ?? "", r.figure, r.value ?? ""]),
    { header: true, columns: ["section", "group", "date", "figure", "value"], cast: { boolean: (b) => (b ? "true" : "false") } },
  );
}

type Cell = number | string | boolean | Date | null;
const asDate = (day: string | null): Date | null => (day ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : null);

/** One sheet per breakdown; numbers as numbers, days as date cells. */
export async function reportXlsx(report: DashboardReport): Promise<Buffer> {
  const d = report.dashboard!;
  const book = new ExcelJS.Workbook();
  book.creator = "Asylum and migration recruitment campaign API";
  const sheet = (name: string, columns: { header: string; key: string; width?: number; date?: boolean; percent?: boolean }[], rows: Record<string, Cell>[]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? Math.max(12, c.header.length + 2),
      style: c.date ? { numFmt: "yyyy-mm-dd" } : c.percent ? { numFmt: "0.0%" } : {},
    }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of rows) ws.addRow(row);
  };
  const f = d.forecast;
  sheet(
    "Summary",
    [
      { header: "figure", key: "figure", width: 24 },
      { header: "value", key: "value", width: 16 },
    ],
    [
      { figure: "campaign", value: d.campaign.name },
      { figure: "asOf", value: asDate(d.asOf) },
      { figure: "from", value: asDate(d.from) },
      { figure: "target", value: d.target },
      { figure: "hired", value: d.hired },
      { figure: "progress", value: d.progress },
      { figure: "offered", value: d.offered },
      { figure: "laureates", value: d.laureates },
      { figure: "applications", value: d.applications },
      { figure: "distinctCandidates", value: d.distinctCandidates },
      { figure: "openVacancies", value: d.openVacancies },
      { figure: "onTrack", value: f.onTrack },
      { figure: "projectedTargetDate", value: asDate(f.projectedTargetDate) },
      { figure: "projectedHiresByEnd", value: f.projectedHiresByEnd },
      { figure: "hiresLastFourWeeks", value: f.hiresLastFourWeeks },
      { figure: "weeklyHiringRate", value: f.weeklyHiringRate },
      { figure: "requiredWeeklyRate", value: f.requiredWeeklyRate },
      { figure: "weeksRemaining", value: f.weeksRemaining },
    ],
  );
  const summaryDates = book.getWorksheet("Summary")!;
  summaryDates.eachRow((row) => {
    if (row.getCell(2).value instanceof Date) row.getCell(2).numFmt = "yyyy-mm-dd";
  });
  const groupColumns = (label: string) => [
    { header: label, key: "group", width: 36 },
    { header: "target", key: "target" },
    { header: "hired", key: "hired" },
    { header: "gapToTarget", key: "gapToTarget" },
    { header: "fillRate", key: "fillRate", percent: true },
    { header: "laureates", key: "laureates" },
    { header: "applications", key: "applications" },
  ];
  const groupRow = (group: string, g: { target: number; hired: number; gapToTarget: number; fillRate: number; funnel: typeof d.funnel }) => ({
    group,
    target: g.target,
    hired: g.hired,
    gapToTarget: g.gapToTarget,
    fillRate: g.fillRate,
    laureates: g.funnel.find((s) => s.stage === "LAUREATE")?.reached ?? 0,
    applications: g.funnel.find((s) => s.stage === "APPLIED")?.reached ?? 0,
  });
  sheet(
    "Agencies",
    groupColumns("agency"),
    d.byAgency.map((g) => groupRow(g.agency.code, g)),
  );
  sheet(
    "Waves",
    groupColumns("wave"),
    d.byWave.map((g) => groupRow(g.wave.name, g)),
  );
  sheet(
    "Job profiles",
    groupColumns("jobProfile"),
    d.byJobProfile.map((g) => groupRow(`${g.jobProfile.functionCode} ${g.jobProfile.title}`, g)),
  );
  sheet(
    "Funnel",
    [
      { header: "stage", key: "stage" },
      { header: "reached", key: "reached" },
      { header: "current", key: "current" },
      { header: "conversionFromPrevious", key: "conversionFromPrevious", percent: true },
    ],
    d.funnel.map((s) => ({ ...s })),
  );
  sheet(
    "Weekly",
    [
      { header: "isoWeek", key: "isoWeek" },
      { header: "weekStart", key: "weekStart", date: true },
      { header: "applications", key: "applications" },
      { header: "laureates", key: "laureates" },
      { header: "offers", key: "offers" },
      { header: "hires", key: "hires" },
      { header: "closed", key: "closed" },
      { header: "reportedAt", key: "reportedAt", date: true },
      { header: "reportedApplications", key: "reportedApplications" },
      { header: "reportedLaureates", key: "reportedLaureates" },
      { header: "reportedOffers", key: "reportedOffers" },
      { header: "reportedHires", key: "reportedHires" },
    ],
    d.weekly.map((w) => ({
      isoWeek: w.isoWeek,
      weekStart: asDate(w.weekStart),
      applications: w.applications,
      laureates: w.laureates,
      offers: w.offers,
      hires: w.hires,
      closed: w.closed,
      reportedAt: asDate(w.reportedAt),
      reportedApplications: w.reported?.applications ?? null,
      reportedLaureates: w.reported?.laureates ?? null,
      reportedOffers: w.reported?.offers ?? null,
      reportedHires: w.reported?.hires ?? null,
    })),
  );
  sheet(
    "Revisions",
    [
      { header: "isoWeek", key: "isoWeek" },
      { header: "weekStart", key: "weekStart", date: true },
      { header: "figure", key: "figure" },
      { header: "reported", key: "reported" },
      { header: "now", key: "now" },
      { header: "difference", key: "difference" },
      { header: "reason", key: "reason", width: 90 },
    ],
    d.weekly.flatMap((w) => w.revisions.map((r) => ({ isoWeek: w.isoWeek, weekStart: asDate(w.weekStart), ...r }))),
  );
  sheet(
    "Test sessions",
    [
      { header: "sessions", key: "group" },
      { header: "count", key: "sessions" },
      { header: "seatsOffered", key: "seatsOffered" },
      { header: "seatsBooked", key: "seatsBooked" },
      { header: "seatsLeft", key: "seatsLeft" },
      { header: "attended", key: "attended" },
      { header: "noShows", key: "noShows" },
      { header: "utilisation", key: "utilisation", percent: true },
      { header: "noShowRate", key: "noShowRate", percent: true },
    ],
    Object.entries(d.testSessions).map(([group, s]) => ({ group, ...s })),
  );
  sheet(
    "Planning",
    [
      { header: "kind", key: "kind", width: 16 },
      { header: "language", key: "language" },
      { header: "waiting", key: "waiting" },
      { header: "freeSeats", key: "freeSeats" },
      { header: "seated", key: "seated" },
      { header: "shortfall", key: "shortfall" },
      { header: "averageSaturdayCapacity", key: "averageSaturdayCapacity" },
      { header: "extraSaturdaySessions", key: "extraSaturdaySessions" },
    ],
    (report.testSessionPlanning?.backlog.needs ?? []).map((n) => ({ ...n })),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The download's file name: the campaign and the day the figures are as of. */
export function reportFileName(report: DashboardReport, format: ExportFormat): string {
  return `${report.dashboard!.campaign.slug}-dashboard-${report.dashboard!.asOf}.${format}`;
}
