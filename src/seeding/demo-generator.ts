import { and, eq, ne, sql } from "drizzle-orm";
import { rebuildCounters } from "../applications/counter-rebuild";
import { insertEvents, recordStageMoves, type StageMove } from "../applications/stage-moves";
import { PIPELINE_STAGES } from "../applications/stages";
import { PersonKeys } from "../candidates/person-keys";
import { brusselsDate } from "../common/brussels-time";
import { zonedInstant } from "../common/zoned-instant";
import { selectRows, type Database } from "../db/client";
import { campaigns, vacancies, type RejectionReasonValue, type StageValue } from "../db/tables";

export interface DemoOptions {
  applications: number;
  /** Same seed, same count and same `until`: same data. */
  seed?: number;
  /** Last day (Brussels) any generated event may fall on; default today. */
  until?: string;
  campaignSlug?: string;
  /** Applications written per transaction. */
  chunkSize?: number;
  /**
   * Write only the events and recount every counter from the event log at the end (counter-rebuild.ts): several times
   * faster for large loads. By default each chunk updates the counters as the API's moves do.
   */
  bulk?: boolean;
  /** The keyed hashes of the addresses (default: the install's own secret, as the service uses it). */
  personKeys?: PersonKeys;
  onProgress?: (written: number) => void;
}

export interface DemoSummary {
  requested: number;
  created: number;
  candidates: number;
  events: number;
  byStage: Record<string, number>;
}

const DAY = 86_400_000;
type PlannedMove = Omit<StageMove, "applicationId" | "vacancyId" | "personId" | "enteredFromAt" | "appliedAt">;
const ACTOR = { clientId: null, label: "demo generator" };

/**
 * How applications end up, roughly as in a recruitment campaign well under way: most are still early in the pipeline or
 * rejected on paper; a few percent reach the laureate lists and are hired. Weights, summing to 1.
 */
const OUTCOMES: [StageValue | `REJECTED@${StageValue}` | `WITHDRAWN@${StageValue}`, number][] = [
  ["APPLIED", 0.16],
  ["SCREENED", 0.08],
  ["INVITED", 0.04],
  ["TESTED", 0.03],
  ["LAUREATE", 0.04],
  ["OFFERED", 0.015],
  ["HIRED", 0.045],
  ["REJECTED@APPLIED", 0.2],
  ["REJECTED@SCREENED", 0.03],
  ["REJECTED@INVITED", 0.05],
  ["REJECTED@TESTED", 0.17],
  ["REJECTED@LAUREATE", 0.02],
  ["WITHDRAWN@APPLIED", 0.04],
  ["WITHDRAWN@SCREENED", 0.03],
  ["WITHDRAWN@INVITED", 0.02],
  ["WITHDRAWN@LAUREATE", 0.01],
];
const REJECTION_AT: Partial<Record<StageValue, RejectionReasonValue>> = {
  APPLIED: "INELIGIBLE",
  SCREENED: "INELIGIBLE",
  INVITED: "NO_SHOW",
  TESTED: "FAILED_TEST",
  LAUREATE: "FAILED_INTERVIEW",
  OFFERED: "OTHER",
};

/**
 * Adds candidates and applications to a campaign, spread over the stages with legal histories, their events and the
 * counters, through the same counter code as the API (or, with `bulk`, a recount of them at the end). Deterministic (a seeded generator), idempotent (external ids and
 * e-mail addresses derive from the seed, so a rerun adds nothing), and written in large set-based chunks, so a million
 * applications load in minutes rather than hours.
 */
export async function generateDemoData(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const db = database.db;
  const seed = options.seed ?? 2021;
  // Each application draws from its own stream, so what one application becomes never shifts another's draws.
  const streamOf = (i: number) => mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
  const until = options.until ?? brusselsDate(new Date());
  const horizon = Math.min(zonedInstant(until, "23:59").getTime(), Date.now());
  const chunkSize = options.chunkSize ?? 5000;

  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.slug, options.campaignSlug ?? "asiel-migratie-2021"));
  if (!campaign) throw new Error(`no campaign "${options.campaignSlug ?? "asiel-migratie-2021"}": start the service once to seed it`);
  const openings = (
    await db
      .select()
      .from(vacancies)
      .where(and(eq(vacancies.campaignId, campaign.id), ne(vacancies.status, "DRAFT"), ne(vacancies.status, "CANCELLED")))
      .orderBy(vacancies.id)
  )
    .map((v) => ({
      ...v,
      from: Math.max(v.publishedAt!.getTime(), Date.parse(`${campaign.startsOn}T08:00:00Z`)),
      to: Math.min(v.applicationDeadline?.getTime() ?? horizon, horizon),
    }))
    .filter((v) => v.to > v.from);
  if (openings.length === 0) throw new Error("the campaign has no published vacancy to apply to");

  // Applications arrive in order over the campaign (so each chunk covers a stretch of time and the day counters it
  // touches stay few), each to a vacancy open at that moment, in proportion to the vacancies' headcount targets.
  const first = Math.min(...openings.map((v) => v.from));
  const pickVacancy = (draw: () => number, at: number) => {
    const open = openings.filter((v) => v.from <= at && at <= v.to);
    const pool = open.length ? open : openings;
    let target = draw() * pool.reduce((sum, v) => sum + v.headcountTarget, 0);
    for (const v of pool) {
      target -= v.headcountTarget;
      if (target < 0) return v;
    }
    return pool[pool.length - 1];
  };
  const existingHires = await selectRows<{ vacancy_id: number; reached: number }>(
    db,
    sql`select vacancy_id, reached from vacancy_stage_counts where stage = 'HIRED' and vacancy_id in (select id from vacancies where campaign_id = ${campaign.id})`,
  );
  const hires = new Map(existingHires.map((r) => [r.vacancy_id, r.reached]));

  // About one person in five applies more than once (to other vacancies, often of other agencies).
  const people = Math.max(1, Math.round(options.applications / 1.25));
  const personApplied = new Set<number>();
  let nextExtraPerson = people;
  const personKeys = options.personKeys ?? new PersonKeys(db, null);
  // Outside the chunks' transactions: on PGlite a second transaction would wait for the open one.
  await personKeys.ready();
  // Each demo person once (persons), and once per agency they apply through (candidates: each agency's own record).
  const personIds = new Map<number, number>();
  const candidateIds = new Map<string, number>();
  const candidateOf = (p: { person: number; vacancy: { agencyCode: string } }) => `${p.vacancy.agencyCode}:${p.person}`;
  const summary: DemoSummary = { requested: options.applications, created: 0, candidates: 0, events: 0, byStage: {} };

  for (let start = 0; start < options.applications; start += chunkSize) {
    const planned: { externalId: string; person: number; vacancy: (typeof openings)[number]; moves: PlannedMove[] }[] = [];
    for (let i = start; i < Math.min(options.applications, start + chunkSize); i++) {
      const draw = streamOf(i);
      const arrival = first + ((i + draw()) / options.applications) * (horizon - first);
      const vacancy = pickVacancy(draw, arrival);
      const vacancyIndex = openings.indexOf(vacancy);
      let person = i < people ? i : Math.floor(draw() * people);
      if (personApplied.has(person * 100_003 + vacancyIndex)) person = nextExtraPerson++;
      personApplied.add(person * 100_003 + vacancyIndex);
      planned.push({
        externalId: `demo-${seed}-${i}`,
        person,
        vacancy,
        moves: planPath(draw, vacancy, Math.min(Math.max(arrival, vacancy.from), vacancy.to), hires, horizon),
      });
    }

    await db.transaction(async (tx) => {
      const newPeople = [...new Set(planned.map((p) => p.person))].filter((p) => !personIds.has(p)).sort((a, b) => a - b);
      if (newPeople.length) {
        const keys = await personKeys.keysOf(newPeople.map((p) => emailOf(seed, p)));
        const rows = await selectRows<{ id: number; key: string; inserted: boolean }>(
          tx,
          sql`insert into persons (key) select k from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as k
              on conflict (key) do update set key = excluded.key
              returning id, key, (xmax = 0) as inserted`,
        );
        const byKey = new Map(rows.map((r) => [r.key, r.id]));
        newPeople.forEach((p, i) => personIds.set(p, byKey.get(keys[i])!));
        summary.candidates += rows.filter((r) => r.inserted).length;
      }
      const newCandidates = [...new Map(planned.filter((p) => !candidateIds.has(candidateOf(p))).map((p) => [candidateOf(p), p])).values()];
      if (newCandidates.length) {
        const keys = await personKeys.keysOf(newCandidates.map((p) => emailOf(seed, p.person)));
        const rows = await selectRows<{ id: number; agency_code: string; person_id: number }>(
          tx,
          sql`insert into candidates (agency_code, person_id, email_key, email, first_name, last_name, birth_date)
              select p.agency_code, p.person_id, p.email_key, p.email, p.first_name, p.last_name, p.birth_date
              from jsonb_to_recordset(${JSON.stringify(
                newCandidates.map((p, i) => ({
                  agency_code: p.vacancy.agencyCode,
                  person_id: personIds.get(p.person)!,
                  email_key: keys[i],
                  ...person(seed, p.person, mulberry32(seed * 31 + p.person)),
                })),
              )}::jsonb)
                as p(agency_code agency_code, person_id int, email_key text, email text, first_name text, last_name text, birth_date date)
              order by p.agency_code, p.person_id
              on conflict (agency_code, email_key) do update set updated_at = candidates.updated_at
              returning id, agency_code, person_id`,
        );
        const byPerson = new Map(rows.map((r) => [`${r.agency_code}:${r.person_id}`, r.id]));
        for (const p of newCandidates) candidateIds.set(candidateOf(p), byPerson.get(`${p.vacancy.agencyCode}:${personIds.get(p.person)}`)!);
      }

      const rows = planned.map((p) => {
        const last = p.moves[p.moves.length - 1];
        return {
          external_id: p.externalId,
          vacancy_id: p.vacancy.id,
          agency_code: p.vacancy.agencyCode,
          candidate_id: candidateIds.get(candidateOf(p))!,
          stage: last.toStage,
          rejection_reason: last.reason,
          version: p.moves.length,
          submitted_at: p.moves[0].occurredAt.toISOString(),
          stage_entered_at: last.occurredAt.toISOString(),
        };
      });
      const inserted = await selectRows<{ id: number; external_id: string }>(
        tx,
        sql`insert into applications (external_id, vacancy_id, agency_code, candidate_id, stage, rejection_reason, version, submitted_at, stage_entered_at, updated_at)
            select a.external_id, a.vacancy_id, a.agency_code, a.candidate_id, a.stage, a.rejection_reason, a.version, a.submitted_at, a.stage_entered_at, a.stage_entered_at
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
              as a(external_id text, vacancy_id int, agency_code agency_code, candidate_id int, stage application_stage, rejection_reason rejection_reason,
                   version int, submitted_at timestamptz, stage_entered_at timestamptz)
            on conflict do nothing
            returning id, external_id`,
      );
      const idOf = new Map(inserted.map((r) => [r.external_id, r.id]));
      const moves: StageMove[] = [];
      for (const p of planned) {
        const applicationId = idOf.get(p.externalId);
        if (applicationId == null) continue;
        const appliedAt = p.moves[0].occurredAt;
        p.moves.forEach((m, i) =>
          moves.push({
            ...m,
            applicationId,
            vacancyId: p.vacancy.id,
            personId: personIds.get(p.person)!,
            enteredFromAt: i ? p.moves[i - 1].occurredAt : null,
            appliedAt,
          }),
        );
        const final = p.moves[p.moves.length - 1].toStage;
        summary.byStage[final] = (summary.byStage[final] ?? 0) + 1;
      }
      if (options.bulk) await insertEvents(tx, moves);
      else await recordStageMoves(tx, moves);
      summary.created += inserted.length;
      summary.events += moves.length;
    });
    options.onProgress?.(Math.min(options.applications, start + chunkSize));
  }
  // The recount's statements run for minutes at a million applications: on a connection of its own, without the
  // service's per-statement timeouts.
  if (options.bulk) await database.withExclusiveLock((own) => own.transaction((tx) => rebuildCounters(tx)));
  return summary;
}

/** A legal history for one application, each move a few days after the last, none after the horizon. */
function planPath(random: () => number, vacancy: { id: number; headcountTarget: number }, submittedAt: number, hires: Map<number, number>, horizon: number) {
  const [outcome] = pick(random, OUTCOMES);
  const [finalStage, exitAt] = outcome.includes("@") ? (outcome.split("@") as [StageValue, StageValue]) : [outcome as StageValue, null];
  let target = exitAt ?? finalStage;
  if (target === "HIRED") {
    // Hire no more than the vacancy's target: the rest stay on the laureate (reserve) list.
    const hired = hires.get(vacancy.id) ?? 0;
    if (hired >= vacancy.headcountTarget) target = "LAUREATE";
    else hires.set(vacancy.id, hired + 1);
  }
  let at = submittedAt;
  const moves: PlannedMove[] = [{ fromStage: null, toStage: "APPLIED", reason: null, occurredAt: new Date(at), actor: ACTOR }];
  const pipeline: readonly StageValue[] = PIPELINE_STAGES;
  for (const stage of pipeline.slice(1, pipeline.indexOf(target) + 1)) {
    const next = at + (1 + random() * 13) * DAY;
    if (next > horizon) return moves;
    at = next;
    moves.push({ fromStage: moves[moves.length - 1].toStage, toStage: stage, reason: null, occurredAt: new Date(at), actor: ACTOR });
  }
  if (exitAt && finalStage !== exitAt) {
    const next = at + (1 + random() * 10) * DAY;
    if (next <= horizon) {
      const toStage = finalStage;
      moves.push({
        fromStage: moves[moves.length - 1].toStage,
        toStage,
        reason: toStage === "REJECTED" ? REJECTION_AT[exitAt]! : null,
        occurredAt: new Date(next),
        actor: ACTOR,
      });
    }
  }
  return moves;
}

function pick<T>(random: () => number, weighted: [T, number][]): [T, number] {
  let r = random();
  for (const entry of weighted) {
    r -= entry[1];
    if (r < 0) return entry;
  }
  return weighted[weighted.length - 1];
}

const FIRST_NAMES = [
  "Amina",
  "Bram",
  "Chloé",
  "Dries",
  "Elif",
  "Femke",
  "Gilles",
  "Hanne",
  "Ilias",
  "Jana",
  "Karim",
  "Lotte",
  "Mehdi",
  "Nora",
  "Olivier",
  "Priya",
  "Quentin",
  "Rania",
  "Sander",
  "Thaïs",
];
const LAST_NAMES = [
  "Peeters",
  "Janssens",
  "Maes",
  "Dubois",
  "Lambert",
  "El Amrani",
  "Claes",
  "Wouters",
  "Lemaire",
  "Yilmaz",
  "Mertens",
  "Dupont",
  "Willems",
  "Diallo",
  "Goossens",
  "Martin",
];

function emailOf(seed: number, person: number): string {
  return `demo.${seed}.${person}@example.invalid`;
}

function person(seed: number, index: number, random: () => number) {
  const year = 1960 + Math.floor(random() * 44);
  return {
    email: emailOf(seed, index),
    first_name: FIRST_NAMES[index % FIRST_NAMES.length],
    last_name: LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length],
    birth_date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
  };
}

/** A small, fast, seedable generator (Mulberry32): the same seed gives the same sequence on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
