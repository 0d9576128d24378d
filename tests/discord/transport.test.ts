import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { createPostingRest, DiscordTransport } from "../../src/adapters/discord/transport.ts";
import type { Reply } from "../../src/core/messages/reply.ts";
import { ChannelUnavailableError, TransientPostError } from "../../src/core/transport.ts";
import { DiscordEmulator, snowflake, type ChannelFailure } from "../emulators/discord/index.ts";

let emulator: DiscordEmulator;
let transport: DiscordTransport;
beforeAll(async () => {
  emulator = await new DiscordEmulator().start();
  transport = new DiscordTransport(createPostingRest({ token: "test-token", api: emulator.apiUrl }), new ComponentIds());
});
beforeEach(() => { emulator.reset(); emulator.globalRateLimit = null; });
afterAll(async () => { await emulator?.stop(); });

const channelId = () => emulator.guilds[0]!.channels[1]!.id;
const ref = (id = channelId()) => ({ platform: "discord" as const, workspaceId: emulator.guilds[0]!.id, channelId: id });
const reply: Reply = { visibility: "channel", text: "Today's trending papers", papers: [
  { id: "2403.07816", arxivId: "2403.07816", title: "Branch-Train-MiX", url: "https://huggingface.co/papers/2403.07816", summary: "We mix experts.", authors: ["A", "B"], upvotes: 12, githubUrl: null },
], actions: ["bookmark", "similar"] };

async function failure(kind: ChannelFailure): Promise<unknown> {
  emulator.failChannel(channelId(), kind);
  return transport.post(ref(), reply).then(() => null, (error: unknown) => error);
}

describe("Discord transport", () => {
  it("posts embeds with a hashed nonce that Discord enforces, so a retry does not post twice", async () => {
    const key = "digest:discord:guild:channel:2025-03-11:" + "x".repeat(80);
    const first = await transport.post(ref(), reply, { idempotencyKey: key });
    const second = await transport.post(ref(), reply, { idempotencyKey: key });
    expect(second.messageId).toBe(first.messageId);
    expect(emulator.channelMessages(channelId())).toHaveLength(1);
    const body = emulator.records[0]!.body;
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(body.embeds[0]).toMatchObject({ title: "Branch-Train-MiX", url: "https://huggingface.co/papers/2403.07816" });
    expect(emulator.records[0]!.botAuth).toBe(true);
  });

  it("a 429 becomes TransientPostError with Discord's retry_after, without discord.js sleeping through it", async () => {
    const error = await failure({ kind: "rateLimit", retryAfterSeconds: 7 });
    expect(error).toBeInstanceOf(TransientPostError);
    expect((error as TransientPostError).retryAfterMs).toBeGreaterThanOrEqual(7000);
    expect(emulator.records).toHaveLength(1);
  });

  it("a 500 becomes TransientPostError after one attempt", async () => {
    expect(await failure({ kind: "serverError" })).toBeInstanceOf(TransientPostError);
    expect(emulator.records).toHaveLength(1);
  });

  it.each([
    [{ kind: "unknownChannel" } as const, /unknown channel/],
    [{ kind: "missingAccess" } as const, /missing access/],
    [{ kind: "missingPermissions" } as const, /missing permissions/],
  ])("%j becomes ChannelUnavailableError", async (kind, reason) => {
    const error = await failure(kind);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
    expect((error as ChannelUnavailableError).reason).toMatch(reason);
  });

  it("a channel the bot never knew is unavailable (404 Unknown Channel)", async () => {
    const error = await transport.post(ref(snowflake()), reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
  });

  it("an unreachable Discord is transient", async () => {
    const offline = new DiscordTransport(createPostingRest({ token: "test-token", api: "http://127.0.0.1:9/api" }), new ComponentIds());
    expect(await offline.post(ref(), reply).catch((e: unknown) => e)).toBeInstanceOf(TransientPostError);
  });

  it("the global rate limit reaches the caller as TransientPostError with a wait", async () => {
    emulator.globalRateLimit = 5;
    // discord.js sends one channel's posts one after another: on a loaded machine 12 round trips can outlast
    // a 1 s window and a 6th post would go through in the next. A long window keeps this about the limit.
    emulator.globalRateWindowMs = 60_000;
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => transport.post(ref(), reply)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const limited = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(ok.length).toBeLessThanOrEqual(5);
    expect(limited.length).toBeGreaterThan(0);
    for (const error of limited) {
      expect(error).toBeInstanceOf(TransientPostError);
      expect((error as TransientPostError).retryAfterMs).toBeGreaterThan(0);
    }
    expect(emulator.records.some((r) => r.status === 429)).toBe(true);
  });
});
