// Puts the slash commands with Discord's bulk overwrite: the list replaces what was there, so running it
// again sends the same payload and changes nothing. A guild id registers there instantly (for testing);
// without one the commands are global.
import { DiscordAPIError, REST, Routes } from "discord.js";
import { ConfigError } from "../../config.ts";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import { buildCommands } from "./commands.ts";
import { startFailure } from "./credentials.ts";
import { discordDispatcher } from "./dispatcher.ts";

/** Discord's answer for a server the bot is not in, or joined without the applications.commands scope. */
const MISSING_ACCESS = 50001;

/** A server the bot is not in, the most common first-time mistake, said with its remedy; anything else as start-up says it. */
function registerFailure(error: unknown, options: RegisterOptions): unknown {
  if (!(options.guildId && error instanceof DiscordAPIError && error.code === MISSING_ACCESS)) return startFailure(error, options.api);
  return new ConfigError(`Discord refused to register /papers in server ${options.guildId} (Missing Access): the bot is not in that server, ` +
    "or was added without the applications.commands scope. Add it with the URL papers discord invite prints, then register again.");
}

export interface RegisterOptions { token: string; applicationId: string; api?: string; guildId?: string }

export async function registerCommands(registry: CommandRegistry, options: RegisterOptions): Promise<{ scope: string; names: string[] }> {
  const rest = new REST({ agent: discordDispatcher(), ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
  // DISCORD_APPLICATION_ID copied from another application (or the bot's user id of an old one) would register
  // /papers where this bot never sees it: Discord would only say Missing Access.
  const application = await (rest.get(Routes.currentApplication()) as Promise<{ id: string }>)
    .catch((error: unknown) => { throw startFailure(error, options.api); });
  if (application.id !== options.applicationId) {
    throw new ConfigError(`Configuration error: DISCORD_APPLICATION_ID is ${options.applicationId}, but DISCORD_TOKEN is the bot of application ${application.id}; ` +
      `set DISCORD_APPLICATION_ID=${application.id} (the Developer Portal's General Information → Application ID of that bot's application).`);
  }
  const body = buildCommands(registry);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body }).catch((error: unknown) => { throw registerFailure(error, options); })) as { name: string; options?: { name: string }[] }[];
  const names = saved.flatMap((c) => (c.options ?? []).map((o) => `/${c.name} ${o.name}`));
  return { scope: options.guildId ? `guild ${options.guildId}` : "global", names };
}
