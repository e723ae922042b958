import type { DatabaseKind } from "./databases";
import type { LoadFigures } from "./load";

/** What run.ts hands every benchmark: the command line, resolved. */
export interface BenchOptions {
  /** Tiny data and 2-3 s measurements: proves the benchmark works (CI), not how fast anything is. */
  smoke: boolean;
  durationS: number;
  warmupS: number;
  connections: number;
  databases: DatabaseKind[];
  postgresUrl: string;
  /** The service's PostgreSQL pool size. */
  poolMax: number;
  log(line: string): void;
}

/** One measured target on one database. */
export interface Measurement extends LoadFigures {
  database: DatabaseKind;
  /** Short name of what was measured, e.g. "graphql", "sql". */
  target: string;
  description: string;
  /** The target this one is compared with (the floor), if any. */
  baseline?: string;
}

export interface BenchResult {
  measurements: Measurement[];
  /** What the data looked like, per database. */
  dataset: Record<string, unknown>;
  /** Findings worth reading beside the figures (plans, statement counts). */
  notes: string[];
}

/** A named benchmark; run.ts keeps a list of them and runs those asked for. */
export interface Benchmark {
  name: string;
  description: string;
  /** Recorded seconds per measurement in a full run without --duration (default: run.ts's 20 s). */
  defaultDurationS?: number;
  /** Requests in flight in a full run without --connections (default: run.ts's 16). */
  defaultConnections?: number;
  run(options: BenchOptions): Promise<BenchResult>;
}
