// Topic digests hold papers about the topic and nothing else, delivered for real through the Slack and
// Discord emulators: the floor of core/relevance.ts keeps out papers that only say "expert" in passing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../support/services.ts";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createTransportClient } from "../../src/adapters/slack/app.ts";
import { SlackTransport } from "../../src/adapters/slack/transport.ts";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { createPostingRest, DiscordTransport } from "../../src/adapters/discord/transport.ts";
import type { ChannelRef } from "../../src/core/channel.ts";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { DiscordEmulator, snowflake } from "../emulators/discord/index.ts";
import { LogCapture } from "../support/services.ts";
import { registerSecretsIn, TEST_DISCORD_TOKEN, TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { fastRetry } from "./support.ts";
import { plainTyped } from "../../src/core/messages/typed.ts";

// missing: "sparse" is in the bundled papers (sparse graphs, sparse masks), "autoencoders" in none.
const TOPICS = { moe: "moe", experts: "mixture of experts", rare: "pokemon", none: "quantum chemistry", missing: "sparse autoencoders" } as const;
type Topic = keyof typeof TOPICS;
// The bundled capture's Mixture-of-Experts papers, by title; "Expert-level" agents and expert routers
// over whole models are not.
const isMoe = (title: string) => /mixture.of.experts|\bmoe\b/i.test(title);

const slack = new SlackEmulator();
let discord: DiscordEmulator;
let services: TestServices;
const discordChannels = Object.fromEntries(Object.keys(TOPICS).map((t) => [t, snowflake()])) as Record<Topic, string>;
const guildId = snowflake();

beforeAll(async () => {
  await slack.start();
  discord = await new DiscordEmulator({ guilds: [{ id: guildId, name: "Research",
    channels: Object.entries(discordChannels).map(([name, id]) => ({ id, name })) }] }).start();
  services = await createTestServices();
  const env = { SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl };
  registerSecretsIn(env);
  const slackTransport = new SlackTransport(createTransportClient(loadConfig(env), createLogger({ level: "warn", destination: new LogCapture() })));
  const discordTransport = new DiscordTransport(createPostingRest({ token: TEST_DISCORD_TOKEN, api: discord.apiUrl }), new ComponentIds());
  for (const [topic, query] of Object.entries(TOPICS) as [Topic, string][]) {
    const on: ChannelRef[] = [{ platform: "slack", workspaceId: slack.teamId, channelId: `C${topic.toUpperCase()}` },
      { platform: "discord", workspaceId: guildId, channelId: discordChannels[topic] }];
    for (const channel of on) {
      await services.subscriptions.upsert(channel, { localTime: "09:00", timeZone: "UTC", topic: query, size: 10, ranking: "trending", createdBy: "U1" });
    }
  }
  await runDigestTick(services, new Map<string, SlackTransport | DiscordTransport>([["slack", slackTransport], ["discord", discordTransport]]) as never,
    new Date("2025-03-12T09:00:00Z"), { retry: fastRetry });
}, 60_000);
afterAll(async () => { await services?.close(); await slack.stop(); await discord?.stop(); });

/** What each platform showed in the channel of `topic`: the header's text, and each paper's title. */
function slackDigest(topic: Topic) {
  const posts = slack.messages.filter((m) => m.channel === `C${topic.toUpperCase()}`);
  return { texts: posts.map((m) => m.text), titles: posts.slice(1).map((m) => m.text) };
}
function discordDigest(topic: Topic) {
  const posts = discord.channelMessages(discordChannels[topic]);
  const titles = posts.slice(1).map((m) => String((m.embeds[0] as { title?: string }).title).replace(/^\d+\. /, ""));
  return { texts: posts.map((m) => m.content), titles };
}

describe.each([["Slack", slackDigest], ["Discord", discordDigest]] as const)("topic digests on %s", (_platform, digest) => {
  it.each(["moe", "experts"] as const)("the %s digest holds only Mixture-of-Experts papers, most relevant first", (topic) => {
    const { texts, titles } = digest(topic);
    expect(titles.length).toBeGreaterThanOrEqual(5);
    expect(titles.filter((t) => !isMoe(t))).toEqual([]);
    expect(texts[0]).toMatch(/most relevant first/);
  });

  it("a rare topic gets only its own paper", () => {
    const { titles } = digest("rare");
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/^Pok/);
  });

  it("an unmatched topic gets one line", () => {
    const { texts } = digest("none");
    expect(texts).toEqual(["No trending paper is about \"quantum chemistry\" today."]);
  });

  it("a topic with a word no paper has gets one line, not the papers that share its other word", () => {
    expect(digest("missing").texts).toEqual(["No trending paper is about \"sparse autoencoders\" today."]);
  });
});

describe("a digest's numbers", () => {
  it("mean its papers for everyone in the channel: /papers bookmark 2 saves the second", async () => {
    const { createRegistry } = await import("../../src/commands/index.ts");
    const { runText } = await import("../../src/command-kit/dispatch.ts");
    const channel = { platform: "slack" as const, workspaceId: slack.teamId, channelId: "CMOE" };
    const reply = await runText(createRegistry(), "bookmark 2", { services, user: { platform: "slack", workspaceId: slack.teamId, userId: "U0BOB" },
      channel, canManageChannel: false, now: new Date("2025-03-12T09:05:00Z") });
    expect(plainTyped(reply.text)).toBe(`🔖 Bookmarked “${slackDigest("moe").titles[1]}”.`);
  });
});

describe("the header's emoji", () => {
  it("is 🔖 on Discord and :bookmark: on Slack", () => {
    expect(discordDigest("moe").texts[0]).toContain("React with 🔖");
    expect(discordDigest("moe").texts.join("\n")).not.toMatch(/:[a-z0-9_+-]+:/);
    expect(slackDigest("moe").texts[0]).toContain("React with :bookmark:");
  });
});
