// BM25F over the fields of a paper, combined per concept (best alternative) and across concepts
// (sum, scaled by the share of the query's importance a paper covers). Scores accumulate in Float32Arrays
// indexed by doc number, reused between queries; only the docs a query touched are visited and reset.
import { Field, type Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";

// Title above keywords above abstract; authors count as much as the abstract. b: how much a long field
// dilutes a match — little for short titles and name lists, the usual 0.75 for abstracts.
const FIELD_WEIGHT = [3, 1, 2, 1];
const FIELD_B = [0.4, 0.75, 0.4, 0.3];
const K1 = 1.2;
// A paper matching half of what was asked keeps ~half its score: coverage matters, but a strong match
// on the rare word of a query beats a weak match on all of its common ones.
const COVERAGE_EXPONENT = 1;

export class Scorer {
  private total = new Float32Array(0);
  private coverage = new Float32Array(0);
  private best = new Float32Array(0);
  private phraseSum = new Float32Array(0);
  private phraseHits = new Uint8Array(0);
  private touched = new Int32Array(0);
  private conceptTouched = new Int32Array(0);
  private phraseTouched = new Int32Array(0);

  constructor(private readonly corpus: Corpus) {}

  private ensureCapacity(): void {
    const n = this.corpus.docCount;
    if (this.total.length >= n) return;
    const size = Math.max(n, this.total.length * 2, 1024);
    this.total = new Float32Array(size); this.coverage = new Float32Array(size);
    this.best = new Float32Array(size); this.phraseSum = new Float32Array(size);
    this.phraseHits = new Uint8Array(size);
    this.touched = new Int32Array(size); this.conceptTouched = new Int32Array(size); this.phraseTouched = new Int32Array(size);
  }

  private nConcept = 0;
  private nPhrase = 0;

  /**
   * Scores every doc matching any concept and hands each live one to `visit` with its final score.
   * Scratch state is clean again when this returns.
   */
  run(concepts: Concept[], visit: (doc: number, score: number) => void): void {
    this.ensureCapacity();
    const { total, coverage, best, touched, conceptTouched } = this;
    let nTouched = 0;
    let importanceSum = 0;
    for (const concept of concepts) {
      importanceSum += concept.importance;
      this.nConcept = 0;
      for (const alt of concept.alternatives) {
        if (alt.terms.length === 1) this.scoreTerm(alt.terms[0]!, alt.weight, false);
        else this.scorePhrase(alt.terms, alt.weight);
      }
      for (let i = 0; i < this.nConcept; i++) {
        const doc = conceptTouched[i]!;
        if (coverage[doc] === 0) touched[nTouched++] = doc;
        total[doc]! += best[doc]!;
        coverage[doc]! += concept.importance;
        best[doc] = 0;
      }
    }
    const alive = this.corpus.alive;
    for (let i = 0; i < nTouched; i++) {
      const doc = touched[i]!;
      if (alive[doc]) visit(doc, total[doc]! * Math.pow(coverage[doc]! / importanceSum, COVERAGE_EXPONENT));
      total[doc] = 0; coverage[doc] = 0;
    }
  }

  private keepBest(doc: number, score: number): void {
    if (this.best[doc] === 0) this.conceptTouched[this.nConcept++] = doc;
    if (score > this.best[doc]!) this.best[doc] = score;
  }

  // Terms that should appear together: full credit with all of them, (share found)² of it otherwise,
  // so "mixture of experts" mostly needs all three words but one of them still counts a little.
  private scorePhrase(terms: number[], weight: number): void {
    this.nPhrase = 0;
    for (const term of terms) if (term >= 0) this.scoreTerm(term, weight, true);
    const k = terms.length;
    for (let i = 0; i < this.nPhrase; i++) {
      const doc = this.phraseTouched[i]!;
      const share = this.phraseHits[doc]! / k;
      this.keepBest(doc, this.phraseSum[doc]! * share * share);
      this.phraseSum[doc] = 0; this.phraseHits[doc] = 0;
    }
  }

  private scoreTerm(term: number, weight: number, intoPhrase: boolean): void {
    const corpus = this.corpus;
    const postings = corpus.postings[term];
    if (!postings || weight <= 0) return;
    const idf = corpus.idf(term) * weight;
    const [lt, lb, lk, la] = corpus.lengths as [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
    const avgT = corpus.averageLength(Field.Title), avgB = corpus.averageLength(Field.Body);
    const avgK = corpus.averageLength(Field.Keywords), avgA = corpus.averageLength(Field.Authors);
    const [wT, wB, wK, wA] = FIELD_WEIGHT as [number, number, number, number];
    const [bT, bB, bK, bA] = FIELD_B as [number, number, number, number];
    const { docs, tfs, length } = postings;
    const { phraseSum, phraseHits, phraseTouched } = this;
    for (let i = 0; i < length; i++) {
      const doc = docs[i]!, packed = tfs[i]!;
      let tf = 0;
      if (packed & 0xf) tf += wT * (packed & 0xf) / (1 - bT + bT * lt[doc]! / avgT);
      if (packed & 0xff0) tf += wB * ((packed >>> 4) & 0xff) / (1 - bB + bB * lb[doc]! / avgB);
      if (packed & 0x3000) tf += wK * ((packed >>> 12) & 3) / (1 - bK + bK * lk[doc]! / avgK);
      if (packed & 0xc000) tf += wA * ((packed >>> 14) & 3) / (1 - bA + bA * la[doc]! / avgA);
      const score = idf * tf * (K1 + 1) / (K1 + tf);
      if (!intoPhrase) { this.keepBest(doc, score); continue; }
      if (phraseHits[doc] === 0) phraseTouched[this.nPhrase++] = doc;
      phraseHits[doc]!++;
      phraseSum[doc]! += score;
    }
  }
}
