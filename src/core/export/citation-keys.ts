// Citation keys that never move. Computed afresh from the list, two papers sharing a base key
// ("smith2024attention") would trade suffixes whenever one is removed and saved again, or an older paper
// joins; ordering by something the paper owns (its arXiv id, date or id) survives a re-save but not a
// removal, an older newcomer, or a corrected author list. So the key a paper gets in its first export is
// kept for good, and a new paper only ever takes a key never handed out before: a \cite{} written against
// any earlier export goes on naming the same paper.
import type { UserRef } from "../channel.ts";
import type { Paper } from "../paper.ts";
import type { BookmarkStore } from "../stores/bookmarks.ts";
import { newKeys } from "./bibtex.ts";

/** Keys for `papers` (oldest bookmark first), the remembered ones reused and the rest handed out and kept. */
export async function stableCitationKeys(bookmarks: BookmarkStore, user: UserRef, papers: Paper[]): Promise<Map<string, string>> {
  // Two exports at once (two replicas, a double click) may pick the same new key: the loser reads again.
  for (let attempt = 0; ; attempt++) {
    const kept = await bookmarks.citationKeys(user);
    const fresh = newKeys(papers.filter((p) => !kept.has(p.id)), kept.values());
    if (fresh.size === 0 || (await bookmarks.keepCitationKeys(user, fresh))) return new Map([...kept, ...fresh]);
    if (attempt >= 3) throw new Error("citation keys: another export kept claiming the same keys");
  }
}
