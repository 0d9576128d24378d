// A token Slack or Discord refuses at start-up (a wrong paste, one revoked by reinstalling the app) stops the real
// process with one sentence naming the variable and where the right token is, exit 2: not Bolt's
// "An API error occurred: invalid_auth", and never the token itself.
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DiscordEmulator } from "../emulators/discord/index.ts";
import { SlackEmulator } from "../emulators/slack/index.ts";
import { STACK_LINE } from "../support/cli.ts";
import { TEST_DISCORD_TOKEN, TEST_SLACK_SIGNING_SECRET } from "../support/secrets.ts";
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

// Reset Token in the Developer Portal (or Discord's own reset of a token found published) while the bot runs:
// the gateway closes with 4004 and discord.js never reconnects. A bot left running would look healthy and hear
// nothing; it stops with the start-up's kind of sentence, exit 2, so its supervisor's restarts say it again.
it("a Discord token reset while the bot runs", async () => {
  const discord = await new DiscordEmulator().start();
  try {
    const bot = await spawnBot({ DISCORD_TOKEN: TEST_DISCORD_TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    try {
      await bot.logLine("papers-bot started");
      discord.resetToken();
      const { code } = await bot.exited();
      const all = bot.stderr() + bot.stdout();
      expect(code).toBe(2);
      expect(all.trim().split("\n").at(-1)).toMatch(/^Configuration error: Discord stopped accepting DISCORD_TOKEN \(gateway close 4004\); it was reset, /);
      expect(all).not.toMatch(STACK_LINE);
    } finally { await bot.cleanup(); }
  } finally { await discord.stop(); }
}, 30_000);

// The same on Slack. The app-level token revoked or regenerated: Slack closes the Socket Mode connection and the
// client's reopening (apps.connections.open) is refused, which it left as an unhandled rejection, the bot deaf.
// The app uninstalled: Slack says so in events, then refuses the bot token. Each time with Discord running too,
// so the sentence is Slack's and not lost among Discord's.
async function revokedWhileRunning(revoke: (emulator: SlackEmulator) => Promise<void>) {
  const emulator = new SlackEmulator();
  await emulator.start();
  const discord = await new DiscordEmulator().start();
  try {
    const bot = await spawnBot({ SLACK_API_URL: emulator.apiUrl, SLACK_BOT_TOKEN: emulator.token, SLACK_APP_TOKEN: emulator.appToken,
      DISCORD_TOKEN: TEST_DISCORD_TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl });
    try {
      await bot.logLine("papers-bot started");
      await revoke(emulator);
      const { code } = await bot.exited();
      const all = bot.stderr() + bot.stdout();
      expect(all).not.toMatch(STACK_LINE);
      return { code, said: all.trim().split("\n").at(-1) ?? "" };
    } finally { await bot.cleanup(); }
  } finally { await discord.stop(); await emulator.stop(); }
}

it("a Slack app-level token revoked while the bot runs (Socket Mode)", async () => {
  const { code, said } = await revokedWhileRunning((emulator) => emulator.revokeAppToken());
  expect(code).toBe(2);
  expect(said).toMatch(/^Configuration error: Slack stopped accepting SLACK_APP_TOKEN while the bot ran \(invalid_auth\); use an app-level token \(xapp-…\)/);
}, 30_000);

it("the Slack app uninstalled while the bot runs", async () => {
  const { code, said } = await revokedWhileRunning((emulator) => emulator.uninstall());
  expect(code).toBe(2);
  expect(said).toMatch(/^Configuration error: Slack stopped accepting SLACK_BOT_TOKEN while the bot ran \((tokens_revoked|app_uninstalled)\); .*reinstall the app/);
}, 30_000);

// An API that does not answer at all (no network yet, a mistyped *_API_URL): one sentence naming the service,
// the address and what to check, exit 1 (it may pass by itself: a supervisor restarts the bot), no stack.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it("Slack's API unreachable at start-up", async () => {
  const api = `http://127.0.0.1:${await closedPort()}/api/`;
  const { code, said, all } = await refused({ SLACK_API_URL: api, SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET });
  expect(code).toBe(1);
  expect(said).toBe(`papers: start failed: cannot reach Slack at ${api} (connect ECONNREFUSED ${api.slice(7, -5)}); ` +
    "check this machine's network and proxy settings and SLACK_API_URL if set, then try again.");
  // The log is JSON lines: the same sentence is logged as the fatal line just before it.
  expect(JSON.parse(all.trim().split("\n").at(-2) ?? "")).toMatchObject({ level: "fatal", exitCode: 1, msg: said });
  expect(all).not.toMatch(STACK_LINE);
}, 30_000);

it("Discord's API unreachable at start-up", async () => {
  const api = `http://127.0.0.1:${await closedPort()}/api`;
  const bot = await spawnBot({ DISCORD_TOKEN: "MTIz.abc.xyz", DISCORD_APPLICATION_ID: "123456789012345678", DISCORD_API_URL: api });
  try {
    const { code } = await bot.exited();
    const all = bot.stderr() + bot.stdout();
    expect(code).toBe(1);
    expect(all.trim().split("\n").at(-1)).toMatch(/^papers: start failed: cannot reach Discord at http:\/\/127\.0\.0\.1:\d+\/api \(connect ECONNREFUSED [^)]+\); check this machine's network/);
    expect(all).not.toMatch(STACK_LINE);
  } finally { await bot.cleanup(); }
}, 30_000);

// A mistyped *_API_URL, or a proxy that answers for the API: an HTTP answer that is not the API's own. Before,
// "start failed: An HTTP protocol error occurred: statusCode = 404" (Slack) and "start failed: No Description" (Discord).
it("an address that answers, but not as Slack's or Discord's API (a 404 page), is named with its status", async () => {
  const notTheApi = createHttpServer((_req, res) => { res.writeHead(404, { "Content-Type": "text/html" }); res.end("<h1>Not Found</h1>"); });
  await new Promise<void>((resolve) => notTheApi.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(notTheApi.address() as { port: number }).port}`;
  try {
    const slackSaid = await refused({ SLACK_API_URL: `${base}/`, SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET });
    expect(slackSaid.code).toBe(1);
    expect(slackSaid.said).toBe(`papers: start failed: Slack at ${base}/ answered HTTP 404, not as its API does; check SLACK_API_URL if set and this machine's proxy settings, then try again.`);
    const bot = await spawnBot({ DISCORD_TOKEN: "MTIz.abc.xyz", DISCORD_APPLICATION_ID: "123456789012345678", DISCORD_API_URL: `${base}/api` });
    try {
      expect((await bot.exited()).code).toBe(1);
      expect(bot.stderr().trim().split("\n").at(-1)).toBe(`papers: start failed: Discord at ${base}/api answered HTTP 404, not as its API does; check DISCORD_API_URL if set and this machine's proxy settings, then try again.`);
      expect(bot.stderr()).not.toMatch(STACK_LINE);
    } finally { await bot.cleanup(); }
  } finally { notTheApi.close(); }
}, 30_000);
