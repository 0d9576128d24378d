import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { createPostingRest, DiscordTransport } from "../../src/adapters/discord/transport.ts";
import type { Reply } from "../../src/core/messages/reply.ts";
import { ChannelUnavailableError, MessageRefusedError, TransientPostError } from "../../src/core/transport.ts";
import { DiscordEmulator, snowflake, type ChannelFailure } from "../emulators/discord/index.ts";
import { TEST_DISCORD_TOKEN } from "../support/secrets.ts";

let emulator: DiscordEmulator;
let transport: DiscordTransport;
beforeAll(async () => {
  emulator = await new DiscordEmulator().start();
  transport = new DiscordTransport(createPostingRest({ token: TEST_DISCORD_TOKEN, api: emulator.apiUrl }), new ComponentIds());
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

  it("carries the key on a button, so findPosted finds the message after Discord has forgotten its nonce", async () => {
    const key = "pd41.3";
    const since = new Date(emulator.now() - 60_000);
    const first = await transport.post(ref(), reply, { idempotencyKey: key });
    const button = (emulator.channelMessages(channelId())[0]!.components as any[])[0].components[0];
    expect(button.custom_id).toMatch(/^pb:2403\.07816@[\w-]{25}$/);
    expect(await transport.findPosted(ref(), key, since)).toEqual({ messageId: first.messageId });
    expect(await transport.findPosted(ref(), "pd41.4", since)).toBeNull();
    emulator.advance(10 * 60_000);
    // The emulator, like Discord, no longer dedupes by this nonce: only findPosted can tell.
    await transport.post(ref(), reply, { idempotencyKey: key });
    expect(emulator.channelMessages(channelId())).toHaveLength(2);
    expect((await transport.findPosted(ref(), key, since))?.messageId).toBeDefined();
  });

  it("a message without buttons (a digest header) gets a reading-list button carrying the key", async () => {
    const header: Reply = { visibility: "channel", tone: "info", text: "Trending papers for Tue 11 Mar: 5 papers." };
    const posted = await transport.post(ref(), header, { idempotencyKey: "pd42.0" });
    const [message] = emulator.channelMessages(channelId());
    expect(message!.content).toBe(header.text);
    const button = (message!.components as any[])[0].components[0];
    expect(button.label).toBe("My reading list");
    expect(new ComponentIds().decode(button.custom_id)).toEqual({ kind: "more", command: "bookmarks", input: {} });
    expect(await transport.findPosted(ref(), "pd42.0", new Date(emulator.now() - 60_000))).toEqual({ messageId: posted.messageId });
    // Without a key nothing is added.
    await transport.post(ref(), header);
    expect(emulator.channelMessages(channelId())[1]!.components).toEqual([]);
  });

  it("findPosted looks only at this bot's messages since the given time, across pages", async () => {
    const key = "pd43.1";
    const since = new Date(emulator.now() - 60_000);
    await transport.post(ref(), reply, { idempotencyKey: key });
    const mine = emulator.channelMessages(channelId())[0]!;
    // Another app's copy of the same components (a second deployment with its own ledger) is not ours.
    emulator.messages.delete(mine.id);
    emulator.seedMessage(channelId(), "impostor", { id: snowflake(), username: "other-bot", bot: true }).components = mine.components;
    expect(await transport.findPosted(ref(), key, since)).toBeNull();
    emulator.messages.set(mine.id, mine);
    for (let i = 0; i < 150; i++) emulator.seedMessage(channelId(), `chatter ${i}`, { id: snowflake(), username: "carol" });
    // A fresh process (the transport lists a channel once per resume and keeps it until it posts there).
    const resumed = new DiscordTransport(createPostingRest({ token: TEST_DISCORD_TOKEN, api: emulator.apiUrl }), new ComponentIds());
    expect(await resumed.findPosted(ref(), key, since)).toEqual({ messageId: mine.id });
    expect(emulator.records.filter((r) => r.method === "GET" && r.path.endsWith("/messages")).length).toBeGreaterThanOrEqual(2);
    expect(await resumed.findPosted(ref(), key, new Date(emulator.now() + 1000))).toBeNull();
  });

  it("a post whose reused connection is reset is sent once more and arrives once, with or without a key", async () => {
    await transport.post(ref(), reply); // a kept-alive connection in the pool
    emulator.resetReusedSockets = true;
    await transport.post(ref(), reply, { idempotencyKey: "pd44.1" });
    await transport.post(ref(), reply);
    expect(emulator.resets).toBeGreaterThan(0);
    expect(emulator.channelMessages(channelId())).toHaveLength(3);
    // A share has no key but still an enforced nonce of its own, which is what makes the resend safe.
    expect(emulator.channelMessages(channelId()).map((m) => typeof m.nonce)).toEqual(["string", "string", "string"]);
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

  it("a message Discord refuses as it is (400 Invalid Form Body) becomes MessageRefusedError: not retried, the channel not paused", async () => {
    const error = await failure({ kind: "invalidFormBody" });
    expect(error).toBeInstanceOf(MessageRefusedError);
    expect((error as Error).message).toMatch(/^Discord refused the message: Invalid Form Body \(50035\)$/);
    expect(emulator.records).toHaveLength(1);
  });

  it.each([
    [{ kind: "unknownChannel" } as const, /unknown channel/],
    [{ kind: "missingAccess" } as const, /missing access/],
    [{ kind: "missingPermissions" } as const, /missing permissions/],
    // A 400, as a refused message's is, but the channel's own: its digest pauses, not every message passed over.
    [{ kind: "nonTextChannel" } as const, /takes no messages/],
  ])("%j becomes ChannelUnavailableError", async (kind, reason) => {
    const error = await failure(kind);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
    expect((error as ChannelUnavailableError).reason).toMatch(reason);
  });

  it("a thread a moderator closed (archived and locked: 50083) or locked (160005) is unavailable, so its digest pauses rather than retry every minute", async () => {
    const { messageId } = await transport.post(ref(), reply);
    const { threadId } = await transport.startThread(ref(), messageId, { threadName: "💬 Branch-Train-MiX", paper: reply.papers![0]!, askedBy: "111111111111111111" });
    emulator.closeThread(threadId);
    const error = await transport.post(ref(threadId), reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
    expect((error as ChannelUnavailableError).reason).toMatch(/archived and locked/);
    // Locked without archiving (160005) closes it to the bot just the same.
    emulator.setThreadState(threadId, { archived: false, locked: true });
    const locked = await transport.post(ref(threadId), reply).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(ChannelUnavailableError);
    expect((locked as ChannelUnavailableError).reason).toMatch(/locked/);
  });

  it("in a thread (a digest subscribed there), findPosted finds what a crashed run sent, after Discord forgot the nonce", async () => {
    const { messageId } = await transport.post(ref(), reply);
    const { threadId } = await transport.startThread(ref(), messageId, { threadName: "💬 Branch-Train-MiX", paper: reply.papers![0]!, askedBy: "111111111111111111" });
    const since = new Date(emulator.now() - 60_000);
    const sent = await transport.post(ref(threadId), reply, { idempotencyKey: "pd44.1" });
    emulator.advance(10 * 60_000);
    const resumed = new DiscordTransport(createPostingRest({ token: TEST_DISCORD_TOKEN, api: emulator.apiUrl }), new ComponentIds());
    expect(await resumed.findPosted(ref(threadId), "pd44.1", since)).toEqual({ messageId: sent.messageId });
  });

  it("a channel the bot never knew is unavailable (404 Unknown Channel)", async () => {
    const error = await transport.post(ref(snowflake()), reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelUnavailableError);
  });

  it("an unreachable Discord is transient", async () => {
    const offline = new DiscordTransport(createPostingRest({ token: TEST_DISCORD_TOKEN, api: "http://127.0.0.1:9/api" }), new ComponentIds());
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
