import type { LoadScript, RequestSpec, Verdict } from "./lib/scripted-load";

/**
 * The HR systems' side of the ingestion benchmark, run in the load generator's worker thread (runScriptedLoad). Connection
 * c belongs to agency c mod 4 and sends that agency's batches in turn; batch k of an agency is always the same 500
 * applications (so the resend phase can send exactly what the first phase sent): distinct external ids and distinct
 * people (e-mail addresses), spread round-robin over the agency's open vacancies.
 */

export interface IngestionAgency {
  code: string;
  key: string;
  vacancyIds: string[];
  /** Resend phase: how many batches the first phase sent for this agency (0..sent-1 are resent in turn). */
  sent?: number;
}

export interface IngestionParams {
  mode: "new" | "resend";
  batchSize: number;
  /** Distinguishes this database's run in external ids and e-mail addresses. */
  tag: string;
  agencies: IngestionAgency[];
  query: string;
}

interface BatchMeta {
  agency: string;
  batch: number;
}

const FIRST_NAMES = [
  "Sara",
  "Mohamed",
  "Lotte",
  "Youssef",
  "Emma",
  "Noah",
  "Fatima",
  "Lucas",
  "Ines",
  "Arthur",
  "Amina",
  "Louis",
  "Nora",
  "Adam",
  "Elise",
  "Milan",
];
const LAST_NAMES = [
  "Janssens",
  "Peeters",
  "Maes",
  "Jacobs",
  "El Amrani",
  "Dubois",
  "Lambert",
  "Claes",
  "Goossens",
  "Wouters",
  "Benali",
  "Dupont",
  "Mertens",
  "Willems",
];

/** Batch k of one agency, as the JSON body of the push mutation. */
export function batchBody(params: IngestionParams, agency: IngestionAgency, batch: number): string {
  const code = agency.code.toLowerCase();
  const applications = Array.from({ length: params.batchSize }, (_, i) => {
    const n = batch * params.batchSize + i;
    return {
      externalId: `${agency.code}-${params.tag}-${batch}-${i}`,
      vacancyId: agency.vacancyIds[n % agency.vacancyIds.length],
      candidate: {
        firstName: FIRST_NAMES[n % FIRST_NAMES.length],
        lastName: LAST_NAMES[(n * 7) % LAST_NAMES.length],
        email: `${code}.${params.tag}.${batch}.${i}@kandidaat.example.be`,
        phone: `+32 470 ${String(100000 + (n % 900000)).slice(0, 2)} ${String(n % 100).padStart(2, "0")} ${String((n * 13) % 100).padStart(2, "0")}`,
        birthDate: `${1960 + (n % 40)}-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`,
      },
    };
  });
  return JSON.stringify({ query: params.query, variables: { input: { applications } } });
}

export function createScript(raw: unknown, connections: number): LoadScript & { summary(): unknown } {
  const params = raw as IngestionParams;
  const next = new Map(params.agencies.map((a) => [a.code, 0]));
  const sent = new Map(params.agencies.map((a) => [a.code, 0]));
  if (connections < params.agencies.length)
    throw new Error(`ingestion needs at least one connection per agency (${params.agencies.length}), got ${connections}`);
  return {
    next(connection: number): RequestSpec | null {
      const agency = params.agencies[connection % params.agencies.length];
      const k = next.get(agency.code)!;
      next.set(agency.code, k + 1);
      let batch = k;
      if (params.mode === "resend") {
        if (!agency.sent) return null;
        batch = k % agency.sent;
      }
      sent.set(agency.code, Math.max(sent.get(agency.code)!, batch + 1));
      const meta: BatchMeta = { agency: agency.code, batch };
      return {
        kind: params.mode === "new" ? "new batches" : "resent batches",
        body: batchBody(params, agency, batch),
        headers: { authorization: `Bearer ${agency.key}` },
        meta,
      };
    },
    read(_spec: RequestSpec, data: unknown): Verdict {
      const payload = (
        data as {
          submitApplications: {
            createdCount: number;
            existingCount: number;
            refusedCount: number;
            results: { created: boolean; userErrors: { code: string }[] }[];
          };
        }
      ).submitApplications;
      if (payload.results.length !== params.batchSize) throw new Error(`${payload.results.length} results for ${params.batchSize} applications`);
      const codes = payload.results.flatMap((r) => r.userErrors.map((e) => e.code));
      return {
        userErrorCodes: codes,
        tally: { applications: params.batchSize, created: payload.createdCount, existing: payload.existingCount, refused: payload.refusedCount },
      };
    },
    /** Batches sent per agency (0..n-1), for the resend phase. */
    summary: () => Object.fromEntries(sent),
  };
}
