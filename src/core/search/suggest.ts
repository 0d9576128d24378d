// Title autocomplete (Discord's option autocomplete calls this on every keystroke): the words typed so
// far must all be title words, the last one may be the start of a title word. Titles that begin with
// what was typed come first, then shorter titles; rare words weigh more than common ones. The query is read
// as search reads it (query.ts splitQuery): a title is never offered for a paper the search leaves out
// ("mixture -survey"), field names are no title words, and "a OR b" offers titles for either side.
import { foldLatex } from "../latex.ts";
import { fieldTf, Field, type Corpus } from "./corpus.ts";
import { PhraseCheck, type Phrase } from "./phrase.ts";
import { isStopword, MAX_SIDES, splitQuery, type SplitQuery } from "./query.ts";
import { tokens } from "./tokenize.ts";
import { TopK } from "./topk.ts";

const MAX_PREFIX_TERMS = 256;
// The sides of "moe OR mamb" (or "moe | mamb", as search reads a bar: query.ts EITHER), and of "moe OR" while
// the next side is still to come.
const EITHER = /\s+OR(?:\s+|$)|\s*\|+\s*/;
// A word with a minus still being typed ("mixture -surv"): its titles go already, those with a word it starts.
const OPEN_EXCLUSION = /(?<=^|\s)-(\p{L}\S*)$/u;
const MIN_OPEN_EXCLUSION = 3;
// Candidates read for left-out phrases (a read of each paper's terms, phrase.ts) beyond the titles shown.
const PHRASE_SLACK = 50;

/** What search leaves out for a query's exclusions: the docs with an excluded word, and the excluded phrases. */
export interface LeftOut { docs: Uint8Array | null; phrases: Phrase[] }

/** `leftOutOf`: what a search of the query (split) would leave out (SearchIndex). */
export function suggestTitles(corpus: Corpus, typed: string, limit: number, leftOutOf: (split: SplitQuery) => LeftOut): { doc: number; score: number }[] {
  if (limit <= 0) return [];
  let text: string;
  try { text = foldLatex(typed); } catch { text = typed; }
  const open = OPEN_EXCLUSION.exec(text);
  const split = splitQuery(open ? text.slice(0, open.index) : text);
  // The last word is unfinished while a letter or digit ends the text (not a space, nor a closing quote).
  const lastOpen = !open && /[\p{L}\p{N}]$/u.test(text);
  // At most as many sides as search reads (query.ts sidesOf): each is a pass of its own, on every keystroke.
  const all = split.rest.split(EITHER), sides = all.slice(0, MAX_SIDES);
  const found = titlesWith(corpus, sides.pop()!, lastOpen && all.length <= MAX_SIDES);
  for (const side of sides) {
    for (const [doc, score] of titlesWith(corpus, side, false)) found.set(doc, Math.max(found.get(doc) ?? 0, score));
  }
  const { docs: docsOut, phrases: phrasesOut } = leftOutOf(split);
  const out = leftOut(corpus, docsOut, open?.[1]);
  const top = new TopK(limit + (phrasesOut.length > 0 ? PHRASE_SLACK : 0));
  for (const [doc, score] of found) if (!out(doc)) top.offer(doc, score);
  if (phrasesOut.length === 0) return top.sorted();
  const check = new PhraseCheck(corpus);
  return top.sorted().filter(({ doc }) => !check.hasAny(doc, phrasesOut)).slice(0, limit);
}

/** Docs whose title has every word of `text` (the last one possibly unfinished), each with its score. */
function titlesWith(corpus: Corpus, text: string, lastOpen: boolean): Map<number, number> {
  const words = tokens(text).filter((t) => !t.joined).map((t) => t.term);
  if (words.length === 0) return new Map();
  const last = words.pop()!;
  const lastTerms = lastOpen ? corpus.vocab.withPrefix(last).sort((a, b) => corpus.df[b]! - corpus.df[a]!).slice(0, MAX_PREFIX_TERMS)
    : [corpus.vocab.lookup(last)].filter((t) => t >= 0);
  const earlier = words.map((w) => corpus.vocab.lookup(w));
  if (earlier.some((t) => t < 0)) return new Map();
  const earlierIdf = earlier.reduce((sum, t) => sum + corpus.idf(t), 0);

  // Each doc's best idf among the last word's terms, then (in place) its score.
  const scores = new Map<number, number>();
  for (const term of lastTerms) {
    const length = corpus.postings.read(term);
    const { docs, tfs } = corpus.postings;
    const idf = corpus.idf(term);
    for (let i = 0; i < length; i++) {
      const doc = docs[i]!;
      if (!corpus.alive[doc] || fieldTf(tfs[i]!, Field.Title) === 0) continue;
      if (idf > (scores.get(doc) ?? -1)) scores.set(doc, idf);
    }
  }
  for (const [doc, idf] of scores) {
    const title = titleTerms(corpus, doc);
    if (!earlier.every((t) => title.includes(t))) { scores.delete(doc); continue; }
    const first = earlier[0] ?? -1;
    const startsWithTyped = first >= 0 ? title[0] === first : lastTerms.includes(title[0]!);
    scores.set(doc, earlierIdf + idf + (startsWithTyped ? 2 : 0) + 1 / (1 + title.length));
  }
  return scores;
}

const titleTerms = (corpus: Corpus, doc: number): Int32Array | Uint32Array => {
  const start = corpus.titleStart[doc]!;
  return corpus.titleTerms.subarray(start, start + corpus.titleCount[doc]!);
};

/** Whether a doc is left out: `marked` (search leaves it out for a word typed with a minus), or, for the word
 * still being typed, its title has a word that starts so. */
function leftOut(corpus: Corpus, marked: Uint8Array | null, open: string | undefined): (doc: number) => boolean {
  const starts = open && open.length >= MIN_OPEN_EXCLUSION ? new Set(corpus.vocab.withPrefix(open.toLowerCase())
    .filter((id) => !isStopword(corpus.vocab.stemOf(id))).slice(0, MAX_PREFIX_TERMS)) : null;
  if (!marked && !starts) return () => false;
  return (doc) => (marked !== null && marked[doc] === 1) || (starts !== null && titleTerms(corpus, doc).some((t) => starts.has(t)));
}
