// When a search hit is about what was asked, rather than an incidental mention of one of its words.
// Scores only compare within one query, so the floor is relative twice over: to the best match (a strong
// topic keeps its weak neighbours out) and to what the query's words could score at best (a topic whose
// best hit is itself weak, a word once in an abstract, gets nothing rather than noise). Used by topic
// digests and by search, so both draw the same line.
import type { SearchHit, SearchIndex } from "./search/index.ts";

// Measured on the bundled capture: MoE papers score 0.68–0.84 of attainable for "moe", the papers that
// only say "expert" 0.02–0.03; RLHF papers 0.5–0.8, reinforcement-learning papers below 0.07.
export const SHARE_OF_BEST = 0.35;
export const SHARE_OF_ATTAINABLE = 0.25;

export function relevanceFloor(best: number, attainable: number): number {
  return Math.max(best * SHARE_OF_BEST, attainable * SHARE_OF_ATTAINABLE);
}

export interface RelevantHits { strong: SearchHit[]; weak: number }

/** Splits best-first `hits` (of `total` matches) at the floor for `query`. */
export function splitByRelevance(index: SearchIndex, query: string, hits: SearchHit[], total = hits.length): RelevantHits {
  if (hits.length === 0) return { strong: [], weak: total };
  const floor = relevanceFloor(hits[0]!.score, index.attainable(query));
  const strong = hits.filter((h) => h.score >= floor);
  return { strong, weak: total - strong.length };
}
