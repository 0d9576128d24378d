// Discuss across two real bot processes sharing one database (issue 15, item 3): presses landing on
// both replicas at once still open one thread. `node bin/papers.js start` twice against one Slack emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackRequester } from "../emulators/slack/index.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { spawnBot, spawnSlackBot, type SpawnedBot, type SpawnedSlackBot } from "./spawn-bot.ts";

let first: SpawnedSlackBot;
let second: (SpawnedBot & { database: unknown }) | undefined;
let secondRequester: SlackRequester;

beforeAll(async () => {
  first = await spawnSlackBot();
  second = await spawnBot({ SLACK_BOT_TOKEN: first.slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: first.slack.apiUrl,
    DATABASE_URL: first.bot.database.url });
  const { port } = await second.logLine("slack adapter listening");
  await second.logLine("papers-bot started");
  secondRequester = new SlackRequester(`http://127.0.0.1:${port}`, TEST_SLACK_SIGNING_SECRET, { teamId: first.slack.teamId, userId: "U0BOB", channelId: "C0GENERAL" });
}, 60_000);
afterAll(async () => { await second?.cleanup(); await first?.stop(); });

describe("Discuss on two replicas", () => {
  it("simultaneous presses on both processes open one thread reply", async () => {
    const trending = await (async () => {
      await first.requester.command("trending 1", first.slack.responseUrl("t1"));
      return first.slack.response("t1");
    })();
    const id = (trending.body.blocks as any[]).flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === "paper_bookmark")?.value as string;
    expect(id).toBeTruthy();
    await first.requester.blockAction({ actionId: "paper_share", value: id }, { responseUrl: first.slack.responseUrl("s1") });
    await first.slack.response("s1");
    const ts = first.slack.messages.at(-1)!.ts;
    const presses = [first.requester, secondRequester, first.requester, secondRequester].map((r, i) =>
      r.blockAction({ actionId: "paper_discuss", value: id }, { responseUrl: first.slack.responseUrl(`d${i}`), messageTs: ts, userId: `U0P${i}` }));
    await Promise.all(presses);
    const answers = await Promise.all([0, 1, 2, 3].map((i) => first.slack.response(`d${i}`)));
    expect(answers.filter((a) => /^💬 Opened/.test(a.body.text))).toHaveLength(1);
    expect(first.slack.messages.filter((m) => m.threadTs === ts)).toHaveLength(1);
  }, 30_000);
});
