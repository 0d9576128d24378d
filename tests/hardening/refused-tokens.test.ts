// A token Slack refuses at start-up (a wrong paste, one revoked by reinstalling the app) stops the real
// process with one sentence naming the variable and where the right token is, exit 2: not Bolt's
// "An API error occurred: invalid_auth", and never the token itself.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DiscordEmulator } from "../emulators/discord/index.ts";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { STACK_LINE } from "../support/cli.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
import { spawnBot } from "./spawn-bot.ts";

let slack: SlackEmulator;
beforeAll(async () => { slack = new SlackEmulator(); await slack.start(); });
afterAll(async () => { await slack.stop(); });

async function refused(env: Record<string, string>) {
  const bot = await spawnBot({ SLACK_API_URL: slack.apiUrl, ...env });
  try {
    const { code } = await bot.exited();
    return { code, said: bot.stderr().trim().split("\n").at(-1) ?? "", all: bot.stderr() + bot.stdout() };
  } finally { await bot.cleanup(); }
}

it("a bot token Slack does not know (HTTP mode)", async () => {
  const { code, said, all } = await refused({ SLACK_BOT_TOKEN: "xoxb-1111-2222-notthetoken", SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET });
  expect(code).toBe(2);
  expect(said).toMatch(/^Configuration error: Slack refused SLACK_BOT_TOKEN \(invalid_auth\); use the Bot User OAuth Token \(xoxb-…\) from OAuth & Permissions/);
  expect(all).not.toMatch(STACK_LINE);
  expect(all).not.toContain("notthetoken");
}, 30_000);

it("an app-level token Slack does not know (Socket Mode)", async () => {
  const { code, said, all } = await refused({ SLACK_BOT_TOKEN: slack.token, SLACK_APP_TOKEN: "xapp-1-A0-3333-notthetoken" });
  expect(code).toBe(2);
  expect(said).toMatch(/^Configuration error: Slack refused SLACK_APP_TOKEN \(invalid_auth\); use an app-level token \(xapp-…\) with the connections:write scope/);
  expect(all).not.toMatch(STACK_LINE);
  expect(all).not.toContain("notthetoken");
}, 30_000);

it("a Discord bot token Discord does not know", async () => {
  const discord = await new DiscordEmulator().start();
  try {
    const bot = await spawnBot({ DISCORD_TOKEN: "MTIz.notthetoken.xyz", DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    try {
      const { code } = await bot.exited();
      const all = bot.stderr() + bot.stdout();
      expect(code).toBe(2);
      expect(all.trim().split("\n").at(-1)).toMatch(/^Configuration error: Discord refused DISCORD_TOKEN \(401 Unauthorized\); use the bot's token from the Discord Developer Portal/);
      expect(all).not.toMatch(STACK_LINE);
      expect(all).not.toContain("notthetoken");
    } finally { await bot.cleanup(); }
  } finally { await discord.stop(); }
}, 30_000);
