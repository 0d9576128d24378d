// Saving a paper, from the command, its button or a 🔖: the later wish wins, so a paper marked "not
// interested" before and bookmarked now loses the mark (else for-you would go on leaving it out of its seeds
// and say "1 is marked not interested"), and the person is told, as marking a saved paper tells them too.
import type { UserRef } from "../core/channel.ts";
import type { Services } from "../core/services.ts";
import { notice, type Reply } from "../core/messages/reply.ts";
import { titled } from "../core/messages/typed.ts";

export interface Saved { isNew: boolean; unmarked: boolean }

export async function saveBookmark(services: Pick<Services, "bookmarks" | "notInterested">, user: UserRef, paperId: string, byReaction = false): Promise<Saved> {
  const isNew = await services.bookmarks.add(user, paperId, byReaction);
  return { isNew, unmarked: await services.notInterested.remove(user, paperId) };
}

/** What saving said beyond "Bookmarked": "" or the sentence about the mark it took back. */
export function unmarkedWords({ unmarked }: Saved): string {
  return unmarked ? " It is no longer marked not interested." : "";
}

/** The confirmation of a button's or a 🔖's save, with where the list is. `title`: as shown (titled()). */
export function savedNotice(title: string, saved: Saved): Reply {
  return notice(`${saved.isNew ? `🔖 Bookmarked ${title}. See your list with /papers bookmarks.` : `${title} is already in your bookmarks.`}${unmarkedWords(saved)}`);
}

/** Removes a bookmark and says so. Its note goes with it (the person asked for the paper gone), and the answer
 * says that too: saving the paper again does not bring the note back. */
export async function removeBookmark(services: Pick<Services, "bookmarks">, user: UserRef, paper: { id: string; title: string }): Promise<Reply> {
  const note = await services.bookmarks.noteOf(user, paper.id);
  const removed = await services.bookmarks.remove(user, paper.id);
  const title = titled(paper.title);
  return notice(removed ? `Removed ${title} from your bookmarks${note ? ", and your note on it" : ""}.` : `${title} was not in your bookmarks.`);
}
