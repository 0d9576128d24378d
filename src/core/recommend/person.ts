// "For you", arXiv-sanity style: the person's bookmarks are the profile, the search index ranks the
// rest of the catalog by content similarity to it, and nothing they already saved comes back. What they
// marked "not interested" never comes back either, and papers like it sink (sink.ts).
import type { UserRef } from "../channel.ts";
import type { Paper } from "../paper.ts";
import type { Services } from "../services.ts";
import { MAX_DISLIKED, likeDisliked, sinkAll } from "./sink.ts";

/** Fewer bookmarks than this make a profile too narrow to be worth calling a recommendation. */
export const MIN_SEEDS = 3;
// Tastes drift: the newest bookmarks describe what someone reads now, and they bound the profile's cost.
export const MAX_SEEDS = 200;

export interface Recommendation {
  seeds: number; bookmarked: Set<string>; papers: Paper[];
  /** The bookmarks the profile was built from, newest first. */
  seedIds: string[];
  /** Marked "not interested", every one of them (never recommended). */
  notInterested: Set<string>;
  /** The newest MAX_DISLIKED of those and papers like them: recommended only after everything else (also with
   * too few bookmarks to recommend from, where the trending papers shown instead sink by it). */
  sunk: Set<string>;
}

type Deps = Pick<Services, "bookmarks" | "catalog" | "notInterested">;

/** `notInterested`: every mark (never recommended); `disliked`: the newest MAX_DISLIKED of them, newest first,
 * the profile papers like them sink by. */
export interface Profile { seedIds: string[]; bookmarked: Set<string>; notInterested: Set<string>; disliked: string[] }

/**
 * What a person's recommendations start from: their newest bookmarks still in the catalog, except any
 * they later marked not interested (saved, then disliked, says nothing good about its neighbours). The
 * one count every answer about "your bookmarks" uses: for-you, the personal digest and subscribe.
 */
export async function profileOf(services: Deps, user: UserRef): Promise<Profile> {
  // One read of every mark, newest first: all of them are never recommended, the newest shape what sinks.
  const [{ entries }, marks] = await Promise.all([services.bookmarks.list(user), services.notInterested.list(user)]);
  const notInterested = new Set(marks);
  const disliked = marks.slice(0, MAX_DISLIKED);
  const seedIds = entries.filter((e) => !notInterested.has(e.paperId)).slice(0, MAX_SEEDS).map((e) => e.paperId)
    .filter((id) => services.catalog.get(id) !== undefined);
  return { seedIds, bookmarked: new Set(entries.map((e) => e.paperId)), notInterested, disliked };
}

/** `exclude`: more papers to leave out (a personal digest's last 7 days). */
export async function recommendFor(services: Deps, user: UserRef, limit: number, exclude: Set<string> = new Set()): Promise<Recommendation> {
  const { seedIds, bookmarked, notInterested, disliked } = await profileOf(services, user);
  const base = { seeds: seedIds.length, bookmarked, seedIds, notInterested };
  const { index } = services.catalog;
  const sunk = likeDisliked(index, disliked, seedIds);
  if (seedIds.length < MIN_SEEDS) return { ...base, papers: [], sunk };
  const skip = new Set([...bookmarked, ...notInterested, ...exclude]);
  // Enough extra that the sunk ones can go last and still leave `limit` others.
  const hits = index.recommend(seedIds, limit + Math.min(sunk.size, 500), { exclude: skip });
  const ordered = sinkAll(hits.map((h) => h.id), sunk).slice(0, limit);
  return { ...base, sunk, papers: services.catalog.papers(ordered.map((id) => ({ id, score: 0 }))) };
}

/** Why each pick is there: the saved paper it is most like ("like X, which you saved"), or null. */
export function reasonsFor(services: Pick<Services, "catalog">, picks: Paper[], seedIds: string[]): (Paper | null)[] {
  if (picks.length === 0 || seedIds.length === 0) return picks.map(() => null);
  return services.catalog.index.closestSeeds(picks.map((p) => p.id), seedIds).map((id) => (id ? services.catalog.get(id) ?? null : null));
}

export function reasonText(seed: Paper | null): string | null {
  return seed ? `like “${seed.title.length > 90 ? `${seed.title.slice(0, 89)}…` : seed.title}”, which you saved` : null;
}
