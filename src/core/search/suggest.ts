// Title autocomplete (Discord's option autocomplete calls this on every keystroke): the words typed so
// far must all be title words, the last one may be the start of a title word. Titles that begin with
// what was typed come first, then shorter titles; rare words weigh more than common ones.
import { foldLatex } from "../latex.ts";
import { fieldTf, Field, type Corpus } from "./corpus.ts";
import { tokens } from "./tokenize.ts";
import { TopK } from "./topk.ts";

const MAX_PREFIX_TERMS = 256;

export function suggestTitles(corpus: Corpus, typed: string, limit: number): { doc: number; score: number }[] {
  let text: string;
  try { text = foldLatex(typed); } catch { text = typed; }
  const words = tokens(text).filter((t) => !t.joined).map((t) => t.term);
  if (words.length === 0 || limit <= 0) return [];
  const last = words.pop()!;
  const complete = /\s$/.test(text);
  const lastTerms = complete ? [corpus.vocab.lookup(last)].filter((t) => t >= 0)
    : corpus.vocab.withPrefix(last).sort((a, b) => corpus.df[b]! - corpus.df[a]!).slice(0, MAX_PREFIX_TERMS);
  const earlier = words.map((w) => corpus.vocab.lookup(w));
  if (earlier.some((t) => t < 0)) return [];
  const earlierIdf = earlier.reduce((sum, t) => sum + corpus.idf(t), 0);

  const bestOfDoc = new Map<number, number>();
  for (const term of lastTerms) {
    const length = corpus.postings.read(term);
    const { docs, tfs } = corpus.postings;
    const idf = corpus.idf(term);
    for (let i = 0; i < length; i++) {
      const doc = docs[i]!;
      if (!corpus.alive[doc] || fieldTf(tfs[i]!, Field.Title) === 0) continue;
      if (idf > (bestOfDoc.get(doc) ?? -1)) bestOfDoc.set(doc, idf);
    }
  }
  const top = new TopK(limit);
  for (const [doc, idf] of bestOfDoc) {
    const start = corpus.titleStart[doc]!, count = corpus.titleCount[doc]!;
    const title = corpus.titleTerms.subarray(start, start + count);
    if (!earlier.every((t) => title.includes(t))) continue;
    const first = earlier[0] ?? -1;
    const startsWithTyped = first >= 0 ? title[0] === first : lastTerms.includes(title[0]!);
    top.offer(doc, earlierIdf + idf + (startsWithTyped ? 2 : 0) + 1 / (1 + count));
  }
  return top.sorted();
}
