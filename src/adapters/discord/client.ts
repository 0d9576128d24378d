// The gateway client. Only unprivileged intents: Guilds (channels, for interactions and reactions) and
// GuildMessageReactions (🔖). Partials let a reaction on a message from before a restart still arrive.
import { Client, GatewayIntentBits, Partials } from "discord.js";
import type { Config } from "../../config.ts";

export function createDiscordClient(config: Pick<Config, "DISCORD_API_URL">): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
}
