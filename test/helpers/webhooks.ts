import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { createLogger } from "../../src/common/logger";
import { WebhookWorker } from "../../src/webhooks/webhook-worker";
import { TEST_ALLOWED_NETWORKS, type TestServer } from "./test-server";

export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; timestamp: string; sequence: number; cursor: string; data: Record<string, any> };
  /** Whether the signature verified with the standardwebhooks library (timestamp tolerance aside, see verifySignature). */
  verified: boolean;
}

/**
 * An HR system's webhook receiver: a real HTTP server on loopback that checks every signature with the
 * standardwebhooks library and answers as told (200 by default).
 */
export class Receiver {
  readonly received: Received[] = [];
  /** The status to answer with, or "hang" to hold the request open until release(). */
  answer: number | "hang" = 200;
  secrets: string[] = [];
  private server: http.Server | null = null;
  private port = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  private hanging: http.ServerResponse[] = [];
  private arrivals: ((r: Received) => void)[] = [];

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/campaign`;
  }

  async up(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const received: Received = {
          headers: req.headers,
          raw,
          body: JSON.parse(raw),
          verified: this.secrets.some((s) => verifySignature(s, req.headers, raw)),
        };
        this.received.push(received);
        this.arrivals.splice(0).forEach((f) => f(received));
        this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
        if (this.answer === "hang") {
          this.hanging.push(res);
          return;
        }
        res.statusCode = this.answer;
        res.end(this.answer < 300 ? "ok" : "no");
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening: connections are refused until up() again (same port). */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    this.release(503);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers the requests held open. */
  release(status = 200): void {
    for (const res of this.hanging.splice(0)) if (!res.destroyed) res.writeHead(status).end();
  }

  /** Resolves once `count` requests in all have arrived. */
  until(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Resolves with the next request to arrive. */
  next(): Promise<Received> {
    return new Promise((resolve) => this.arrivals.push(resolve));
  }
}

/**
 * Verifies a delivery as a receiver does, with the standardwebhooks library. Tests that move the worker's clock days
 * ahead cannot use verify() (it also refuses timestamps more than 5 minutes from the receiver's clock), so the
 * signature is checked against the library's own signing of the same id, timestamp and body instead.
 */
export function verifySignature(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const id = String(headers["webhook-id"]);
  const timestamp = Number(headers["webhook-timestamp"]);
  const expected = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
  return String(headers["webhook-signature"] ?? "")
    .split(" ")
    .includes(expected);
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date()) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const workers: WebhookWorker[] = [];

/** A worker on the test server's database, with the test's clock (stopTestWorkers stops every one). */
export function testWorker(server: TestServer, clock = new TestClock(), options: { concurrency?: number; timeoutMs?: number } = {}): WebhookWorker {
  const worker = new WebhookWorker(server.database.db, server.app.services.sequencer, {
    concurrency: options.concurrency ?? 16,
    timeoutMs: options.timeoutMs ?? 5_000,
    allowedNetworks: TEST_ALLOWED_NETWORKS,
    logger: createLogger((process.env.TEST_LOG_LEVEL as "debug" | undefined) ?? "silent"),
    clock: clock.now,
  });
  workers.push(worker);
  return worker;
}

export async function stopTestWorkers(): Promise<void> {
  await Promise.all(workers.splice(0).map((w) => w.stop(0)));
}

export const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret webhookEndpoint { id url eventTypes enabled secretPrefix lastSequence } userErrors { field code message } }
}`;

export const DELIVERIES = `query($endpointId: ID!, $first: Int, $status: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $endpointId, first: $first, status: $status) {
    totalCount
    edges { node { id sequence status attemptCount nextAttemptAt deliveredAt lastResponseStatus event { id typeName payload }
                   attempts { attemptedAt responseStatus latencyMs succeeded error } } }
  }
}`;

/** Registers a receiver's URL for a key and teaches the receiver the secret. */
export async function registerReceiver(server: TestServer, key: string, receiver: Receiver, eventTypes: string[] | null = null): Promise<string> {
  const data = await server.data(CREATE_ENDPOINT, { input: { url: receiver.url, eventTypes } }, { key });
  if (data.createWebhookEndpoint.userErrors.length) throw new Error(JSON.stringify(data.createWebhookEndpoint.userErrors));
  receiver.secrets.push(data.createWebhookEndpoint.secret);
  return data.createWebhookEndpoint.webhookEndpoint.id;
}
