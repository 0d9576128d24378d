// Slash commands, buttons, menus and autocomplete. Every command and click is deferred before any work
// (Discord's 3-second window then never matters), runs through the platform-neutral commands, and the
// deferred reply is edited with the rendered answer.
import { lastListIds } from "../../command-kit/paper-ref.ts";
import { DM_WORKSPACE, workspaceOf } from "./workspace.ts";
import { ChannelType, MessageFlags, PermissionFlagsBits, type AutocompleteInteraction, type PermissionsBitField, type BaseInteraction, type ChatInputCommandInteraction, type Interaction, type MessageComponentInteraction } from "discord.js";
import { randomBytes } from "node:crypto";
import type { CommandContext } from "../../command-kit/command.ts";
import { runCommand } from "../../command-kit/dispatch.ts";
import { describeOptions } from "../../command-kit/options.ts";
import { handlePaperAction, sharePaper } from "../../command-kit/interactions.ts";
import { openDiscussion } from "../../command-kit/discuss.ts";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import { errorReply, failureReply, type Reply } from "../../core/messages/reply.ts";
import { ChannelUnavailableError, TransientPostError, type ChatTransport } from "../../core/transport.ts";
import type { Services } from "../../core/services.ts";
import { suggestChoices } from "./autocomplete.ts";
import type { ComponentIds } from "./component-ids.ts";
import { MAX_EMBEDS, renderMessage } from "./render.ts";

export interface InteractionDeps { services: Services; registry: CommandRegistry; transport: ChatTransport; ids: ComponentIds }

async function contextOf(services: Services, interaction: BaseInteraction): Promise<CommandContext> {
  // The person's own things (bookmarks, marks, personal digest) in their server even from a DM; a DM as a
  // channel (a channel digest subscribed there) stays in the DM workspace, out of the server's listings.
  const workspaceId = await workspaceOf(services, interaction.guildId, interaction.user.id);
  return {
    services,
    user: { platform: "discord", workspaceId, userId: interaction.user.id },
    channel: { platform: "discord", workspaceId: interaction.guildId ?? DM_WORKSPACE, channelId: interaction.channelId ?? "" },
    // Discord computes the member's permissions in this channel; outside a guild the channel is their own.
    canManageChannel: interaction.memberPermissions ? interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels) : !interaction.inGuild(),
    ...(interaction.memberPermissions ? { memberCan: memberCan(interaction.memberPermissions, interaction.channel?.isThread() ?? false) } : {}),
    // A digest is embeds, which Discord shows only with Embed Links; in a DM the bot may always post.
    ...(interaction.inGuild() && interaction.appPermissions ? { botReach: botReach(interaction.appPermissions.has([PermissionFlagsBits.ViewChannel,
      interaction.channel?.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks])) } : {}),
    now: services.clock(),
    maxListed: MAX_EMBEDS,
  };
}

/** Discord says at once what the bot may do in the channel. */
function botReach(canPost: boolean): NonNullable<CommandContext["botReach"]> {
  return () => Promise.resolve(canPost ? null : "permissions");
}

/** Share posts a message and Discuss opens a thread for the person: only where they could themselves. In a
 * thread Discord's right to post is Send Messages in Threads, not Send Messages. */
function memberCan(permissions: Readonly<PermissionsBitField>, inThread: boolean): NonNullable<CommandContext["memberCan"]> {
  return {
    post: permissions.has(inThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages),
    startThreads: permissions.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]),
  };
}

/** `/papers search query:moe` → ["search", { query: "moe" }]. */
function commandOptions(interaction: ChatInputCommandInteraction): [string, Record<string, unknown>] {
  const sub = interaction.options.data[0];
  const raw: Record<string, unknown> = {};
  // A True/False option arrives as a boolean; the schema reads yes-or-no words, as typed text has them.
  for (const o of sub?.options ?? []) raw[o.name] = typeof o.value === "boolean" ? String(o.value) : o.value;
  return [sub?.name ?? interaction.commandName, raw];
}

type Deferred = ChatInputCommandInteraction | MessageComponentInteraction;

async function answer(interaction: Deferred, reply: Reply, ids: ComponentIds): Promise<void> {
  const { file, ...message } = renderMessage(reply, ids);
  const payload = { ...message, files: file ? [{ attachment: file.data, name: file.name }] : [] };
  if (reply.visibility === "channel" && !interaction.isMessageComponent()) {
    // Deferred privately (most answers are private); a channel answer replaces the placeholder.
    await interaction.deleteReply();
    await interaction.followUp(payload);
    return;
  }
  await interaction.editReply(payload);
}

/** The channels a thread can be started from a message in. */
const THREADED = new Set<ChannelType>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

/** Clicks deferred as an update of their own message (a page turned in place): what goes wrong with them
 * is said apart from that message, which stays as it was. */
const turnedInPlace = new WeakSet<object>();

/** A private message of its own, beside the one the click was on. */
async function tellApart(interaction: MessageComponentInteraction, reply: Reply, ids: ComponentIds): Promise<void> {
  await interaction.followUp({ content: renderMessage(reply, ids).content, flags: MessageFlags.Ephemeral });
}

async function onCommand(deps: InteractionDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const [name, raw] = commandOptions(interaction);
  const reply = await runCommand(deps.registry, name, raw, await contextOf(deps.services, interaction));
  await answer(interaction, reply, deps.ids);
}

function postFailure(error: unknown): Reply | null {
  // Only a rate limit says how long to wait; a server error or a dropped connection does not.
  if (error instanceof TransientPostError) {
    return errorReply(error.retryAfterMs !== undefined ? "Discord asked me to slow down; try sharing again in a minute."
      : "Discord didn't take the message just now; try sharing again in a moment.");
  }
  if (error instanceof ChannelUnavailableError) return errorReply("I can't post in this channel; ask an admin to let papers-bot send messages here.");
  return null;
}

async function onComponent(deps: InteractionDeps, interaction: MessageComponentInteraction): Promise<void> {
  const decoded = deps.ids.decode(interaction.customId);
  // Deferred first, then the context: a click in a DM reads the database for its workspace (workspace.ts).
  if (decoded.kind === "more") {
    // "Show more" turns the page of a private answer in place; on a channel message it answers privately.
    const inPlace = interaction.message.flags.has(MessageFlags.Ephemeral);
    if (inPlace) { await interaction.deferUpdate(); turnedInPlace.add(interaction); }
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const reply = await runCommand(deps.registry, decoded.command, decoded.input, await contextOf(deps.services, interaction));
    // A page that could not be turned (going too fast, the database busy) leaves the list as it was.
    if (inPlace && reply.tone === "error") await tellApart(interaction, reply, deps.ids);
    else await answer(interaction, reply, deps.ids);
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const ctx = await contextOf(deps.services, interaction);
  const paperId = decoded.kind === "paper" ? decoded.paperId
    : decoded.kind === "paperMenu" && interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  const action = decoded.kind === "paper" || decoded.kind === "paperMenu" ? decoded.action : undefined;
  let reply: Reply;
  if (!paperId || !action) {
    reply = errorReply(decoded.kind === "expired" ? "That button has expired; run the command again." : "I don't know that button; run the command again.");
  } else if (action === "share") {
    reply = await sharePaper(ctx, deps.transport, paperId).catch((error: unknown) => {
      const sentence = postFailure(error);
      if (sentence) return sentence;
      throw error;
    });
  } else if (action === "discuss" && !interaction.inGuild()) {
    // Discord has no threads in a DM (a channel digest subscribed there carries Discuss too).
    reply = errorReply("Discussion threads open on a server channel's messages; a direct message has none. Press Discuss on the paper in a server channel.");
  } else if (action === "discuss" && interaction.channel && !THREADED.has(interaction.channel.type)) {
    // A digest subscribed in a thread, a forum post or a voice channel's chat: Discord starts no thread there.
    reply = errorReply(interaction.channel.isThread()
      ? "This message is in a thread already, and Discord opens no thread inside another; discuss the paper right here."
      : "Discord opens no threads in a voice channel's text chat; discuss the paper right here.");
  } else if (action === "discuss") {
    // A thread hangs on a real channel message, never on a private reply.
    const onChannelMessage = !interaction.message.flags.has(MessageFlags.Ephemeral);
    reply = await openDiscussion(ctx, deps.transport, onChannelMessage ? interaction.message.id : undefined, paperId);
  } else {
    reply = await handlePaperAction(ctx, deps.registry, action, paperId);
  }
  await answer(interaction, reply, deps.ids);
}

async function onAutocomplete(deps: InteractionDeps, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const command = deps.registry.get(interaction.options.getSubcommand(false) ?? "");
  const spec = command ? describeOptions(command.data.options).find((o) => o.name === focused.name) : undefined;
  // A bookmark being added is any paper but the person's bookmarks; only bookmark choices need to know
  // who is typing (a database read), so paper and zone choices, which must come within 3 s, skip it.
  const adding = command?.data.name === "bookmarks" && interaction.options.getString("change", false) === "add";
  const kind = adding ? "paper" : spec?.autocomplete;
  const user = kind === "bookmark" ? (await contextOf(deps.services, interaction)).user : null;
  const lastList = async () => lastListIds(await contextOf(deps.services, interaction));
  await interaction.respond(await suggestChoices(deps.services, user, spec && { ...spec, autocomplete: kind }, String(focused.value), deps.registry, lastList));
}

export function interactionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const { log } = deps.services;
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(deps, interaction);
      else if (interaction.isMessageComponent()) await onComponent(deps, interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(deps, interaction);
    } catch (error) {
      const ref = randomBytes(4).toString("hex");
      log.error({ err: error, ref, interaction: interaction.id, type: interaction.type }, "discord interaction failed");
      await apologise(interaction, failureReply(error, ref), deps.ids)
        .catch((err: unknown) => log.warn({ err, ref, interaction: interaction.id }, "could not tell the person about the failure"));
    }
  };
}

/** Discord's "this interaction was already acknowledged": a deferral it took although our call failed. */
const ALREADY_ACKNOWLEDGED = 40060;

/**
 * Whatever failed, and whenever (before the deferral, or the deferral itself), the person gets an answer:
 * the deferred reply edited, else a first reply, else (Discord did take the deferral) an edit after all.
 * A failed autocomplete shows no choices rather than Discord's "Loading options failed".
 */
async function apologise(interaction: Interaction, reply: Reply, ids: ComponentIds): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const { content } = renderMessage(reply, ids);
  const edit = () => interaction.editReply({ content, embeds: [], components: [] });
  if (interaction.isMessageComponent() && turnedInPlace.has(interaction)) { await tellApart(interaction, reply, ids); return; }
  if (interaction.deferred || interaction.replied) { await edit(); return; }
  try {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  } catch (error) {
    if ((error as { code?: unknown }).code !== ALREADY_ACKNOWLEDGED) throw error;
    // discord.js believes nothing was sent, so its editReply would refuse: edit through the webhook.
    await interaction.webhook.editMessage("@original", { content, embeds: [], components: [] });
  }
}
