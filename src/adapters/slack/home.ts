// The App Home tab: the person's reading list, newest first. Slack shows the view last published for a person
// each time they open the tab, and tells the bot (app_home_opened, with that view): the bot republishes then,
// only when the list changed since, wherever it was changed (a 🔖, a button, a slash command, another replica).
// A click in the Home tab itself republishes at once: the person is looking at it.
import { createHash } from "node:crypto";
import type { types, webApi } from "@slack/bolt";
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

/** What the view shows, as a short digest of its blocks: published with it (private_metadata), and sent back by
 * Slack with app_home_opened, so an opening of a Home that is current costs no views.publish. */
function fingerprint(view: types.HomeView): string {
  return `home:${createHash("sha256").update(JSON.stringify(view.blocks)).digest("base64url").slice(0, 22)}`;
}

/** Publishes the person's Home unless `shown` (the private_metadata of the view Slack shows them) says it is current. */
export async function publishHome(client: webApi.WebClient, services: Services, user: UserRef, shown?: string): Promise<void> {
  const { cards, total } = await homeCards(services, user);
  const view = renderHome(cards, total);
  const current = fingerprint(view);
  if (shown === current) return;
  await client.views.publish({ user_id: user.userId, view: { ...view, private_metadata: current } });
}

/** After a click in the Home tab: keep the tab current, but a failed refresh never spoils the answer itself. */
export async function refreshHome(client: webApi.WebClient, services: Services, user: UserRef): Promise<void> {
  await publishHome(client, services, user).catch((err: unknown) => services.log.warn({ err, user: user.userId }, "could not refresh the App Home"));
}
