// Which of a query's concepts a paper has at all, in any of the forms search reads them (an alternative's
// words all there, apart or together): "moe pokemon" asks for papers with both, and PokéChamp, which says
// "Expert-level" but nothing of a mixture of experts, has one. Scores alone cannot tell: the rare word's
// weight carries such a paper past the relevance floor. Read from the paper's stored terms (as phrase.ts
// reads them), so only the few candidates past the floor are checked, not every paper with a word.
import type { TermSink } from "./analyzer.ts";
import type { Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";

export class ConceptCheck implements TermSink {
  // The doc's terms, as marks stamped with the check's number: no clearing between docs.
  private seen = new Uint32Array(0);
  private stamp = 0;

  constructor(private readonly corpus: Corpus) {}

  /** How many of `concepts` `doc` has: some alternative of each with every one of its words in the paper. */
  count(doc: number, concepts: Concept[]): number {
    if (this.seen.length < this.corpus.vocab.size) this.seen = new Uint32Array(Math.max(this.corpus.vocab.size, this.seen.length * 2));
    if (++this.stamp === 0xffffffff) { this.seen.fill(0); this.stamp = 1; }
    for (let field = 0; field < 4; field++) this.corpus.replay(doc, field, this);
    const has = (term: number) => term >= 0 && this.seen[term] === this.stamp;
    return concepts.filter((c) => c.alternatives.some((alt) => alt.terms.length > 0 && alt.terms.every(has))).length;
  }

  term(term: number): void {
    if (term < this.seen.length) this.seen[term] = this.stamp;
  }
}
