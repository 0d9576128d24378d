// The Discuss button (issue 15, item 3): opens one thread on a digest or shared paper message with the
// abstract, the links and who asked. The DiscussionStore's unique row decides which press opens it, so
// pressing twice, or two replicas handling two presses at once, still gives one thread.
import type { ChatTransport } from "../core/transport.ts";
import { ChannelUnavailableError, MessageGoneError, TransientPostError } from "../core/transport.ts";
import { discussionStarter } from "../core/messages/discussion.ts";
import { errorReply, notice, type Reply } from "../core/messages/reply.ts";
import type { CommandContext } from "./command.ts";
import { paperGone } from "./hints.ts";
import { titled } from "../core/messages/typed.ts";

/** A claim still "opening" after this long was made by a process that died mid-way: the next press retries. */
export const STALE_CLAIM_MS = 60_000;

export async function openDiscussion(ctx: CommandContext, transport: ChatTransport, messageId: string | undefined, paperId: string): Promise<Reply> {
  const { services, user, channel } = ctx;
  if (!transport.startThread) return errorReply("Discussion threads aren't available here.");
  if (!messageId) return errorReply("Discuss works on papers posted to the channel; share the paper first, then press Discuss on it.");
  if (ctx.memberCan?.startThreads === false) return errorReply("You can't create threads in this channel, so I won't open a discussion there for you.");
  const paper = await services.catalog.full(paperId); // the thread shows the whole abstract
  if (!paper) return errorReply(paperGone(user.platform));
  const message = { ...channel, messageId };
  let claim = await services.discussions.claim(message, paper.id, user.userId, STALE_CLAIM_MS);
  if (claim.kind === "open") {
    const where = transport.threadMention?.(claim.threadId) ?? "this message's thread";
    const state = await transport.threadState?.(channel, claim.threadId) ?? "open";
    // A moderator's lock is their decision, and the message can carry no second thread: say so, point nowhere.
    if (state === "locked") return errorReply(`A moderator locked the discussion of ${titled(paper.title)} in ${where}, so no one can post there; ask a moderator to unlock it.`);
    // A thread deleted since (a moderator's cleanup) is no discussion to point to: this press opens another.
    if (state === "gone") {
      claim = await services.discussions.reopen(message, claim.threadId, user.userId) ? { kind: "claimed" } : { kind: "opening" };
    } else {
      return notice(`A discussion of ${titled(paper.title)} is already open in ${where}; join it there.`);
    }
  }
  if (claim.kind === "opening") return notice(`A discussion of ${titled(paper.title)} is being opened right now; it will appear in this message's thread.`);
  try {
    const { threadId, starter } = await transport.startThread(channel, messageId, discussionStarter(paper, user.userId));
    await services.discussions.opened(message, threadId, services.clock());
    // The thread's first message shows the paper in full: a 🔖 there saves it, as on the message it discusses.
    // The thread is open either way: a failure to note that costs only the reaction there.
    if (starter) {
      await services.posted.record(starter.channel, starter.messageId, paper.id, "discuss", services.clock())
        .catch((err: unknown) => services.log.warn({ err }, "could not note a discussion's first message"));
    }
    return notice(`💬 Opened a discussion of ${titled(paper.title)} in this message's thread.`);
  } catch (error) {
    // Nothing was opened (or we cannot tell): let the next press try again rather than point nowhere.
    await services.discussions.release(message);
    if (error instanceof MessageGoneError) return errorReply("That message was deleted, so there is no thread to open on it; share the paper again and press Discuss on the new one.");
    if (error instanceof ChannelUnavailableError) return errorReply("I can't open a thread in this channel; ask an admin to let papers-bot create threads and post here.");
    if (error instanceof TransientPostError) return errorReply("The chat service is busy right now; press Discuss again in a moment.");
    throw error;
  }
}
