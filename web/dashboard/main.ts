import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { DASHBOARD_REPORT_QUERY, planningPeriod, type DashboardReport, type ReportVariables } from "../../src/dashboard/report-query";
import { initialLang, WORDS, type Lang, type Words } from "./i18n";

/**
 * The taskforce dashboard page. It signs in with an API key kept in sessionStorage (this tab only, never in an
 * address), sends it as a Bearer token, and reads one GraphQL query (src/dashboard/report-query.ts), the same the
 * exports are made from: every figure on the page is the API's.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const KEY = "taskforce-dashboard-key";
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let lang: Lang = initialLang(location.search, navigator.languages);
let report: DashboardReport | null = null;
let options: { waves: { id: string; label: string }[]; profiles: { id: string; label: string }[] } | null = null;
const charts: Chart[] = [];

function t(): Words {
  return WORDS[lang];
}

function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
}

function variables(): ReportVariables {
  const filter: NonNullable<ReportVariables["filter"]> = {};
  const pick = (id: string) => $<HTMLSelectElement>(id).value;
  if (pick("f-agency")) filter.agencies = [pick("f-agency")];
  if (pick("f-wave")) filter.waveIds = [pick("f-wave")];
  if (pick("f-profile")) filter.jobProfileIds = [pick("f-profile")];
  if ($<HTMLInputElement>("f-from").value) filter.from = $<HTMLInputElement>("f-from").value;
  if ($<HTMLInputElement>("f-to").value) filter.to = $<HTMLInputElement>("f-to").value;
  return {
    filter: Object.keys(filter).length ? filter : null,
    asOf: $<HTMLInputElement>("f-asof").value || null,
    view: $<HTMLSelectElement>("f-view").value === "AS_REPORTED" ? "AS_REPORTED" : "CURRENT",
    lang: lang.toUpperCase() as "NL" | "FR" | "EN",
    ...planningPeriod(today()),
  };
}

class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

async function ask(): Promise<DashboardReport> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${sessionStorage.getItem(KEY)}`, "accept-language": lang },
    body: JSON.stringify({ query: DASHBOARD_REPORT_QUERY, variables: variables() }),
  });
  const body = (await response.json()) as { data?: DashboardReport; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new ApiError(body.errors[0].message, body.errors[0].extensions?.code ?? null);
  if (!body.data?.dashboard) throw new ApiError("No campaign.", null);
  return body.data;
}

// ---------------------------------------------------------------- formatting

function locale(): string {
  return { nl: "nl-BE", fr: "fr-BE", en: "en-GB" }[lang];
}
const int = (n: number) => new Intl.NumberFormat(locale()).format(n);
const pct = (n: number | null) => (n == null ? "–" : new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(n));
const dec = (n: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);
const day = (d: string | null) => (d ? new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)) : "–");

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A table with a caption; numeric cells are right-aligned and carry their raw value for tests. */
function table(caption: string, head: string[], rows: (string | { n: number; text?: string })[][], id: string): string {
  const cell = (c: string | { n: number; text?: string }) =>
    typeof c === "string" ? `<td>${esc(c)}</td>` : `<td class="num" data-value="${c.n}">${esc(c.text ?? int(c.n))}</td>`;
  return `<table id="${id}"><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("")}</tbody></table>`;
}

// ---------------------------------------------------------------- rendering

function renderStatic(): void {
  const w = t();
  document.documentElement.lang = lang;
  document.title = w.title;
  for (const el of document.querySelectorAll<HTMLElement>("[data-t]")) {
    const text = w[el.dataset.t as keyof Words];
    if (typeof text === "string") el.textContent = text;
  }
  for (const el of document.querySelectorAll<HTMLElement>("[data-t-label]")) {
    const text = w[el.dataset.tLabel as keyof Words];
    if (typeof text === "string") el.setAttribute("aria-label", text);
  }
  $<HTMLSelectElement>("lang").value = lang;
  const selects: [string, { id: string; label: string }[]][] = [
    ["f-wave", options?.waves ?? []],
    ["f-profile", options?.profiles ?? []],
  ];
  for (const [id, list] of selects) {
    const select = $<HTMLSelectElement>(id);
    const value = select.value;
    select.innerHTML = `<option value="">${esc(w.all)}</option>${list.map((o) => `<option value="${esc(o.id)}">${esc(o.label)}</option>`).join("")}`;
    select.value = value;
  }
  const agency = $<HTMLSelectElement>("f-agency");
  agency.options[0].textContent = w.all;
  const view = $<HTMLSelectElement>("f-view");
  view.options[0].textContent = w.viewCurrent;
  view.options[1].textContent = w.viewReported;
}

function groupRows(
  groups: { label: string; target: number; hired: number; gapToTarget: number; fillRate: number; funnel: { stage: string; reached: number }[] }[],
) {
  return groups.map((g) => [
    g.label,
    { n: g.target },
    { n: g.hired },
    { n: g.gapToTarget },
    { n: g.fillRate, text: pct(g.fillRate) },
    { n: g.funnel.find((f) => f.stage === "LAUREATE")?.reached ?? 0 },
    { n: g.funnel.find((f) => f.stage === "APPLIED")?.reached ?? 0 },
  ]);
}

function render(): void {
  if (!report?.dashboard) return;
  const w = t();
  const d = report.dashboard;
  const f = d.forecast;
  $("campaign-name").textContent = `${d.campaign.name} · ${w.figuresAsOf} ${day(d.asOf)}`;
  const card = (id: string, label: string, value: string, raw: number | string) =>
    `<div class="card" id="${id}" data-value="${esc(String(raw))}"><span class="label">${esc(label)}</span><span class="value">${esc(value)}</span></div>`;
  $("headline").innerHTML = [
    card("h-target", w.target, int(d.target), d.target),
    card("h-hired", w.hired, int(d.hired), d.hired),
    card("h-progress", w.progress, pct(d.progress), d.progress),
    card("h-laureates", w.laureates, int(d.laureates), d.laureates),
    card("h-applications", w.applications, int(d.applications), d.applications),
    card("h-candidates", w.distinctCandidates, int(d.distinctCandidates), d.distinctCandidates),
  ].join("");
  $("progress-bar").setAttribute("value", String(Math.min(1, d.progress)));
  $("progress-bar").textContent = pct(d.progress);

  $("forecast-body").innerHTML = [
    card("f-ontrack", w.forecast, f.onTrack ? w.onTrack : w.offTrack, String(f.onTrack)),
    card("f-date", w.projectedDate, f.projectedTargetDate ? day(f.projectedTargetDate) : w.never, f.projectedTargetDate ?? ""),
    card("f-projected", w.projectedByEnd, int(f.projectedHiresByEnd), f.projectedHiresByEnd),
    card("f-rate", w.weeklyRate, dec(f.weeklyHiringRate), f.weeklyHiringRate),
    card("f-required", w.requiredRate, dec(f.requiredWeeklyRate), f.requiredWeeklyRate),
    card("f-weeks", w.weeksRemaining, dec(f.weeksRemaining), f.weeksRemaining),
  ].join("");
  $("forecast").classList.toggle("off-track", !f.onTrack);

  const head = [w.stage, w.target, w.hired, w.gap, w.fillRate, w.laureates, w.applications];
  $("groups").innerHTML =
    table(w.byAgency, [w.agency, ...head.slice(1)], groupRows(d.byAgency.map((g) => ({ ...g, label: g.agency.name }))), "t-agencies") +
    table(w.byWave, [w.wave, ...head.slice(1)], groupRows(d.byWave.map((g) => ({ ...g, label: g.wave.name }))), "t-waves") +
    table(
      w.byJobProfile,
      [w.jobProfile, ...head.slice(1)],
      groupRows(d.byJobProfile.map((g) => ({ ...g, label: `${g.jobProfile.functionCode} ${g.jobProfile.title}` }))),
      "t-profiles",
    );

  $("funnel-table").innerHTML = table(
    w.funnel,
    [w.stage, w.reached, w.current, w.conversion],
    d.funnel.map((s) => [
      w.stages[s.stage] ?? s.stage,
      { n: s.reached },
      { n: s.current },
      { n: s.conversionFromPrevious ?? 0, text: pct(s.conversionFromPrevious) },
    ]),
    "t-funnel",
  );

  const weeks = d.weekly;
  $("trend-table").innerHTML = table(
    w.trend,
    [w.week, w.applications, w.laureates, w.offers, w.hires, w.reported],
    weeks.map((x) => [
      x.isoWeek,
      { n: x.applications },
      { n: x.laureates },
      { n: x.offers },
      { n: x.hires },
      x.reportedAt ? `${day(x.reportedAt.slice(0, 10))}${x.revisions.length ? " *" : ""}` : "–",
    ]),
    "t-weekly",
  );
  const revisions = weeks.flatMap((x) => x.revisions.map((r) => ({ week: x.isoWeek, reportedAt: x.reportedAt ?? "", ...r })));
  $("revisions").innerHTML = revisions.length
    ? table(
        w.revisions,
        [w.week, w.figure, w.reported, w.now, w.why],
        revisions.map((r) => [
          r.week,
          w.figures[r.figure] ?? r.figure,
          { n: r.reported },
          { n: r.now },
          w.revisionReason(r.difference, w.figures[r.figure] ?? r.figure, r.week, day(r.reportedAt.slice(0, 10))),
        ]),
        "t-revisions",
      )
    : `<p id="t-revisions">${esc(w.noRevisions)}</p>`;

  const s = d.testSessions;
  const seatRow = (label: string, x: typeof s.all) => [
    label,
    { n: x.sessions },
    { n: x.seatsOffered },
    { n: x.seatsBooked },
    { n: x.attended },
    { n: x.noShows },
    { n: x.utilisation ?? 0, text: pct(x.utilisation) },
  ];
  $("sessions-table").innerHTML = table(
    w.sessions,
    ["", w.sessions, w.seatsOffered, w.seatsBooked, w.attended, w.noShows, w.utilisation],
    [seatRow(w.allSessions, s.all), seatRow(w.weekday, s.weekday), seatRow(w.saturday, s.saturday)],
    "t-sessions",
  );
  const needs = report.testSessionPlanning?.backlog.needs ?? [];
  $("planning-table").innerHTML = needs.length
    ? table(
        w.planning,
        [w.kind, w.sessionLanguage, w.waiting, w.freeSeats, w.seated, w.shortfall, w.extraSaturdays],
        needs.map((n) => [
          w.kinds[n.kind] ?? n.kind,
          n.language,
          { n: n.waiting },
          { n: n.freeSeats },
          { n: n.seated },
          { n: n.shortfall },
          { n: n.extraSaturdaySessions },
        ]),
        "t-planning",
      )
    : `<p id="t-planning">${esc(w.nothingWaiting)}</p>`;

  drawCharts();
}

function drawCharts(): void {
  if (!report?.dashboard) return;
  const w = t();
  const d = report.dashboard;
  for (const chart of charts.splice(0)) chart.destroy();
  const styles = getComputedStyle(document.documentElement);
  const colour = (name: string) => styles.getPropertyValue(name).trim();
  charts.push(
    new Chart($<HTMLCanvasElement>("funnel-chart"), {
      type: "bar",
      data: {
        labels: d.funnel.map((s) => w.stages[s.stage] ?? s.stage),
        datasets: [{ label: w.reached, data: d.funnel.map((s) => s.reached), backgroundColor: colour("--accent") }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    }),
  );
  charts.push(
    new Chart($<HTMLCanvasElement>("trend-chart"), {
      type: "bar",
      data: {
        labels: d.weekly.map((x) => x.isoWeek),
        datasets: [
          { type: "bar", label: w.applications, data: d.weekly.map((x) => x.applications), backgroundColor: colour("--series-1") },
          { type: "bar", label: w.laureates, data: d.weekly.map((x) => x.laureates), backgroundColor: colour("--series-2") },
          { type: "bar", label: w.hires, data: d.weekly.map((x) => x.hires), backgroundColor: colour("--series-3") },
          {
            type: "line",
            label: w.requiredRate,
            data: d.weekly.map(() => d.forecast.requiredWeeklyRate),
            borderColor: colour("--warn"),
            pointRadius: 0,
            borderDash: [6, 4],
          },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { ticks: { maxRotation: 0, autoSkip: true } } } },
    }),
  );
}

// ---------------------------------------------------------------- flow

async function load(): Promise<void> {
  $("status").textContent = t().loading;
  $("status").classList.remove("error");
  try {
    report = await ask();
    if (!options && report.dashboard) {
      options = {
        waves: report.dashboard.byWave.map((g) => ({ id: g.wave.id, label: g.wave.name })),
        profiles: report.dashboard.byJobProfile.map((g) => ({ id: g.jobProfile.id, label: `${g.jobProfile.functionCode} ${g.jobProfile.title}` })),
      };
      renderStatic();
    }
    $("signin").hidden = true;
    $("app").hidden = false;
    render();
    $("status").textContent = "";
    document.body.dataset.ready = "true";
  } catch (error) {
    const e = error as ApiError;
    if (e.code === "UNAUTHENTICATED" || e.code === "FORBIDDEN") {
      sessionStorage.removeItem(KEY);
      showSignIn(t().badKey);
      return;
    }
    $("status").textContent = `${t().failed} ${e.message}`;
    $("status").classList.add("error");
  }
}

function showSignIn(message = ""): void {
  $("app").hidden = true;
  $("signin").hidden = false;
  $("signin-error").textContent = message;
  $<HTMLInputElement>("key").focus();
}

async function download(format: "csv" | "xlsx"): Promise<void> {
  const v = variables();
  const params = new URLSearchParams();
  if (v.filter?.agencies) params.set("agencies", v.filter.agencies.join(","));
  if (v.filter?.waveIds) params.set("waveIds", v.filter.waveIds.join(","));
  if (v.filter?.jobProfileIds) params.set("jobProfileIds", v.filter.jobProfileIds.join(","));
  if (v.filter?.from) params.set("from", v.filter.from);
  if (v.filter?.to) params.set("to", v.filter.to);
  if (v.asOf) params.set("asOf", v.asOf);
  params.set("view", v.view ?? "CURRENT");
  params.set("lang", lang);
  const response = await fetch(`/export/dashboard.${format}?${params}`, { headers: { authorization: `Bearer ${sessionStorage.getItem(KEY)}` } });
  if (!response.ok) {
    $("status").textContent = `${t().failed} ${response.status}`;
    $("status").classList.add("error");
    return;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `dashboard.${format}`;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

$("signin-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $<HTMLInputElement>("key").value.trim();
  if (!key) return;
  sessionStorage.setItem(KEY, key);
  $<HTMLInputElement>("key").value = "";
  void load();
});
$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  void load();
});
$("filters").addEventListener("reset", () => setTimeout(() => void load(), 0));
$("signout").addEventListener("click", () => {
  sessionStorage.removeItem(KEY);
  report = null;
  showSignIn();
});
$("lang").addEventListener("change", () => {
  lang = $<HTMLSelectElement>("lang").value as Lang;
  renderStatic();
  if (sessionStorage.getItem(KEY)) void load();
});
$("export-csv").addEventListener("click", () => void download("csv"));
$("export-xlsx").addEventListener("click", () => void download("xlsx"));

renderStatic();
if (sessionStorage.getItem(KEY)) void load();
else showSignIn();
