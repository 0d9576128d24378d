// Weekly digests delivered for real through the Slack and Discord emulators: once per ISO week per
// channel through the same ledger as daily digests, a rerun inside the week posting nothing, and a daily
// digest in the same channel going its own way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, LogCapture, type TestServices } from "../support/services.ts";
import { runDigestTick } from "../../src/core/digest/tick.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createTransportClient } from "../../src/adapters/slack/app.ts";
import { SlackTransport } from "../../src/adapters/slack/transport.ts";
import { ComponentIds } from "../../src/adapters/discord/component-ids.ts";
import { createPostingRest, DiscordTransport } from "../../src/adapters/discord/transport.ts";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { ChatTransport } from "../../src/core/transport.ts";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { DiscordEmulator, snowflake } from "../emulators/discord/index.ts";
import { registerSecretsIn, TEST_DISCORD_TOKEN, TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { fastRetry } from "./support.ts";

const slack = new SlackEmulator();
let discord: DiscordEmulator;
let services: TestServices;
let transports: Map<string, ChatTransport>;
const guildId = snowflake();
const discordChannel = snowflake();
const slackChannel = "CWEEKLY";

const tick = (at: string) => runDigestTick(services, transports as never, new Date(at), { retry: fastRetry });
const slackPosts = () => slack.messages.filter((m) => m.channel === slackChannel);
const discordPosts = () => discord.channelMessages(discordChannel);

beforeAll(async () => {
  await slack.start();
  discord = await new DiscordEmulator({ guilds: [{ id: guildId, name: "Research", channels: [{ id: discordChannel, name: "papers" }] }] }).start();
  services = await createTestServices();
  const env = { SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl };
  registerSecretsIn(env);
  transports = new Map<string, ChatTransport>([
    ["slack", new SlackTransport(createTransportClient(loadConfig(env), createLogger({ level: "warn", destination: new LogCapture() })))],
    ["discord", new DiscordTransport(createPostingRest({ token: TEST_DISCORD_TOKEN, api: discord.apiUrl }), new ComponentIds())],
  ]);
  const channels: ChannelRef[] = [{ platform: "slack", workspaceId: slack.teamId, channelId: slackChannel },
    { platform: "discord", workspaceId: guildId, channelId: discordChannel }];
  for (const channel of channels) {
    // Wednesdays at 09:00 UTC (ISO weekday 3).
    await services.subscriptions.upsert(channel, { localTime: "09:00", timeZone: "UTC", topic: null, size: 3, ranking: "trending",
      createdBy: "U1", cadence: "weekly", weekday: 3 });
  }
}, 60_000);
afterAll(async () => { await services?.close(); await slack.stop(); await discord?.stop(); });

describe("a weekly digest through the emulators", () => {
  it("posts once in ISO week 11 however often the tick runs, then again in week 12", async () => {
    await tick("2025-03-11T09:00:00Z"); // Tuesday: not its day
    expect(slackPosts()).toHaveLength(0);
    expect(discordPosts()).toHaveLength(0);

    await tick("2025-03-12T09:00:00Z");
    const slackWeek11 = slackPosts().length;
    const discordWeek11 = discordPosts().length;
    expect(slackWeek11).toBe(4); // the header and three papers
    expect(discordWeek11).toBe(4);
    expect(slackPosts()[0]!.text).toMatch(/most-upvoted papers of the week/);
    expect(discordPosts()[0]!.content).toMatch(/most-upvoted papers of the week/);

    // Reruns inside the same week (the same minute, later that day, the Sunday after) post nothing more.
    await tick("2025-03-12T09:00:00Z");
    await tick("2025-03-12T18:00:00Z");
    await tick("2025-03-16T23:00:00Z");
    expect(slackPosts()).toHaveLength(slackWeek11);
    expect(discordPosts()).toHaveLength(discordWeek11);

    await tick("2025-03-19T09:00:00Z");
    expect(slackPosts()).toHaveLength(slackWeek11 * 2);
    expect(discordPosts()).toHaveLength(discordWeek11 * 2);
  });
});
