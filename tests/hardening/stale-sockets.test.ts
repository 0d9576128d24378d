// A kept-alive socket the far side has dropped: the running bot (the real process, HTTP mode) answers
// every /papers command although Slack's side resets each connection the bot comes back on, because an
// answer whose reused socket is reset before any reply is sent once more on a fresh socket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSlackBot, type SpawnedSlackBot } from "./spawn-bot.ts";

let running: SpawnedSlackBot;
let slack: SpawnedSlackBot["slack"];
let bot: SpawnedSlackBot["bot"];
let requester: SpawnedSlackBot["requester"];

// Long enough a keep-alive that the bot reuses its sockets (Node does not reuse one the server keeps for
// a second or less).
beforeAll(async () => { running = await spawnSlackBot({ emulator: { keepAliveTimeoutMs: 10_000 } }); ({ slack, bot, requester } = running); });
afterAll(async () => { await running?.stop(); });

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
