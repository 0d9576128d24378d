// Puts the slash commands with Discord's bulk overwrite: the list replaces what was there, so running it
// again sends the same payload and changes nothing. A guild id registers there instantly (for testing);
// without one the commands are global.
import { REST, Routes } from "discord.js";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import { buildCommands } from "./commands.ts";
import { startFailure } from "./credentials.ts";
import { discordDispatcher } from "./dispatcher.ts";

export interface RegisterOptions { token: string; applicationId: string; api?: string; guildId?: string }

export async function registerCommands(registry: CommandRegistry, options: RegisterOptions): Promise<{ scope: string; names: string[] }> {
  const rest = new REST({ agent: discordDispatcher(), ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
  const body = buildCommands(registry);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body }).catch((error: unknown) => { throw startFailure(error, options.api); })) as { name: string; options?: { name: string }[] }[];
  const names = saved.flatMap((c) => (c.options ?? []).map((o) => `/${c.name} ${o.name}`));
  return { scope: options.guildId ? `guild ${options.guildId}` : "global", names };
}
