// The ChatTransports a one-shot CLI command posts through: Slack and Discord when their tokens are
// configured (the same clients `papers start` uses for posting), and the terminal always.
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Platform } from "../core/channel.ts";
import type { ChatTransport } from "../core/transport.ts";
import { ConsoleTransport } from "../adapters/console/transport.ts";
import { SlackTransport } from "../adapters/slack/transport.ts";
import { createTransportClient } from "../adapters/slack/app.ts";
import { DiscordTransport, createPostingRest } from "../adapters/discord/transport.ts";
import { ComponentIds } from "../adapters/discord/component-ids.ts";

export function cliTransports(config: Config, log: Logger, consoleOutput: NodeJS.WritableStream): Map<Platform, ChatTransport> {
  const transports = new Map<Platform, ChatTransport>([["console", new ConsoleTransport(consoleOutput)]]);
  if (config.slack) transports.set("slack", new SlackTransport(createTransportClient(config, log)));
  if (config.discord) {
    transports.set("discord", new DiscordTransport(createPostingRest({ token: config.DISCORD_TOKEN!, ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }), new ComponentIds()));
  }
  return transports;
}
