// A kept-alive socket the far side has dropped: the running bot (the real process, HTTP mode) answers
// every /papers command although Slack's side resets each connection the bot comes back on, because an
// answer whose reused socket is reset before any reply is sent once more on a fresh socket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackEmulator, SlackRequester } from "../emulators/slack/index.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { spawnBot, type SpawnedBot } from "./spawn-bot.ts";

let slack: SlackEmulator;
let bot: SpawnedBot;
let requester: SlackRequester;

beforeAll(async () => {
  // Long enough a keep-alive that the bot reuses its sockets (Node does not reuse one the server keeps
  // for a second or less).
  slack = new SlackEmulator({ keepAliveTimeoutMs: 10_000 });
  await slack.start();
  bot = await spawnBot({ SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
  const { port } = await bot.logLine("slack adapter listening");
  await bot.logLine("papers-bot started");
  requester = new SlackRequester(`http://127.0.0.1:${port}`, TEST_SLACK_SIGNING_SECRET, { teamId: slack.teamId, userId: "U0ALICE", channelId: "C0GENERAL" });
});
afterAll(async () => { await bot?.cleanup(); await slack?.stop(); });

describe("reused keep-alive sockets reset by the far side", () => {
  it("every answer still arrives, once, and none is an apology", async () => {
    slack.resetReusedSockets = true;
    for (let i = 1; i <= 4; i++) {
      expect((await requester.command(`trending ${i}`, slack.responseUrl(`stale-${i}`))).status).toBe(200);
      const answer = await slack.response(`stale-${i}`);
      expect(String(answer.body.text), `answer ${i}`).not.toMatch(/^Sorry/);
      expect(answer.body.blocks?.length, `answer ${i}`).toBeGreaterThan(0);
    }
    expect(slack.resets).toBeGreaterThan(0);
    expect(slack.responses.map((r) => r.id)).toEqual(["stale-1", "stale-2", "stale-3", "stale-4"]);
    expect(bot.stderr()).not.toContain("slack handler failed");
  });
});
