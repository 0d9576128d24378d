// Words typed next to each other mean more when a paper also has them next to each other
// ("world model" vs a paper about models of the world). Positions are not in the postings (too much
// memory at 100k papers), so this runs only on the few best candidates: titles from the stored title
// terms, abstracts by reading the abstract again through the analyzer's cache (~1 µs per abstract).
import { fieldText, type TermSink } from "./analyzer.ts";
import type { Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";

const TITLE_BONUS = 0.3;
const BODY_BONUS = 0.15;
// Up to two words may sit between neighbours: stopwords ("mixture of experts") and hyphen parts.
const MAX_GAP = 3;

/** Re-ranks candidates of one query; holds which concepts each term counts for, as a bit mask. */
export class Proximity implements TermSink {
  // term id → bit c set when the term counts as concept c (queries have at most 32 concepts).
  private masks = new Uint32Array(0);
  private marked: number[] = [];
  private positions: number[][] = [];

  constructor(private readonly corpus: Corpus) {}

  /** Prepares for `concepts`; call done() after the last boost(). */
  start(concepts: Concept[]): void {
    if (this.masks.length < this.corpus.vocab.size) this.masks = new Uint32Array(Math.max(this.corpus.vocab.size, this.masks.length * 2));
    concepts.forEach((concept, c) => {
      if (c >= 32) return;
      for (const term of concept.termSet) {
        if (this.masks[term] === 0) this.marked.push(term);
        this.masks[term]! |= 1 << c;
      }
    });
    this.positions = concepts.map(() => []);
  }

  done(): void {
    for (const term of this.marked) this.masks[term] = 0;
    this.marked.length = 0;
  }

  /** A multiplier ≥ 1 for `doc`: 1 + a bonus per pair of neighbouring query concepts found adjacent. */
  boost(doc: number): number {
    const pairs = this.positions.length - 1;
    if (pairs < 1) return 1;
    const { corpus } = this;
    this.clear();
    const start = corpus.titleStart[doc]!, count = corpus.titleCount[doc]!;
    for (let i = start; i < start + count; i++) this.term(corpus.titleTerms[i]!, corpus.titlePositions[i]!);
    const inTitle = adjacentPairs(this.positions);
    if (inTitle === pairs) return 1 + TITLE_BONUS;

    this.clear();
    const paper = corpus.papers[doc];
    if (paper) corpus.analyzer.run(fieldText(1, paper), this);
    return 1 + (TITLE_BONUS * inTitle + BODY_BONUS * adjacentPairs(this.positions)) / pairs;
  }

  term(term: number, position: number): void {
    let mask = this.masks[term]!;
    for (let c = 0; mask !== 0; c++, mask >>>= 1) if (mask & 1) this.positions[c]!.push(position);
  }

  private clear(): void {
    for (const p of this.positions) p.length = 0;
  }
}

function adjacentPairs(positions: number[][]): number {
  let found = 0;
  for (let c = 0; c + 1 < positions.length; c++) {
    const here = positions[c]!, next = positions[c + 1]!;
    if (here.some((p) => next.some((q) => q > p && q - p <= MAX_GAP))) found++;
  }
  return found;
}
