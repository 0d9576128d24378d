// "Not interested": the paper itself never comes back, and papers like it sink. "Like it" is the same
// content similarity that makes the recommendations (search/similar.ts): the catalog ranked against the
// profile of what was waved away; a paper scoring at least SINK_AT of the closest one is "like it".
// Weighed against what the person saved: the catalog is ranked against their bookmarks' profile too, each
// ranking relative to its own closest paper, and a paper at least as like the bookmarks as the dislikes
// stays up (shares within EVEN of each other are a tie: the two rankings compare only roughly, and a tie
// goes to what the person saved). One dislike then sinks its own corner (an "expert router" paper beside a disliked router), not
// a topic the person keeps saving (the other mixture-of-experts papers of someone who saves those).
// Sinking, not removing: on a narrow day the sunk papers still fill the list, after everything else.
import type { SearchIndex } from "../search/index.ts";

export const SINK_AT = 0.5;
const EVEN = 0.05;
/** How far down the dislike ranking to look: past this, papers are too unlike to sink. */
const LIKE_DEPTH = 2_000;
/** Newest marks that shape the dislike profile (like MAX_SEEDS for bookmarks). */
export const MAX_DISLIKED = 200;

/** The ids to sink: the disliked papers themselves and those like them, except papers at least as like
 * `saved` (the person's bookmarks; none for a team). */
export function likeDisliked(index: Pick<SearchIndex, "recommend">, disliked: string[], saved: string[] = []): Set<string> {
  const sunk = new Set(disliked);
  if (disliked.length === 0) return sunk;
  const like = index.recommend(disliked, LIKE_DEPTH);
  const top = like[0]?.score ?? 0;
  if (top <= 0) return sunk;
  const liked = saved.length ? index.recommend(saved, LIKE_DEPTH) : [];
  const likedTop = liked[0]?.score ?? 0;
  const likedShare = new Map(likedTop > 0 ? liked.map((hit) => [hit.id, hit.score / likedTop]) : []);
  for (const hit of like) {
    const share = hit.score / top;
    if (share < SINK_AT) break;
    if (share > (likedShare.get(hit.id) ?? 0) + EVEN) sunk.add(hit.id);
  }
  return sunk;
}

/** `ids` in their order, with the sunk ones moved to the end (keeping their own order). */
export function sinkAll(ids: string[], sunk: Set<string>): string[] {
  if (sunk.size === 0) return ids;
  return [...ids.filter((id) => !sunk.has(id)), ...ids.filter((id) => sunk.has(id))];
}
