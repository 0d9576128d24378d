// Exact phrases: '"world model"' asks, as in web search, for papers with those words together and in that
// order (each word in any of its forms, as every word is searched), in the title, abstract, keywords or
// authors. Positions are not in the postings (proximity.ts says why), so a paper is checked by reading its
// stored terms again: the title from memory, the other fields from the forward terms (forward.ts). That
// costs a read per paper, so search checks its best candidates only (SearchIndex.search), not every paper
// with the words: at 100k papers "language models" has ~60k of them.
import type { TermSink } from "./analyzer.ts";
import type { Corpus } from "./corpus.ts";

/** A phrase as the ways papers may write it ("multi-modal", "multimodal"; query.ts phraseForms), each term ids
 * in order: a doc has the phrase where it has any of them. */
export type Phrase = number[][];

/** Whether docs have phrases (each form's terms in order, within one field). */
export class PhraseCheck implements TermSink {
  private forms: number[][] = [];
  /** The phrase each form is a way of writing. */
  private phraseOf: number[] = [];
  // Per form and word i: the last position where its words 0…i were found in a row (-2: nowhere yet).
  private ends: Int32Array[] = [];
  private found = 0;

  constructor(private readonly corpus: Corpus) {}

  /** Whether `doc` has every one of `phrases`; a form with a -1 (a word no paper has) is in no doc. */
  hasAll(doc: number, phrases: Phrase[]): boolean {
    let missing = phrases.map((forms) => forms.filter((form) => form.length > 0 && !form.includes(-1)));
    if (missing.some((forms) => forms.length === 0)) return false;
    for (let field = 0; field < 4 && missing.length > 0; field++) {
      this.start(missing);
      this.corpus.replay(doc, field, this);
      missing = missing.filter((_, i) => (this.found & (1 << i)) === 0);
    }
    return missing.length === 0;
  }

  /** Whether `doc` has any of `phrases`. */
  hasAny(doc: number, phrases: Phrase[]): boolean {
    return phrases.some((phrase) => this.hasAll(doc, [phrase]));
  }

  private start(phrases: Phrase[]): void {
    this.forms = []; this.phraseOf = [];
    phrases.slice(0, 31).forEach((forms, p) => { for (const form of forms) { this.forms.push(form); this.phraseOf.push(p); } });
    this.ends = this.forms.map((f) => new Int32Array(f.length).fill(-2));
    this.found = 0;
  }

  // Terms arrive in position order; a compound's joined form shares its first part's position.
  term(term: number, position: number): void {
    const { forms, ends } = this;
    for (let p = 0; p < forms.length; p++) {
      const form = forms[p]!, end = ends[p]!;
      // Last word first, so a word repeated in the phrase ("bag of bag") does not extend a run it just began.
      for (let i = form.length - 1; i > 0; i--) if (form[i] === term && end[i - 1] === position - 1) end[i] = position;
      if (form[0] === term) end[0] = position;
      if (end[form.length - 1]! >= 0) this.found |= 1 << this.phraseOf[p]!;
    }
  }
}
