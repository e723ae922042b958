import http from "node:http";

/** Raw HTTP for the tests that need what fetch hides or normalises: exact bodies, chunked uploads, odd headers. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: (string | Buffer)[]; chunkDelayMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "POST", headers: options.headers, agent: false }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (d: Buffer) => parts.push(d));
      response.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    if (options.chunks) {
      const chunks = [...options.chunks];
      const next = () => {
        const chunk = chunks.shift();
        if (chunk === undefined) return void request.end();
        request.write(chunk, () => (options.chunkDelayMs ? setTimeout(next, options.chunkDelayMs) : next()));
      };
      next();
    } else {
      request.end(options.body);
    }
  });
}

export const JSON_HEADERS = { "content-type": "application/json" };

export function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(url, { headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(payload) });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds, checking it every 10 ms: a wait on the state itself, bounded by the test's timeout. */
export async function waitFor(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await sleep(10);
}
