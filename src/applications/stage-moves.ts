import { inArray, sql } from "drizzle-orm";
import { brusselsDate, daysBetween, isoWeekMonday } from "../common/brussels-time";
import { scopeKey, vacancyCoarseScopes } from "../db/tables/scope-keys";
import { selectRows, type Executor } from "../db/client";
import { atCommit } from "../db/commit-hooks";
import { stageEvents, vacancies, type RejectionReasonValue, type StageValue } from "../db/tables";
import { recordWeeklyRevisions } from "../events/weekly-report-events";
import { ALL_STAGES, nextStage } from "./stages";

/** One move of one application, as the event log and the counters record it. */
export interface StageMove {
  applicationId: number;
  vacancyId: number;
  /** The person behind the application (src/db/tables/applications.ts: persons), for the submission's distinct-candidate
   * counts; later moves count no one and may leave it null. */
  personId: number | null;
  /** null for the submission (the move into APPLIED). */
  fromStage: StageValue | null;
  toStage: StageValue;
  reason: RejectionReasonValue | null;
  occurredAt: Date;
  /** When the application entered fromStage (null for the submission): time in stage is measured from it. */
  enteredFromAt: Date | null;
  /** When the application was submitted: application-to-hire is measured from it. */
  appliedAt: Date;
  actor: MoveActor;
}

export interface MoveActor {
  clientId: number | null;
  /** Who acted when no stored API client did: the bootstrap administrator, the seed, the scoring rule. */
  label: string | null;
}

const STAGE_ORDER: readonly StageValue[] = ALL_STAGES;
/** The stages the dashboard's weekly trend counts: applications, laureates, offers, hires. */
export const WEEKLY_STAGES: readonly StageValue[] = ["APPLIED", "LAUREATE", "OFFERED", "HIRED"];
/** `stage in (...the weekly stages)`, for SQL over the rollups. */
export const IN_WEEKLY_STAGES = sql.raw(`stage in (${WEEKLY_STAGES.map((s) => `'${s}'`).join(", ")})`);
/**
 * The ISO week's Monday of a date column in SQL, by integer arithmetic on dates (2000-01-03 was a Monday):
 * extract(isodow) goes through numeric, which cost half a dashboard's weekly trend.
 */
export const mondayOf = (column: string) => sql.raw(`${column} - (((${column} - date '2000-01-03') % 7 + 7) % 7)`);

/**
 * Writes the events of a set of moves and every counter the dashboard reads, in the caller's transaction:
 * - per vacancy and stage, how many ever reached it and how many are in it now, and entries and exits per Brussels day;
 * - the same per day for the coarse scopes (campaign, agency, wave, job profile), so campaign-wide figures read
 *   thousands of rows rather than millions, and per ISO week for the stages of the weekly trend;
 * - distinct candidates per coarse scope (each person once, on the day of their first application there);
 * - time in stage (days from entering a pipeline stage to entering the next, and from application to hire) and exits
 *   (from which stage, and why), per scope and, for the coarse scopes, per day.
 * A constant number of statements however many moves. Rows are touched in a fixed order so concurrent transactions
 * queue rather than deadlock. The counters are written when the transaction commits (atCommit), so nothing in the
 * transaction after this call sees them changed. They can always be recounted from the events (drizzle/0005 does
 * exactly that).
 */
export async function recordStageMoves(tx: Executor, moves: readonly StageMove[], newPersons: ReadonlySet<number> = new Set()): Promise<void> {
  if (moves.length === 0) return;
  await insertEvents(tx, moves);
  await countStageMoves(tx, moves, 1, newPersons);
}

/**
 * Takes moves back out of the history as if they had never been made (a corrected score that reverses its decision):
 * their events are deleted and every counter recordStageMoves kept for them is decremented, so the counters still
 * equal a recount from the events. Only the last move of an application may be retracted (the caller checks).
 */
export async function retractStageMoves(tx: Executor, moves: readonly (StageMove & { eventId: number })[]): Promise<void> {
  if (moves.length === 0) return;
  await tx.delete(stageEvents).where(
    inArray(
      stageEvents.id,
      moves.map((m) => m.eventId),
    ),
  );
  await countStageMoves(tx, moves, -1, new Set());
}

/** The counters of a set of moves: added (sign 1) or taken back (sign -1). */
async function countStageMoves(tx: Executor, moves: readonly StageMove[], sign: 1 | -1, newPersons: ReadonlySet<number>): Promise<void> {
  const scopes = await coarseScopesOf(tx, [...new Set(moves.map((m) => m.vacancyId))]);
  const totals = new Tally<{ vacancy_id: number; stage: StageValue }>(["reached", "current"]);
  const vacancyDaily = new Tally<{ vacancy_id: number; stage: StageValue; day: string }>(["entered", "exited"]);
  const coarseDaily = new Tally<{ scope: string; stage: StageValue; day: string }>(["entered", "exited"]);
  const coarseWeekly = new Tally<{ scope: string; stage: StageValue; week: string }>(["entered"]);
  const durations = new Tally<{ scope: string; from_stage: StageValue; to_stage: StageValue; days: number }>(["count"]);
  const durationDaily = new Tally<{ scope: string; from_stage: StageValue; to_stage: StageValue; day: string; days: number }>(["count"]);
  const exits = new Tally<{ scope: string; from_stage: StageValue; exit: string }>(["count"]);
  const exitDaily = new Tally<{ scope: string; from_stage: StageValue; exit: string; day: string }>(["count"]);
  const firstApplications: { scope: string; person_id: number; day: string }[] = [];

  for (const move of moves) {
    const day = brusselsDate(move.occurredAt);
    const coarse = scopes.get(move.vacancyId)!;
    const all = [...coarse, scopeKey.vacancy(move.vacancyId)];
    totals.add({ vacancy_id: move.vacancyId, stage: move.toStage }, { reached: sign, current: sign });
    vacancyDaily.add({ vacancy_id: move.vacancyId, stage: move.toStage, day }, { entered: sign });
    for (const scope of coarse) coarseDaily.add({ scope, stage: move.toStage, day }, { entered: sign });
    if (WEEKLY_STAGES.includes(move.toStage)) {
      const week = isoWeekMonday(day);
      for (const scope of coarse) coarseWeekly.add({ scope, stage: move.toStage, week }, { entered: sign });
    }
    if (move.fromStage) {
      totals.add({ vacancy_id: move.vacancyId, stage: move.fromStage }, { current: -sign });
      vacancyDaily.add({ vacancy_id: move.vacancyId, stage: move.fromStage, day }, { exited: sign });
      for (const scope of coarse) coarseDaily.add({ scope, stage: move.fromStage, day }, { exited: sign });
    } else {
      if (move.personId == null) throw new Error(`The submission of application ${move.applicationId} needs its person.`);
      for (const scope of coarse) firstApplications.push({ scope, person_id: move.personId, day });
    }
    for (const [fromStage, since] of timedTransitions(move)) {
      const days = daysBetween(brusselsDate(since), day);
      for (const scope of all) durations.add({ scope, from_stage: fromStage, to_stage: move.toStage, days }, { count: sign });
      for (const scope of coarse) durationDaily.add({ scope, from_stage: fromStage, to_stage: move.toStage, day, days }, { count: sign });
    }
    if (move.fromStage && (move.toStage === "REJECTED" || move.toStage === "WITHDRAWN")) {
      const exit = move.reason ?? "WITHDRAWN";
      for (const scope of all) exits.add({ scope, from_stage: move.fromStage, exit }, { count: sign });
      for (const scope of coarse) exitDaily.add({ scope, from_stage: move.fromStage, exit, day }, { count: sign });
    }
  }

  // Rows no other batch touches first (this batch's persons); the counters every batch shares at commit (atCommit:
  // after the rest of the transaction, and on PostgreSQL in one round trip with the COMMIT), so their locks are held
  // only while the server runs those statements and commits, never while this process gets round to the next one.
  const candidateDays = await recordFirstApplications(tx, firstApplications, newPersons);

  // The counters of stages being left are decremented, so they are updated, never inserted: locked in key order by the
  // inner select (as bumpApplicationsOf does), then updated, in one statement.
  const totalRows = totals.rows((a, b) => a.vacancy_id - b.vacancy_id || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
  const totalsJson = JSON.stringify(totalRows);
  // The vacancies as an array too: the planner takes jsonb_to_recordset for 100 rows and hashes the whole counter table
  // (a sequential scan, 4 ms at 18,000 rows); an array it can count leads it to the primary key (0.8 ms).
  const vacancyArray = `{${[...new Set(totalRows.map((r) => r.vacancy_id))].join(",")}}`;
  await atCommit(
    tx,
    sql`
    update vacancy_stage_counts c set reached = c.reached + d.reached, current = c.current + d.current
    from (select l.vacancy_id, l.stage from vacancy_stage_counts l
          where l.vacancy_id = any(${vacancyArray}::int[])
            and (l.vacancy_id, l.stage) in (select d.vacancy_id, d.stage from jsonb_to_recordset(${totalsJson}::jsonb) as d(vacancy_id int, stage application_stage))
          order by l.vacancy_id, l.stage
          for update) locked,
         jsonb_to_recordset(${totalsJson}::jsonb) as d(vacancy_id int, stage application_stage, reached int, current int)
    where c.vacancy_id = locked.vacancy_id and c.stage = locked.stage and d.vacancy_id = locked.vacancy_id and d.stage = locked.stage`,
  );
  if (sign < 0) {
    // Taking moves back: every row exists (the moves put it there), and an insert of negative amounts would break the
    // tables' non-negative checks even when it ends in an update, so these are updates.
    const subtract = (table: string, keys: [string, string][], amounts: string[], json: string) =>
      atCommit(
        tx,
        sql.raw(`update ${table} t set ${amounts.map((a) => `${a} = t.${a} + d.${a}`).join(", ")}
                 from jsonb_to_recordset('${json.replace(/'/g, "''")}'::jsonb) as d(${[...keys.map(([k, type]) => `${k} ${type}`), ...amounts.map((a) => `${a} int`)].join(", ")})
                 where ${keys.map(([k]) => `t.${k} = d.${k}`).join(" and ")}`),
      );
    const scope: [string, string] = ["scope", "text"];
    await subtract(
      "vacancy_stage_daily",
      [
        ["vacancy_id", "int"],
        ["stage", "application_stage"],
        ["day", "date"],
      ],
      ["entered", "exited"],
      vacancyDaily.json(),
    );
    await subtract("rollup_stage_daily", [scope, ["stage", "application_stage"], ["day", "date"]], ["entered", "exited"], coarseDaily.json());
    await subtract("rollup_stage_weekly", [scope, ["stage", "application_stage"], ["week", "date"]], ["entered"], coarseWeekly.json());
    const transition: [string, string][] = [scope, ["from_stage", "application_stage"], ["to_stage", "application_stage"]];
    await subtract("stage_durations", [...transition, ["days", "int"]], ["count"], durations.json());
    await subtract("rollup_duration_daily", [...transition, ["day", "date"], ["days", "int"]], ["count"], durationDaily.json());
    await subtract("stage_exits", [scope, ["from_stage", "application_stage"], ["exit", "text"]], ["count"], exits.json());
    await subtract("rollup_exit_daily", [scope, ["from_stage", "application_stage"], ["exit", "text"], ["day", "date"]], ["count"], exitDaily.json());
    await recordWeeklyRevisions(tx, weeklyEntries(moves, scopes));
    return;
  }
  await atCommit(
    tx,
    sql`
    insert into vacancy_stage_daily (vacancy_id, stage, day, entered, exited)
    select d.vacancy_id, d.stage, d.day, d.entered, d.exited
    from jsonb_to_recordset(${vacancyDaily.json()}::jsonb) as d(vacancy_id int, stage application_stage, day date, entered int, exited int)
    on conflict (vacancy_id, stage, day) do update
      set entered = vacancy_stage_daily.entered + excluded.entered, exited = vacancy_stage_daily.exited + excluded.exited`,
  );
  // The daily rollup, the weekly one and the new candidates per day beside them, in one statement: these rows are shared
  // by every batch of the campaign, so each round trip while their locks are held costs every other writer too. (Moves
  // count no new candidates, and submissions no durations or exits: no transaction takes these in another order.)
  await atCommit(
    tx,
    sql`
    with daily as (
      insert into rollup_stage_daily (scope, stage, day, entered, exited)
      select d.scope, d.stage, d.day, d.entered, d.exited
      from jsonb_to_recordset(${coarseDaily.json()}::jsonb) as d(scope text, stage application_stage, day date, entered int, exited int)
      on conflict (scope, stage, day) do update
        set entered = rollup_stage_daily.entered + excluded.entered, exited = rollup_stage_daily.exited + excluded.exited),
    weekly as (
      insert into rollup_stage_weekly (scope, stage, week, entered)
      select w.scope, w.stage, w.week, w.entered
      from jsonb_to_recordset(${coarseWeekly.json()}::jsonb) as w(scope text, stage application_stage, week date, entered int)
      on conflict (scope, stage, week) do update set entered = rollup_stage_weekly.entered + excluded.entered)
    insert into rollup_candidate_daily (scope, day, new_candidates)
    select g.scope, g.day, g.n from jsonb_to_recordset(${candidateDays.gains.json()}::jsonb) as g(scope text, day date, n int)
    on conflict (scope, day) do update set new_candidates = rollup_candidate_daily.new_candidates + excluded.new_candidates`,
  );
  if (durations.size) {
    await atCommit(
      tx,
      sql`
      insert into stage_durations (scope, from_stage, to_stage, days, count)
      select d.scope, d.from_stage, d.to_stage, d.days, d.count
      from jsonb_to_recordset(${durations.json()}::jsonb) as d(scope text, from_stage application_stage, to_stage application_stage, days int, count int)
      on conflict (scope, from_stage, to_stage, days) do update set count = stage_durations.count + excluded.count`,
    );
    await atCommit(
      tx,
      sql`
      insert into rollup_duration_daily (scope, from_stage, to_stage, day, days, count)
      select d.scope, d.from_stage, d.to_stage, d.day, d.days, d.count
      from jsonb_to_recordset(${durationDaily.json()}::jsonb) as d(scope text, from_stage application_stage, to_stage application_stage, day date, days int, count int)
      on conflict (scope, from_stage, to_stage, day, days) do update set count = rollup_duration_daily.count + excluded.count`,
    );
  }
  if (exits.size) {
    await atCommit(
      tx,
      sql`
      insert into stage_exits (scope, from_stage, exit, count)
      select d.scope, d.from_stage, d.exit, d.count
      from jsonb_to_recordset(${exits.json()}::jsonb) as d(scope text, from_stage application_stage, exit text, count int)
      on conflict (scope, from_stage, exit) do update set count = stage_exits.count + excluded.count`,
    );
    await atCommit(
      tx,
      sql`
      insert into rollup_exit_daily (scope, from_stage, exit, day, count)
      select d.scope, d.from_stage, d.exit, d.day, d.count
      from jsonb_to_recordset(${exitDaily.json()}::jsonb) as d(scope text, from_stage application_stage, exit text, day date, count int)
      on conflict (scope, from_stage, exit, day) do update set count = rollup_exit_daily.count + excluded.count`,
    );
  }
  await countCandidateLosses(tx, candidateDays.losses);
  await recordWeeklyRevisions(tx, weeklyEntries(moves, scopes));
}

/** The frozen weekly reports a set of moves revises: those of the weeks their weekly stages fall in. */
function weeklyEntries(moves: readonly StageMove[], scopes: Map<number, string[]>) {
  return moves
    .filter((m) => WEEKLY_STAGES.includes(m.toStage))
    .map((m) => ({ campaignId: Number(scopes.get(m.vacancyId)![0].slice(2)), day: brusselsDate(m.occurredAt), stage: m.toStage }));
}

/** Transitions whose duration is measured: a pipeline stage to the next, and application to hire. */
function timedTransitions(move: StageMove): [StageValue, Date][] {
  const timed: [StageValue, Date][] = [];
  const from = move.fromStage;
  if (from && move.enteredFromAt && nextStage(from) === move.toStage) {
    timed.push([from, move.enteredFromAt]);
  }
  if (move.toStage === "HIRED") timed.push(["APPLIED", move.appliedAt]);
  return timed;
}

type DayTally = Tally<{ scope: string; day: string }>;

/**
 * Distinct candidates per coarse scope: a person counts once, on the day of their first application there. A late sync
 * can bring an earlier first day, which moves the person's count from the old day to the new one. Returns the per-day
 * gains and losses for countCandidateDays. Callers hold the person's row lock (every submission upserts its person), so
 * concurrent batches for one person, from any agency, take turns here.
 */
async function recordFirstApplications(
  tx: Executor,
  firsts: { scope: string; person_id: number; day: string }[],
  newPersons: ReadonlySet<number>,
): Promise<{ gains: DayTally; losses: DayTally }> {
  const gains: DayTally = new Tally(["n"]);
  const losses: DayTally = new Tally(["n"]);
  if (firsts.length === 0) return { gains, losses };
  const earliest = new Map<string, { scope: string; person_id: number; day: string }>();
  for (const f of firsts) {
    const key = `${f.scope}|${f.person_id}`;
    const known = earliest.get(key);
    if (!known || f.day < known.day) earliest.set(key, f);
  }
  const wanted = [...earliest.values()].sort((a, b) => a.scope.localeCompare(b.scope) || a.person_id - b.person_id);
  // Persons this transaction created have no rows yet: only the others are looked up (and locked).
  const existing = wanted.filter((w) => !newPersons.has(w.person_id));
  const current = existing.length
    ? await selectRows<{ scope: string; person_id: number; first_day: string }>(
        tx,
        sql`select s.scope, s.person_id, s.first_day::text as first_day from scope_candidates s
            join jsonb_to_recordset(${JSON.stringify(existing)}::jsonb) as w(scope text, person_id int) on w.scope = s.scope and w.person_id = s.person_id
            order by s.scope, s.person_id
            for update of s`,
      )
    : [];
  const known = new Map(current.map((c) => [`${c.scope}|${c.person_id}`, c.first_day]));
  const changes = wanted.filter((w) => {
    const day = known.get(`${w.scope}|${w.person_id}`);
    return day === undefined || w.day < day;
  });
  if (changes.length === 0) return { gains, losses };
  await tx.execute(sql`
    insert into scope_candidates (scope, person_id, first_day)
    select w.scope, w.person_id, w.day from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as w(scope text, person_id int, day date)
    on conflict (scope, person_id) do update set first_day = least(scope_candidates.first_day, excluded.first_day)`);
  for (const c of changes) {
    gains.add({ scope: c.scope, day: c.day }, { n: 1 });
    const previous = known.get(`${c.scope}|${c.person_id}`);
    if (previous) losses.add({ scope: c.scope, day: previous }, { n: 1 });
  }
  return { gains, losses };
}

/** A late sync's earlier first day takes its person off the day counted before (the gains go with the rollups). */
async function countCandidateLosses(tx: Executor, losses: DayTally): Promise<void> {
  if (losses.size) {
    await atCommit(
      tx,
      sql`
      update rollup_candidate_daily r set new_candidates = r.new_candidates - l.n
      from jsonb_to_recordset(${losses.json()}::jsonb) as l(scope text, day date, n int)
      where r.scope = l.scope and r.day = l.day`,
    );
  }
}

/** The coarse scopes each vacancy counts in: its campaign, agency (in the campaign), wave and job profile (in the campaign). */
async function coarseScopesOf(tx: Executor, vacancyIds: number[]): Promise<Map<number, string[]>> {
  const rows = await tx
    .select({
      id: vacancies.id,
      campaignId: vacancies.campaignId,
      agencyCode: vacancies.agencyCode,
      waveId: vacancies.waveId,
      jobProfileId: vacancies.jobProfileId,
    })
    .from(vacancies)
    .where(inArray(vacancies.id, vacancyIds));
  return new Map(rows.map((v) => [v.id, vacancyCoarseScopes(v)]));
}

/** The events alone, without counters: for bulk loads that rebuild the counters afterwards (counter-rebuild.ts). */
export async function insertEvents(tx: Executor, moves: readonly Omit<StageMove, "vacancyId" | "personId" | "enteredFromAt" | "appliedAt">[]): Promise<void> {
  // One parameter however many moves: large batches (the demo generator's) stay within the protocol's parameter limit.
  const events = moves.map((m) => ({
    application_id: m.applicationId,
    from_stage: m.fromStage,
    to_stage: m.toStage,
    reason: m.reason,
    occurred_at: m.occurredAt.toISOString(),
    actor_client_id: m.actor.clientId,
    actor_label: m.actor.label,
  }));
  await tx.execute(sql`
    insert into stage_events (application_id, from_stage, to_stage, reason, occurred_at, actor_client_id, actor_label)
    select e.application_id, e.from_stage, e.to_stage, e.reason, e.occurred_at, e.actor_client_id, e.actor_label
    from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
      as e(application_id int, from_stage application_stage, to_stage application_stage, reason rejection_reason, occurred_at timestamptz, actor_client_id int, actor_label text)`);
}

/** Sums of counts by key, emitted as rows in a stable order (the lock order of the upserts). */
class Tally<K extends Record<string, string | number>> {
  private readonly entries = new Map<string, K & Record<string, number>>();

  constructor(private readonly fields: string[]) {}

  add(key: K, amounts: Record<string, number>): void {
    const id = Object.values(key).join("|");
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { ...key, ...Object.fromEntries(this.fields.map((f) => [f, 0])) };
      this.entries.set(id, entry);
    }
    for (const field in amounts) (entry as Record<string, number>)[field] += amounts[field];
  }

  get size(): number {
    return this.entries.size;
  }

  /** By the given order, or by key. */
  rows(compare?: (a: K, b: K) => number): (K & Record<string, number>)[] {
    if (compare) return [...this.entries.values()].sort(compare);
    return [...this.entries.keys()].sort().map((id) => this.entries.get(id)!);
  }

  json(): string {
    return JSON.stringify(this.rows());
  }
}
