import http from "node:http";

/** One answer as the load workers see it: the status (null without an answer), the body and the counter header. */
export interface Answer {
  status: number | null;
  text: string;
  counter?: number;
  error?: string;
}

export interface PostTarget {
  agent: http.Agent;
  url: URL;
  timeoutMs: number;
  /** A response header holding a number to report with the answer (the service's x-sql-statements). */
  counterHeader?: string;
}

/** POSTs a JSON body over the target's keep-alive agent; never rejects (a failure is an answer without a status). */
export function postJson(target: PostTarget, body: Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const { agent, url, timeoutMs } = target;
  const counterHeader = target.counterHeader?.toLowerCase();
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "content-length": body.length, ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => resolve({ status: null, text: "", error: error.message }));
        response.on("end", () => {
          const value = counterHeader ? Number(response.headers[counterHeader]) : Number.NaN;
          resolve({ status: response.statusCode ?? null, text: Buffer.concat(chunks).toString("utf8"), counter: Number.isFinite(value) ? value : undefined });
        });
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => resolve({ status: null, text: "", error: error.message }));
    request.end(body);
  });
}
