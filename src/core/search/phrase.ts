// Exact phrases: '"world model"' asks, as in web search, for papers with those words together and in that
// order (each word in any of its forms, as every word is searched), in the title, abstract, keywords or
// authors. Positions are not in the postings (proximity.ts says why), so a paper is checked by reading its
// stored terms again: the title from memory, the other fields from the forward terms (forward.ts). That
// costs a read per paper, so search checks its best candidates only (SearchIndex.search), not every paper
// with the words: at 100k papers "language models" has ~60k of them.
import type { TermSink } from "./analyzer.ts";
import type { Corpus } from "./corpus.ts";

/** Whether docs have phrases (term ids in order, each within one field). */
export class PhraseCheck implements TermSink {
  private phrases: number[][] = [];
  // Per phrase and word i: the last position where its words 0…i were found in a row (-2: nowhere yet).
  private ends: Int32Array[] = [];
  private found = 0;

  constructor(private readonly corpus: Corpus) {}

  /** Whether `doc` has every one of `phrases`; one with a -1 (a word no paper has) is in no doc. */
  hasAll(doc: number, phrases: number[][]): boolean {
    if (phrases.some((p) => p.length === 0 || p.includes(-1))) return false;
    let missing = phrases;
    for (let field = 0; field < 4 && missing.length > 0; field++) {
      this.start(missing);
      this.corpus.replay(doc, field, this);
      missing = missing.filter((_, i) => (this.found & (1 << i)) === 0);
    }
    return missing.length === 0;
  }

  /** Whether `doc` has any of `phrases`. */
  hasAny(doc: number, phrases: number[][]): boolean {
    return phrases.some((phrase) => this.hasAll(doc, [phrase]));
  }

  private start(phrases: number[][]): void {
    this.phrases = phrases.slice(0, 31);
    this.ends = this.phrases.map((p) => new Int32Array(p.length).fill(-2));
    this.found = 0;
  }

  // Terms arrive in position order; a compound's joined form shares its first part's position.
  term(term: number, position: number): void {
    const { phrases, ends } = this;
    for (let p = 0; p < phrases.length; p++) {
      const phrase = phrases[p]!, end = ends[p]!;
      // Last word first, so a word repeated in the phrase ("bag of bag") does not extend a run it just began.
      for (let i = phrase.length - 1; i > 0; i--) if (phrase[i] === term && end[i - 1] === position - 1) end[i] = position;
      if (phrase[0] === term) end[0] = position;
      if (end[phrase.length - 1]! >= 0) this.found |= 1 << p;
    }
  }
}
