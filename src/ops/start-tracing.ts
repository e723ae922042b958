import { startTracing } from "./tracing";

/**
 * Imported first by the entry point: the instrumentations must be in place before `http`, `graphql` and `pg` are
 * loaded by the rest of the service.
 */
export const tracing = startTracing();
