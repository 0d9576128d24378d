// Searching inside one person's reading list: the same analyzer, ranking and relevance floor as
// /papers search (the catalog's index, restricted to the person's papers by its filter), plus the papers
// whose note has every word, which the index does not know about.
import type { UserRef } from "../channel.ts";
import { splitByRelevance } from "../relevance.ts";
import { sidesOf, splitQuery } from "../search/query.ts";
import { foldAccents } from "../search/tokenize.ts";
import type { Services } from "../services.ts";
import { readingList, type ReadingListItem } from "./reading-list.ts";

/** A note or query as note search compares them: accents, look-alike letters and invisible characters folded
 * as the index folds papers ("naive" finds a note saying "naïve"), and lower case. */
const folded = (text: string): string => foldAccents(text).toLowerCase();

/** A note matches a query as search reads it: every word of one side of an OR ("fid OR section"), and none
 * of the words typed with a minus. */
function noteMatcher(query: string): (note: string | null) => boolean {
  const wordsOf = (text: string) => folded(text).split(/\s+/).filter((w) => w.length > 1);
  const sides = (sidesOf(query) ?? [query]).map((side) => wordsOf(splitQuery(side).rest)).filter((words) => words.length > 0);
  const out = wordsOf(splitQuery(query).excluded.join(" "));
  return (note) => {
    if (!note) return false;
    const text = folded(note);
    return sides.some((words) => words.every((w) => text.includes(w))) && !out.some((w) => text.includes(w));
  };
}

/** A match and its number in the whole list (newest first, from 1), which /papers note takes. */
export interface FoundBookmark extends ReadingListItem { position: number }

/** Every matching bookmark, best first. */
export async function searchReadingList(services: Pick<Services, "bookmarks" | "catalog" | "papers">, user: UserRef, query: string): Promise<FoundBookmark[]> {
  const { items: listed } = await readingList(services, user);
  if (listed.length === 0) return [];
  const items = listed.map((item, i) => ({ ...item, position: i + 1 }));
  const byId = new Map(items.map((item) => [item.paper.id, item]));
  const { hits } = services.catalog.index.search(query, { limit: items.length, filter: (id) => byId.has(id) });
  // Only papers about what was asked, by the line /papers search draws (relevance.ts): "moe" must not
  // list the one saved paper whose title says "Expert-level".
  const { strong } = splitByRelevance(services.catalog.index, query, hits);
  const found = strong.map((h) => byId.get(h.id)!).filter(Boolean);
  const seen = new Set(found.map((item) => item.paper.id));
  const noteMatches = noteMatcher(query);
  for (const item of items) if (!seen.has(item.paper.id) && noteMatches(item.note)) found.push(item);
  return found;
}
