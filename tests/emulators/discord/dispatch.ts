// What a person does in Discord, as the gateway events discord.js receives: a slash command, a button
// click or menu pick, an autocomplete keystroke, a reaction added or removed.
import { performance } from "node:perf_hooks";
import type { DiscordEmulator } from "./emulator.ts";
import { channelObject, memberObject, messageObject, PERMISSIONS, snowflake, type EmulatedUser, type MessageRecord } from "./payloads.ts";

export interface Actor {
  user?: EmulatedUser;
  /** Defaults to the first channel of the first guild. */
  channelId?: string;
  /** Member permissions as Discord sends them; default: an ordinary member without Manage Channels. */
  permissions?: string;
}

export interface DispatchedInteraction { id: string; token: string; dispatchedAt: number }

export function person(name = "ada"): EmulatedUser {
  return { id: snowflake(), username: name };
}

function base(emulator: DiscordEmulator, type: number, actor: Actor) {
  const guild = emulator.guilds[0]!;
  const channel = guild.channels.find((c) => c.id === actor.channelId) ?? guild.channels[0]!;
  const user = actor.user ?? person();
  return {
    id: snowflake(), application_id: emulator.applicationId, type, token: `tok-${snowflake()}`, version: 1,
    guild_id: guild.id, channel_id: channel.id, channel: channelObject(guild.id, channel),
    member: memberObject(user, actor.permissions ?? PERMISSIONS.member), app_permissions: PERMISSIONS.manageChannels,
    locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { "0": guild.id }, context: 0,
  };
}

function send(emulator: DiscordEmulator, payload: ReturnType<typeof base> & Record<string, unknown>): DispatchedInteraction {
  const dispatchedAt = performance.now();
  emulator.gateway.dispatch("INTERACTION_CREATE", payload);
  return { id: payload.id, token: payload.token, dispatchedAt };
}

type OptionValues = Record<string, string | number>;

function optionList(values: OptionValues, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name, value, type: typeof value === "number" ? 4 : 3, ...(name === focused ? { focused: true } : {}),
  }));
}

export function slashCommand(emulator: DiscordEmulator, subcommand: string, values: OptionValues = {}, actor: Actor = {}, commandName = "papers"): DispatchedInteraction {
  return send(emulator, { ...base(emulator, 2, actor), data: { id: snowflake(), name: commandName, type: 1, options: [{ name: subcommand, type: 1, options: optionList(values) }] } });
}

export function autocomplete(emulator: DiscordEmulator, subcommand: string, values: OptionValues, focused: string, actor: Actor = {}, commandName = "papers"): DispatchedInteraction {
  return send(emulator, { ...base(emulator, 4, actor), data: { id: snowflake(), name: commandName, type: 1, options: [{ name: subcommand, type: 1, options: optionList(values, focused) }] } });
}

/** A click on a button (component_type 2) or a pick in a string select (3, with `values`) of `message`. */
export function clickComponent(emulator: DiscordEmulator, message: MessageRecord, customId: string, actor: Actor = {}, values?: string[]): DispatchedInteraction {
  return send(emulator, {
    ...base(emulator, 3, { channelId: message.channel_id, ...actor }),
    message: messageObject(message),
    data: values ? { custom_id: customId, component_type: 3, values } : { custom_id: customId, component_type: 2 },
  });
}

export function reaction(emulator: DiscordEmulator, added: boolean, message: { id: string; channel_id: string }, user: EmulatedUser, emoji = "🔖"): void {
  const guild = emulator.guilds[0]!;
  emulator.gateway.dispatch(added ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", {
    user_id: user.id, channel_id: message.channel_id, message_id: message.id, guild_id: guild.id,
    emoji: { id: null, name: emoji }, burst: false, type: 0,
    ...(added ? { member: memberObject(user, PERMISSIONS.member), message_author_id: emulator.bot.id } : {}),
  });
}
