// BM25F over the fields of a paper, combined per concept (best alternative) and across concepts
// (sum, scaled by the share of the query's importance a paper covers). Scores accumulate in Float32Arrays
// indexed by doc number, reused between queries; only the docs a query touched are visited and reset.
import type { Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";
import type { TopK } from "./topk.ts";

// Title above keywords above abstract; authors count as much as the abstract. b: how much a long field
// dilutes a match — little for short titles and name lists, the usual 0.75 for abstracts.
const FIELD_WEIGHT = [3, 1, 2, 1];
const FIELD_B = [0.4, 0.75, 0.4, 0.3];
export const K1 = 1.2;
// A paper matching half of what was asked keeps ~half its score: coverage matters, but a strong match
// on the rare word of a query beats a weak match on all of its common ones. (At 1 no Math.pow is needed.)
const COVERAGE_EXPONENT = 1;
// Sweep every doc when a concept's postings number more than docCount / DENSE_SHARE.
const DENSE_SHARE = 4;

export class Scorer {
  private total = new Float32Array(0);
  private coverage = new Float32Array(0);
  private best = new Float32Array(0);
  private phraseSum = new Float32Array(0);
  private phraseHits = new Uint8Array(0);
  private touched = new Int32Array(0);
  private conceptTouched = new Int32Array(0);
  private phraseTouched = new Int32Array(0);
  // Each doc's BM25 length normalisation per field as a factor, 1 / (1 - b + b·length/average), so a
  // posting costs multiplications instead of two divisions; kept until the averages change (an upsert
  // or removal).
  private norms = [new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  private normAverages = new Float64Array(4);
  private normDocs = 0;

  constructor(private readonly corpus: Corpus) {}

  private prepare(): void {
    const n = this.corpus.docCount;
    if (this.total.length < n) {
      const size = Math.max(n, this.total.length * 2, 1024);
      this.total = new Float32Array(size); this.coverage = new Float32Array(size);
      this.best = new Float32Array(size); this.phraseSum = new Float32Array(size);
      this.phraseHits = new Uint8Array(size);
      this.touched = new Int32Array(size); this.conceptTouched = new Int32Array(size); this.phraseTouched = new Int32Array(size);
    }
    let from = this.normDocs;
    for (let f = 0; f < 4; f++) if (this.corpus.averageLength(f) !== this.normAverages[f]) from = 0;
    if (from === n) return;
    for (let f = 0; f < 4; f++) {
      if (this.norms[f]!.length < n) {
        const grown = new Float64Array(Math.max(n, this.norms[f]!.length * 2)); grown.set(this.norms[f]!); this.norms[f] = grown;
      }
      const avg = this.corpus.averageLength(f), b = FIELD_B[f]!, lengths = this.corpus.lengths[f]!, norm = this.norms[f]!;
      for (let doc = from; doc < n; doc++) norm[doc] = 1 / (1 - b + b * lengths[doc]! / avg);
      this.normAverages[f] = avg;
    }
    this.normDocs = n;
  }

  private nConcept = 0;
  private nPhrase = 0;
  // A "dense" concept or phrase touches so many docs that sweeping every doc number in order beats
  // keeping (and then chasing) a list of the ones it touched: common words in a 100k corpus.
  private dense = false;

  /**
   * Scores every doc matching any concept and offers each live one that `accept`s to `top` with its
   * final score. Returns how many were offered. Scratch state is clean again when this returns.
   */
  run(concepts: Concept[], top: TopK, accept: ((doc: number) => boolean) | undefined): number {
    this.prepare();
    const { total, coverage, best, touched, conceptTouched } = this;
    const docCount = this.corpus.docCount;
    let nTouched = 0;
    let importanceSum = 0;
    for (const concept of concepts) {
      importanceSum += concept.importance;
      this.nConcept = 0;
      this.dense = this.postingsOf(concept.alternatives.flatMap((a) => a.terms)) > docCount / DENSE_SHARE;
      for (const alt of concept.alternatives) {
        if (alt.terms.length === 1) this.scoreTerm(alt.terms[0]!, alt.weight, false);
        else this.scorePhrase(alt.terms, alt.weight);
      }
      const importance = concept.importance;
      const n = this.dense ? docCount : this.nConcept;
      for (let i = 0; i < n; i++) {
        const doc = this.dense ? i : conceptTouched[i]!;
        const b = best[doc]!;
        if (this.dense && b === 0) continue;
        if (coverage[doc] === 0) touched[nTouched++] = doc;
        total[doc]! += b;
        coverage[doc]! += importance;
        best[doc] = 0;
      }
    }
    const alive = this.corpus.alive;
    let offered = 0;
    for (let i = 0; i < nTouched; i++) {
      const doc = touched[i]!;
      if (alive[doc] && (accept === undefined || accept(doc))) {
        const share = coverage[doc]! / importanceSum;
        top.offer(doc, total[doc]! * (COVERAGE_EXPONENT === 1 ? share : Math.pow(share, COVERAGE_EXPONENT)));
        offered++;
      }
      total[doc] = 0; coverage[doc] = 0;
    }
    return offered;
  }

  private postingsOf(terms: number[]): number {
    let n = 0;
    for (const t of terms) n += t >= 0 ? this.corpus.postings.length(t) : 0;
    return n;
  }

  // Terms that should appear together: full credit with all of them, (share found)² of it otherwise,
  // so "mixture of experts" mostly needs all three words but one of them still counts a little.
  private scorePhrase(terms: number[], weight: number): void {
    this.nPhrase = 0;
    for (const term of terms) if (term >= 0) this.scoreTerm(term, weight, true);
    const k = terms.length;
    const { phraseSum, phraseHits, phraseTouched, best, conceptTouched, dense } = this;
    const n = dense ? this.corpus.docCount : this.nPhrase;
    for (let i = 0; i < n; i++) {
      const doc = dense ? i : phraseTouched[i]!;
      const hits = phraseHits[doc]!;
      if (hits === 0) continue;
      const share = hits / k;
      const score = phraseSum[doc]! * share * share;
      if (!dense && best[doc] === 0) conceptTouched[this.nConcept++] = doc;
      if (score > best[doc]!) best[doc] = score;
      phraseSum[doc] = 0; phraseHits[doc] = 0;
    }
  }

  // The hot loop: one pass over a term's postings. Into the concept's best score per doc, or, for a
  // phrase, into the phrase's running sum.
  private scoreTerm(term: number, weight: number, intoPhrase: boolean): void {
    const corpus = this.corpus;
    const length = weight > 0 ? corpus.postings.read(term) : 0;
    if (length === 0) return;
    const idf = corpus.idf(term) * weight * (K1 + 1);
    const [nT, nB, nK, nA] = this.norms as [Float64Array, Float64Array, Float64Array, Float64Array];
    const [wT, wB, wK, wA] = FIELD_WEIGHT as [number, number, number, number];
    const { docs, tfs } = corpus.postings;
    const { best, conceptTouched, phraseSum, phraseHits, phraseTouched, dense } = this;
    let nConcept = this.nConcept, nPhrase = this.nPhrase;
    for (let i = 0; i < length; i++) {
      const doc = docs[i]!, packed = tfs[i]!;
      let tf = 0;
      if (packed & 0xf) tf += wT * (packed & 0xf) * nT[doc]!;
      if (packed & 0xff0) tf += wB * ((packed >>> 4) & 0xff) * nB[doc]!;
      if (packed & 0xf000) {
        if (packed & 0x3000) tf += wK * ((packed >>> 12) & 3) * nK[doc]!;
        if (packed & 0xc000) tf += wA * ((packed >>> 14) & 3) * nA[doc]!;
      }
      const score = idf * tf / (K1 + tf);
      if (intoPhrase) {
        if (!dense && phraseHits[doc] === 0) phraseTouched[nPhrase++] = doc;
        phraseHits[doc]!++;
        phraseSum[doc]! += score;
      } else {
        const was = best[doc]!;
        if (!dense && was === 0) conceptTouched[nConcept++] = doc;
        if (score > was) best[doc] = score;
      }
    }
    this.nConcept = nConcept; this.nPhrase = nPhrase;
  }
}
