// The `/papers` slash command, built from the same Command definitions as help, Slack and the terminal.
//
// One top-level `/papers` carries every subcommand. Discord sets default_member_permissions per
// top-level command only, so putting Manage Channels on `/papers` would hide search from everyone; a
// second top-level command just for subscribe/unsubscribe would make Discord's words differ from the
// help text and Slack's. So the Manage Channels rule is enforced where it cannot be bypassed, on our
// side for every call (interaction.memberPermissions → canManageChannel → dispatch), and server admins
// can still narrow who sees `/papers` in Server Settings → Integrations.
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, type APIApplicationCommandBasicOption, type RESTPutAPIApplicationCommandsJSONBody } from "discord.js";
import type { Command } from "../../command-kit/command.ts";
import { describeOptions, type OptionSpec } from "../../command-kit/options.ts";
import type { CommandRegistry } from "../../command-kit/registry.ts";

export const TOP_LEVEL_COMMAND = "papers";
type CommandJson = RESTPutAPIApplicationCommandsJSONBody[number];

function describe(text: string): string {
  return text.length <= 100 ? text : text.slice(0, 99) + "…";
}

function option(spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name: spec.name, description: describe(spec.description), required: spec.required };
  const choices = spec.choices?.slice(0, 25).map((c) => (spec.type === "integer" ? { name: c, value: Number(c) } : { name: c, value: c }));
  // Discord refuses autocomplete together with fixed choices; fixed choices win.
  const suggest = !choices && spec.autocomplete ? { autocomplete: true } : {};
  if (spec.type === "boolean") return { ...base, type: ApplicationCommandOptionType.Boolean } as APIApplicationCommandBasicOption;
  if (spec.type === "integer") {
    return { ...base, type: ApplicationCommandOptionType.Integer, ...(choices ? { choices } : suggest),
      ...(spec.min !== undefined ? { min_value: spec.min } : {}), ...(spec.max !== undefined ? { max_value: spec.max } : {}) } as APIApplicationCommandBasicOption;
  }
  return { ...base, type: ApplicationCommandOptionType.String, ...(choices ? { choices } : suggest),
    ...(spec.maxLength !== undefined ? { max_length: spec.maxLength } : {}) } as APIApplicationCommandBasicOption;
}

function subcommand(command: Command) {
  // Discord requires required options before optional ones.
  const options = [...describeOptions(command.data.options)].sort((a, b) => Number(b.required) - Number(a.required));
  return { type: ApplicationCommandOptionType.Subcommand as const, name: command.data.name, description: describe(command.data.description), options: options.map(option) };
}

export function buildCommands(registry: CommandRegistry): CommandJson[] {
  return [{
    type: ApplicationCommandType.ChatInput,
    name: TOP_LEVEL_COMMAND,
    description: "Trending ML papers: search, daily digests, bookmarks",
    // And in the person's DM with the bot, where their personal digest arrives: the adapter counts a command
    // there in the server that digest comes from (workspace.ts). A server's own registration (--guild) stays in it.
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: registry.visible().slice(0, 25).map(subcommand),
  }];
}

/** Subcommands whose callers need Manage Channels (checked server-side on every call). */
export function manageChannelSubcommands(registry: CommandRegistry): string[] {
  return registry.list().filter((c) => c.data.permission === "manageChannel").map((c) => c.data.name);
}
