import type http from "node:http";
import type { Logger } from "../common/logger";

export interface ShutdownTiming {
  drainDelayMs: number;
  graceMs: number;
}

/**
 * The server's life after start: it counts the requests in flight, and on shutdown drains them. While draining, /readyz
 * answers 503 and every answer closes its connection (src/server/http-server.ts reads `draining`).
 */
export class Lifecycle {
  draining = false;
  private inFlight = 0;
  private idle: (() => void) | null = null;

  constructor(private readonly logger: Logger) {}

  /** Counts a request as in flight until its response closes. */
  track(res: http.ServerResponse): void {
    this.inFlight++;
    res.once("close", () => {
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    });
  }

  /**
   * Graceful stop: turns draining on; after `drainDelayMs` no new connections are accepted and idle ones close; requests
   * still in flight get until `graceMs` after the call to finish (then their connections are cut). Resolves once the
   * listener is closed; false when already draining.
   */
  async drain(server: http.Server, timing: ShutdownTiming): Promise<boolean> {
    if (this.draining) return false;
    this.draining = true;
    const cutOffAt = performance.now() + timing.graceMs;
    if (timing.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(timing.drainDelayMs, timing.graceMs)));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.idle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, cutOffAt - performance.now())))),
      ]);
      clearTimeout(timer);
      if (this.inFlight > 0) this.logger.warn("shutdown grace period over, cutting requests still in flight", { inFlight: this.inFlight });
    }
    server.closeAllConnections();
    await closed;
    return true;
  }
}
