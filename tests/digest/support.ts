// Shared pieces of the digest tests: a ChatTransport that records what it was asked to post (the far
// side of the network; the ledger, planner and stores are the real ones) and subscription helpers.
import type { ChannelRef } from "../../src/core/channel.ts";
import { channelKey } from "../../src/core/channel.ts";
import type { ChatTransport, PostOptions } from "../../src/core/transport.ts";
import type { Reply } from "../../src/core/messages/reply.ts";
import type { Services } from "../../src/app/services.ts";
import type { RetryPolicy } from "../../src/core/retry.ts";
import type { TestDb } from "../support/database.ts";

/** `at`: when it was posted by the wall clock, as a platform stamps a message whatever the bot's clock says. */
export interface RecordedPost { channel: string; key: string | undefined; messageId: string; reply: Reply; at: number }

/** Decides, per attempt, whether a post fails: return an error to throw, "after" to throw it after posting. */
export type FailureHook = (channel: ChannelRef, attempt: number, delivered: number) => { error: Error; after?: boolean } | undefined;

export class RecordingTransport implements ChatTransport {
  readonly posts: RecordedPost[] = [];
  attempts = 0;
  findCalls = 0;
  hook: FailureHook | undefined;
  private next = 1;

  constructor(readonly platform: "slack" | "discord" | "console" = "slack") {}

  async post(channel: ChannelRef, reply: Reply, options: PostOptions = {}): Promise<{ messageId: string }> {
    this.attempts++;
    const failure = this.hook?.(channel, this.attempts, this.posts.length);
    if (failure && !failure.after) throw failure.error;
    const messageId = `m${this.next++}`;
    this.posts.push({ channel: channelKey(channel), key: options.idempotencyKey, messageId, reply, at: Date.now() });
    if (failure?.after) throw failure.error;
    return { messageId };
  }

  /** Like Slack's conversations.history from `oldest`: messages from before `since` are not looked at. */
  async findPosted(channel: ChannelRef, key: string, since?: Date): Promise<{ messageId: string } | null> {
    this.findCalls++;
    const found = this.posts.find((p) => p.channel === channelKey(channel) && p.key === key && (!since || p.at >= since.getTime()));
    return found ? { messageId: found.messageId } : null;
  }

  to(channel: ChannelRef): RecordedPost[] { return this.posts.filter((p) => p.channel === channelKey(channel)); }
}

export const fastRetry: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1, maxDelayMs: 20, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export function slackChannel(id: string): ChannelRef { return { platform: "slack", workspaceId: "T1", channelId: id }; }

export async function subscribe(services: Services, channel: ChannelRef, opts: Partial<{ localTime: string; timeZone: string; topic: string | null; size: number }> = {}) {
  return services.subscriptions.upsert(channel, { localTime: opts.localTime ?? "09:00", timeZone: opts.timeZone ?? "UTC",
    topic: opts.topic ?? null, size: opts.size ?? 5, ranking: "trending", createdBy: "U1" });
}

/** Paper ids posted as paper messages (not header/notice), in order. */
export function paperIds(posts: RecordedPost[]): string[] {
  return posts.flatMap((p) => p.reply.papers?.map((c) => c.id) ?? []);
}

/**
 * As if `ms` went by on the database's clock, which starts and judges every lease (a test's injected clock
 * does not move it): each claimed row's lease ends that much sooner.
 */
export async function passLeaseTime(db: TestDb, ms: number): Promise<void> {
  for (const row of await db.delivery.findMany({ where: { status: "claimed" } })) {
    await db.delivery.update({ where: { id: row.id }, data: { leaseUntil: new Date(row.leaseUntil.getTime() - ms) } });
  }
}
