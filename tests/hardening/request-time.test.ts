// Slack's rule for a signed request: refuse it when |now − X-Slack-Request-Timestamp| > 5 minutes, in
// either direction. Bolt 5.1 checks only the past; the running bot (the real process, HTTP mode) must
// refuse a correctly signed request dated an hour or a day ahead with 401 and act on none of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSlackBot, type SpawnedSlackBot } from "./spawn-bot.ts";

let running: SpawnedSlackBot;
let slack: SpawnedSlackBot["slack"];
let bot: SpawnedSlackBot["bot"];
let requester: SpawnedSlackBot["requester"];
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => { running = await spawnSlackBot(); ({ slack, bot, requester } = running); });
afterAll(async () => { await running?.stop(); });

describe("signed requests dated in the future", () => {
  it("are refused with 401 an hour or a day ahead, commands, clicks and events alike, and nothing is acted on", async () => {
    for (const [label, ahead] of [["hour", 3600], ["day", 86_400], ["6 minutes", 360]] as const) {
      const timestamp = now() + ahead;
      const command = await requester.command("subscribe 09:00 UTC", slack.responseUrl(`future-${label}`), {}, { timestamp });
      expect(command.status, label).toBe(401);
      const click = await requester.blockAction({ actionId: "paper_bookmark", value: "2403.07816" }, { responseUrl: slack.responseUrl(`future-click-${label}`) }, { timestamp });
      expect(click.status, label).toBe(401);
      const event = await requester.reaction(true, { channel: "C0GENERAL", ts: "1.000100" }, `EvFuture${ahead}`, {}, { timestamp });
      expect(event.status, label).toBe(401);
    }
    // A request in time is answered, so silence above was the refusal and not a bot that answers nothing.
    const ok = await requester.command("subscriptions", slack.responseUrl("in-time"));
    expect(ok.status).toBe(200);
    expect(String((await slack.response("in-time")).body.text)).toMatch(/^No channel here has a digest yet/);
    expect(slack.responses.filter((r) => r.id.startsWith("future"))).toEqual([]);
    expect(slack.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(bot.stderr()).toContain("more than 5 minutes in the future");
  });

  it("allows Slack's tolerance both ways: 4 minutes ahead or behind is answered", async () => {
    for (const [id, skew] of [["ahead", 240], ["behind", -240]] as const) {
      const res = await requester.command("trending 1", slack.responseUrl(`skew-${id}`), {}, { timestamp: now() + skew });
      expect(res.status, id).toBe(200);
      expect((await slack.response(`skew-${id}`)).body.blocks?.length, id).toBeGreaterThan(0);
    }
  });

  it("still refuses the stale side (Bolt's own check) and a forged signature", async () => {
    expect((await requester.command("trending 1", slack.responseUrl("stale"), {}, { timestamp: now() - 3600 })).status).toBe(401);
    expect((await requester.command("trending 1", slack.responseUrl("forged"), {}, { signature: "v0=00" })).status).toBe(401);
    // The wrong secret configured looks the same from here: the log names the setting to check.
    expect(bot.stderr()).toMatch(/signature mismatch; if every request from Slack is refused so, SLACK_SIGNING_SECRET is not this app's Signing Secret/);
  });
});
