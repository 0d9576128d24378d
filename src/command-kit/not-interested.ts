// "Not interested", from a button or `/papers not-interested`: the mark, and what the person is told.
// One place, so the button and the command say the same thing. A bookmark of the same paper stays, with
// its note and read mark (the person is told, and unbookmarks it if they want): deleting it here would
// lose what undo cannot give back. Recommendations leave a disliked paper out of their seeds instead.
import type { Platform, UserRef } from "../core/channel.ts";
import { exampleOn } from "./usage.ts";
import type { Services } from "../core/services.ts";
import { notice, shortId, type Reply } from "../core/messages/reply.ts";
import { titled } from "../core/messages/typed.ts";

export interface Marked { isNew: boolean; bookmarked: boolean }

export async function markNotInterested(services: Pick<Services, "notInterested" | "bookmarks">, user: UserRef, paperId: string): Promise<Marked> {
  const [isNew, bookmarked] = await Promise.all([services.notInterested.add(user, paperId), services.bookmarks.has(user, paperId)]);
  return { isNew, bookmarked };
}

export function notInterestedReply(paper: { title: string; id: string; arxivId: string | null }, { isNew, bookmarked }: Marked, platform: Platform): Reply {
  const title = titled(paper.title);
  const kept = bookmarked ? ` It stays in your reading list (${exampleOn(platform, "unbookmark", [["id", shortId(paper)]])} removes it).` : "";
  return notice(isNew
    ? `🔕 Got it: ${title} and papers like it will sink in /papers foryou and your digests.${kept} Changed your mind? ${exampleOn(platform, "not-interested", [["undo", "undo", "true"]])}`
    : `${title} is already marked not interested.${kept}`);
}
