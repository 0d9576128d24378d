// 🔖 on a paper message the bot posted bookmarks it for whoever reacted; removing it removes the bookmark.
// Partials deliver reactions on messages from before a restart; the message itself need not be fetched,
// because the PostedMessage record (not the message's content) says which paper it shows. The person is
// told privately by DM; if their DMs are closed, a ✅ on the message is the only trace in the channel.
import type { MessageReaction, PartialMessageReaction, PartialUser, User } from "discord.js";
import { handleReaction, isBookmarkEmoji } from "../../command-kit/interactions.ts";
import { EMOJI } from "../../core/messages/emoji.ts";
import type { Services } from "../../core/services.ts";
import type { ComponentIds } from "./component-ids.ts";
import { renderMessage } from "./render.ts";

export function reactionHandler(services: Services, ids: ComponentIds, added: boolean) {
  return async (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser): Promise<void> => {
    if (user.id === reaction.client.user.id || !isBookmarkEmoji(reaction.emoji.name)) return;
    const message = reaction.message;
    const workspaceId = message.guildId ?? "dm";
    try {
      const reply = await handleReaction(services, { platform: "discord", workspaceId, userId: user.id },
        { platform: "discord", workspaceId, channelId: message.channelId }, message.id, added);
      if (!reply) return;
      const { file: _file, components: _components, ...dm } = renderMessage(reply, ids);
      try {
        await user.send(dm);
      } catch (error) {
        services.log.info({ err: error, user: user.id }, "could not DM a reaction confirmation");
        if (added) await message.react(EMOJI.done.unicode);
      }
    } catch (error) {
      services.log.error({ err: error, message: message.id, added }, "discord reaction failed");
    }
  };
}
