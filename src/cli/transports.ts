// The ChatTransports a one-shot CLI command posts through: Slack and Discord when their tokens are
// configured (the same clients `papers start` uses for posting), and the terminal always.
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Platform } from "../core/channel.ts";
import type { ChatTransport } from "../core/transport.ts";
import { ConsoleTransport } from "../adapters/console/transport.ts";

// The platform SDKs are imported only when their token is configured: loading Bolt and discord.js costs
// more than the rest of a one-shot command.
export async function cliTransports(config: Config, log: Logger, consoleOutput: NodeJS.WritableStream): Promise<Map<Platform, ChatTransport>> {
  const transports = new Map<Platform, ChatTransport>([["console", new ConsoleTransport(consoleOutput)]]);
  if (config.slack) {
    const [{ SlackTransport }, { createTransportClient }] = await Promise.all([import("../adapters/slack/transport.ts"), import("../adapters/slack/app.ts")]);
    transports.set("slack", new SlackTransport(createTransportClient(config, log)));
  }
  if (config.discord) {
    const [{ DiscordTransport, createPostingRest }, { ComponentIds }] = await Promise.all([import("../adapters/discord/transport.ts"), import("../adapters/discord/component-ids.ts")]);
    transports.set("discord", new DiscordTransport(createPostingRest({ token: config.DISCORD_TOKEN!, ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }), new ComponentIds()));
  }
  return transports;
}
