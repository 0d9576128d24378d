// The gateway client. Only unprivileged intents: Guilds (channels, for interactions and reactions),
// GuildMessageReactions and DirectMessageReactions (🔖). Partials let a reaction on a message from before a restart still arrive.
import { Client, GatewayIntentBits, Partials } from "discord.js";
import type { Config } from "../../config.ts";
import { discordDispatcher } from "./dispatcher.ts";

// This client's REST calls are almost all interaction callbacks and edits of their replies, which Discord
// exempts from the bot's 50 requests/s global limit; discord.js counts them against it anyway, so a busy
// minute made every ~25th answer wait up to a second (bench/discord.ts). Channel posts, which the global
// limit does cover, go through the transport's own REST client (transport.ts). A real 429 on the rare
// DM or ✅ is still honoured: discord.js waits it out.
const INTERACTION_CLIENT_REQUESTS_PER_SECOND = 500;

export function createDiscordClient(config: Pick<Config, "DISCORD_API_URL">): Client {
  return new Client({
    // DirectMessageReactions: a 🔖 on a paper of someone's personal digest, which arrives by DM.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessageReactions],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    rest: { globalRequestsPerSecond: INTERACTION_CLIENT_REQUESTS_PER_SECOND, agent: discordDispatcher(),
      ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) },
    // Answers echo what people typed ("Papers for "@everyone""): nothing the bot says pings anyone (NO_PINGS).
    allowedMentions: { parse: [], repliedUser: false },
  });
}
