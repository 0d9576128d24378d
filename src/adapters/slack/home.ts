// The App Home tab: the person's reading list, newest first, republished whenever it changes.
import type { webApi } from "@slack/bolt";
import type { UserRef } from "../../core/channel.ts";
import { toCard, type PaperCard } from "../../core/messages/reply.ts";
import type { Services } from "../../core/services.ts";
import { renderHome } from "./render.ts";

/** Papers read for the Home tab: as many of them as its 100 blocks hold are shown (renderHome). */
export const HOME_PAPERS = 20;

export async function homeCards(services: Services, user: UserRef): Promise<{ cards: PaperCard[]; total: number }> {
  const { entries, total } = await services.bookmarks.list(user, { limit: HOME_PAPERS });
  const cards: PaperCard[] = [];
  for (const entry of entries) {
    const paper = await services.catalog.find(entry.paperId);
    // Numbered as /papers bookmarks numbers its first page (newest first), so "bookmarks read 2" reads the same.
    if (paper) cards.push(toCard(paper, { readAt: entry.readAt, note: entry.note, rank: cards.length + 1 }));
  }
  return { cards, total };
}

export async function publishHome(client: webApi.WebClient, services: Services, user: UserRef): Promise<void> {
  const { cards, total } = await homeCards(services, user);
  await client.views.publish({ user_id: user.userId, view: renderHome(cards, total) });
}

/** After a bookmark changes: keep the tab current, but a failed refresh never spoils the answer itself. */
export async function refreshHome(client: webApi.WebClient, services: Services, user: UserRef): Promise<void> {
  await publishHome(client, services, user).catch((err: unknown) => services.log.warn({ err, user: user.userId }, "could not refresh the App Home"));
}
