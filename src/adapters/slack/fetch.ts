// The WebClient's HTTP, over node:http(s) with kept-alive sockets instead of the global fetch. Node's
// fetch (undici behind WHATWG streams) cost the digest fan-out more CPU per chat.postMessage than
// everything else the bot does for that message; this is the subset of fetch the WebClient uses (POST of
// a url-encoded string, status, headers.get/entries, text/json/arrayBuffer, an abort signal). Bodies it
// does not handle (multipart file uploads) go to the global fetch unchanged.
//
// It also keeps the time limit itself (a socket with nothing to read for REQUEST_TIMEOUT_MS fails the
// request), so the WebClient need not make an AbortSignal and a timer for every call: its `timeout` is
// left at 0 (see app.ts). An abort signal a caller does pass is honoured.
import http from "node:http";
import https from "node:https";

export const REQUEST_TIMEOUT_MS = 10_000;

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

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

export const keepAliveFetch = ((input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
  const body = init.body;
  if (input instanceof Request || (body != null && typeof body !== "string")) return fetch(input, init);
  const url = new URL(input);
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) return fetch(input, init);
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    const headers = headerRecord(init.headers);
    if (body != null) headers["Content-Length"] = String(Buffer.byteLength(body));
    const request = (url.protocol === "https:" ? https : http).request(url, { method: init.method ?? "GET", headers, agent }, (response) => {
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
    request.on("error", (error) => { signal?.removeEventListener("abort", abort); reject(error); });
    request.end(body ?? undefined);
  });
}) as typeof fetch;
