// "Not interested", from a button or `/papers not-interested`: the mark, and what the person is told.
// One place, so the button and the command say the same thing. Marking drops a bookmark of the same
// paper (the two would contradict each other in the profile).
import type { UserRef } from "../core/channel.ts";
import type { Services } from "../core/services.ts";
import { notice, type Reply } from "../core/messages/reply.ts";

export async function markNotInterested(services: Pick<Services, "notInterested" | "bookmarks">, user: UserRef, paperId: string): Promise<boolean> {
  const isNew = await services.notInterested.add(user, paperId);
  await services.bookmarks.remove(user, paperId);
  return isNew;
}

export function notInterestedReply(title: string, isNew: boolean): Reply {
  return notice(isNew
    ? `🔕 Got it: “${title}” and papers like it will sink in /papers foryou and your digests. Changed your mind? /papers not-interested undo`
    : `“${title}” is already marked not interested.`);
}
