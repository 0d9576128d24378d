// Real channel messages (digests, shares) through the Web API, with Slack's failures translated into the
// core's: wait-and-retry (rate limits, 5xx, network) versus stop-posting-here (channel gone, bot removed).
// Its WebClient never retries or sleeps on its own: the caller (the digest's scheduler) decides when to retry.
// Posting goes around the WebClient (see post); looking messages up goes through it.
import { webApi } from "./bolt.ts";
import type { ChannelRef } from "../../core/channel.ts";
import { ChannelUnavailableError, MessageGoneError, MessageRefusedError, TransientPostError, type ChatTransport, type OpenedThread, type PostOptions } from "../../core/transport.ts";
import type { Reply } from "../../core/messages/reply.ts";
import { renderReply } from "./render.ts";
import type { DiscussionStarter } from "../../core/messages/discussion.ts";
import { renderDiscussion } from "./render-discussion.ts";
import { keepAliveFetch } from "./fetch.ts";
import { retryDelayMs } from "../../core/retry-delay.ts";
import { targetUserId } from "../../core/person-target.ts";
import { botHandle } from "../../core/messages/bot-name.ts";

export const IDEMPOTENCY_EVENT_TYPE = "papers_bot_post";

/** The bot cannot post here until a person changes something: pause the subscription, do not retry. */
const UNAVAILABLE = new Set(["channel_not_found", "is_archived", "channel_is_archived", "not_in_channel",
  // A personal digest's person: gone from the workspace, or one the bot may not message.
  "user_disabled", "user_not_found", "cannot_dm_bot",
  "restricted_action", "ekm_access_denied", "team_access_not_granted", "missing_scope",
  // The workspace lets only admins post in #general (older workspaces answer this rather than restricted_action).
  "posting_to_general_channel_denied"]);

/** Whether Slack will not take the bot's messages in that channel until someone changes it. Slack names a
 * channel's own posting rules restricted_action_<why> (a read-only channel, a thread-only one): as
 * permanent as restricted_action itself. Left unmapped, a digest subscribed in a read-only announcements
 * channel was tried again every minute all day, with nobody told. */
function channelRefuses(reason: string): boolean {
  return UNAVAILABLE.has(reason) || reason.startsWith("restricted_action_");
}
/**
 * The bot's token no longer works (revoked, the app uninstalled): no channel's fault, so none is paused (each
 * would need /papers subscribe again after the new token); the post is tried again later, and `papers start`
 * stops meanwhile, saying which variable to fix (credentials.ts tokenLost).
 */
const TOKEN_GONE = new Set(["token_revoked", "invalid_auth", "not_authed", "account_inactive", "token_expired"]);
/** Slack's words for a message it will never take as it is (its blocks, its length): the next is tried. */
const REFUSED_MESSAGE = new Set(["invalid_blocks", "invalid_blocks_format", "msg_too_long", "msg_blocks_too_long", "no_text",
  "too_many_attachments", "invalid_attachments", "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large"]);
/** Slack's own words for "try again later" when it answers 200 with ok:false. */
const TRANSIENT = new Set(["ratelimited", "rate_limited", "fatal_error", "internal_error", "service_unavailable", "request_timeout"]);

interface SlackErrorShape { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; original?: Error; message?: string }

/** Slack's `error` of an ok:false answer → stop posting here, try again later, or what Slack refused. */
function fromSlackReason(reason: string): Error {
  if (channelRefuses(reason)) return new ChannelUnavailableError(reason);
  if (TOKEN_GONE.has(reason)) return new TransientPostError(`Slack stopped accepting the bot token (${reason})`);
  if (reason === "thread_not_found" || reason === "message_not_found") return new MessageGoneError(reason);
  if (TRANSIENT.has(reason)) return new TransientPostError(`Slack said ${reason}`);
  if (REFUSED_MESSAGE.has(reason)) return new MessageRefusedError(`Slack refused the message: ${reason}`);
  return new Error(`Slack refused the message: ${reason}`);
}

function fromHttpStatus(status: number): Error {
  return status >= 500 || status === 408 ? new TransientPostError(`Slack answered HTTP ${status}`) : new Error(`Slack answered HTTP ${status}`);
}

/** Any WebClient failure → ChannelUnavailableError, TransientPostError, or an Error that says what Slack refused. */
export function mapSlackError(error: unknown): Error {
  const e = (error ?? {}) as SlackErrorShape;
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new TransientPostError("Slack rate limited the call", Math.max(0, e.retryAfter ?? 1) * 1000);
    case webApi.ErrorCode.RequestError:
      return new TransientPostError(`Slack could not be reached: ${e.original?.message ?? "network error"}`);
    case webApi.ErrorCode.HTTPError:
      return fromHttpStatus(e.statusCode ?? 500);
    case webApi.ErrorCode.PlatformError:
      return fromSlackReason(e.data?.error ?? "unknown_error");
  }
  // A 429 without a usable Retry-After surfaces as a plain Error from the client.
  if (error instanceof Error && /rate limit/i.test(error.message)) return new TransientPostError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

interface HistoryMessage { ts?: string; bot_id?: string; metadata?: { event_type?: string; event_payload?: { key?: unknown } } }

export class SlackTransport implements ChatTransport {
  readonly platform = "slack" as const;
  // Slack: "1 message per second per channel" for chat.postMessage. The limit is per channel, so a digest
  // serves many channels at once, each mostly waiting out its second; keepAliveFetch's agent bounds the
  // requests actually in flight (256 sockets).
  readonly minIntervalMs = 1000;
  readonly concurrency = 1000;

  /** A person's DM with the bot, by user id: Slack keeps one per pair, so it is asked once per process. */
  private readonly directs = new Map<string, Promise<string>>();

  /** The bot's own user, how a message names the bot (render.ts botMention). */
  private botUser: Promise<string | undefined> | undefined;

  /** `botUserId`: the bot's user as startSlack's auth.test found it; without it (a one-shot `papers digest run`),
   * asked of auth.test the first time a message names the bot. `onError`: told each ok:false answer of the
   * posts made here without the WebClient, as the WebClient's fetch tells its own (app.ts clientOptions). */
  constructor(private readonly client: webApi.WebClient, botUserId?: string, private readonly onError?: (method: string, error: string) => void) {
    if (botUserId) this.botUser = Promise.resolve(botUserId);
  }

  private botUserFor(reply: Reply): Promise<string | undefined> {
    if (!reply.text.includes(botHandle())) return Promise.resolve(undefined);
    this.botUser ??= this.client.auth.test().then((answer) => answer.user_id, () => undefined);
    return this.botUser;
  }

  /** The Slack channel a target means: a channel as is, a person ("@U123", a personal digest) their DM. */
  private conversation(channel: ChannelRef): Promise<string> {
    const userId = targetUserId(channel);
    if (!userId) return Promise.resolve(channel.channelId);
    let id = this.directs.get(userId);
    if (!id) {
      id = this.client.conversations.open({ users: userId }).then((r) => {
        const opened = (r as { channel?: { id?: string } }).channel?.id;
        if (!opened) throw new ChannelUnavailableError("Slack opened no direct message");
        return opened;
      }, (error: unknown) => { throw mapSlackError(error); });
      id.catch(() => this.directs.delete(userId));
      this.directs.set(userId, id);
    }
    return id;
  }

  /**
   * chat.postMessage as one JSON POST over keepAliveFetch, not through the WebClient: a digest posts
   * thousands of these, and the WebClient's per-call work (a queue, a retry wrapper, a debug line of the
   * whole body built even when not logged, the blocks JSON url-encoded a second time) was a fifth of the
   * fan-out's CPU per message. Same token, base URL and failure mapping as the WebClient's calls; retries
   * stay with the digest's scheduler.
   */
  async post(channel: ChannelRef, reply: Reply, options: PostOptions = {}): Promise<{ messageId: string }> {
    let first: string | undefined;
    const conversation = await this.conversation(channel);
    for (const [i, message] of renderReply(reply, await this.botUserFor(reply)).entries()) {
      const body = JSON.stringify({ channel: conversation, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false,
        // The key rides along as message metadata, so findPosted can recognise the message after a crash.
        ...(i === 0 && options.idempotencyKey ? { metadata: { event_type: IDEMPOTENCY_EVENT_TYPE, event_payload: { key: options.idempotencyKey } } } : {}) });
      const answer = await this.postJson("chat.postMessage", body);
      first ??= String(answer.ts);
    }
    return { messageId: first! };
  }

  /** Slack's thread is the replies under the message: the starter is the first reply (thread_ts). */
  async startThread(channel: ChannelRef, messageId: string, starter: DiscussionStarter): Promise<OpenedThread> {
    const message = renderDiscussion(starter);
    const { ts } = await this.postJson("chat.postMessage", JSON.stringify({ channel: channel.channelId, thread_ts: messageId, text: message.text, blocks: message.blocks,
      unfurl_links: false, unfurl_media: false }));
    return { threadId: messageId, ...(ts ? { starter: { channel, messageId: ts } } : {}) };
  }

  private async postJson(method: string, body: string): Promise<{ ts?: string }> {
    let response: Response;
    try {
      response = await keepAliveFetch(`${this.client.slackApiUrl}${method}`, { method: "POST", body,
        headers: { "Content-Type": "application/json; charset=utf-8", Authorization: `Bearer ${this.client.token}` } });
    } catch (error) {
      throw new TransientPostError(`Slack could not be reached: ${(error as Error)?.message ?? "network error"}`);
    }
    if (response.status === 429) {
      // Without a usable Retry-After, a second: Slack's own per-channel pace.
      throw new TransientPostError("Slack rate limited the call", retryDelayMs(response.headers) ?? 1000);
    }
    if (response.status !== 200) throw fromHttpStatus(response.status);
    let data: { ok?: boolean; error?: string; ts?: string };
    try { data = await response.json() as typeof data; }
    catch { throw new TransientPostError("Slack answered with something that is not JSON"); }
    if (!data.ok) {
      this.onError?.(method, data.error ?? "unknown_error");
      throw fromSlackReason(data.error ?? "unknown_error");
    }
    return data;
  }

  async findPosted(channel: ChannelRef, idempotencyKey: string, since: Date): Promise<{ messageId: string } | null> {
    let cursor: string | undefined;
    const conversation = await this.conversation(channel);
    // A digest day is a few dozen messages at most; five pages bound the cost of a busy channel.
    for (let page = 0; page < 5; page++) {
      let result: { messages?: HistoryMessage[]; response_metadata?: { next_cursor?: string } };
      try {
        result = await this.client.conversations.history({ channel: conversation, oldest: (since.getTime() / 1000).toFixed(6),
          include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) }) as typeof result;
      } catch (error) {
        const mapped = mapSlackError(error);
        // A public channel the bot posts in without being in it (chat:write.public) keeps its history from the
        // bot: it cannot look, which is no reason to stop posting there (ChannelUnavailableError paused the digest).
        // Whether it can post says the post itself.
        if (mapped instanceof ChannelUnavailableError && mapped.reason === "not_in_channel") return null;
        throw mapped;
      }
      const found = (result.messages ?? []).find((m) => m.metadata?.event_type === IDEMPOTENCY_EVENT_TYPE && m.metadata.event_payload?.key === idempotencyKey);
      if (found?.ts) return { messageId: found.ts };
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    return null;
  }
}
