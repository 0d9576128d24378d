// When a search hit is about what was asked, rather than an incidental mention of one of its words.
// Scores only compare within one query, so the floor is relative twice over: to the best match (a strong
// topic keeps its weak neighbours out) and to what the query's words could score at best (a topic whose
// best hit is itself weak, a word once in an abstract, gets nothing rather than noise). Used by topic
// digests and by search, so both draw the same line.
import type { SearchHit, SearchIndex } from "./search/index.ts";
import { quoted } from "./messages/typed.ts";
import { sidesOf } from "./search/query.ts";
import { tokens } from "./search/tokenize.ts";

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

/**
 * The papers a digest's topic is about, best first: the search hits past the floor, and none at all when a
 * word of the topic is in no paper in any form (SearchIndex.missingWords): a "sparse autoencoders" digest
 * must not fill up with papers on sparse graphs. `among`: only these ids (a day's or a week's trending
 * lists); without it, the whole catalog. Daily, weekly and personal digests all draw their topic's papers here.
 */
export function papersAbout(index: SearchIndex, topic: string, options: { among?: string[]; limit: number }): SearchHit[] {
  const searched = searchableTopic(index, topic);
  if (searched === null) return [];
  const among = options.among ? new Set(options.among) : null;
  const { hits } = index.search(searched, { limit: options.limit, ...(among ? { filter: (id: string) => among.has(id) } : {}) });
  return splitByRelevance(index, searched, hits).strong;
}

/** The topic as digests search it: without the sides of an OR that have a word no paper has ("moe OR
 * zorblax" is "moe" until a paper says "zorblax"), or null when no side is left. */
export function searchableTopic(index: SearchIndex, topic: string): string | null {
  const sides = (sidesOf(topic) ?? [topic]).filter((side) => index.missingWords(side).length === 0);
  return sides.length > 0 ? sides.join(" OR ") : null;
}

/** The words of `query` no paper has in any form, quoted for a sentence ('"autoencoders"', '"a" or "b"'), or null.
 * `foundElsewhere`: a word it says yes to is not missing (a reading list's notes are searched too). */
export function missingWordsText(index: SearchIndex, query: string, foundElsewhere?: (word: string) => boolean): string | null {
  const missing = [...new Set(index.missingWords(query).map((w) => w.toLowerCase()))].filter((w) => !foundElsewhere?.(w));
  // Several missing words typed as one chunk (a pasted link) name that chunk once, not once per word.
  const named = [...new Set(missing.map((w) => cutWord(asTyped(query, w))))].slice(0, 3);
  return named.length ? named.map((w) => quoted(w)).join(" or ") : null;
}

/** A long word cut to fit a sentence, with an ellipsis saying so. */
function cutWord(word: string): string {
  return word.length > 30 ? `${word.slice(0, 29)}…` : word;
}

/** The word of `query` as it was typed ("über", "Größe") whose searched form (accents folded) is `word`: a
 * compound's own part where the word is one ("music" of "text-to-music"), else the whole of what was typed. */
function asTyped(query: string, word: string): string {
  const chunks = query.split(/\s+/);
  const has = (chunk: string) => tokens(chunk).some((t) => t.term === word);
  const typed = chunks.flatMap((chunk) => chunk.split("-")).find((part) => tokens(part).length === 1 && has(part)) ?? chunks.find(has);
  // Without the quotes, commas and brackets around it ("zorblax", (zorblax)).
  return typed?.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "") || word;
}
