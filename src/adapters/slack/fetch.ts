// The WebClient's HTTP, over node:http(s) with kept-alive sockets instead of the global fetch. Node's
// fetch (undici behind WHATWG streams) cost the digest fan-out more CPU per chat.postMessage than
// everything else the bot does for that message; this is the subset of fetch the WebClient uses (POST of
// a url-encoded string, status, headers.get/entries, text/json/arrayBuffer, an abort signal). Bodies it
// does not handle (multipart file uploads) go to the global fetch unchanged.
//
// It also keeps the time limit itself (a socket with nothing to read for REQUEST_TIMEOUT_MS fails the
// request), so the WebClient need not make an AbortSignal and a timer for every call: its `timeout` is
// left at 0 (see app.ts). An abort signal a caller does pass is honoured.
//
// A kept-alive socket can be dead by the time it is reused: the server (or a proxy between) closed it
// while idle, and the request written into it meets a reset before a single byte of answer. The server
// never read that request, so a request safe to repeat is sent once more on a fresh socket, and the other
// idle sockets to that host, likely closed the same way, are dropped. Whether a request is safe to repeat
// is the caller's to say (`repeatable`); by default, those with an idempotent HTTP method or an
// Idempotency-Key header.
import http from "node:http";
import https from "node:https";

export const REQUEST_TIMEOUT_MS = 10_000;

// `timeout` (an idle socket's lifetime) also makes the agent honour a server's Keep-Alive: timeout=N hint,
// closing the socket a second before the server would: the first defence against stale sockets.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 }),
};

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const RESET_CODES = new Set(["ECONNRESET", "EPIPE"]);

export interface KeepAliveOptions {
  /** Safe to send twice (when the first never reached the server): decides the retry on a stale socket. */
  repeatable?: boolean;
}

/** The reset of a reused socket before any answer, marked by send() below. */
class StaleSocketError extends Error {
  constructor(readonly original: Error) { super(original.message); this.name = original.name; }
}

function dropIdleSockets(agent: http.Agent): void {
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
}

/** What the WebClient reads of a response's headers. */
class ResponseHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) yield [name, this.get(name)!];
  }
}

class BufferedResponse {
  constructor(readonly url: string, readonly status: number, readonly statusText: string, readonly headers: ResponseHeaders,
    private readonly body: Buffer) {}
  get ok(): boolean { return this.status >= 200 && this.status < 300; }
  async text(): Promise<string> { return this.body.toString("utf8"); }
  async json(): Promise<unknown> { return JSON.parse(this.body.toString("utf8")); }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers as Iterable<[string, string]>);
  return headers as Record<string, string>;
}

export async function keepAliveFetch(input: string | URL | Request, init: RequestInit = {}, options: KeepAliveOptions = {}): Promise<Response> {
  const body = init.body;
  if (input instanceof Request || (body != null && typeof body !== "string")) return fetch(input, init);
  const url = new URL(input);
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) return fetch(input, init);
  const headers = headerRecord(init.headers);
  const repeatable = options.repeatable
    ?? (IDEMPOTENT_METHODS.has((init.method ?? "GET").toUpperCase()) || Object.keys(headers).some((h) => h.toLowerCase() === "idempotency-key"));
  try {
    return await send(url, init, headers, agent);
  } catch (error) {
    if (!(error instanceof StaleSocketError)) throw error;
    dropIdleSockets(agent);
    if (!repeatable || init.signal?.aborted) throw error.original;
    try { return await send(url, init, headers, agent); }
    catch (again) { throw again instanceof StaleSocketError ? again.original : again; }
  }
}

function send(url: URL, init: RequestInit, extraHeaders: Record<string, string>, agent: http.Agent): Promise<Response> {
  const body = init.body as string | null | undefined;
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    const headers = { ...extraHeaders };
    if (body != null) headers["Content-Length"] = String(Buffer.byteLength(body));
    let answered = false;
    const request = (url.protocol === "https:" ? https : http).request(url, { method: init.method ?? "GET", headers, agent }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        signal?.removeEventListener("abort", abort);
        resolve(new BufferedResponse(url.toString(), response.statusCode ?? 0, response.statusMessage ?? "", new ResponseHeaders(response.headers),
          Buffer.concat(chunks)) as unknown as Response);
      });
    });
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`No answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    const abort = () => request.destroy(signal!.reason instanceof Error ? signal!.reason : new Error("The request was aborted"));
    signal?.addEventListener("abort", abort, { once: true });
    request.on("error", (error: Error & { code?: string }) => {
      signal?.removeEventListener("abort", abort);
      const stale = request.reusedSocket && !answered && (RESET_CODES.has(error.code ?? "") || error.message === "socket hang up");
      reject(stale ? new StaleSocketError(error) : error);
    });
    request.end(body ?? undefined);
  });
}

/** Web API methods that change nothing more when sent twice. */
const REPEATABLE_METHODS = new Set(["auth.test", "conversations.history", "conversations.info", "conversations.open", "views.publish",
  "chat.update", "apps.connections.open", "files.getUploadURLExternal"]);

/** A Web API answer that small may be `{"ok":false,"error":…}`; anything larger is a real answer, not read twice. */
const ERROR_ANSWER_MAX = 2_048;

/** Slack's `error` in a small ok:false answer, read without consuming it (BufferedResponse keeps its body). */
async function failedWith(response: unknown): Promise<string | null> {
  if (!(response instanceof BufferedResponse) || response.status !== 200) return null;
  const text = await response.text();
  if (text.length > ERROR_ANSWER_MAX || !text.includes('"ok":false')) return null;
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    return typeof error === "string" ? error : null;
  } catch { return null; }
}

/**
 * The fetch Bolt and the WebClients get. On a stale socket, a Web API call is sent again only when Slack
 * treats it as idempotent; a post to a response_url is sent again too: it is the answer a person is
 * waiting for, the server almost surely never read it, and the worst case is that private note twice.
 * Channel posts (chat.postMessage) are never repeated here: the digest asks Slack first (findPosted).
 * `onError` hears every Web API call Slack answered ok:false, whoever made it (a revoked token shows there first).
 */
export function slackFetch(apiBase: string, onError?: (method: string, error: string) => void): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = url.startsWith(apiBase) ? url.slice(apiBase.length).split("?")[0]! : null;
    const response = await keepAliveFetch(input, init, { repeatable: method === null || REPEATABLE_METHODS.has(method) });
    if (method && onError) {
      const error = await failedWith(response);
      if (error) onError(method, error);
    }
    return response;
  }) as typeof fetch;
}
