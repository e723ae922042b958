import type { DatabaseConfig } from "./db/client";

/** Everything the service reads from its environment, with the defaults a fresh machine needs. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Bootstrap administrator key, so a fresh install can create its first API clients. Never stored. */
  adminApiKey: string | null;
  /** Serve the schema to introspection queries (on by default: this is a public API whose SDL is published anyway). */
  introspection: boolean;
  /** development shows field suggestions and stack traces; production hides them. */
  environment: "development" | "production" | "test";
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Skip loading the campaign's seed data at start-up. */
  skipSeed: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const environment = oneOf(env.NODE_ENV ?? "development", ["development", "production", "test"] as const, "NODE_ENV");
  return {
    port: integer(env.PORT ?? "4000", "PORT", 0, 65535),
    host: env.HOST ?? "0.0.0.0",
    database: env.DATABASE_URL
      ? {
          driver: "postgres",
          url: env.DATABASE_URL,
          poolMax: integer(env.DATABASE_POOL_MAX ?? "10", "DATABASE_POOL_MAX", 1, 1000),
          statementTimeoutMs: integer(env.DATABASE_STATEMENT_TIMEOUT_MS ?? "5000", "DATABASE_STATEMENT_TIMEOUT_MS", 0, 3_600_000),
          connectTimeoutSeconds: integer(env.DATABASE_CONNECT_TIMEOUT_S ?? "5", "DATABASE_CONNECT_TIMEOUT_S", 1, 600),
        }
      : { driver: "pglite", dataDir: env.PGLITE_DIR ?? "data/pglite" },
    adminApiKey: env.ADMIN_API_KEY ? minLength(env.ADMIN_API_KEY, 24, "ADMIN_API_KEY") : null,
    introspection: boolean(env.GRAPHQL_INTROSPECTION ?? "true", "GRAPHQL_INTROSPECTION"),
    environment,
    logLevel: oneOf(env.LOG_LEVEL ?? (environment === "test" ? "silent" : "info"), ["debug", "info", "warn", "error", "silent"] as const, "LOG_LEVEL"),
    skipSeed: boolean(env.SKIP_SEED ?? "false", "SKIP_SEED"),
  };
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

function boolean(value: string, name: string): boolean {
  if (["true", "1", "yes"].includes(value.toLowerCase())) return true;
  if (["false", "0", "no"].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(`${name} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

function minLength(value: string, length: number, name: string): string {
  if (value.length < length) throw new ConfigError(`${name} must be at least ${length} characters long`);
  return value;
}
