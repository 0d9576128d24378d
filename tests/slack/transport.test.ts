// The Slack ChatTransport against the emulator: real WebClient calls, Slack's failures mapped to the core's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createTransportClient } from "../../src/adapters/slack/app.ts";
import { SlackTransport } from "../../src/adapters/slack/transport.ts";
import { ChannelUnavailableError, MessageRefusedError, TransientPostError } from "../../src/core/transport.ts";
import { pausedWords } from "../../src/core/digest/paused.ts";
import { notice, type Reply } from "../../src/core/messages/reply.ts";
import { botHandle } from "../../src/core/messages/bot-name.ts";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { LogCapture } from "../support/services.ts";
import { registerSecretsIn, TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";

const emulator = new SlackEmulator();
let transport: SlackTransport;
const logs = new LogCapture();
const channel = (channelId: string) => ({ platform: "slack" as const, workspaceId: "T0TEST", channelId });
const reply: Reply = { visibility: "channel", text: "Today's trending papers", tone: "info" };

function transportFor(apiUrl: string, token = emulator.token, botUserId?: string): SlackTransport {
  const env = { SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: apiUrl };
  registerSecretsIn(env);
  const config = loadConfig(env);
  return new SlackTransport(createTransportClient(config, createLogger({ level: "debug", destination: logs })), botUserId);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try { await promise; } catch (error) { return error as Error; }
  throw new Error("expected a failure");
}

beforeAll(async () => { await emulator.start(); transport = transportFor(emulator.apiUrl); });
afterAll(async () => { await emulator.stop(); });
beforeEach(() => { emulator.reset(); emulator.setRateLimit(false); });

describe("SlackTransport", () => {
  it("posts a real channel message and returns its ts", async () => {
    const { messageId } = await transport.post(channel("C1"), reply);
    expect(messageId).toBe(emulator.messages[0]!.ts);
    expect(emulator.okCalls("chat.postMessage")[0]!.params).toMatchObject({ channel: "C1", text: "Today's trending papers" });
  });

  it("429 → TransientPostError with retryAfterMs from Retry-After, at once (no client-side sleeping)", async () => {
    emulator.failChannel("C1", { kind: "ratelimited", retryAfter: 7 }, 1);
    const error = await failure(transport.post(channel("C1"), reply));
    expect(error).toBeInstanceOf(TransientPostError);
    expect((error as TransientPostError).retryAfterMs).toBe(7000);
    expect(emulator.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("5xx → TransientPostError; a network failure → TransientPostError", async () => {
    emulator.failChannel("C1", { kind: "server", status: 503 }, 1);
    expect(await failure(transport.post(channel("C1"), reply))).toBeInstanceOf(TransientPostError);
    const closed = new SlackEmulator();
    await closed.start();
    const url = closed.apiUrl;
    await closed.stop();
    expect(await failure(transportFor(url).post(channel("C1"), reply))).toBeInstanceOf(TransientPostError);
  });

  // A channel's own posting rules (read-only, thread-only, #general for admins) are as permanent as a removal: a
  // digest subscribed there pauses and its subscriber is told, where before it was tried every minute all day.
  it.each(["channel_not_found", "is_archived", "not_in_channel", "channel_is_archived", "restricted_action_read_only_channel",
    "restricted_action_thread_only_channel", "posting_to_general_channel_denied"])(
    "%s → ChannelUnavailableError with that reason", async (reason) => {
      emulator.failChannel("C2", { kind: "error", error: reason }, 1);
      const error = await failure(transport.post(channel("C2"), reply));
      expect(error).toBeInstanceOf(ChannelUnavailableError);
      expect((error as ChannelUnavailableError).reason).toBe(reason);
      // Said to the subscriber in words, the code in brackets.
      expect(pausedWords(reason)).toMatch(new RegExp(`^.{10,} \\[${reason}\\]$`));
    });

  it.each(["invalid_blocks", "msg_too_long"])("%s → MessageRefusedError: that message is passed over, not retried every minute", async (reason) => {
    emulator.failChannel("C2", { kind: "error", error: reason }, 1);
    const error = await failure(transport.post(channel("C2"), reply));
    expect(error).toBeInstanceOf(MessageRefusedError);
    expect(error.message).toBe(`Slack refused the message: ${reason}`);
  });

  it.each(["user_disabled", "user_not_found", "cannot_dm_bot"])(
    "a person's DM Slack will not open (%s) → ChannelUnavailableError: the personal digest pauses, not retries every minute", async (reason) => {
      emulator.failMethod("conversations.open", { kind: "error", error: reason }, 1);
      const error = await failure(transport.post({ platform: "slack", workspaceId: "T0TEST", channelId: `@U0GONE${reason.length}` }, reply));
      expect(error).toBeInstanceOf(ChannelUnavailableError);
      expect((error as ChannelUnavailableError).reason).toBe(reason);
    });

  // The token's fault, not the channel's: pausing would leave every channel tried to be subscribed again after the fix.
  it.each(["token_revoked", "account_inactive"])("%s → TransientPostError: the channel's digest is not paused", async (reason) => {
    emulator.failChannel("C2", { kind: "error", error: reason }, 1);
    const error = await failure(transport.post(channel("C2"), reply));
    expect(error).toBeInstanceOf(TransientPostError);
    expect(error.message).toBe(`Slack stopped accepting the bot token (${reason})`);
  });

  it("a bad token is TransientPostError(invalid_auth), and the token never reaches the log", async () => {
    const error = await failure(transportFor(emulator.apiUrl, "xoxb-wrong-token-123456").post(channel("C1"), reply));
    expect(error).toBeInstanceOf(TransientPostError);
    expect(error.message).toContain("invalid_auth");
    expect(logs.text).not.toContain("xoxb-wrong-token-123456");
  });

  it("an idempotency key rides as message metadata and findPosted finds it again", async () => {
    const since = new Date(Date.now() - 60_000);
    const { messageId } = await transport.post(channel("C3"), reply, { idempotencyKey: "digest:C3:2025-03-11:1" });
    await transport.post(channel("C3"), reply, { idempotencyKey: "digest:C3:2025-03-11:2" });
    expect(emulator.okCalls("chat.postMessage")[0]!.params.metadata).toEqual({ event_type: "papers_bot_post", event_payload: { key: "digest:C3:2025-03-11:1" } });
    expect(await transport.findPosted(channel("C3"), "digest:C3:2025-03-11:1", since)).toEqual({ messageId });
    expect(await transport.findPosted(channel("C3"), "digest:C3:2025-03-11:9", since)).toBeNull();
    expect(emulator.okCalls("conversations.history")[0]!.params.include_all_metadata).toBe("true");
  });

  it("a message that names the bot names it as Slack shows it (a mention of its user), whatever the app was named", async () => {
    const renamed = new SlackEmulator({ botUserId: "U0READER", botName: "reading-group" });
    await renamed.start();
    try {
      // A one-shot `papers digest run` has no start-up auth.test behind it: the transport asks once, when a message needs it.
      const oneShot = transportFor(renamed.apiUrl, renamed.token);
      await oneShot.post(channel("C1"), reply);
      expect(renamed.callsTo("auth.test")).toHaveLength(0);
      for (let i = 0; i < 2; i++) await oneShot.post(channel("@U0ALICE"), notice(`I am not in that channel; invite me with /invite ${botHandle()}.`, "channel"));
      expect(renamed.callsTo("auth.test")).toHaveLength(1);
      expect(renamed.okCalls("chat.postMessage").at(-1)!.params.text).toBe("I am not in that channel; invite me with /invite <@U0READER>.");
      // `papers start` knows it already.
      await transportFor(renamed.apiUrl, renamed.token, "U0READER").post(channel("C1"), notice(`/invite ${botHandle()}`, "channel"));
      expect(renamed.callsTo("auth.test")).toHaveLength(1);
      expect(JSON.stringify(renamed.okCalls("chat.postMessage").at(-1)!.params.blocks)).toContain("/invite <@U0READER>");
    } finally { await renamed.stop(); }
  });

  it("in a public channel the bot posts in without being a member, looking for a message finds none instead of pausing the digest", async () => {
    emulator.addConversation("C0OPENPOST", { type: "public", members: ["U0ALICE"] });
    await transport.post(channel("C0OPENPOST"), reply, { idempotencyKey: "digest:open:1" }); // chat:write.public
    expect(emulator.okCalls("chat.postMessage")).toHaveLength(1);
    expect(await transport.findPosted(channel("C0OPENPOST"), "digest:open:1", new Date(Date.now() - 60_000))).toBeNull();
    expect(emulator.callsTo("conversations.history")[0]!.error).toBe("not_in_channel");
    // A private channel it is not in is still one it cannot post in.
    emulator.addConversation("C0HIDDEN", { type: "private", members: ["U0ALICE"] });
    expect(await failure(transport.findPosted(channel("C0HIDDEN"), "digest:hidden:1", new Date()))).toBeInstanceOf(ChannelUnavailableError);
  });

  it("the emulator's Slack-like rate limit lets a burst through, then answers 429 with Retry-After", async () => {
    // A slow refill (one message per 100 s), so a loaded machine taking a second over the four posts
    // cannot earn the fourth a token: the test is about the burst, not the clock.
    emulator.setRateLimit({ perSecond: 0.01, burst: 3 });
    for (let i = 0; i < 3; i++) await transport.post(channel("C4"), reply);
    const error = await failure(transport.post(channel("C4"), reply));
    expect(error).toBeInstanceOf(TransientPostError);
    expect((error as TransientPostError).retryAfterMs).toBeGreaterThanOrEqual(1000);
    await transport.post(channel("C5"), reply); // another channel has its own budget
  });
});
