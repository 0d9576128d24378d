// Channel messages (digests, shares) through Discord's REST API, with Discord's failures translated
// into the core's: 429 → TransientPostError(retry after), 5xx/network → TransientPostError, a channel
// that is gone or closed to the bot → ChannelUnavailableError.
//
// This REST client is separate from the gateway client's and is built with `retries: 0` and
// `rejectOnRateLimit: () => true`: discord.js would otherwise sleep through 429s and retry 5xx itself,
// hiding them from the digest engine, which schedules retries across 1,000 channels and must see them.
// Interactive replies keep discord.js's own retries (a person is waiting; the engine is not involved).
//
// A digest message carries its delivery key twice: as an enforced nonce (Discord returns the first
// message for a quick resend, but only while it remembers the nonce, a few minutes) and on one of its
// buttons (delivery-key.ts), which findPosted reads back from the channel however long the bot was down.
import { createHash, randomBytes } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes, type APIMessage, type APIThreadChannel, type RawFile } from "discord.js";
import type { ChannelRef } from "../../core/channel.ts";
import { ChannelUnavailableError, MessageGoneError, MessageRefusedError, TransientPostError, type ChatTransport, type OpenedThread, type PostOptions, type ThreadState } from "../../core/transport.ts";
import type { Reply } from "../../core/messages/reply.ts";
import type { ComponentIds } from "./component-ids.ts";
import { renderMessage } from "./render.ts";
import { carriesDeliveryKey, withDeliveryKey } from "./delivery-key.ts";
import type { DiscussionStarter } from "../../core/messages/discussion.ts";
import { renderDiscussion } from "./render-discussion.ts";
import { discordDispatcher } from "./dispatcher.ts";

/** Mentions Discord may turn into notifications in a post: none. */
const NO_PINGS = { parse: [] as never[] };

/** Discord's "A thread has already been created for this message": the thread's id is the message's. */
const THREAD_ALREADY_CREATED = 160004;
/** Three days of quiet before Discord archives the thread (it reopens when someone posts). */
const THREAD_ARCHIVE_MINUTES = 4320;
import { targetUserId } from "../../core/person-target.ts";

/** Discord's "Unknown Channel": a thread (or channel) deleted, or never there. */
const UNKNOWN_CHANNEL = 10003;
/** Discord's "Unknown Message": the message a thread would start from was deleted. */
const UNKNOWN_MESSAGE = 10008;
/** Discord error codes that mean "this channel will not take our messages": pause it, do not retry. */
const UNAVAILABLE: Record<number, string> = {
  10003: "unknown channel (deleted, or the bot was removed)",
  50001: "missing access (the bot cannot see the channel)",
  50013: "missing permissions (the bot may not post there)",
  // A 400 like a refused message's, but the channel's: it takes no messages (a category, a forum itself).
  50008: "the channel takes no messages (a category or a forum, not a text channel)",
  // A digest subscribed in a thread a moderator closed: only Manage Threads posts there, which the bot does not ask for.
  50083: "the thread is archived and locked (a moderator closed it)",
  160005: "the thread is locked (a moderator locked it)",
  // Only a DM answers this: a personal digest, whose owner reads it in /papers subscriptions.
  50007: "your direct messages are closed to me (allow direct messages from server members in the server's privacy settings)",
};

export function createPostingRest(options: { token: string; api?: string }): REST {
  return new REST({ retries: 0, rejectOnRateLimit: () => true, agent: discordDispatcher(), ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
}

/** Discord takes a nonce of at most 25 characters; a hash of the key keeps it stable and in bounds. */
export function nonceFor(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("base64url").slice(0, 25);
}

const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);
const MAX_RESENDS_ON_RESET = 4;

/** The connection dropped under the request (undici names it on the error or on its cause). */
function isConnectionReset(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return RESET_CODES.has(e?.code ?? "") || RESET_CODES.has(e?.cause?.code ?? "");
}

export function translatePostError(error: unknown): Error {
  if (error instanceof RateLimitError) {
    return new TransientPostError(`Discord rate limit (${error.global ? "global" : error.route})`, Math.max(error.retryAfter, error.timeToReset, 1));
  }
  if (error instanceof DiscordAPIError) {
    if (error.code === UNKNOWN_MESSAGE) return new MessageGoneError("unknown message (deleted)");
    const known = typeof error.code === "number" ? UNAVAILABLE[error.code] : undefined;
    if (known) return new ChannelUnavailableError(known);
    if (error.status === 404) return new ChannelUnavailableError(`not found (${error.code})`);
    if (error.status === 403) return new ChannelUnavailableError(`forbidden (${error.code})`);
    if (error.status >= 500) return new TransientPostError(`Discord ${error.status}`);
    // 400 (50035 Invalid Form Body, 50006 empty message) and 413: this message as it is, never the channel.
    if (error.status === 400 || error.status === 413) return new MessageRefusedError(`Discord refused the message: ${error.message} (${error.code})`);
    return error;
  }
  if (error instanceof HTTPError) return error.status >= 500 ? new TransientPostError(`Discord ${error.status}`) : error;
  // fetch() failures (connection refused or reset, DNS, timeouts) are worth another try later.
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TypeError" || "code" in error)) {
    return new TransientPostError(`Discord unreachable: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Messages Discord lists per request, and how many pages findPosted reads before it gives up. */
const PAGE_SIZE = 100;
const MAX_PAGES = 5;
/**
 * A resumed delivery asks about each of its unsettled messages (up to a window of five) one after another:
 * one listing of the channel answers them all, for as long as this process has not posted there since.
 * Discord's global limit (50 requests/s) is shared by a thousand channels resuming at once.
 */
const LISTING_TTL_MS = 5_000;

interface Listing { since: number; at: number; messages: Promise<APIMessage[] | null> }

export class DiscordTransport implements ChatTransport {
  readonly platform = "discord" as const;
  private botId: Promise<string> | null = null;
  private readonly listings = new Map<string, Listing>();

  /** A person's DM channel, by user id: Discord keeps one per pair, so it is opened once per process. */
  private readonly directs = new Map<string, Promise<string>>();

  constructor(private readonly rest: REST, private readonly ids: ComponentIds) {}

  /** The Discord channel a target means: a channel as is, a person ("@123…", a personal digest) their DM. */
  private async channelId(channel: ChannelRef): Promise<string> {
    const userId = targetUserId(channel);
    if (!userId) return channel.channelId;
    let id = this.directs.get(userId);
    if (!id) {
      id = (this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }) as Promise<{ id: string }>)
        .then((c) => c.id, (error: unknown) => { throw translatePostError(error); });
      id.catch(() => this.directs.delete(userId));
      this.directs.set(userId, id);
    }
    return id;
  }

  /**
   * Every post carries an enforced nonce (a share, which has no key, a random one), which makes sending it
   * again within Discord's window harmless: so a post whose connection was reset, as a kept-alive socket
   * the far side dropped while idle does to the first request on it, is sent again at once. A pool whose
   * idle connections were all dropped answers one reset per connection, hence a few resends, not one.
   */
  async post(channel: ChannelRef, reply: Reply, options: PostOptions = {}): Promise<{ messageId: string }> {
    const rendered = renderMessage(reply, this.ids);
    const nonce = options.idempotencyKey ? nonceFor(options.idempotencyKey) : randomBytes(18).toString("base64url");
    const { file, ...message } = options.idempotencyKey ? withDeliveryKey(rendered, nonce, this.ids) : rendered;
    // A topic or query echoed in a digest ("about @everyone", "<@&role>") must not ping anyone, every day.
    const body = { ...message, nonce, enforce_nonce: true, allowed_mentions: NO_PINGS };
    const channelId = await this.channelId(channel);
    this.listings.delete(channelId); // what this post adds (or may have added) is not in it
    const files: RawFile[] | undefined = file ? [{ name: file.name, data: file.data }] : undefined;
    const send = async (resends: number): Promise<{ id: string }> => {
      try { return await this.rest.post(Routes.channelMessages(channelId), { body, ...(files ? { files } : {}) }) as { id: string }; }
      catch (error) { if (resends > 0 && isConnectionReset(error)) return send(resends - 1); throw error; }
    };
    try {
      const posted = await send(MAX_RESENDS_ON_RESET);
      return { messageId: posted.id };
    } catch (error) {
      throw translatePostError(error);
    }
  }

  /** A channel mention: Discord shows the thread's name, linked. */
  threadMention(threadId: string): string {
    return `<#${threadId}>`;
  }

  /**
   * Get Channel answers Unknown Channel for a deleted thread, and a thread's metadata says whether a
   * moderator locked it. An archived one (three quiet days) that is not locked is unarchived here, which
   * needs no more than Send Messages, so it is back in the channel's thread list when the person follows the
   * link (a post there would reopen it too). Any other failure is no proof of anything: the thread is open.
   */
  async threadState(_channel: ChannelRef, threadId: string): Promise<ThreadState> {
    let thread: APIThreadChannel;
    try {
      thread = await this.rest.get(Routes.channel(threadId)) as APIThreadChannel;
    } catch (error) {
      return error instanceof DiscordAPIError && error.code === UNKNOWN_CHANNEL ? "gone" : "open";
    }
    if (thread.thread_metadata?.locked) return "locked";
    if (thread.thread_metadata?.archived) {
      await this.rest.patch(Routes.channel(threadId), { body: { archived: false } }).catch(() => undefined);
    }
    return "open";
  }

  /**
   * Start Thread from Message, then the starter inside it. A thread Discord says already exists (a press
   * whose process died after creating it) is the same thread: its id is the message's id.
   */
  async startThread(channel: ChannelRef, messageId: string, starter: DiscussionStarter): Promise<OpenedThread> {
    let threadId = messageId;
    try {
      const thread = await this.rest.post(Routes.threads(channel.channelId, messageId),
        { body: { name: starter.threadName, auto_archive_duration: THREAD_ARCHIVE_MINUTES } }) as { id: string };
      threadId = thread.id;
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED)) throw translatePostError(error);
    }
    let posted: { id: string };
    try {
      posted = await this.rest.post(Routes.channelMessages(threadId), { body: renderDiscussion(starter) }) as { id: string };
    } catch (error) {
      throw translatePostError(error);
    }
    // The thread is a channel of its own: a reaction there names the thread's id.
    return { threadId, starter: { channel: { ...channel, channelId: threadId }, messageId: posted.id } };
  }

  /**
   * This bot's message carrying that key, among the channel's messages since `since` (newest first, at
   * most MAX_PAGES pages: a digest's messages are recent). A channel whose history the bot may not read
   * answers null: the post goes out again, and the nonce still covers a resend within Discord's window.
   */
  async findPosted(channel: ChannelRef, idempotencyKey: string, since: Date): Promise<{ messageId: string } | null> {
    const hashedKey = nonceFor(idempotencyKey);
    const channelId = await this.channelId(channel);
    const [botId, messages] = await Promise.all([this.ownId(), this.recentMessages(channelId, since.getTime())]);
    const found = messages?.find((m) => m.author?.id === botId && carriesDeliveryKey(m.components, hashedKey)
      && Date.parse(m.timestamp) >= since.getTime());
    return found ? { messageId: found.id } : null;
  }

  /** The channel's messages since `since`, newest first (null: the bot may not read its history). */
  private recentMessages(channelId: string, since: number): Promise<APIMessage[] | null> {
    const cached = this.listings.get(channelId);
    if (cached && cached.since <= since && Date.now() - cached.at < LISTING_TTL_MS) return cached.messages;
    const messages = this.listMessages(channelId, since);
    const listing = { since, at: Date.now(), messages };
    this.listings.set(channelId, listing);
    messages.catch(() => { if (this.listings.get(channelId) === listing) this.listings.delete(channelId); });
    return messages;
  }

  private async listMessages(channelId: string, since: number): Promise<APIMessage[] | null> {
    const recent: APIMessage[] = [];
    let before: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(before ? { before } : {}) });
      let messages: APIMessage[];
      try {
        messages = await this.rest.get(Routes.channelMessages(channelId), { query }) as APIMessage[];
      } catch (error) {
        if (error instanceof DiscordAPIError && error.status === 403) return null;
        throw translatePostError(error);
      }
      const fresh = messages.filter((m) => Date.parse(m.timestamp) >= since);
      recent.push(...fresh);
      if (fresh.length < messages.length || messages.length < PAGE_SIZE) break;
      before = messages.at(-1)!.id;
    }
    return recent;
  }

  /** The bot's user id, asked once: another app's message with the same key (a second deployment) is not ours. */
  private ownId(): Promise<string> {
    this.botId ??= (this.rest.get(Routes.user("@me")) as Promise<{ id: string }>).then((u) => u.id, (error: unknown) => {
      this.botId = null;
      throw translatePostError(error);
    });
    return this.botId;
  }
}
