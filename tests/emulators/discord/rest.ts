// Request plumbing for the Discord emulator: body parsing (JSON or multipart with payload_json, as
// discord.js sends attachments), Discord-shaped errors, and the record of every call.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface RestRecord {
  method: string;
  /** Without the /api/v10 prefix, e.g. /channels/123/messages. */
  path: string;
  query: Record<string, string>;
  body: any;
  files: { name: string; content: string }[];
  status: number;
  /** Whether an `Authorization: Bot …` header came along (the token itself is never recorded). */
  botAuth: boolean;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface ParsedRequest { method: string; path: string; query: Record<string, string>; body: any; files: { name: string; content: string }[]; botAuth: boolean; at: number }

export async function parseRequest(req: IncomingMessage, at: number): Promise<ParsedRequest> {
  const url = new URL(req.url ?? "/", "http://emulator");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = String(req.headers["content-type"] ?? "");
  let body: any = null;
  const files: { name: string; content: string }[] = [];
  if (raw.length > 0 && type.startsWith("multipart/form-data")) {
    const form = await new Request("http://emulator/", { method: "POST", headers: { "content-type": type }, body: raw }).formData();
    for (const [key, value] of form.entries()) {
      if (key === "payload_json") body = JSON.parse(String(value));
      else if (typeof value !== "string") files.push({ name: value.name, content: await value.text() });
    }
  } else if (raw.length > 0) {
    body = type.includes("json") ? JSON.parse(raw.toString("utf8")) : raw.toString("utf8");
  }
  return {
    method: req.method ?? "GET", path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ""), query: Object.fromEntries(url.searchParams),
    body, files, botAuth: String(req.headers.authorization ?? "").startsWith("Bot "), at,
  };
}

/** `delayMs`: the answer leaves that much later (the work itself is already done, as when Discord is slow to reply). */
export interface Answer { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }

export function send(res: ServerResponse, answer: Answer): void {
  if (answer.delayMs) { setTimeout(() => { if (!res.destroyed) send(res, { ...answer, delayMs: 0 }); }, answer.delayMs); return; }
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body === undefined) { res.writeHead(answer.status, headers).end(); return; }
  headers["content-type"] = "application/json";
  res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

/** Discord's JSON error body, `{ code, message }`, with its HTTP status. */
export function discordError(status: number, code: number, message: string): Answer {
  return { status, body: { code, message } };
}

export function rateLimited(retryAfterSeconds: number, global: boolean): Answer {
  return {
    status: 429,
    body: { message: "You are being rate limited.", retry_after: retryAfterSeconds, global },
    headers: {
      "retry-after": String(Math.ceil(retryAfterSeconds)),
      "x-ratelimit-scope": global ? "global" : "user",
      ...(global ? { "x-ratelimit-global": "true" } : {}),
    },
  };
}

/** Waiters for a record matching a predicate; resolved as records arrive. */
export class RecordLog {
  readonly records: RestRecord[] = [];
  private waiters: { match: (r: RestRecord) => boolean; resolve: (r: RestRecord) => void }[] = [];

  push(record: RestRecord): void {
    this.records.push(record);
    this.waiters = this.waiters.filter((w) => { if (!w.match(record)) return true; w.resolve(record); return false; });
  }

  waitFor(match: (r: RestRecord) => boolean, timeoutMs: number, what: string): Promise<RestRecord> {
    const found = this.records.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`The emulator saw no ${what} within ${timeoutMs} ms; calls: ${this.records.map((r) => `${r.method} ${r.path}`).join(", ")}`));
      }, timeoutMs);
      const done = (r: RestRecord) => { clearTimeout(timer); resolve(r); };
      this.waiters.push({ match, resolve: done });
    });
  }

  clear(): void { this.records.length = 0; }
}
