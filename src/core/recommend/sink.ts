// "Not interested": the paper itself never comes back, and papers like it sink. "Like it" is the same
// content similarity that makes the recommendations (search/similar.ts): the catalog ranked against the
// profile of what was waved away; a paper scoring at least SINK_AT of the closest one is "like it".
// Sinking, not removing: on a narrow day the sunk papers still fill the list, after everything else.
import type { SearchIndex } from "../search/index.ts";

export const SINK_AT = 0.5;
/** How far down the dislike ranking to look: past this, papers are too unlike to sink. */
const LIKE_DEPTH = 2_000;
/** Newest marks that shape the dislike profile (like MAX_SEEDS for bookmarks). */
export const MAX_DISLIKED = 200;

/** The ids to sink: the disliked papers themselves and those like them. */
export function likeDisliked(index: Pick<SearchIndex, "recommend">, disliked: string[]): Set<string> {
  const sunk = new Set(disliked);
  if (disliked.length === 0) return sunk;
  const like = index.recommend(disliked, LIKE_DEPTH);
  const top = like[0]?.score ?? 0;
  for (const hit of like) { if (top > 0 && hit.score >= SINK_AT * top) sunk.add(hit.id); else break; }
  return sunk;
}

/** `ids` in their order, with the sunk ones moved to the end (keeping their own order). */
export function sinkAll(ids: string[], sunk: Set<string>): string[] {
  if (sunk.size === 0) return ids;
  return [...ids.filter((id) => !sunk.has(id)), ...ids.filter((id) => sunk.has(id))];
}
