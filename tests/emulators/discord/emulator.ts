// A small Discord on loopback for tests and benchmarks: the REST routes papers-bot uses and a gateway.
// It records every REST call, stores the messages it is sent, and can fail a channel (429, 500, Unknown
// Channel, Missing Access, Missing Permissions) or apply a Discord-like global rate limit. Like Discord
// it remembers a message nonce (enforce_nonce) only for a few minutes, on its own clock, which a test
// moves forward (`advance`) to stand in for a bot that was down for a while.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Gateway } from "./gateway.ts";
import { channelObject, messageObject, pingsOf, snowflake, userObject, type EmulatedGuild, type EmulatedUser, type MessageRecord, type ThreadRecord } from "./payloads.ts";
import { checkMessageBody, checkNotEmpty, checkThreadBody } from "./limits.ts";
import { discordError, parseRequest, rateLimited, RecordLog, send, type Answer, type ParsedRequest, type RestRecord } from "./rest.ts";
import { INTENTS } from "./dispatch.ts";

export type ChannelFailure =
  | { kind: "rateLimit"; retryAfterSeconds: number }
  | { kind: "serverError" }
  | { kind: "unknownChannel" }
  | { kind: "missingAccess" }
  | { kind: "missingPermissions" }
  // A message Discord will not take as it is (a limit limits.ts does not model): 400 / 50035.
  | { kind: "invalidFormBody" }
  | { kind: "nonTextChannel" };

export interface DiscordEmulatorOptions {
  applicationId?: string;
  guilds?: EmulatedGuild[];
  /** Requests per second across non-interaction routes before a global 429 (Discord: 50). Off when unset. */
  globalRateLimit?: number;
  heartbeatIntervalMs?: number;
  /** How long a nonce is remembered for enforce_nonce (Discord: "the past few minutes"). Default 5 minutes. */
  nonceMemoryMs?: number;
  /** The bot token it accepts (REST `Authorization: Bot …`, gateway IDENTIFY); anything else is refused. */
  token?: string;
}

const FAILURES: Record<Exclude<ChannelFailure["kind"], "rateLimit">, Answer> = {
  serverError: discordError(500, 0, "500: Internal Server Error"),
  unknownChannel: discordError(404, 10003, "Unknown Channel"),
  missingAccess: discordError(403, 50001, "Missing Access"),
  missingPermissions: discordError(403, 50013, "Missing Permissions"),
  invalidFormBody: discordError(400, 50035, "Invalid Form Body"),
  nonTextChannel: discordError(400, 50008, "Cannot send messages in a non-text channel"),
};

const ROUTES = [
  "/gateway/bot", "/users/@me", "/applications/@me", "/users/@me/channels", "/applications/:app/commands", "/applications/:app/guilds/:guild/commands",
  "/interactions/:id/:token/callback", "/webhooks/:app/:token/messages/@original", "/webhooks/:app/:token",
  "/channels/:channel", "/channels/:channel/messages", "/channels/:channel/messages/:message", "/channels/:channel/messages/:message/reactions/:emoji/@me",
  "/channels/:channel/messages/:message/threads",
];

export class DiscordEmulator {
  readonly applicationId: string;
  /** The one bot token it accepts, as Discord accepts only the bot's own (DISCORD_TOKEN); resetToken changes it. */
  get token(): string { return this.currentToken; }
  private currentToken: string;
  readonly bot: EmulatedUser = { id: snowflake(), username: "papers-bot", bot: true };
  readonly guilds: EmulatedGuild[];
  readonly gateway: Gateway;
  readonly messages = new Map<string, MessageRecord>();
  /** Interaction token → its original response (after edits) and follow-ups. */
  readonly interactionReplies = new Map<string, { original: any; followups: any[] }>();
  /** Application commands as last PUT, by "global" or guild id. */
  readonly commands = new Map<string, unknown[]>();
  readonly closedDms = new Set<string>();
  /** Threads started from messages, by thread id (= the starter message's id, as on Discord). */
  readonly threads = new Map<string, ThreadRecord>();
  globalRateLimit: number | null;
  /** The global limit's window: Discord's is a second; a test that must not straddle a boundary widens it. */
  globalRateWindowMs = 1000;
  /** A channel post is stored at once but answered this much later: a crash can fall between the two. */
  postDelayMs = 0;
  /** Reset every connection that comes back for another request, before reading it (a proxy that dropped it idle). */
  resetReusedSockets = false;
  /** Connections reset that way. */
  resets = 0;
  private readonly usedSockets = new WeakSet<object>();
  readonly nonceMemoryMs: number;
  private clockOffsetMs = 0;
  /** "channel:nonce" → the message it made and when, for enforce_nonce while it is remembered. */
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  private readonly log = new RecordLog();
  private readonly failures = new Map<string, { failure: ChannelFailure; remaining: number }>();
  private failingCallbacks = 0;
  private readonly dmChannels = new Map<string, string>();
  private readonly dmOwners = new Map<string, string>();
  private window = { start: 0, count: 0 };
  private server: Server | null = null;
  private port = 0;

  constructor(options: DiscordEmulatorOptions = {}) {
    this.applicationId = options.applicationId ?? snowflake();
    this.currentToken = options.token ?? "test-discord-token-not-real";
    this.guilds = options.guilds ?? [{ id: snowflake(), name: "Research", channels: [{ id: snowflake(), name: "papers" }, { id: snowflake(), name: "general" }] }];
    this.globalRateLimit = options.globalRateLimit ?? null;
    this.nonceMemoryMs = options.nonceMemoryMs ?? 5 * 60_000;
    this.gateway = new Gateway({ bot: this.bot, applicationId: this.applicationId, guilds: this.guilds, heartbeatIntervalMs: options.heartbeatIntervalMs, token: () => this.token,
      threads: () => this.threads.values() }, () => this.gatewayUrl);
  }

  /** For `rest: { api }` in discord.js and DISCORD_API_URL. */
  get apiUrl(): string { return `http://127.0.0.1:${this.port}/api`; }
  get gatewayUrl(): string { return `ws://127.0.0.1:${this.port}/gateway`; }
  get records(): readonly RestRecord[] { return this.log.records; }

  /** The emulator's clock (message timestamps, snowflakes, nonce memory): real time, moved by setTime/advance. */
  now(): number { return Date.now() + this.clockOffsetMs; }
  setTime(at: string | Date): void { this.clockOffsetMs = new Date(at).getTime() - Date.now(); }
  advance(ms: number): void { this.clockOffsetMs += ms; }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (this.resetReusedSockets && this.usedSockets.has(req.socket)) { this.resets++; req.socket.resetAndDestroy(); return; }
      this.usedSockets.add(req.socket);
      const at = performance.now();
      // Compared here, not recorded: the records never hold the token.
      const authorized = req.headers.authorization === `Bot ${this.token}`;
      parseRequest(req, at).then((request) => {
        const answer = this.route(request, authorized);
        this.log.push({ ...request, status: answer.status });
        send(res, answer);
      }).catch((error: unknown) => send(res, discordError(400, 50035, `Invalid Form Body: ${(error as Error).message}`)));
    });
    this.gateway.attach(this.server);
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Forgets calls, messages, replies and failures; the connection and the guilds stay. */
  reset(): void {
    this.log.clear(); this.messages.clear(); this.threads.clear(); this.interactionReplies.clear(); this.failures.clear(); this.closedDms.clear();
    this.nonces.clear();
    this.failingCallbacks = 0;
    this.window = { start: 0, count: 0 };
    this.globalRateWindowMs = 1000;
    this.postDelayMs = 0;
    this.clockOffsetMs = 0;
    this.resetReusedSockets = false;
    this.resets = 0;
  }

  waitFor(match: (r: RestRecord) => boolean, what = "matching call", timeoutMs = 5_000): Promise<RestRecord> {
    return this.log.waitFor(match, timeoutMs, what);
  }

  /** The next `times` posts to this channel fail this way (Infinity: until reset). */
  failChannel(channelId: string, failure: ChannelFailure, times = Infinity): void {
    this.failures.set(channelId, { failure, remaining: times });
  }

  /** The next `times` interaction callbacks (deferrals, replies) answer 500 and are not taken. */
  failCallbacks(times: number): void { this.failingCallbacks = times; }

  /** A message in a channel, as if the bot had posted it earlier (e.g. before a restart). */
  seedMessage(channelId: string, content: string, author: EmulatedUser = this.bot): MessageRecord {
    const message: MessageRecord = { id: snowflake(this.now()), channel_id: channelId, content, embeds: [], components: [], flags: 0, author: userObject(author),
      timestamp: new Date(this.now()).toISOString(), attachments: [] };
    this.messages.set(message.id, message);
    return message;
  }

  channelMessages(channelId: string): MessageRecord[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  dmChannelOf(userId: string): string | undefined { return this.dmChannels.get(userId); }

  /**
   * The token reset (Reset Token in the Developer Portal, or Discord's own reset of a token found published):
   * the old one is refused from now on, over REST (401) and at the gateway, which closes its sessions with 4004.
   */
  resetToken(): void {
    this.currentToken = `test-discord-token-reset-${snowflake()}`;
    this.gateway.closeAll(4004, "Authentication failed.");
  }

  /** A moderator closes a thread (archived and locked): only those who may manage threads post there again. */
  closeThread(threadId: string): void { this.setThreadState(threadId, { archived: true, locked: true }); }

  /**
   * A thread archived (three quiet days, or a moderator) and/or locked (a moderator): a post or an unarchive
   * reopens an archived one, unless it is locked. Discord tells every client with the GUILDS intent.
   */
  setThreadState(threadId: string, state: { archived?: boolean; locked?: boolean }): void {
    const thread = this.threads.get(threadId);
    if (!thread) return;
    thread.thread_metadata = { ...thread.thread_metadata, ...state };
    if (this.gateway.connections > 0) this.gateway.dispatch("THREAD_UPDATE", thread, INTENTS.guilds);
  }

  /** An admin adds a text channel to the first guild (Discord tells every client with the GUILDS intent). */
  addChannel(name: string, type = 0): string {
    const guild = this.guilds[0]!;
    const channel = { id: snowflake(this.now()), name, type };
    guild.channels.push(channel);
    if (this.gateway.connections > 0) this.gateway.dispatch("CHANNEL_CREATE", channelObject(guild.id, channel, guild.channels.length - 1), INTENTS.guilds);
    return channel.id;
  }

  /** An admin deletes a channel: it, its messages and its threads are gone, and CHANNEL_DELETE says so. */
  deleteChannel(channelId: string): void {
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
    if (!guild) return;
    const channel = guild.channels.find((c) => c.id === channelId)!;
    guild.channels.splice(guild.channels.indexOf(channel), 1);
    for (const [id, thread] of this.threads) if (thread.parent_id === channelId) this.threads.delete(id);
    for (const [id, message] of this.messages) if (message.channel_id === channelId) this.messages.delete(id);
    if (this.gateway.connections > 0) this.gateway.dispatch("CHANNEL_DELETE", channelObject(guild.id, channel), INTENTS.guilds);
  }

  /** A moderator deletes a thread: it and its messages are gone, and its message may start a new one. */
  deleteThread(threadId: string): void {
    const thread = this.threads.get(threadId);
    if (!thread) return;
    this.threads.delete(threadId);
    for (const [id, message] of this.messages) {
      if (message.channel_id === threadId) this.messages.delete(id);
      else if (message.thread?.id === threadId) delete message.thread;
    }
    if (this.gateway.connections > 0) this.gateway.dispatch("THREAD_DELETE", { id: threadId, type: 11, guild_id: thread.guild_id, parent_id: thread.parent_id }, INTENTS.guilds);
  }

  /** Get Channel: a thread, a server's channel or a DM; anything else (deleted, never known) is Unknown Channel. */
  private channel(channelId: string): Answer {
    const thread = this.threads.get(channelId);
    if (thread) return { status: 200, body: thread };
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
    if (guild) return { status: 200, body: channelObject(guild.id, guild.channels.find((c) => c.id === channelId)!) };
    const owner = this.dmOwners.get(channelId);
    if (owner) return { status: 200, body: { id: channelId, type: 1, last_message_id: null, recipients: [userObject({ id: owner, username: `user${owner.slice(-4)}` })] } };
    return discordError(404, 10003, "Unknown Channel");
  }

  private route(r: ParsedRequest, authorized: boolean): Answer {
    const parts = r.path.split("/").filter(Boolean);
    // Interaction callbacks and webhooks are authorised by the token in their path, not the bot's.
    const exempt = parts[0] === "interactions" || parts[0] === "webhooks";
    if (!exempt && !authorized) return discordError(401, 0, "401: Unauthorized");
    if (!exempt && this.globalRateLimit !== null) {
      if (r.at - this.window.start >= this.globalRateWindowMs) this.window = { start: r.at, count: 0 };
      if (++this.window.count > this.globalRateLimit) return rateLimited(Math.max(0.001, (this.window.start + this.globalRateWindowMs - r.at) / 1000), true);
    }
    const [route, ...ids] = this.match(r.method, parts);
    // Another application's commands are none of this bot's business.
    if (route?.includes("/applications/:app/") && ids[0] !== this.applicationId) return discordError(403, 50001, "Missing Access");
    switch (route) {
      case "GET /gateway/bot":
        return { status: 200, body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } };
      case "GET /users/@me": return { status: 200, body: userObject(this.bot) };
      // Get Current Application: the application whose bot the token is.
      case "GET /applications/@me": return { status: 200, body: { id: this.applicationId, name: this.bot.username, bot: userObject(this.bot), flags: 0 } };
      case "PUT /applications/:app/commands": return this.putCommands("global", r.body);
      // A server the bot was never added to (with the applications.commands scope): Discord's Missing Access.
      case "PUT /applications/:app/guilds/:guild/commands":
        return this.guilds.some((g) => g.id === ids[1]) ? this.putCommands(ids[1]!, r.body) : discordError(403, 50001, "Missing Access");
      case "GET /applications/:app/commands": return { status: 200, body: this.commands.get("global") ?? [] };
      case "GET /applications/:app/guilds/:guild/commands": return { status: 200, body: this.commands.get(ids[1]!) ?? [] };
      case "POST /interactions/:id/:token/callback": return this.callback(ids[1]!, r.body);
      case "PATCH /webhooks/:app/:token/messages/@original": return this.editOriginal(ids[1]!, r.body, r.files);
      case "GET /webhooks/:app/:token/messages/@original": return this.original(ids[1]!);
      case "DELETE /webhooks/:app/:token/messages/@original": this.replyOf(ids[1]!).original = null; return { status: 204 };
      case "POST /webhooks/:app/:token": return this.followup(ids[1]!, r.body, r.files.length);
      case "GET /channels/:channel": return this.channel(ids[0]!);
      case "PATCH /channels/:channel": return this.modifyThread(ids[0]!, r.body);
      case "POST /channels/:channel/messages": return this.createMessage(ids[0]!, r.body, r.files.length);
      case "GET /channels/:channel/messages": return this.listMessages(ids[0]!, r.query);
      case "GET /channels/:channel/messages/:message": {
        const message = this.messages.get(ids[1]!);
        return message && message.channel_id === ids[0] ? { status: 200, body: messageObject(message) } : discordError(404, 10008, "Unknown Message");
      }
      case "PUT /channels/:channel/messages/:message/reactions/:emoji/@me":
        return this.messages.has(ids[1]!) ? { status: 204 } : discordError(404, 10008, "Unknown Message");
      case "POST /users/@me/channels": return this.openDm(String(r.body?.recipient_id ?? ""));
      case "POST /channels/:channel/messages/:message/threads": return this.startThread(ids[0]!, ids[1]!, r.body);
      default: return discordError(404, 0, `404: Not Found (${r.method} ${r.path})`);
    }
  }

  /** "POST /channels/123/messages" → ["POST /channels/:channel/messages", "123"]. */
  private match(method: string, parts: string[]): string[] {
    for (const pattern of ROUTES) {
      const names = pattern.split("/").filter(Boolean);
      if (names.length !== parts.length) continue;
      const ids: string[] = [];
      if (names.every((n, i) => (n.startsWith(":") ? (ids.push(parts[i]!), true) : n === parts[i]))) return [`${method} /${names.join("/")}`, ...ids];
    }
    return [""];
  }

  private putCommands(scope: string, body: unknown): Answer {
    const list = (Array.isArray(body) ? body : []).map((c: any) => ({ id: snowflake(), application_id: this.applicationId, version: snowflake(), type: 1, ...c }));
    this.commands.set(scope, list);
    return { status: 200, body: list };
  }

  private replyOf(token: string) {
    let entry = this.interactionReplies.get(token);
    if (!entry) { entry = { original: null, followups: [] }; this.interactionReplies.set(token, entry); }
    return entry;
  }

  private asMessage(body: any, flags = 0): MessageRecord {
    return { id: snowflake(this.now()), channel_id: this.guilds[0]!.channels[0]!.id, content: body?.content ?? "", embeds: body?.embeds ?? [], components: body?.components ?? [],
      flags: body?.flags ?? flags, author: userObject(this.bot), timestamp: new Date(this.now()).toISOString(), attachments: body?.attachments ?? [],
      pings: pingsOf(body) };
  }

  private callback(token: string, body: any): Answer {
    if (this.failingCallbacks > 0) { this.failingCallbacks--; return discordError(500, 0, "500: Internal Server Error"); }
    // 4: message, 5: deferred message, 6: deferred update, 7: update, 8: autocomplete result.
    if ([4, 5].includes(body?.type)) this.replyOf(token).original = this.asMessage(body.data ?? {}, body.data?.flags ?? 0);
    return { status: 204 };
  }

  private original(token: string): Answer {
    const original = this.interactionReplies.get(token)?.original;
    return original ? { status: 200, body: messageObject(original) } : discordError(404, 10008, "Unknown Message");
  }

  private editOriginal(token: string, body: any, files: { name: string; content: string }[]): Answer {
    const invalid = checkMessageBody(body);
    if (invalid) return invalid;
    const entry = this.replyOf(token);
    entry.original = { ...(entry.original ?? this.asMessage({})), ...body, attachments: files.map((f, i) => ({ id: String(i), filename: f.name, size: f.content.length })),
      pings: pingsOf(body) };
    return { status: 200, body: messageObject(entry.original) };
  }

  private followup(token: string, body: any, files = 0): Answer {
    const invalid = checkMessageBody(body) ?? checkNotEmpty(body, files);
    if (invalid) return invalid;
    const message = this.asMessage(body);
    this.replyOf(token).followups.push(message);
    return { status: 200, body: messageObject(message) };
  }

  private createMessage(channelId: string, body: any, files = 0): Answer {
    const failing = this.failures.get(channelId);
    if (failing && failing.remaining > 0) {
      failing.remaining--;
      if (failing.failure.kind === "rateLimit") return rateLimited(failing.failure.retryAfterSeconds, false);
      return FAILURES[failing.failure.kind];
    }
    const owner = this.dmOwners.get(channelId);
    if (owner && this.closedDms.has(owner)) return discordError(403, 50007, "Cannot send messages to this user");
    if (!this.knows(channelId)) return discordError(404, 10003, "Unknown Channel");
    const invalid = checkMessageBody(body) ?? checkNotEmpty(body, files);
    if (invalid) return invalid;
    const thread = this.threads.get(channelId);
    // An archived thread reopens when the bot posts, unless it is locked (the bot has no Manage Threads):
    // archived and locked answers 50083, locked alone 160005.
    if (thread?.thread_metadata.locked) {
      return thread.thread_metadata.archived ? discordError(400, 50083, "Thread is archived") : discordError(400, 160005, "Thread is locked");
    }
    if (thread) { thread.thread_metadata.archived = false; thread.message_count++; }
    // enforce_nonce: the same nonce in the same channel returns the first message instead of a second,
    // while the nonce is remembered; after that a resend is a new message, as on Discord.
    const nonceKey = `${channelId}:${String(body?.nonce)}`;
    if (body?.enforce_nonce && body.nonce !== undefined) {
      const seen = this.nonces.get(nonceKey);
      const same = seen && this.now() - seen.at < this.nonceMemoryMs ? this.messages.get(seen.messageId) : undefined;
      if (same) return { status: 200, body: messageObject(same), delayMs: this.postDelayMs };
    }
    const message: MessageRecord = { ...this.asMessage(body), channel_id: channelId, nonce: body?.nonce };
    this.messages.set(message.id, message);
    if (body?.nonce !== undefined) this.nonces.set(nonceKey, { messageId: message.id, at: this.now() });
    return { status: 200, body: messageObject(message), delayMs: this.postDelayMs };
  }

  /** A DM, a thread or a server's channel the emulator knows: where messages may be posted and listed. */
  private knows(channelId: string): boolean {
    return this.dmOwners.has(channelId) || this.threads.has(channelId) || this.guilds.some((g) => g.channels.some((c) => c.id === channelId));
  }

  /** Newest first, `limit` (1–100, default 50) before or after a message id. Like Discord, without nonces. */
  private listMessages(channelId: string, query: Record<string, string>): Answer {
    // A thread's messages list as a channel's do: a digest resumed in a thread finds what it sent there.
    if (!this.knows(channelId)) return discordError(404, 10003, "Unknown Channel");
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50) || 50));
    let list = this.channelMessages(channelId).sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    if (query.before) list = list.filter((m) => BigInt(m.id) < BigInt(query.before!));
    if (query.after) list = list.filter((m) => BigInt(m.id) > BigInt(query.after!)).slice(-limit);
    return { status: 200, body: list.slice(0, limit).map(({ nonce: _nonce, ...m }) => messageObject(m)) };
  }

  /**
   * Start Thread from Message: one thread per message, ever; a second request gets Discord's 160004
   * ("A thread has already been created for this message"). The thread's id is the message's id.
   */
  private startThread(channelId: string, messageId: string, body: any): Answer {
    // No thread in a DM, nor inside another thread (a Discuss thread, a forum post).
    if (this.dmOwners.has(channelId) || this.threads.has(channelId)) return discordError(400, 50024, "Cannot execute action on this channel type");
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
    if (!guild) return discordError(404, 10003, "Unknown Channel");
    // Threads start only in text and announcement channels (not in a voice channel's text chat).
    if (![0, 5].includes(guild.channels.find((c) => c.id === channelId)!.type ?? 0)) return discordError(400, 50024, "Cannot execute action on this channel type");
    const message = this.messages.get(messageId);
    if (!message || message.channel_id !== channelId) return discordError(404, 10008, "Unknown Message");
    const invalid = checkThreadBody(body);
    if (invalid) return invalid;
    if (this.threads.has(messageId)) return discordError(400, 160004, "A thread has already been created for this message");
    const archive = Number(body?.auto_archive_duration ?? 4320);
    const thread: ThreadRecord = { id: messageId, type: 11, guild_id: guild.id, parent_id: channelId, name: String(body.name), owner_id: this.bot.id,
      auto_archive_duration: archive, message_count: 0, member_count: 1,
      thread_metadata: { archived: false, auto_archive_duration: archive, archive_timestamp: new Date(this.now()).toISOString(), locked: false } };
    this.threads.set(messageId, thread);
    message.thread = thread;
    // As Discord does: the new thread to every client with the GUILDS intent (the creator's marked newly created).
    if (this.gateway.connections > 0) this.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true }, INTENTS.guilds);
    return { status: 201, body: thread };
  }

  /**
   * Modify Channel, as far as a bot without Manage Threads may use it on a thread: `archived: false` reopens
   * one that is not locked (Send Messages is enough); anything else, or a locked thread, is Missing Permissions.
   */
  private modifyThread(threadId: string, body: any): Answer {
    const thread = this.threads.get(threadId);
    if (!thread) return this.channel(threadId).status === 200 ? discordError(403, 50013, "Missing Permissions") : discordError(404, 10003, "Unknown Channel");
    const onlyUnarchive = body && Object.keys(body).length === 1 && body.archived === false;
    if (!onlyUnarchive || thread.thread_metadata.locked) return discordError(403, 50013, "Missing Permissions");
    this.setThreadState(threadId, { archived: false });
    return { status: 200, body: thread };
  }

  private openDm(userId: string): Answer {
    if (!userId) return discordError(400, 50035, "Invalid Form Body");
    let id = this.dmChannels.get(userId);
    if (!id) { id = snowflake(); this.dmChannels.set(userId, id); this.dmOwners.set(id, userId); }
    return { status: 200, body: { id, type: 1, last_message_id: null, recipients: [userObject({ id: userId, username: `user${userId.slice(-4)}` })] } };
  }
}
