// How like a profile (bookmarks' ids) each of a few papers is, by the content similarity that makes the
// recommendations (search/similar.ts). recommend() ranks the whole catalog; asking for all of it and
// keeping these papers gives each its score (a paper sharing no strong term with the profile scores 0).
import type { SearchIndex } from "../search/index.ts";

function likenessAmong(index: Pick<SearchIndex, "recommend" | "size">, seedIds: string[], ids: string[]): Map<string, number> {
  const candidates = new Set(ids);
  const likeness = new Map<string, number>();
  for (const hit of index.recommend(seedIds, index.size)) if (candidates.has(hit.id)) likeness.set(hit.id, hit.score);
  return likeness;
}

/** `ids` ordered for a profile: those `first` scores higher before the rest (a team's own saves), then all but
 * the `sunk` ones (like what was marked not interested), then the most like the profile; a tie keeps the
 * given order (trending's, or a topic's). Never drops or adds ids. */
export function rankByLikeness(index: Pick<SearchIndex, "recommend" | "size">, seedIds: string[], ids: string[], sunk: Set<string>,
  first: (id: string) => number = () => 0): string[] {
  if (ids.length < 2) return [...ids];
  const likeness = likenessAmong(index, seedIds, ids);
  const position = new Map(ids.map((id, i) => [id, i]));
  return [...ids].sort((a, b) => first(b) - first(a) || Number(sunk.has(a)) - Number(sunk.has(b))
    || (likeness.get(b) ?? 0) - (likeness.get(a) ?? 0) || position.get(a)! - position.get(b)!);
}
