// When a search hit is about what was asked, rather than an incidental mention of one of its words.
// Scores only compare within one query, so the floor is relative twice over: to the best match (a strong
// topic keeps its weak neighbours out) and to what the query's words could score at best (a topic whose
// best hit is itself weak, a word once in an abstract, gets nothing rather than noise). Used by topic
// digests and by search, so both draw the same line.
import type { SearchHit, SearchIndex } from "./search/index.ts";
import { orList, quoted } from "./messages/typed.ts";
import { onlyCommonWords, sidesOf, termWords, withoutExclusions } from "./search/query.ts";
import { tokens } from "./search/tokenize.ts";

// Measured on the bundled capture: MoE papers score 0.68–0.84 of attainable for "moe", the papers that
// only say "expert" 0.02–0.03; RLHF papers 0.5–0.8, reinforcement-learning papers below 0.07.
export const SHARE_OF_BEST = 0.35;
export const SHARE_OF_ATTAINABLE = 0.25;

export function relevanceFloor(best: number, attainable: number): number {
  return Math.max(best * SHARE_OF_BEST, attainable * SHARE_OF_ATTAINABLE);
}

export interface RelevantHits { strong: SearchHit[]; weak: number }

// A query of this many concepts (its everyday words aside: SearchIndex.topicSize) is one topic of two things
// ("moe pokemon", "cheap llms"): a paper about it has both, in some form (a hit's `whole`, score.ts). The rare
// word's weight alone carries a paper with only it (PokéChamp for "moe pokemon", a "cheap evaluator" for
// "cheap llms") past the floor. With more, a paper may leave one out and still be about it ("mixture of experts
// routing": the MoE survey never says "routing"; a question in plain words names more than any paper says),
// so the floor decides alone.
const TWO_THINGS = 2;

/** Splits best-first `hits` (of `total` matches) at the floor for `query`. */
export function splitByRelevance(index: SearchIndex, query: string, hits: SearchHit[], total = hits.length): RelevantHits {
  if (hits.length === 0) return { strong: [], weak: total };
  const floor = relevanceFloor(hits[0]!.score, index.attainable(query));
  let strong = hits.filter((h) => h.score >= floor);
  if (index.topicSize(query) === TWO_THINGS) strong = strong.filter((h) => h.whole !== false);
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
  return named.length ? orList(named.map((w) => quoted(w))) : null;
}

/** The words of `query` no paper has that were read as others ("reinforcment" as "reinforcement"), for a sentence
 * ('"lama" read as "llama"'), or null: the papers listed say those words, not the ones typed. `foundElsewhere`: a
 * word it says yes to was found as typed (a reading list's notes). */
export function typoReadingsText(index: SearchIndex, query: string, foundElsewhere?: (word: string) => boolean): string | null {
  const readings = index.typoReadings(withoutExclusions(query)).filter((r) => !foundElsewhere?.(r.word)).slice(0, 3);
  return readings.length ? readings.map((r) => `${quoted(cutWord(r.word))} read as ${quoted(r.readAs)}`).join(", ") : null;
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
  return (typed && bareWord(typed)) || word;
}

/** A word as typed without the quotes, commas and brackets around it ("zorblax", (zorblax)). */
export const bareWord = (typed: string): string => typed.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

// Fewer words than this are a term ("self-supervised learning", "speculative decoding"): one left out, the
// other is no part of what was asked, only a broader word for a person to type if they want it. More than
// the most is a pasted passage, not a topic: leaving out each of its words in turn would be a search per
// word, and the answer would name one word of many.
const MIN_WORDS_TO_LEAVE_ONE_OUT = 3;
const MAX_WORDS_TO_LEAVE_OUT = 6;

/** A query less one of its words (as typed, whitespace apart), the papers about the rest, and that word. */
export interface WithoutOneWord { query: string; left: string; found: RelevantHits }

/**
 * When no paper is about every word of `query` together ("llms cheaper to run"), the papers about all but one
 * of them, as web search falls back to, rather than none: of the words whose leaving out finds papers, the
 * one whose rest asks the most (the highest attainable score: the rarer words kept, "run" left before
 * "cheaper"; between equals, the rest whose best paper covers it best). A word no paper has is left out as
 * well (search names it apart). Plain words only (quoted phrases, minus and OR have answers of their own),
 * three to a handful of them; null when no word's leaving out finds a paper about the rest. `rank` searches a
 * query as the caller does.
 */
export function withoutOneWord(index: SearchIndex, query: string, rank: (query: string) => RelevantHits): WithoutOneWord | null {
  const chunks = query.trim().split(/\s+/).filter((chunk) => onlyCommonWords(chunk) || index.attainable(chunk) > 0);
  const content = chunks.flatMap((chunk, i) => (onlyCommonWords(chunk) ? [] : [i]));
  if (content.length < MIN_WORDS_TO_LEAVE_ONE_OUT || content.length > MAX_WORDS_TO_LEAVE_OUT) return null;
  // A word of a term the field names ("retrieval augmented generation") is never left out of it.
  const term = termWords(query);
  const words = content.filter((i) => !tokens(chunks[i]!).some((t) => term.has(t.term)));
  let best: (WithoutOneWord & { attainable: number; covered: number }) | null = null;
  for (const i of words) {
    const rest = chunks.filter((_, j) => j !== i).join(" "), found = rank(rest);
    if (found.strong.length === 0) continue;
    const attainable = index.attainable(rest), covered = found.strong[0]!.score / attainable;
    if (!best || attainable > best.attainable || (attainable === best.attainable && covered > best.covered)) {
      best = { query: rest, left: bareWord(chunks[i]!), found, attainable, covered };
    }
  }
  return best && { query: best.query, left: best.left, found: best.found };
}

/** `query` less its words no paper writes as such, though papers have what they stand for or start with (SearchIndex.
 * unwrittenWords: "lora" where papers only say "low" and "rank"), and those words as typed; null when it has
 * none, or nothing else to search for. Plain words only, whitespace apart. */
export function withoutUnwritten(index: SearchIndex, query: string): { rest: string; left: string[] } | null {
  // Only words that stand for something papers have: one in no form at all is named beside the results already.
  const missing = new Set(index.missingWords(query));
  const unwritten = new Set(index.unwrittenWords(query).filter((w) => !missing.has(w)));
  if (unwritten.size === 0) return null;
  const chunks = query.trim().split(/\s+/);
  const isUnwritten = (chunk: string) => tokens(chunk).some((t) => unwritten.has(t.term));
  const kept = chunks.filter((chunk) => !isUnwritten(chunk));
  // Common words left at either end ("diffusion or" of "diffusion or gan") say nothing without the word gone.
  while (kept.length > 0 && onlyCommonWords(kept.at(-1)!)) kept.pop();
  while (kept.length > 0 && onlyCommonWords(kept[0]!)) kept.shift();
  const rest = kept.join(" ");
  if (onlyCommonWords(rest)) return null;
  return { rest, left: [...new Set(chunks.filter(isUnwritten).map(bareWord))] };
}
