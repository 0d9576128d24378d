// BM25F over the fields of a paper, combined per concept (best alternative) and across concepts
// (sum, scaled by the share of the query's importance a paper covers). Scores accumulate in typed arrays
// indexed by doc number, reused between queries; only the docs a query touched are visited and reset.
// A doc's best score for the concept being scored is valid while its mark is that concept's number, so a
// concept needs no pass over its docs to fold its best scores into the totals, nor one to clear them: each
// posting folds in what it adds over the doc's best so far.
import type { Corpus } from "./corpus.ts";
import { isTopicConcept, type Concept } from "./query.ts";
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
  // Float64: a doc's total takes each improvement of its best as a difference, so sums stay exact enough.
  private total = new Float64Array(0);
  private coverage = new Float32Array(0);
  private best = new Float64Array(0);
  private mark = new Int32Array(0);
  // Which concepts each doc has in some form (an alternative with every one of its words): the number of the
  // last concept that counted it, and how many have. A paper about two things has both (relevance.ts).
  private hadMark = new Int32Array(0);
  private had = new Uint8Array(0);
  private countsAsTopic = false;
  private concept = 0; // the number of the concept being scored: a doc whose `mark` is this has its `best` for it
  private importance = 0;
  private nTouched = 0;
  private phraseSum = new Float32Array(0);
  private phraseHits = new Uint8Array(0);
  private touched = new Int32Array(0);
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
      this.total = new Float64Array(size); this.coverage = new Float32Array(size);
      this.best = new Float64Array(size); this.mark = new Int32Array(size); this.concept = 0;
      this.hadMark = new Int32Array(size); this.had = new Uint8Array(size);
      this.phraseSum = new Float32Array(size); this.phraseHits = new Uint8Array(size);
      this.touched = new Int32Array(size); this.phraseTouched = new Int32Array(size);
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

  private nPhrase = 0;
  // A "dense" phrase touches so many docs that sweeping every doc number in order beats keeping (and then
  // chasing) a list of the ones it touched: common words in a 100k corpus.
  private dense = false;

  /**
   * Scores every doc matching any concept and offers each live one that `accept`s to `top` with its
   * final score. Returns how many were offered. Scratch state is clean again when this returns.
   */
  run(concepts: Concept[], top: TopK, accept: ((doc: number) => boolean) | undefined): number {
    this.prepare();
    const { total, coverage, touched } = this;
    const docCount = this.corpus.docCount;
    this.nTouched = 0;
    let importanceSum = 0, topic = 0;
    for (const concept of concepts) {
      importanceSum += concept.importance;
      this.importance = concept.importance;
      // An everyday word of a sentence is no part of what a paper about it must have (SearchIndex.topicSize).
      this.countsAsTopic = isTopicConcept(concept);
      if (this.countsAsTopic) topic++;
      if (++this.concept === 0x7fffffff) { this.mark.fill(0); this.hadMark.fill(0); this.concept = 1; }
      for (const alt of concept.alternatives) {
        if (alt.terms.length === 1) this.scoreTerm(alt.terms[0]!, alt.weight, false);
        else {
          this.dense = this.postingsOf(alt.terms) > docCount / DENSE_SHARE;
          this.scorePhrase(alt.terms, alt.weight);
        }
      }
    }
    const alive = this.corpus.alive;
    let offered = 0;
    for (let i = 0; i < this.nTouched; i++) {
      const doc = touched[i]!;
      if (alive[doc] && (accept === undefined || accept(doc))) {
        const share = coverage[doc]! / importanceSum;
        top.offer(doc, total[doc]! * (COVERAGE_EXPONENT === 1 ? share : Math.pow(share, COVERAGE_EXPONENT)), this.had[doc] === topic);
        offered++;
      }
      total[doc] = 0; coverage[doc] = 0; this.had[doc] = 0;
    }
    return offered;
  }

  /** `doc` scores `score` by one of the current concept's alternatives: the concept counts its best. `whole`:
   * the doc has every word of that alternative. */
  private credit(doc: number, score: number, whole: boolean): void {
    if (whole && this.countsAsTopic && this.hadMark[doc] !== this.concept) { this.hadMark[doc] = this.concept; this.had[doc]!++; }
    if (this.mark[doc] !== this.concept) {
      this.mark[doc] = this.concept;
      this.best[doc] = score;
      if (this.coverage[doc] === 0) this.touched[this.nTouched++] = doc;
      this.total[doc]! += score;
      this.coverage[doc]! += this.importance;
    } else if (score > this.best[doc]!) {
      this.total[doc]! += score - this.best[doc]!;
      this.best[doc] = score;
    }
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
    const { phraseSum, phraseHits, phraseTouched, dense } = this;
    const n = dense ? this.corpus.docCount : this.nPhrase;
    for (let i = 0; i < n; i++) {
      const doc = dense ? i : phraseTouched[i]!;
      const hits = phraseHits[doc]!;
      if (hits === 0) continue;
      const share = hits / k;
      this.credit(doc, phraseSum[doc]! * share * share, hits === k);
      phraseSum[doc] = 0; phraseHits[doc] = 0;
    }
  }

  // The hot loop: one pass over a term's postings. Into the concept's best score per doc (and the doc's
  // total), or, for a phrase, into the phrase's running sum.
  private scoreTerm(term: number, weight: number, intoPhrase: boolean): void {
    const corpus = this.corpus;
    const length = weight > 0 ? corpus.postings.read(term) : 0;
    if (length === 0) return;
    const idf = corpus.idf(term) * weight * (K1 + 1);
    const [nT, nB, nK, nA] = this.norms as [Float64Array, Float64Array, Float64Array, Float64Array];
    const { docs, tfs } = corpus.postings;
    if (intoPhrase) {
      const { phraseSum, phraseHits, phraseTouched, dense } = this;
      let nPhrase = this.nPhrase;
      for (let i = 0; i < length; i++) {
        const doc = docs[i]!, tf = weightedTf(tfs[i]!, doc, nT, nB, nK, nA);
        if (!dense && phraseHits[doc] === 0) phraseTouched[nPhrase++] = doc;
        phraseHits[doc]!++;
        phraseSum[doc]! += idf * tf / (K1 + tf);
      }
      this.nPhrase = nPhrase;
      return;
    }
    for (let i = 0; i < length; i++) {
      const doc = docs[i]!, tf = weightedTf(tfs[i]!, doc, nT, nB, nK, nA);
      this.credit(doc, idf * tf / (K1 + tf), true);
    }
  }
}

/**
 * A posting's field frequencies, each weighted and length-normalised, summed (BM25F's pseudo-frequency).
 * Every field, absent ones too (their frequency is 0, adding 0 exactly): a branch per field, taken or not
 * as the postings happen to fall, cost twice the arithmetic in mispredictions (17 → 9 ns a posting).
 */
function weightedTf(packed: number, doc: number, nT: Float64Array, nB: Float64Array, nK: Float64Array, nA: Float64Array): number {
  return FIELD_WEIGHT[0]! * (packed & 0xf) * nT[doc]! + FIELD_WEIGHT[1]! * ((packed >>> 4) & 0xff) * nB[doc]! +
    FIELD_WEIGHT[2]! * ((packed >>> 12) & 3) * nK[doc]! + FIELD_WEIGHT[3]! * ((packed >>> 14) & 3) * nA[doc]!;
}
