import type { LoadScript, RequestSpec, Verdict } from "./lib/scripted-load";

/**
 * The HR systems' side of the bulk-move benchmark, run in the load generator's worker thread (runScriptedLoad).
 * Connection c belongs to agency c mod 4 and takes that agency's next batch of 500 applications: first each batch
 * moves APPLIED to SCREENED; once that batch has been answered, the same 500 move on to REJECTED (INELIGIBLE). Every
 * move is a real one (no resends), so the figure is moves made per second.
 */

export interface BulkMoveAgency {
  code: string;
  key: string;
  applicationIds: string[];
}

export interface BulkMoveParams {
  batchSize: number;
  agencies: BulkMoveAgency[];
  query: string;
}

interface BatchMeta {
  moves: number;
}

const STEPS = [
  { toStage: "SCREENED", reason: null },
  { toStage: "REJECTED", reason: "INELIGIBLE" },
] as const;

export function createScript(raw: unknown, connections: number): LoadScript & { summary(): unknown } {
  const params = raw as BulkMoveParams;
  if (connections < params.agencies.length)
    throw new Error(`bulk moves need at least one connection per agency (${params.agencies.length}), got ${connections}`);
  // Per agency: batches whose first step is answered (ready for the second), and the next batch not yet started.
  const queues = params.agencies.map((agency) => ({ agency, nextBatch: 0, screened: [] as number[] }));
  const batches = (a: BulkMoveAgency) => Math.floor(a.applicationIds.length / params.batchSize);
  return {
    next(connection: number): RequestSpec | null {
      const queue = queues[connection % queues.length];
      let batch: number;
      let step: (typeof STEPS)[number];
      if (queue.screened.length) {
        batch = queue.screened.shift()!;
        step = STEPS[1];
      } else if (queue.nextBatch < batches(queue.agency)) {
        batch = queue.nextBatch++;
        step = STEPS[0];
      } else return null;
      const ids = queue.agency.applicationIds.slice(batch * params.batchSize, (batch + 1) * params.batchSize);
      const moves = ids.map((applicationId) => ({ applicationId, toStage: step.toStage, reason: step.reason }));
      return {
        kind: "batches of moves",
        body: JSON.stringify({ query: params.query, variables: { input: { moves } } }),
        headers: { authorization: `Bearer ${queue.agency.key}` },
        meta: { moves: moves.length, agency: connection % queues.length, batch, step: step.toStage } satisfies BatchMeta & Record<string, unknown>,
      };
    },
    read(spec: RequestSpec, data: unknown): Verdict {
      const meta = spec.meta as BatchMeta & { agency: number; batch: number; step: string };
      const payload = (
        data as { moveApplications: { movedCount: number; unchangedCount: number; refusedCount: number; results: { userErrors: { code: string }[] }[] } }
      ).moveApplications;
      if (payload.results.length !== meta.moves) throw new Error(`${payload.results.length} results for ${meta.moves} moves`);
      if (meta.step === "SCREENED") queues[meta.agency].screened.push(meta.batch);
      return {
        userErrorCodes: payload.results.flatMap((r) => r.userErrors.map((e) => e.code)),
        tally: { moves: meta.moves, moved: payload.movedCount, unchanged: payload.unchangedCount, refused: payload.refusedCount },
      };
    },
    summary: () => queues.map((q) => ({ agency: q.agency.code, batchesStarted: q.nextBatch, waiting: q.screened.length })),
  };
}
