// How like a profile (bookmarks' ids) each of a few papers is, by the content similarity that makes the
// recommendations (search/similar.ts). recommend() ranks the whole catalog; asking for all of it and
// keeping these papers gives each its score (a paper sharing no strong term with the profile scores 0).
import type { SearchIndex } from "../search/index.ts";

export function likenessAmong(index: Pick<SearchIndex, "recommend" | "size">, seedIds: string[], ids: string[]): Map<string, number> {
  const candidates = new Set(ids);
  const likeness = new Map<string, number>();
  for (const hit of index.recommend(seedIds, index.size)) if (candidates.has(hit.id)) likeness.set(hit.id, hit.score);
  return likeness;
}
