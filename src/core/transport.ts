// How jobs (the digest) and shares reach a channel, without knowing Slack or Discord. Each adapter
// implements ChatTransport and translates its platform's failures into these errors.
import type { ChannelRef, Platform } from "./channel.ts";
import type { Reply } from "./messages/reply.ts";
import type { DiscussionStarter } from "./messages/discussion.ts";

export interface PostOptions {
  /** Same key, same message: lets a retry after a crash find or dedupe what it already sent. */
  idempotencyKey?: string;
}

export type ThreadState = "open" | "locked" | "gone";

/** A discussion thread opened (ChatTransport.startThread), and its first message, where the platform says. */
export interface OpenedThread { threadId: string; starter?: { channel: ChannelRef; messageId: string } }

export interface ChatTransport {
  readonly platform: Platform;
  /** Posts a real channel message and returns its platform id (Slack ts, Discord snowflake). */
  post(channel: ChannelRef, reply: Reply, options?: PostOptions): Promise<{ messageId: string }>;
  /** A message this bot already posted with that idempotency key, if the platform can tell. */
  findPosted?(channel: ChannelRef, idempotencyKey: string, since: Date): Promise<{ messageId: string } | null>;
  /**
   * Opens a discussion thread on one of this bot's messages and posts the starter in it; returns the
   * thread's id, and where the starter (the paper in full) went, so a 🔖 on it saves the paper. A thread
   * the platform says already exists on that message is reused, not duplicated.
   */
  startThread?(channel: ChannelRef, messageId: string, starter: DiscussionStarter): Promise<OpenedThread>;
  /** How a message names an open thread so its client shows a link to it (Discord: a channel mention); absent
   * where "this message's thread" is as good (Slack: the thread hangs under the message pressed). */
  threadMention?(threadId: string): string;
  /**
   * Whether people can still join an opened thread: "gone" (Discord: a moderator deleted it, and the message
   * may start another), "locked" (a moderator closed it: only they post there, and the message can start no
   * other), else "open" (an archived thread is reopened first). Absent where a thread can be neither deleted
   * apart from its message nor locked (Slack).
   */
  threadState?(channel: ChannelRef, threadId: string): Promise<ThreadState>;
  /** The platform's documented gap between two messages to one channel: a digest waits it out rather than
   * earn a 429 and a Retry-After rounded up to whole seconds. */
  readonly minIntervalMs?: number;
  /** How many channels a digest tick serves at once through this transport (its default when not told). */
  readonly concurrency?: number;
}

/** The channel is gone, archived, or the bot was removed: pause, do not retry. */
export class ChannelUnavailableError extends Error {
  constructor(readonly reason: string) { super(reason); this.name = "ChannelUnavailableError"; }
}

/** The message a thread would hang from is gone (deleted): nothing to retry, and the channel is fine. */
export class MessageGoneError extends Error {
  constructor(readonly reason: string) { super(reason); this.name = "MessageGoneError"; }
}

/**
 * The platform refused this one message for what it is (a limit it enforces, a field it will not take): sent
 * again it is refused again, while the channel takes other messages. A digest goes on without it.
 */
export class MessageRefusedError extends Error {
  constructor(message: string) { super(message); this.name = "MessageRefusedError"; }
}

/** The platform said to wait (429 Retry-After) or failed for now (5xx, network): retry later. */
export class TransientPostError extends Error {
  constructor(message: string, readonly retryAfterMs?: number) { super(message); this.name = "TransientPostError"; }
}
