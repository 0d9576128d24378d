// A small Slack Web API on 127.0.0.1 for tests and benchmarks: answers the methods papers-bot calls the
// way Slack does (form or JSON bodies, Bearer token, {ok:false, error} on refusal, 429 + Retry-After when
// rate limited), and RECORDS every call so tests assert on what actually went over the wire.
// Also serves response_url posts (/respond/<id>) and file upload URLs (/upload/<fileId>).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FailureInjector, RateLimiter, type Failure, type RateLimitOptions } from "./failures.ts";
import { SocketModeServer } from "./socket-mode.ts";

export interface SlackCall { method: string; params: Record<string, any>; token: string | null; status: number; error?: string; at: number }
export interface ResponsePost { id: string; body: Record<string, any>; at: number }
export interface StoredMessage { channel: string; ts: string; text: string; blocks: unknown[]; metadata?: { event_type: string; event_payload: Record<string, unknown> }; botId: string;
  /** Set on a reply: the parent message's ts. */
  threadTs?: string }
export interface UploadedFile { id: string; filename: string; length: number; content: string; channel?: string; title?: string; comment?: string; completed: boolean }

/**
 * A conversation the test sets up (addConversation) with who is in it. Slack hides a private channel, group DM
 * or direct message from a bot that is not in it (channel_not_found to every call naming it), while a public
 * channel it is not in takes its posts (chat:write.public) but not its history (not_in_channel). Conversations
 * never set up behave as ones the bot is in.
 */
export interface Conversation { type: "public" | "private" | "mpim" | "im"; members: string[] }

/** Methods whose `channel` must be one the bot can see, and those that need it to be a member. */
const SEES_CHANNEL = new Set(["chat.postMessage", "chat.postEphemeral", "chat.update", "conversations.history", "conversations.replies", "reactions.add"]);
const READS_CHANNEL = new Set(["conversations.history", "conversations.replies"]);

export interface SlackEmulatorOptions {
  token?: string;
  /** The app-level token apps.connections.open takes (Socket Mode). */
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** The bot user's name, as the admin named the app (auth.test's `user`). */
  botName?: string;
  /** Slack-like per-channel limit for chat.postMessage (about 1 message/s with a small burst). Off by default. */
  rateLimit?: RateLimitOptions | false;
  /** Time source for the rate limiter, so a benchmark can run in simulated time. */
  now?: () => number;
  /**
   * How long an idle connection stays open (default 1 s, so tests stop fast). undici (the WebClient's
   * fetch) does not reuse a connection whose keep-alive is under its 2 s threshold, so a benchmark that
   * wants Slack-like connection reuse sets this higher.
   */
  keepAliveTimeoutMs?: number;
}

type Handler = (params: Record<string, any>) => Record<string, any>;

export class SlackEmulator {
  readonly calls: SlackCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly messages: StoredMessage[] = [];
  readonly files = new Map<string, UploadedFile>();
  readonly failures = new FailureInjector();
  /**
   * Reset every connection that comes back for another request (as a proxy that dropped it while idle
   * does), before reading the request: the client's second use of a kept-alive socket fails.
   */
  resetReusedSockets = false;
  /** Connections reset that way. */
  resets = 0;
  private readonly usedSockets = new WeakSet<object>();
  readonly token: string;
  readonly appToken: string;
  /** Socket Mode: the WebSocket apps.connections.open points at, on this emulator's port. */
  readonly socketMode = new SocketModeServer();
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly botName: string;
  private limiter: RateLimiter | null;
  private server: Server | null = null;
  private port = 0;
  private tsCounter = 0;
  private waiters: Array<() => void> = [];
  private held: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly keepAliveTimeoutMs: number;
  private readonly handlers: Record<string, Handler>;
  /** The Home tab view Slack shows each person: the last one published for them (sent with app_home_opened). */
  readonly homeViews = new Map<string, Record<string, any>>();
  /** Conversations with their members (addConversation); any other channel id is one the bot is in. */
  readonly conversations = new Map<string, Conversation>();
  /** users.info's `tz` per user (setUserZone); others get Slack's default. */
  readonly userZones = new Map<string, string>();
  /** Other apps' bot users (a workflow, an auto-reactor): users.info says is_bot for them, as for this bot's own. */
  readonly botUsers = new Set<string>();

  constructor(options: SlackEmulatorOptions = {}) {
    this.token = options.token ?? "xoxb-test-0000000000-emulator";
    this.appToken = options.appToken ?? "xapp-1-A0PAPERS-0000000000-emulatortoken";
    this.teamId = options.teamId ?? "T0TEST";
    this.botUserId = options.botUserId ?? "U0BOT";
    this.botId = options.botId ?? "B0BOT";
    this.botName = options.botName ?? "papers-bot";
    this.now = options.now ?? Date.now;
    this.keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? 1_000;
    this.limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;
    this.handlers = {
      "auth.test": () => ({ url: "https://emulated.slack.test/", team: "Emulated", user: this.botName, team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId }),
      "chat.postMessage": (p) => this.postMessage(p),
      "chat.update": (p) => this.update(p),
      "chat.postEphemeral": (p) => { need(p, "channel", "user"); return { message_ts: this.nextTs() }; },
      "views.publish": (p) => {
        need(p, "user_id", "view");
        const view = parseJson(p.view);
        checkBlocks(view?.blocks, MAX_VIEW_BLOCKS);
        const published = { id: `V${this.calls.length}`, private_metadata: "", ...view, hash: `${Date.now()}.${this.calls.length}` };
        this.homeViews.set(String(p.user_id), published);
        return { view: published };
      },
      "conversations.open": (p) => { need(p, "users"); return { channel: { id: `D${String(p.users).split(",")[0]}` } }; },
      "conversations.history": (p) => this.history(p),
      // As Slack: a public channel only (a private one takes an invitation); joining one the bot is in already is fine.
      "conversations.join": (p) => {
        need(p, "channel");
        const conversation = this.conversations.get(String(p.channel));
        if (conversation && conversation.type !== "public") throw new SlackError("method_not_supported_for_channel_type");
        if (conversation && !conversation.members.includes(this.botUserId)) conversation.members.push(this.botUserId);
        return { channel: { id: String(p.channel) } };
      },
      "conversations.replies": (p) => this.replies(p),
      // As Slack: every user has a tz (Slack's default is America/Los_Angeles); an unknown id is user_not_found.
      "users.info": (p) => {
        need(p, "user");
        const id = String(p.user);
        if (!/^[UW][A-Z0-9]+$/.test(id)) throw new SlackError("user_not_found");
        const tz = this.userZones.get(id) ?? "America/Los_Angeles";
        return { user: { id, team_id: this.teamId, name: id.toLowerCase(), tz, tz_label: tz, tz_offset: 0,
          is_bot: id === this.botUserId || this.botUsers.has(id) } };
      },
      "reactions.add": (p) => { need(p, "channel", "timestamp", "name"); return {}; },
      "files.getUploadURLExternal": (p) => this.uploadUrl(p),
      "files.completeUploadExternal": (p) => this.completeUpload(p),
      "files.upload": (p) => this.legacyUpload(p),
      "apps.connections.open": () => ({ url: `ws://127.0.0.1:${this.port}/socket` }),
    };
  }

  /** Tokens Slack no longer takes, with the error it answers them (revokeAppToken, uninstall). */
  private readonly revoked = new Map<string, string>();

  /**
   * The app-level token revoked (or regenerated) in the app's settings while the bot runs: Slack closes its
   * Socket Mode connections and apps.connections.open answers invalid_auth from then on.
   */
  async revokeAppToken(): Promise<void> {
    this.revoked.set(this.appToken, "invalid_auth");
    await this.socketMode.dropConnections();
  }

  /** The bot token revoked (Revoke All OAuth Tokens in the app's settings): every call with it answers token_revoked. */
  revokeBotToken(): void { this.revoked.set(this.token, "token_revoked"); }

  /**
   * The app uninstalled from the workspace: Slack sends app_uninstalled and tokens_revoked (over Socket Mode,
   * the only way this emulator pushes events), then refuses the bot token (token_revoked) and the app-level one.
   */
  async uninstall(): Promise<void> {
    const event = (type: string, extra: Record<string, unknown> = {}) => this.socketMode.envelope("events_api", {
      token: "deprecated", team_id: this.teamId, api_app_id: "A0PAPERS", type: "event_callback", event_id: `Ev${type}${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000), event: { type, ...extra } });
    await this.socketMode.ack(event("tokens_revoked", { tokens: { oauth: [], bot: [this.botUserId] } }));
    await this.socketMode.ack(event("app_uninstalled"));
    this.revoked.set(this.token, "token_revoked");
    this.revoked.set(this.appToken, "invalid_auth");
    await this.socketMode.dropConnections();
  }

  get url(): string { return `http://127.0.0.1:${this.port}`; }
  /** The Web API base to configure as SLACK_API_URL. */
  get apiUrl(): string { return `${this.url}/api/`; }
  /** A response_url Slack would hand a slash command or a button click. */
  responseUrl(id: string): string { return `${this.url}/respond/${encodeURIComponent(id)}`; }

  async start(): Promise<void> {
    this.server = createServer((req, res) => { void this.handle(req, res); });
    this.server.keepAliveTimeout = this.keepAliveTimeoutMs;
    this.socketMode.attach(this.server);
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await this.socketMode.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Forget every record and failure (not the port). */
  reset(): void {
    this.calls.length = 0; this.responses.length = 0; this.messages.length = 0; this.files.clear();
    this.failures.clear(); this.revoked.clear();
    this.limiter?.clear();
  }

  /** Record response_url posts at once but do not answer them until release() is called (ack-ordering tests). */
  holdResponses(): { release(): void } {
    let release!: () => void;
    this.held = new Promise<void>((resolve) => { release = resolve; });
    return { release: () => { this.held = null; release(); } };
  }

  addConversation(id: string, conversation: Conversation): void { this.conversations.set(id, conversation); }

  /** What Slack answers a bot naming this channel in `method`, when it is not the answer the method gives. */
  private refusalFor(method: string, channel: string): string | null {
    const conversation = this.conversations.get(channel);
    if (!conversation || !SEES_CHANNEL.has(method) || conversation.members.includes(this.botUserId)) return null;
    if (conversation.type !== "public") return "channel_not_found";
    return READS_CHANNEL.has(method) ? "not_in_channel" : null;
  }

  setRateLimit(options: RateLimitOptions | false): void { this.limiter = options ? new RateLimiter(options) : null; }
  /** Make calls touching this channel fail (`times` calls, default every call). */
  failChannel(channel: string, failure: Failure, times = Infinity): void { this.failures.add(channel, failure, times); }

  /** Make calls to this Web API method fail, whatever the channel. */
  failMethod(method: string, failure: Failure, times = Infinity): void { this.failures.add(`method:${method}`, failure, times); }

  callsTo(method: string): SlackCall[] { return this.calls.filter((c) => c.method === method); }
  /** Successful calls only. */
  okCalls(method: string): SlackCall[] { return this.calls.filter((c) => c.method === method && c.status === 200 && !c.error); }
  responsesTo(id: string): ResponsePost[] { return this.responses.filter((r) => r.id === id); }

  /** Resolves when `predicate` holds (checked after every request), or rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("SlackEmulator.waitFor timed out");
      await new Promise<void>((resolve) => { const t = setTimeout(resolve, Math.min(left, 250)); this.waiters.push(() => { clearTimeout(t); resolve(); }); });
    }
  }

  /** The n-th post to a response_url (waiting for it). */
  async response(id: string, n = 1, timeoutMs = 5_000): Promise<ResponsePost> {
    return this.waitFor(() => this.responsesTo(id)[n - 1], timeoutMs);
  }

  private notify(): void {
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w();
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(this.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private postMessage(p: Record<string, any>): Record<string, any> {
    need(p, "channel");
    if (!p.text && !p.blocks) throw new SlackError("no_text");
    const metadata = p.metadata ? parseJson(p.metadata) : undefined;
    const blocks = parseJson(p.blocks) ?? [];
    checkBlocks(blocks);
    const threadTs = p.thread_ts === undefined || p.thread_ts === "" ? undefined : String(p.thread_ts);
    // A reply names its parent by ts in the same channel (a reply to a reply is a reply to its parent).
    const parent = threadTs ? this.messages.find((m) => m.channel === String(p.channel) && m.ts === threadTs) : undefined;
    if (threadTs && !parent) throw new SlackError("thread_not_found");
    const message: StoredMessage = { channel: String(p.channel), ts: this.nextTs(), text: String(p.text ?? ""), blocks, metadata, botId: this.botId,
      ...(parent ? { threadTs: parent.threadTs ?? parent.ts } : {}) };
    this.messages.push(message);
    return { channel: message.channel, ts: message.ts, message: { type: "message", text: message.text, ts: message.ts, bot_id: this.botId, blocks: message.blocks } };
  }

  private update(p: Record<string, any>): Record<string, any> {
    need(p, "channel", "ts");
    const message = this.messages.find((m) => m.channel === p.channel && m.ts === p.ts);
    if (!message) throw new SlackError("message_not_found");
    if (p.text !== undefined) message.text = String(p.text);
    if (p.blocks !== undefined) message.blocks = parseJson(p.blocks) ?? [];
    return { channel: message.channel, ts: message.ts, text: message.text };
  }

  private history(p: Record<string, any>): Record<string, any> {
    need(p, "channel");
    const oldest = Number(p.oldest ?? 0), limit = Math.min(Number(p.limit ?? 100), 1000), offset = Number(p.cursor ?? 0);
    const withMetadata = p.include_all_metadata === true || p.include_all_metadata === "true";
    const all = this.messages.filter((m) => m.channel === p.channel && Number(m.ts) >= oldest).reverse();
    const page = all.slice(offset, offset + limit);
    return {
      messages: page.map((m) => ({ type: "message", ts: m.ts, text: m.text, bot_id: m.botId, ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) })),
      has_more: offset + limit < all.length,
      response_metadata: { next_cursor: offset + limit < all.length ? String(offset + limit) : "" },
    };
  }

  /** A message's thread, parent first, for the ts of the parent or of any reply; a message in no thread alone. */
  private replies(p: Record<string, any>): Record<string, any> {
    need(p, "channel", "ts");
    const message = this.messages.find((m) => m.channel === String(p.channel) && m.ts === String(p.ts));
    if (!message) throw new SlackError("thread_not_found");
    const parentTs = message.threadTs ?? message.ts;
    const thread = this.messages.filter((m) => m.channel === message.channel && (m.ts === parentTs || m.threadTs === parentTs));
    const threaded = thread.length > 1;
    return { messages: thread.map((m) => ({ type: "message", ts: m.ts, text: m.text, bot_id: m.botId, ...(threaded ? { thread_ts: parentTs } : {}) })), has_more: false };
  }

  private uploadUrl(p: Record<string, any>): Record<string, any> {
    need(p, "filename", "length");
    const id = `F${String(this.files.size + 1).padStart(6, "0")}`;
    this.files.set(id, { id, filename: String(p.filename), length: Number(p.length), content: "", completed: false });
    return { upload_url: `${this.url}/upload/${id}`, file_id: id };
  }

  private completeUpload(p: Record<string, any>): Record<string, any> {
    need(p, "files");
    const list = parseJson(p.files) as Array<{ id: string; title?: string }>;
    const done = list.map((f) => {
      const file = this.files.get(f.id);
      if (!file || !file.content) throw new SlackError("file_not_found");
      Object.assign(file, { completed: true, title: f.title, channel: p.channel_id, comment: p.initial_comment });
      return { id: file.id, title: f.title ?? file.filename, name: file.filename };
    });
    return { files: done };
  }

  private legacyUpload(p: Record<string, any>): Record<string, any> {
    const id = `F${String(this.files.size + 1).padStart(6, "0")}`;
    const content = String(p.content ?? "");
    this.files.set(id, { id, filename: String(p.filename ?? "file"), length: content.length, content, channel: p.channels, title: p.title, comment: p.initial_comment, completed: true });
    return { file: { id, name: p.filename } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.usedSockets.has(req.socket) && this.resetReusedSockets) {
      this.resets++;
      req.socket.resetAndDestroy();
      return;
    }
    this.usedSockets.add(req.socket);
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0]!;
    try {
      if (path.startsWith("/respond/")) {
        this.responses.push({ id: decodeURIComponent(path.slice("/respond/".length)), body: JSON.parse(raw.toString("utf8") || "{}"), at: Date.now() });
        this.notify();
        if (this.held) await this.held;
        return send(res, 200, "ok", "text/plain");
      }
      if (path.startsWith("/upload/")) {
        const file = this.files.get(path.slice("/upload/".length));
        if (!file) return send(res, 404, "no such upload", "text/plain");
        file.content = extractUploadContent(raw, String(req.headers["content-type"] ?? ""));
        return send(res, 200, `OK - ${raw.length}`, "text/plain");
      }
      if (path.startsWith("/api/")) return this.api(path.slice("/api/".length), req, raw, res);
      send(res, 404, "not found", "text/plain");
    } finally {
      this.notify();
    }
  }

  private api(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const params = parseParams(raw, String(req.headers["content-type"] ?? ""));
    const auth = String(req.headers.authorization ?? "");
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : typeof params.token === "string" ? params.token : null;
    const call: SlackCall = { method, params, token, status: 200, at: Date.now() };
    this.calls.push(call);
    const refuse = (error: string) => { call.error = error; send(res, 200, JSON.stringify({ ok: false, error })); };
    if (!token) return refuse("not_authed");
    const revoked = this.revoked.get(token);
    if (revoked) return refuse(revoked);
    // apps.connections.open takes the app-level token and only it; every other method the bot token.
    if (token !== (method === "apps.connections.open" ? this.appToken : this.token)) return refuse("invalid_auth");
    const channel = String(params.channel ?? params.channel_id ?? "");
    const failure = this.failures.take(`method:${method}`) ?? (channel ? this.failures.take(channel) : null);
    if (failure?.kind === "ratelimited") { call.status = 429; return send(res, 429, JSON.stringify({ ok: false, error: "ratelimited" }), "application/json", { "Retry-After": String(failure.retryAfter) }); }
    if (failure?.kind === "server") { call.status = failure.status ?? 500; return send(res, call.status, "upstream error", "text/plain"); }
    if (failure?.kind === "error") return refuse(failure.error);
    const refusal = this.refusalFor(method, channel);
    if (refusal) return refuse(refusal);
    if (method === "chat.postMessage" && this.limiter) {
      const wait = this.limiter.take(channel, this.now());
      if (wait > 0) { call.status = 429; return send(res, 429, JSON.stringify({ ok: false, error: "ratelimited" }), "application/json", { "Retry-After": String(Math.ceil(wait / 1000)) }); }
    }
    const handler = this.handlers[method];
    if (!handler) return refuse("unknown_method");
    try {
      send(res, 200, JSON.stringify({ ok: true, ...handler(params) }));
    } catch (error) {
      if (error instanceof SlackError) return refuse(error.message);
      throw error;
    }
  }
}

class SlackError extends Error {}

// A message holds 50 blocks; a modal or Home tab view 100.
const MAX_MESSAGE_BLOCKS = 50, MAX_VIEW_BLOCKS = 100;

/**
 * Block Kit's documented limits Slack refuses a message (or view) over with invalid_blocks: 50 blocks (100
 * in a view), 3,000 characters in a section's or context's text object, 75 in a button label, 2,000 in a
 * button value.
 */
function checkBlocks(blocks: unknown, maxBlocks = MAX_MESSAGE_BLOCKS): void {
  if (!Array.isArray(blocks)) return;
  if (blocks.length > maxBlocks) throw new SlackError("invalid_blocks");
  const texts = (node: any, limit: number) => { if (typeof node?.text === "string" && node.text.length > limit) throw new SlackError("invalid_blocks"); };
  for (const block of blocks as any[]) {
    if (block?.type === "section") { texts(block.text, 3000); for (const f of block.fields ?? []) texts(f, 2000); }
    if (block?.type === "context") for (const e of block.elements ?? []) texts(e, 3000);
    if (block?.type === "actions") {
      for (const e of block.elements ?? []) {
        if (e?.type === "button" && ((e.text?.text?.length ?? 0) > 75 || String(e.value ?? "").length > 2000)) throw new SlackError("invalid_blocks");
      }
    }
  }
}

function need(p: Record<string, any>, ...names: string[]): void {
  for (const name of names) if (p[name] === undefined || p[name] === "") throw new SlackError(name === "channel" || name === "channel_id" ? "channel_not_found" : "invalid_arguments");
}

function parseJson(value: unknown): any {
  if (typeof value !== "string") return value;
  try { return JSON.parse(value); } catch { return value; }
}

function parseParams(raw: Buffer, contentType: string): Record<string, any> {
  const text = raw.toString("utf8");
  if (contentType.includes("application/json")) return text ? JSON.parse(text) : {};
  return Object.fromEntries(new URLSearchParams(text));
}

/** The WebClient uploads a Buffer as multipart form data; take the part's bytes. */
function extractUploadContent(raw: Buffer, contentType: string): string {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  const text = raw.toString("utf8");
  if (!boundary) return text;
  const part = text.split(`--${boundary}`).find((p) => p.includes("Content-Disposition"));
  if (!part) return "";
  const start = part.indexOf("\r\n\r\n");
  return part.slice(start + 4).replace(/\r\n$/, "");
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type = "application/json", headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": type, ...headers });
  res.end(body);
}
