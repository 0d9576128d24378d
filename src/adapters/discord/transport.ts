// Channel messages (digests, shares) through Discord's REST API, with Discord's failures translated
// into the core's: 429 → TransientPostError(retry after), 5xx/network → TransientPostError, a channel
// that is gone or closed to the bot → ChannelUnavailableError.
//
// This REST client is separate from the gateway client's and is built with `retries: 0` and
// `rejectOnRateLimit: () => true`: discord.js would otherwise sleep through 429s and retry 5xx itself,
// hiding them from the digest engine, which schedules retries across 1,000 channels and must see them.
// Interactive replies keep discord.js's own retries (a person is waiting; the engine is not involved).
import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes, type RawFile } from "discord.js";
import type { ChannelRef } from "../../core/channel.ts";
import { ChannelUnavailableError, TransientPostError, type ChatTransport, type PostOptions } from "../../core/transport.ts";
import type { Reply } from "../../core/messages/reply.ts";
import type { ComponentIds } from "./component-ids.ts";
import { renderMessage } from "./render.ts";

/** Discord error codes that mean "this channel will not take our messages": pause it, do not retry. */
const UNAVAILABLE: Record<number, string> = {
  10003: "unknown channel (deleted, or the bot was removed)",
  50001: "missing access (the bot cannot see the channel)",
  50013: "missing permissions (the bot may not post there)",
  50007: "cannot send messages to this user",
};

export function createPostingRest(options: { token: string; api?: string }): REST {
  return new REST({ retries: 0, rejectOnRateLimit: () => true, ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
}

/** Discord takes a nonce of at most 25 characters; a hash of the key keeps it stable and in bounds. */
export function nonceFor(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("base64url").slice(0, 25);
}

export function translatePostError(error: unknown): Error {
  if (error instanceof RateLimitError) {
    return new TransientPostError(`Discord rate limit (${error.global ? "global" : error.route})`, Math.max(error.retryAfter, error.timeToReset, 1));
  }
  if (error instanceof DiscordAPIError) {
    const known = typeof error.code === "number" ? UNAVAILABLE[error.code] : undefined;
    if (known) return new ChannelUnavailableError(known);
    if (error.status === 404) return new ChannelUnavailableError(`not found (${error.code})`);
    if (error.status === 403) return new ChannelUnavailableError(`forbidden (${error.code})`);
    if (error.status >= 500) return new TransientPostError(`Discord ${error.status}`);
    return error;
  }
  if (error instanceof HTTPError) return error.status >= 500 ? new TransientPostError(`Discord ${error.status}`) : error;
  // fetch() failures (connection refused or reset, DNS, timeouts) are worth another try later.
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TypeError" || "code" in error)) {
    return new TransientPostError(`Discord unreachable: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

export class DiscordTransport implements ChatTransport {
  readonly platform = "discord" as const;

  constructor(private readonly rest: REST, private readonly ids: ComponentIds) {}

  async post(channel: ChannelRef, reply: Reply, options: PostOptions = {}): Promise<{ messageId: string }> {
    const { file, ...message } = renderMessage(reply, this.ids);
    const body = { ...message, ...(options.idempotencyKey ? { nonce: nonceFor(options.idempotencyKey), enforce_nonce: true } : {}) };
    const files: RawFile[] | undefined = file ? [{ name: file.name, data: file.data }] : undefined;
    try {
      const posted = (await this.rest.post(Routes.channelMessages(channel.channelId), { body, ...(files ? { files } : {}) })) as { id: string };
      return { messageId: posted.id };
    } catch (error) {
      throw translatePostError(error);
    }
  }
  // No findPosted: Discord cannot look a message up by nonce. enforce_nonce makes a retry within a few
  // minutes return the first message instead of posting twice; the delivery ledger covers the rest.
}
