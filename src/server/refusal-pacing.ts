/**
 * When an anonymous caller's refusal for a full bucket is sent (src/server/graphql-handler.ts, admit). A refusal is
 * held back at least REFUSAL_PACING.holdMs (its Retry-After, if shorter), and one address's refusals leave at most
 * `perSecond` a second, however many connections it opens: its further requests wait their turn, costing an open socket
 * and nothing else. Sending them at once, or cutting their connections, would let a client that reconnects as fast as
 * it is answered make the service accept and refuse hundreds of requests a second (the hostile-client benchmark, at 64
 * connections: 700 cut connections a second cost 14 % of a core). Held sockets are bounded per address and in all;
 * past either bound a request loses its connection without an answer.
 */
export const REFUSAL_PACING: Readonly<RefusalPacing> = {
  /** The least a refusal is held back (its Retry-After, if shorter). */
  holdMs: 1_000,
  /** Refusals sent a second, at most, to one address (IPv6: one /64). */
  perSecond: 16,
  /** Refusals held at once for one address: an unread body can sit in a held socket's buffers (about 150 KB at most). */
  maxHeldPerAddress: 128,
  /** Refusals held at once in all. */
  maxHeld: 2_048,
};

export interface RefusalPacing {
  holdMs: number;
  perSecond: number;
  maxHeldPerAddress: number;
  maxHeld: number;
}

export class RefusalPacer {
  /** Per address: refusals held, and the earliest time (ms) the next one may leave. */
  private readonly addresses = new Map<string, { held: number; nextAt: number }>();
  private held = 0;

  constructor(private readonly policy: RefusalPacing = REFUSAL_PACING) {}

  /**
   * Milliseconds to hold this refusal before sending it, or null to cut the connection now; after a hold, call
   * `release` once the refusal is sent (or its connection closed).
   */
  hold(address: string, now: number, retryAfterMs: number): number | null {
    const entry = this.addresses.get(address) ?? { held: 0, nextAt: 0 };
    if (entry.held >= this.policy.maxHeldPerAddress || this.held >= this.policy.maxHeld) return null;
    const sendAt = Math.max(now + Math.min(this.policy.holdMs, retryAfterMs), entry.nextAt);
    entry.nextAt = sendAt + 1_000 / this.policy.perSecond;
    entry.held++;
    this.held++;
    this.addresses.set(address, entry);
    return sendAt - now;
  }

  release(address: string): void {
    const entry = this.addresses.get(address);
    if (!entry) return;
    this.held--;
    // Forgotten once nothing is held: the last one left at most 1/perSecond ago, so the next, held at least holdMs,
    // keeps the pace anyway. The map holds only the addresses holding refusals.
    if (--entry.held === 0) this.addresses.delete(address);
  }

  /** Refusals held now, for one address or in all. */
  holding(address?: string): number {
    return address === undefined ? this.held : (this.addresses.get(address)?.held ?? 0);
  }
}
