// What a person does in Discord, as the gateway events discord.js receives: a slash command, a button
// click or menu pick, an autocomplete keystroke, a reaction added or removed.
import { performance } from "node:perf_hooks";
import type { DiscordEmulator } from "./emulator.ts";
import { channelObject, memberObject, messageObject, PERMISSIONS, snowflake, userObject, type EmulatedUser, type MessageRecord } from "./payloads.ts";

export interface Actor {
  user?: EmulatedUser;
  /** Defaults to the first channel of the first guild. */
  channelId?: string;
  /** Member permissions as Discord sends them; default: an ordinary member without Manage Channels. */
  permissions?: string;
  /** The bot's own permissions in the channel, as Discord sends them (app_permissions); default: what the invite asks for. */
  appPermissions?: string;
  /** In the person's DM with the bot (`channelId`: that DM): Discord sends no guild, no member, the user itself. */
  dm?: boolean;
}

/** Gateway intent bits (discord.com/developers/docs/events/gateway#gateway-intents). */
export const INTENTS = { guilds: 1 << 0, guildMessageReactions: 1 << 10, directMessageReactions: 1 << 13 } as const;

export interface DispatchedInteraction { id: string; token: string; dispatchedAt: number }

export function person(name = "ada"): EmulatedUser {
  return { id: snowflake(), username: name };
}

function base(emulator: DiscordEmulator, type: number, actor: Actor) {
  const guild = emulator.guilds[0]!;
  // A thread (a Discuss thread, a forum post) is a channel of its own; Discord sends it with its type and parent.
  const thread = actor.channelId ? emulator.threads.get(actor.channelId) : undefined;
  const channel = guild.channels.find((c) => c.id === actor.channelId) ?? guild.channels[0]!;
  const user = actor.user ?? person();
  if (actor.dm) {
    const dm = actor.channelId!;
    return {
      id: snowflake(), application_id: emulator.applicationId, type, token: `tok-${snowflake()}`, version: 1,
      channel_id: dm, channel: { id: dm, type: 1, last_message_id: null, flags: 0, recipients: [userObject(user)] },
      user: userObject(user), app_permissions: PERMISSIONS.member,
      locale: "en-US", entitlements: [], authorizing_integration_owners: { "0": guild.id }, context: 1,
    };
  }
  return {
    id: snowflake(), application_id: emulator.applicationId, type, token: `tok-${snowflake()}`, version: 1,
    guild_id: guild.id, ...(thread ? { channel_id: thread.id, channel: thread } : { channel_id: channel.id, channel: channelObject(guild.id, channel) }),
    member: memberObject(user, actor.permissions ?? PERMISSIONS.member), app_permissions: actor.appPermissions ?? PERMISSIONS.bot,
    locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { "0": guild.id }, context: 0,
  };
}

function send(emulator: DiscordEmulator, payload: ReturnType<typeof base> & Record<string, unknown>): DispatchedInteraction {
  const dispatchedAt = performance.now();
  emulator.gateway.dispatch("INTERACTION_CREATE", payload);
  return { id: payload.id, token: payload.token, dispatchedAt };
}

type OptionValues = Record<string, string | number | boolean>;

function optionList(values: OptionValues, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name, value, type: typeof value === "number" ? 4 : typeof value === "boolean" ? 5 : 3, ...(name === focused ? { focused: true } : {}),
  }));
}

/** Interaction context types (discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-context-types). */
const BOT_DM = 1;

/**
 * Discord offers a command in a DM with the bot only when it is registered globally (a server's commands stay
 * in that server) with the BotDM context: a command it would not offer there cannot be run there.
 */
function offeredInDm(emulator: DiscordEmulator, commandName: string): void {
  const command = (emulator.commands.get("global") ?? []).find((c: any) => c?.name === commandName) as { contexts?: number[] } | undefined;
  if (!command?.contexts?.includes(BOT_DM)) {
    throw new Error(`Discord offers no /${commandName} in a DM with the bot: ${command ? `its contexts are ${JSON.stringify(command.contexts)}` : "it is not registered globally"}`);
  }
}

export function slashCommand(emulator: DiscordEmulator, subcommand: string, values: OptionValues = {}, actor: Actor = {}, commandName = "papers"): DispatchedInteraction {
  if (actor.dm) offeredInDm(emulator, commandName);
  return send(emulator, { ...base(emulator, 2, actor), data: { id: snowflake(), name: commandName, type: 1, options: [{ name: subcommand, type: 1, options: optionList(values) }] } });
}

export function autocomplete(emulator: DiscordEmulator, subcommand: string, values: OptionValues, focused: string, actor: Actor = {}, commandName = "papers"): DispatchedInteraction {
  if (actor.dm) offeredInDm(emulator, commandName);
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

/**
 * A reaction added or removed. `dm`: on a message in the person's DM with the bot, which Discord sends
 * without a guild, and only to a client that asked for the DIRECT_MESSAGE_REACTIONS intent (a server
 * message's reactions need GUILD_MESSAGE_REACTIONS).
 */
export function reaction(emulator: DiscordEmulator, added: boolean, message: { id: string; channel_id: string }, user: EmulatedUser, emoji = "🔖",
  options: { dm?: boolean } = {}): void {
  // Discord: "Users cannot edit messages, add reactions, … in archived threads" (a post unarchives it first).
  if (emulator.threads.get(message.channel_id)?.thread_metadata.archived) throw new Error("Discord lets no one react in an archived thread.");
  const guild = emulator.guilds[0]!;
  emulator.gateway.dispatch(added ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", {
    user_id: user.id, channel_id: message.channel_id, message_id: message.id, ...(options.dm ? {} : { guild_id: guild.id }),
    emoji: { id: null, name: emoji }, burst: false, type: 0,
    ...(added && !options.dm ? { member: memberObject(user, PERMISSIONS.member) } : {}),
    // Who wrote the message, as Discord says on an add: its author where the emulator holds it, else the bot.
    ...(added ? { message_author_id: emulator.messages.get(message.id)?.author.id ?? emulator.bot.id } : {}),
  }, options.dm ? INTENTS.directMessageReactions : INTENTS.guildMessageReactions);
}
