import { createHash } from "node:crypto";
import type http from "node:http";
import type { HeaderMap, HTTPGraphQLResponse } from "@apollo/server";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { currentRequestScope } from "../common/request-scope";
import { ResponseStore } from "./plugins/response-store";

/** What the response cache keeps of an answer, and hands back on a hit. */
export interface CachedAnswer {
  /** Epoch milliseconds when it was computed: its Age header counts from here. */
  storedAt: number;
  operationName: string | null;
  /** The answer's headers as the pipeline set them (content type, Cache-Control, Content-Language). */
  headers: [string, string][];
  body: string;
}

/** The parts of an anonymous request that decide its answer, apart from the data. */
export interface AnswerKeyParts {
  method: string;
  search: string;
  body: string | null;
  headers: HeaderMap;
  language: string;
}

/** Cache-Control of an answer the policy made public (src/server/plugins/cache-policy.ts). */
const PUBLIC = /^max-age=(\d+), public$/;

/**
 * The response cache: whole HTTP answers to anonymous queries, served at the edge of the GraphQL route, before Apollo
 * parses, validates or prices anything. A hit writes the stored body as it is (no JSON parsed or written) with the
 * headers the pipeline gave it, plus its Age.
 *
 * The key is the request as sent, hashed: method, query string, body text, and every header the pipeline's answer
 * depends on (content type and the CSRF headers, which Apollo checks; Accept, which picks the answer's media type; the
 * language taken from Accept-Language). An answer was stored only when that exact request was answered 200 with a
 * public Cache-Control, so serving it again skips no check that could have gone otherwise: same document, same
 * variables, same headers, same outcome, only the data younger or older within the max-age. Two requests that differ
 * only in spacing or key order are kept apart; that costs a second entry, never a wrong answer.
 *
 * The store is a ResponseStore (single flight, refresh in the last quarter of the max-age) over this process's memory
 * or Redis. Each request that reads the cache must end with write() or release(): a request left leading a flight
 * would hold its readers until the flight's guard (the request deadline).
 */
export class ResponseCache {
  private readonly store: ResponseStore;
  private readonly now: () => number;

  constructor(options: { maxBytes: number; store?: KeyValueCache<string>; now: () => number; maxWaitMs: number }) {
    this.now = options.now;
    this.store = new ResponseStore(options.store ?? new InMemoryLRUCache<string>({ maxSize: options.maxBytes }), {
      now: options.now,
      owner: currentRequestScope,
      maxWaitMs: options.maxWaitMs,
    });
  }

  /** The key of an anonymous request. */
  key({ method, search, body, headers, language }: AnswerKeyParts): string {
    const parts = [
      method,
      search,
      headers.get("content-type") ?? "",
      headers.get("accept") ?? "",
      language,
      headers.has("apollo-require-preflight") ? "1" : "",
      headers.get("x-apollo-operation-name") ?? "",
      body ?? "",
    ];
    return "http:" + createHash("sha256").update(parts.join("\n")).digest("base64url");
  }

  /**
   * The cached answer, or undefined: the request then computes it and must call write() or release(). Waits for a
   * request of this process already computing the same answer (single flight).
   */
  async read(key: string): Promise<CachedAnswer | undefined> {
    return decode(await this.store.get(key));
  }

  /** Keeps the pipeline's answer when it is public (for its max-age); otherwise releases the readers waiting for it. */
  async write(key: string, status: number, response: HTTPGraphQLResponse, operationName: string | null): Promise<void> {
    const maxAge = Number(PUBLIC.exec(response.headers.get("cache-control") ?? "")?.[1] ?? 0);
    if (status !== 200 || response.body.kind !== "complete" || maxAge <= 0) return this.release();
    const answer: CachedAnswer = { storedAt: this.now(), operationName, headers: [...response.headers], body: response.body.string };
    await this.store.set(key, encode(answer), { ttl: maxAge });
  }

  /** The request ends without an answer to keep: readers waiting for it compute theirs themselves. */
  release(): void {
    this.store.release();
  }

  /** Sets a cached answer's status and headers, and its Age (whole seconds, rounded, as Apollo's response cache did); the caller writes the body. */
  send(res: http.ServerResponse, answer: CachedAnswer): void {
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.setHeader("age", String(Math.max(0, Math.round((this.now() - answer.storedAt) / 1000))));
    res.statusCode = 200;
  }

  /** Answers being computed in this process right now (tests). */
  get inFlight(): number {
    return this.store.inFlight;
  }
}

/** "<storedAt>\n<operation name>\n<headers as JSON>\n<body>": the body is kept as the string that was sent. */
function encode(answer: CachedAnswer): string {
  return `${answer.storedAt}\n${answer.operationName ?? ""}\n${JSON.stringify(answer.headers)}\n${answer.body}`;
}

function decode(stored: string | undefined): CachedAnswer | undefined {
  if (stored === undefined) return undefined;
  const first = stored.indexOf("\n");
  const second = stored.indexOf("\n", first + 1);
  const third = stored.indexOf("\n", second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  const operationName = stored.slice(first + 1, second);
  return {
    storedAt: Number(stored.slice(0, first)),
    operationName: operationName || null,
    headers: JSON.parse(stored.slice(second + 1, third)) as [string, string][],
    body: stored.slice(third + 1),
  };
}
