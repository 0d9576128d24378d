// "For you", arXiv-sanity style: the person's bookmarks are the profile, the search index ranks the
// rest of the catalog by content similarity to it, and nothing they already saved comes back.
import type { UserRef } from "../channel.ts";
import type { Paper } from "../paper.ts";
import type { Services } from "../services.ts";

/** Fewer bookmarks than this make a profile too narrow to be worth calling a recommendation. */
export const MIN_SEEDS = 3;
// Tastes drift: the newest bookmarks describe what someone reads now, and they bound the profile's cost.
export const MAX_SEEDS = 200;

export interface Recommendation { seeds: number; bookmarked: Set<string>; papers: Paper[] }

export async function recommendFor(services: Pick<Services, "bookmarks" | "catalog">, user: UserRef, limit: number): Promise<Recommendation> {
  const { entries } = await services.bookmarks.list(user);
  const bookmarked = new Set(entries.map((e) => e.paperId));
  const seeds = entries.slice(0, MAX_SEEDS).map((e) => e.paperId).filter((id) => services.catalog.get(id) !== undefined);
  if (seeds.length < MIN_SEEDS) return { seeds: seeds.length, bookmarked, papers: [] };
  const hits = services.catalog.index.recommend(seeds, limit, { exclude: bookmarked });
  return { seeds: seeds.length, bookmarked, papers: services.catalog.papers(hits) };
}
