// Slack stops taking the bot token while the bot runs (revoked, the app uninstalled): startSlack's `lost` says
// so in one sentence naming SLACK_BOT_TOKEN, whichever call or event shows it first, and `papers start` stops
// on it (tests/hardening/refused-tokens.test.ts). What passes by itself (5xx, 429) or concerns one channel
// (not_in_channel) does not.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { notice } from "../../src/core/messages/reply.ts";
import { openHome, startHarness, type SlackHarness } from "./harness.ts";

let h: SlackHarness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.emulator.reset(); });

const channel = (channelId: string) => ({ platform: "slack" as const, workspaceId: "T0TEST", channelId });

/** What `lost` resolved with by now, or null. */
async function lostNow(slack = h.slack): Promise<string | null> {
  const settled = await Promise.race([slack.lost.then((e) => e.message), new Promise<null>((resolve) => setTimeout(resolve, 50, null))]);
  return settled;
}

it("transient and per-channel failures are not a lost token", async () => {
  h.emulator.failures.add("C0BUSY", { kind: "server", status: 503 }, 1);
  h.emulator.failures.add("C0SLOW", { kind: "ratelimited", retryAfter: 1 }, 1);
  h.emulator.failures.add("C0GONE", { kind: "error", error: "not_in_channel" }, 1);
  for (const id of ["C0BUSY", "C0SLOW", "C0GONE"]) await h.slack.transport.post(channel(id), notice("hi", "channel")).catch(() => undefined);
  // A user token of someone else's revoked is none of the bot's.
  await h.requester.event({ type: "tokens_revoked", tokens: { oauth: ["U0ALICE"], bot: [] } }, "Ev0OTHER");
  expect(await lostNow()).toBeNull();
});

it("a digest post answered token_revoked", async () => {
  const fresh = await startHarness();
  try {
    fresh.emulator.revokeBotToken();
    await fresh.slack.transport.post(channel("C0NEWS"), notice("today's papers", "channel")).catch(() => undefined);
    expect(await lostNow(fresh.slack)).toBe("Configuration error: Slack stopped accepting SLACK_BOT_TOKEN while the bot ran (token_revoked); " +
      "use the Bot User OAuth Token (xoxb-…) from OAuth & Permissions in your Slack app's settings, and reinstall the app to the workspace if it was revoked.");
  } finally { await fresh.close(); }
});

it("a person's Home tab refused (Bolt's own client)", async () => {
  const fresh = await startHarness();
  try {
    fresh.emulator.revokeBotToken();
    await openHome(fresh, "U0ALICE", "Ev0HOME");
    await fresh.emulator.waitFor(() => fresh.emulator.calls.some((c) => c.method === "views.publish"));
    await expect(fresh.slack.lost.then((e) => e.message)).resolves.toMatch(/^Configuration error: Slack stopped accepting SLACK_BOT_TOKEN while the bot ran \(token_revoked\)/);
  } finally { await fresh.close(); }
});

it("Slack's tokens_revoked event for the bot's own token", async () => {
  const fresh = await startHarness();
  try {
    await fresh.requester.event({ type: "tokens_revoked", tokens: { oauth: [], bot: [fresh.emulator.botUserId] } }, "Ev0REVOKED");
    expect(await lostNow(fresh.slack)).toMatch(/^Configuration error: Slack stopped accepting SLACK_BOT_TOKEN while the bot ran \(tokens_revoked\); /);
  } finally { await fresh.close(); }
});
