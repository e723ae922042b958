import { randomUUID } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { sql } from "drizzle-orm";
import ipaddr from "ipaddr.js";
import { Agent, request } from "undici";
import { toGlobalId } from "../common/global-id";
import type { Logger } from "../common/logger";
import { selectRows, type Db } from "../db/client";
import { eventCursor } from "../events/event.service";
import type { Sequencer } from "../events/sequencer";
import { nextAttemptAt } from "./retry-schedule";
import { signedHeaders } from "./signing";
import { addressAllowed, type AllowedNetworks } from "./webhook-url";

export interface WebhookWorkerOptions {
  /** Deliveries in flight at once (across endpoints). */
  concurrency: number;
  /** A receiver gets this long to answer; past it the attempt fails (and is retried). */
  timeoutMs: number;
  allowedNetworks: AllowedNetworks;
  logger: Logger;
  /** The clock deliveries are scheduled by (tests move it instead of waiting). */
  clock?: () => Date;
  /** How often an idle worker looks for due deliveries and unsequenced events. */
  pollMs?: number;
}

/** A delivery this worker holds, with what it needs to send it. */
interface Claimed {
  id: number;
  token: string;
  attempts: number;
  sequence: number;
  eventId: number;
  position: number;
  type: string;
  payload: Record<string, unknown>;
  recordedAt: Date;
  endpointId: number;
  url: string;
  secrets: string[];
}

interface AttemptResult {
  id: number;
  token: string;
  at: Date;
  latencyMs: number;
  status: number | null;
  ok: boolean;
  error: string | null;
  next: Date | null;
}

/**
 * Sends webhook deliveries. Any number of workers, in any number of processes, share the work without sending one
 * delivery twice at once: a worker claims due deliveries with FOR UPDATE SKIP LOCKED and holds them under a lease
 * (timeout plus 20 s); a worker that dies leaves its leases to expire, and another takes them over (at least once).
 * A delivery waits while an earlier delivery of the same subject to the same endpoint is pending, so each application's
 * events arrive in order; nothing goes to a disabled endpoint or a revoked client's. Each loop also runs the sequencer, whose transaction creates the deliveries (fan-out.ts).
 */
export class WebhookWorker {
  private readonly clock: () => Date;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly agent: Agent;
  private readonly inFlight = new Map<number, { claimed: Claimed; controller: AbortController; done: Promise<void> }>();
  private results: AttemptResult[] = [];
  private running = false;
  private stopped = false;
  private firstResultAt = 0;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly sequencer: Sequencer,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pollMs = options.pollMs ?? 100;
    this.leaseMs = options.timeoutMs + 20_000;
    this.agent = new Agent({
      connections: options.concurrency,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.timeoutMs, lookup: guardedLookup(options.allowedNetworks) },
    });
  }

  /** Starts the background loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Stops claiming, gives the deliveries in flight until `graceMs` to finish and records them; those still unanswered
   * then are aborted and their leases released, so another worker sends them at once (nothing is lost either way: a
   * lease that could not be released runs out). Returns within about `graceMs` plus a second even when the database
   * does not answer (PGlite's one connection held by a long statement, a PostgreSQL outage).
   */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    this.wake?.();
    const deadline = performance.now() + graceMs;
    await within(this.loop ?? Promise.resolve(), Math.max(graceMs, 1_000));
    await within(Promise.all([...this.inFlight.values()].map((f) => f.done)), deadline - performance.now());
    const unfinished = [...this.inFlight.values()].map((f) => f.claimed);
    for (const f of this.inFlight.values()) f.controller.abort();
    const bookkeeping = (async () => {
      await this.flush();
      if (unfinished.length) await this.release(unfinished);
    })().catch((error: unknown) => this.options.logger.error("webhook results not recorded at shutdown", { error: String(error) }));
    await within(bookkeeping, 1_000);
    await this.agent.destroy();
  }

  /**
   * For tests and scripts: sequences what is committed, then sends everything due now (by the worker's clock), waiting
   * for each answer, until nothing is due. Returns the number of attempts made.
   */
  async drain(): Promise<number> {
    let attempts = 0;
    for (;;) {
      await this.sequencer.catchUp();
      const claimed = await this.claim(this.options.concurrency);
      if (claimed.length === 0) break;
      claimed.forEach((c) => this.dispatch(c));
      await Promise.all([...this.inFlight.values()].map((f) => f.done));
      await this.flush();
      attempts += claimed.length;
    }
    return attempts;
  }

  private async run(): Promise<void> {
    // Claims and records go in batches of a quarter of the slots at least, not one delivery at a time.
    const batch = Math.max(1, Math.floor(this.options.concurrency / 4));
    while (this.running) {
      let busy = false;
      try {
        if (await this.sequencer.pending()) busy = (await this.sequencer.catchUp()) > 0;
        const free = this.options.concurrency - this.inFlight.size;
        if (free >= batch) {
          const claimed = await this.claim(free);
          claimed.forEach((c) => this.dispatch(c));
          busy ||= claimed.length > 0;
        }
        // Answers are recorded once a batch has come in, when nothing else is in flight, or 20 ms after the first.
        if (this.results.length && (this.results.length >= batch || this.inFlight.size === 0 || performance.now() - this.firstResultAt >= 20)) {
          await this.flush();
          busy = true;
        }
      } catch (error) {
        // A database fault (a restart, a busy pool): the leases expire on their own; try again after a pause.
        this.options.logger.warn("webhook worker loop failed, retrying", { error: (error as Error)?.message ?? String(error) });
        busy = false;
      }
      if (!busy && this.running) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.results.length ? 20 : this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private async claim(limit: number): Promise<Claimed[]> {
    if (limit <= 0) return [];
    const now = this.clock();
    const token = randomUUID();
    type Row = {
      id: string;
      attempts: number;
      sequence: string;
      event_id: string;
      position: string;
      type: string;
      payload: Record<string, unknown>;
      recorded_at: string | Date;
      endpoint_id: number;
      url: string;
      secret: string;
      previous_secret: string | null;
      previous_secret_expires_at: string | Date | null;
    };
    // The due deliveries are read in the order of their index (webhook_deliveries_due), each checked on its own, so a
    // claim stops after `limit` of them. Left to itself PostgreSQL read, checked and sorted every pending delivery for
    // each claim (with fresh statistics, and worse with the stale ones of a backlog that just arrived): 50 ms per claim
    // at 20,000 pending, most of the time of draining a backlog. Sorting and whole-table scans are therefore ruled out
    // for this transaction, which leaves the index's order.
    const rows = await this.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('enable_sort', 'off', true), set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`,
      );
      return selectRows<Row>(
        tx,
        sql`with due as (
            select d.id from webhook_deliveries d
            where d.status = 'PENDING' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
              and (d.leased_until is null or d.leased_until <= ${now.toISOString()}::timestamptz)
              -- Its endpoint active and its owner's key not revoked.
              and (select ep.status = 'ACTIVE' and c.revoked_at is null from webhook_endpoints ep join api_clients c on c.id = ep.client_id
                   where ep.id = d.endpoint_id)
              -- An earlier delivery of the same subject to the endpoint still pending: this one waits (order per application).
              and (select p.id from webhook_deliveries p
                   where p.endpoint_id = d.endpoint_id and p.subject = d.subject and p.status = 'PENDING' and p.position < d.position
                   limit 1) is null
            order by d.next_attempt_at, d.id
            limit ${limit}
            for update of d skip locked
          )
          update webhook_deliveries d
          set leased_until = ${new Date(now.getTime() + this.leaseMs).toISOString()}::timestamptz, lease_token = ${token}
          from due, events e, webhook_endpoints ep
          where d.id = due.id and e.id = d.event_id and ep.id = d.endpoint_id
          returning d.id, d.attempts, d.sequence, d.event_id, e.position, e.type, e.payload, e.recorded_at,
                    ep.id as endpoint_id, ep.url, ep.secret, ep.previous_secret, ep.previous_secret_expires_at`,
      );
    });
    return rows.map((r) => ({
      id: Number(r.id),
      token,
      attempts: r.attempts,
      sequence: Number(r.sequence),
      eventId: Number(r.event_id),
      position: Number(r.position),
      type: r.type,
      payload: r.payload,
      recordedAt: new Date(r.recorded_at),
      endpointId: r.endpoint_id,
      url: r.url,
      secrets: [r.secret, ...(r.previous_secret && r.previous_secret_expires_at && new Date(r.previous_secret_expires_at) > now ? [r.previous_secret] : [])],
    }));
  }

  private dispatch(claimed: Claimed): void {
    const controller = new AbortController();
    // The attempt's time limit aborts the same controller as a shutdown, with a reason of its own. One timer per
    // attempt: AbortSignal.timeout and AbortSignal.any cost about 70 µs of CPU per delivery, a third of the worker's.
    const timer = setTimeout(() => controller.abort(new AttemptTimedOut("webhook attempt timed out")), this.options.timeoutMs);
    const done = this.send(claimed, controller.signal).then(
      (result) => {
        clearTimeout(timer);
        // An attempt aborted by shutdown is not an attempt: its lease is released instead (stop()).
        if (!controller.signal.aborted || controller.signal.reason instanceof AttemptTimedOut) {
          if (this.results.length === 0) this.firstResultAt = performance.now();
          this.results.push(result);
        }
        this.inFlight.delete(claimed.id);
        this.wake?.();
      },
      () => {
        clearTimeout(timer);
        this.inFlight.delete(claimed.id);
      },
    );
    this.inFlight.set(claimed.id, { claimed, controller, done });
  }

  /** One attempt: the Standard Webhooks request, signed now, and what came back. Never throws. */
  private async send(d: Claimed, signal: AbortSignal): Promise<AttemptResult> {
    const at = this.clock();
    const started = performance.now();
    const messageId = toGlobalId("Event", d.eventId);
    const body = JSON.stringify({
      type: d.type,
      timestamp: d.recordedAt.toISOString(),
      data: d.payload,
      id: messageId,
      sequence: d.sequence,
      cursor: eventCursor(d.position),
    });
    const outcome = (ok: boolean, status: number | null, error: string | null): AttemptResult => {
      const failed = d.attempts + 1;
      return {
        id: d.id,
        token: d.token,
        at,
        latencyMs: Math.round(performance.now() - started),
        status,
        ok,
        error,
        next: ok ? null : nextAttemptAt(failed, at),
      };
    };
    try {
      const host = new URL(d.url).hostname.replace(/^\[(.*)\]$/, "$1");
      // An address in the URL itself is never looked up: check it here (names are checked as they resolve).
      if (ipaddr.isValid(host) && !addressAllowed(host, this.options.allowedNetworks)) return outcome(false, null, `address not allowed: ${host}`);
      const response = await request(d.url, {
        method: "POST",
        dispatcher: this.agent,
        headers: {
          "content-type": "application/json",
          "user-agent": "campaign-api-webhooks/1",
          ...signedHeaders(d.secrets, messageId, at, body),
        },
        body,
        signal,
      });
      await response.body.dump({ limit: 65_536 });
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return outcome(ok, response.statusCode, null);
    } catch (error) {
      return outcome(false, null, describeFailure(error, this.options.timeoutMs));
    }
  }

  /** Records the attempts made so far in one statement: each delivery's new state and its attempt row. */
  private async flush(): Promise<void> {
    if (this.results.length === 0) return;
    const batch = this.results;
    this.results = [];
    const rows = batch.map((r) => ({
      id: r.id,
      token: r.token,
      at: r.at.toISOString(),
      latency: r.latencyMs,
      status: r.status,
      ok: r.ok,
      error: r.error,
      next: r.next?.toISOString() ?? null,
    }));
    try {
      await this.db.execute(sql`
        with r as (
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as r(id bigint, token text, at timestamptz, latency int, status int, ok boolean, error text, next timestamptz)
        ),
        updated as (
          update webhook_deliveries d set
            status = (case when r.ok then 'DELIVERED' when r.next is null then 'DEAD' else 'PENDING' end)::webhook_delivery_status,
            attempts = d.attempts + 1,
            last_attempt_at = r.at,
            last_response_status = r.status,
            delivered_at = case when r.ok then r.at else d.delivered_at end,
            next_attempt_at = coalesce(r.next, d.next_attempt_at),
            leased_until = null,
            lease_token = null
          from r
          where d.id = r.id and d.lease_token = r.token
          returning d.id, d.endpoint_id, d.status
        )
        insert into webhook_attempts (delivery_id, attempted_at, latency_ms, response_status, succeeded, error)
        select r.id, r.at, r.latency, r.status, r.ok, r.error from r join updated u on u.id = r.id`);
    } catch (error) {
      // Not recorded: the leases expire and the deliveries are sent again (receivers ignore a webhook-id seen before).
      this.options.logger.error("webhook attempts not recorded", { error: (error as Error)?.message ?? String(error), deliveries: batch.length });
      return;
    }
    const dead = batch.filter((r) => !r.ok && r.next == null);
    if (dead.length) this.options.logger.warn("webhook deliveries dead-lettered", { deliveries: dead.map((r) => r.id) });
  }

  private async release(claimed: Claimed[]): Promise<void> {
    const rows = claimed.map((c) => ({ id: c.id, token: c.token }));
    await this.db
      .execute(
        sql`update webhook_deliveries d set leased_until = null, lease_token = null
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id bigint, token text)
            where d.id = r.id and d.lease_token = r.token`,
      )
      .catch((error: unknown) => this.options.logger.error("webhook leases not released at shutdown", { error: String(error) }));
  }
}

/** The abort reason of an attempt that ran out of time (as opposed to one aborted by shutdown). */
class AttemptTimedOut extends Error {
  override name = "TimeoutError";
}

/** Waits for `promise`, but no longer than `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]).finally(() => clearTimeout(timer));
}

/** DNS for webhook connections: a name that resolves to any address not allowed is refused before connecting. */
function guardedLookup(allowed: AllowedNetworks) {
  return (hostname: string, options: { all?: boolean }, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !addressAllowed(a.address, allowed));
      if (refused) return callback(Object.assign(new Error(`address not allowed: ${refused.address}`), { code: "ADDRESS_NOT_ALLOWED" }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; message?: string; cause?: unknown };
  if (e?.name === "TimeoutError" || e?.code === "UND_ERR_HEADERS_TIMEOUT" || e?.code === "UND_ERR_BODY_TIMEOUT" || e?.code === "UND_ERR_CONNECT_TIMEOUT") {
    return `timeout after ${timeoutMs} ms`;
  }
  if (e?.code === "ADDRESS_NOT_ALLOWED") return e.message ?? "address not allowed";
  const cause = e?.cause as { code?: string; message?: string } | undefined;
  if (cause?.code === "ADDRESS_NOT_ALLOWED") return cause.message ?? "address not allowed";
  return [e?.code ?? cause?.code ?? e?.name ?? "error", e?.message].filter(Boolean).join(": ").slice(0, 300);
}
