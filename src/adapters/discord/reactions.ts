// 🔖 on a paper message the bot posted bookmarks it for whoever reacted; removing it removes the bookmark.
// Partials deliver reactions on messages from before a restart; the message itself need not be fetched,
// because the PostedMessage record (not the message's content) says which paper it shows. The person is
// told privately by DM; if their DMs are closed, a ✅ on the message is the only trace in the channel.
//
// A reaction in a DM (a personal digest's paper) never reaches discord.js's reaction events: it drops a
// reaction whose DM channel it has not cached, and this client never opens DMs itself (the transport
// posts them). Those come from the raw gateway packet instead (dmReactionHandler).
import { type Client, GatewayDispatchEvents, type GatewayMessageReactionAddDispatchData, type GatewayMessageReactionRemoveDispatchData,
  type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from "discord.js";
import { handleReaction, isBookmarkEmoji } from "../../command-kit/interactions.ts";
import { EMOJI } from "../../core/messages/emoji.ts";
import { errorReply, type Reply } from "../../core/messages/reply.ts";
import { DatabaseBusyError, DatabaseUnreachableError } from "../../core/stores/busy.ts";
import type { Services } from "../../core/services.ts";
import type { ComponentIds } from "./component-ids.ts";
import { renderMessage } from "./render.ts";
import { workspaceOf } from "./workspace.ts";
import { InTurn } from "../../core/in-turn.ts";

/** `authorId`: who wrote the message, where the event says (a DM's raw packet); else it is fetched if needed. */
interface ReactionEvent { userId: string; guildId: string | null; channelId: string; messageId: string; emoji: string | null; added: boolean; authorId?: string }

/** Whether the bot wrote the message: the event's word for it, or the message itself (one read, only for a 🔖
 * on a message that shows no paper). */
async function byBot(client: Client, event: ReactionEvent): Promise<boolean> {
  if (event.authorId) return event.authorId === client.user?.id;
  const channel = await client.channels.fetch(event.channelId);
  return !!channel?.isTextBased() && (await channel.messages.fetch(event.messageId)).author.id === client.user?.id;
}

/**
 * Discord sends a reaction once (Slack sends an event again when it failed): a 🔖 the database could not
 * take now is said to the person, not dropped in silence, so they can simply react again.
 */
function notSaved(error: DatabaseBusyError, added: boolean): Reply {
  const why = error instanceof DatabaseUnreachableError ? "the database cannot be reached right now" : "the database is busy with another job right now";
  return errorReply(added ? `Your 🔖 was not saved: ${why}. Take the 🔖 off and add it again in a moment.`
    : `Your bookmark was not removed: ${why}. Add the 🔖 back and take it off again in a moment.`);
}

// One person's reactions on one message, handled and answered in the order Discord sent them.
const reactions = new InTurn();

async function onReaction(services: Services, ids: ComponentIds, client: Client, event: ReactionEvent): Promise<void> {
  if (event.userId === client.user?.id || !isBookmarkEmoji(event.emoji)) return;
  await reactions.run(`${event.userId}:${event.messageId}`, () => answerReaction(services, ids, client, event));
}

async function answerReaction(services: Services, ids: ComponentIds, client: Client, event: ReactionEvent): Promise<void> {
  try {
    let reply: Reply | null;
    try {
      const workspaceId = await workspaceOf(services, event.guildId, event.userId);
      reply = await handleReaction(services, { platform: "discord", workspaceId, userId: event.userId },
        { platform: "discord", workspaceId, channelId: event.channelId }, event.messageId, event.added, () => byBot(client, event));
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      services.log.warn({ err: error, message: event.messageId, added: event.added }, "a 🔖 found the database busy");
      reply = notSaved(error, event.added);
    }
    if (!reply) return;
    const { file: _file, components: _components, ...dm } = renderMessage(reply, ids);
    try {
      await (await client.users.createDM(event.userId)).send(dm);
    } catch (error) {
      services.log.info({ err: error, user: event.userId }, "could not DM a reaction confirmation");
      // ✅ says "saved": only for a 🔖 that was.
      if (event.added && event.guildId && reply.tone !== "error") {
        const channel = await client.channels.fetch(event.channelId);
        if (channel?.isTextBased()) await channel.messages.react(event.messageId, EMOJI.done.unicode);
      }
    }
  } catch (error) {
    services.log.error({ err: error, message: event.messageId, added: event.added }, "discord reaction failed");
  }
}

/** Reactions on server messages, through discord.js's events. */
export function reactionHandler(services: Services, ids: ComponentIds, added: boolean) {
  return async (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser): Promise<void> => {
    const { message } = reaction;
    // A DM's reactions come from the raw packets (dmReactionHandler); once discord.js has cached that DM it
    // emits them here too, and handling both would bookmark (and confirm) twice.
    if (!message.guildId) return;
    // Another bot's 🔖 (an auto-reactor) is nobody saving a paper. A server reaction's add carries the member,
    // so discord.js knows; a removal may come from a partial user (bot unknown), whose bookmark was never made.
    if (user.bot) return;
    return onReaction(services, ids, reaction.client, { userId: user.id, guildId: message.guildId, channelId: message.channelId,
      messageId: message.id, emoji: reaction.emoji.name, added });
  };
}

/** Reactions in DMs, from the raw gateway packets (see above); server ones are left to reactionHandler. */
export function dmReactionHandler(services: Services, ids: ComponentIds, client: Client) {
  return async (packet: { t?: string | null; d?: unknown }): Promise<void> => {
    const added = packet.t === GatewayDispatchEvents.MessageReactionAdd;
    if (!added && packet.t !== GatewayDispatchEvents.MessageReactionRemove) return;
    const d = packet.d as GatewayMessageReactionAddDispatchData | GatewayMessageReactionRemoveDispatchData;
    if (d.guild_id) return;
    const authorId = "message_author_id" in d ? d.message_author_id : undefined;
    await onReaction(services, ids, client, { userId: d.user_id, guildId: null, channelId: d.channel_id, messageId: d.message_id,
      emoji: d.emoji.name ?? null, added, ...(authorId ? { authorId } : {}) });
  };
}
