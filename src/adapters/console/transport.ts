// Terminal mode's ChatTransport: a "channel message" is text printed to the terminal, so a subscription
// made in terminal mode (or a `papers digest run` without chat tokens) shows its digest right there.
import type { ChannelRef } from "../../core/channel.ts";
import type { ChatTransport, PostOptions } from "../../core/transport.ts";
import type { Reply } from "../../core/messages/reply.ts";
import { renderText } from "./render.ts";

export class ConsoleTransport implements ChatTransport {
  readonly platform = "console" as const;
  // One screen: digests print one after another, each whole, and the numbers a later one leaves are its own
  // (its channel's and a person's own digest, due together, would otherwise print and number in any order).
  readonly concurrency = 1;
  private count = 0;
  // Within one process a key maps to its message; a terminal keeps no history across processes.
  private readonly byKey = new Map<string, string>();

  constructor(private readonly output: NodeJS.WritableStream) {}

  async post(channel: ChannelRef, reply: Reply, options: PostOptions = {}): Promise<{ messageId: string }> {
    const known = options.idempotencyKey ? this.byKey.get(options.idempotencyKey) : undefined;
    if (known) return { messageId: known };
    const messageId = `console-${process.pid}-${Date.now().toString(36)}-${++this.count}`;
    this.output.write(`[#${channel.channelId}] ${renderText(reply)}\n`);
    if (options.idempotencyKey) this.byKey.set(options.idempotencyKey, messageId);
    return { messageId };
  }

  async findPosted(_channel: ChannelRef, idempotencyKey: string): Promise<{ messageId: string } | null> {
    const messageId = this.byKey.get(idempotencyKey);
    return messageId ? { messageId } : null;
  }
}
