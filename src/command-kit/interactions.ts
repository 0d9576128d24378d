// What buttons and reactions do, once for every platform. Adapters decode the click or the reaction and
// call these; they never touch the stores themselves.
import { channelKey, isDirectMessage, personMention, type ChannelRef, type UserRef } from "../core/channel.ts";
import { paperGone } from "./hints.ts";
import type { ChatTransport } from "../core/transport.ts";
import { botHandle } from "../core/messages/bot-name.ts";
import { isEmoji } from "../core/messages/emoji.ts";
import { personalTarget } from "../core/person-target.ts";
import type { Services } from "../core/services.ts";
import type { BotReach, CommandContext } from "./command.ts";
import { runCommand } from "./dispatch.ts";
import type { CommandRegistry } from "./registry.ts";
import { markNotInterested, notInterestedReply } from "./not-interested.ts";
import { removeBookmark, saveBookmark, savedNotice } from "./save-bookmark.ts";
import { exampleOn } from "./usage.ts";
import { errorReply, notice, shortId, toCard, type PaperAction, type Reply } from "../core/messages/reply.ts";
import { titled } from "../core/messages/typed.ts";

/** Slack names the emoji "bookmark"; Discord sends the character itself. */
export function isBookmarkEmoji(name: string | null | undefined): boolean {
  return isEmoji("bookmark", name);
}

export async function handlePaperAction(ctx: CommandContext, registry: CommandRegistry, action: Exclude<PaperAction, "share" | "discuss">, paperId: string): Promise<Reply> {
  const { services, user } = ctx;
  const paper = services.catalog.get(paperId);
  if (!paper) return errorReply(paperGone(user.platform));
  switch (action) {
    case "bookmark":
      return savedNotice(titled(paper.title), await saveBookmark(services, user, paper.id));
    case "unbookmark":
      return removeBookmark(services, user, paper);
    case "markRead": {
      const state = await services.bookmarks.markRead(user, paper.id);
      return notice(state === "changed" ? `Marked ${titled(paper.title)} as read.` : state === "already" ? `${titled(paper.title)} is already marked as read.`
        : `${titled(paper.title)} is not in your bookmarks; bookmark it first.`);
    }
    case "similar":
      return runCommand(registry, "similar", { id: paper.id }, ctx);
    case "notInterested":
      return notInterestedReply(paper, await markNotInterested(services, user, paper.id), user.platform);
  }
}

/**
 * "Share to channel": the paper as a real channel message the team can react to, remembered so that a
 * 🔖 on it later finds the paper. The person who shared gets a short private confirmation.
 */
export async function sharePaper(ctx: CommandContext, transport: ChatTransport, paperId: string): Promise<Reply> {
  const paper = ctx.services.catalog.get(paperId);
  if (!paper) return errorReply(paperGone(ctx.user.platform));
  if (ctx.memberCan?.post === false) return errorReply("You can't send messages in this channel, so I won't share papers there for you.");
  // A button on a list shown in a DM before Share left DMs (dispatch.ts): not "Shared to the channel" into the DM.
  if (isDirectMessage(ctx.channel)) return errorReply("I can only share papers to channels; run the search in a channel to share from it.");
  const key = `${channelKey(ctx.channel)}:${paper.id}`;
  // A second click (a double click, a teammate at the same moment) while the first is posting, or soon
  // after, would post the paper twice: it points to the message there is instead.
  let inFlight = sharing.get(ctx.services);
  if (!inFlight) sharing.set(ctx.services, (inFlight = new Map()));
  const already = inFlight.get(key);
  if (already) {
    // Posted, or found posted already: either way it is there. If that post failed, this click may not know why.
    const there = await already.then(() => true, () => false);
    return there ? sharedAlready(titled(paper.title)) : errorReply("Sharing that paper failed just now; press Share again in a moment.");
  }
  let reach: BotReach | null | undefined = null;
  const posting = (async () => {
    const now = ctx.services.clock().getTime();
    const [recent] = await ctx.services.posted.paperIdsSinceMany([ctx.channel], new Date(now - RECENT_SHARE_MS));
    if (recent?.includes(paper.id)) return false;
    // Another replica may be handling a click on the same paper at this moment: one claim per channel,
    // paper and ten minutes decides which posts (the processed-event ledger, which Slack's retries use too).
    const claim = `share:${key}:${Math.floor(now / RECENT_SHARE_MS)}`;
    if (!(await ctx.services.events.claim(ctx.channel.platform, claim))) return false;
    try {
      // As for a digest (subscribe.ts): where the bot may post without being in the channel (Slack's
      // chat:write.public), it joins first, since only then do the 🔖 reactions on what it posts reach it.
      // Where it cannot post at all, the post below fails and says so.
      reach = await ctx.botReach?.();
      // Who shared it, where that notifies no one; the card below shows the title.
      const sharer = personMention(ctx.user);
      const message: Reply = { visibility: "channel", text: `Shared by ${sharer ?? "a teammate"}:`, ...(sharer ? { mentions: [ctx.user.userId] } : {}),
        papers: [toCard(paper)], actions: ["bookmark", "similar", "discuss", "notInterested"] };
      const { messageId } = await transport.post(ctx.channel, message);
      await ctx.services.posted.record(ctx.channel, messageId, paper.id, "share", ctx.services.clock());
    } catch (error) {
      await ctx.services.events.release(ctx.channel.platform, claim).catch(() => {});
      throw error;
    }
    return true;
  })();
  inFlight.set(key, posting);
  let posted: boolean;
  try { posted = await posting; } finally { inFlight.delete(key); }
  if (!posted) return sharedAlready(titled(paper.title));
  return notice(reach === "unheard"
    ? `Shared ${titled(paper.title)} to the channel. Invite me with /invite ${botHandle()} so a 🔖 on it bookmarks it.`
    : `Shared ${titled(paper.title)} to the channel. React with 🔖 to bookmark it.`);
}

// Shares being posted by each bot (its services), by channel and paper; and how long a posted paper counts
// as just posted.
const sharing = new WeakMap<object, Map<string, Promise<boolean>>>();
const RECENT_SHARE_MS = 10 * 60_000;

function sharedAlready(title: string): Reply {
  return notice(`${title} was posted in this channel in the last few minutes; react with 🔖 on that message to bookmark it.`);
}

/**
 * A 🔖 added to or removed from a message. null when the message is not a paper this bot posted:
 * the adapter then stays silent, as people react to all sorts of messages.
 */
export async function handleReaction(services: Services, user: UserRef, channel: ChannelRef, messageId: string, added: boolean,
  onBotMessage?: () => Promise<boolean>): Promise<Reply | null> {
  // A personal digest's messages are recorded under the person (core/person-target.ts), not their DM's id.
  const paperId = await services.posted.paperFor(channel, messageId) ?? await services.posted.paperFor(personalTarget(user), messageId);
  if (!paperId) {
    // A 🔖 on the bot's own message that shows no one paper (a digest's header, its "no new papers" line)
    // was meant for the bot: say where it works. Anyone else's message is none of the bot's business.
    return added && onBotMessage && await onBotMessage().catch(() => false)
      ? notice("That message shows no one paper, so there is nothing on it to bookmark; react with 🔖 on a paper's own message, or press its Bookmark button.")
      : null;
  }
  const paper = await services.catalog.find(paperId);
  const title = paper ? titled(paper.title) : "that paper";
  if (added) {
    return savedNotice(title, await saveBookmark(services, user, paperId, true));
  }
  // Taking the reaction back undoes what the reaction did, and no more (stores/bookmarks.ts unreact).
  const unbookmark = exampleOn(user.platform, "unbookmark", [["id", shortId({ id: paperId, arxivId: paper?.arxivId ?? null })]]);
  switch (await services.bookmarks.unreact(user, paperId)) {
    case "removed": return notice(`Removed ${title} from your bookmarks.`);
    case "hasNote": return notice(`${title} stays in your bookmarks, since it has your note; ${unbookmark} removes it.`);
    case "markedRead": return notice(`${title} stays in your bookmarks, since you marked it read; ${unbookmark} removes it.`);
    case "notMadeByReaction": return notice(`${title} stays in your bookmarks, where you had saved it before reacting; ${unbookmark} removes it.`);
    case "none": return null;
  }
}
