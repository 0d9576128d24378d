// "More like this" and "recommended for you", arXiv-sanity style: papers as tf-idf vectors (title words
// count double, sublinear tf), a profile as the centroid of the seeds' unit vectors, ranked by cosine.
// Only the profile's strongest terms are scored: the tail adds time, not ranking.
import { fieldTf, Field, type Corpus } from "./corpus.ts";
import { TopK } from "./topk.ts";

const TITLE_WEIGHT = 2, KEYWORD_WEIGHT = 2;
const PROFILE_TERMS = 48;

// 1 + ln(tf) for every tf a packed posting can hold, so weighing 15M postings calls no Math.log.
const MAX_TF = TITLE_WEIGHT * 15 + 255 + KEYWORD_WEIGHT * 3;
const SUBLINEAR = Float32Array.from({ length: MAX_TF + 1 }, (_, tf) => (tf > 0 ? 1 + Math.log(tf) : 0));

function termWeight(packed: number, idf: number): number {
  const tf = TITLE_WEIGHT * fieldTf(packed, Field.Title) + fieldTf(packed, Field.Body) +
    KEYWORD_WEIGHT * fieldTf(packed, Field.Keywords);
  return SUBLINEAR[tf]! * idf;
}

export class Similarity {
  private norms = new Float32Array(0);
  private acc = new Float32Array(0);
  // Vector lengths are computed on the first similar()/recommend(), not at build: one pass over all
  // postings that start-up and search alone never need.
  private normsReady = false;

  constructor(private readonly corpus: Corpus) {}

  /** A paper indexed after the lengths were computed gets its own now; before, the full pass covers it. */
  added(doc: number): void {
    if (this.normsReady) this.vector(doc);
  }

  /** Vector lengths of every doc from the postings, with the idf of the whole corpus as it is now. */
  private computeAllNorms(): void {
    this.normsReady = true;
    const { corpus } = this;
    const squares = new Float64Array(corpus.docCount);
    for (let term = 0; term < corpus.vocab.size; term++) {
      const length = corpus.postings.read(term);
      const idf = corpus.idf(term);
      const { docs, tfs } = corpus.postings;
      for (let i = 0; i < length; i++) {
        const packed = tfs[i]!;
        const w = SUBLINEAR[TITLE_WEIGHT * (packed & 0xf) + ((packed >>> 4) & 0xff) + KEYWORD_WEIGHT * ((packed >>> 12) & 3)]! * idf;
        squares[docs[i]!]! += w * w;
      }
    }
    this.norms = Float32Array.from(squares, Math.sqrt);
  }

  /** One doc's vector; also records its length, so a paper upserted after the build can be compared. */
  vector(doc: number): Map<number, number> {
    const { corpus } = this;
    const packed = new Map<number, number>();
    corpus.forEachTerm(doc, (term, tfs) => packed.set(term, tfs));
    const vector = new Map<number, number>();
    let square = 0;
    for (const [term, tfs] of packed) {
      const w = termWeight(tfs, corpus.idf(term));
      if (w > 0) { vector.set(term, w); square += w * w; }
    }
    if (this.norms.length < corpus.docCount) {
      const norms = new Float32Array(Math.max(corpus.docCount, this.norms.length * 2)); norms.set(this.norms); this.norms = norms;
    }
    this.norms[doc] = Math.sqrt(square);
    return vector;
  }

  /** Docs by cosine to the centroid of `seeds`, the seeds and `exclude` left out. */
  rank(seeds: number[], limit: number, exclude: (doc: number) => boolean): { doc: number; score: number }[] {
    const { corpus } = this;
    if (!this.normsReady) this.computeAllNorms();
    const profile = new Map<number, number>();
    for (const seed of seeds) {
      const vector = this.vector(seed);
      const norm = this.norms[seed]! || 1;
      for (const [term, w] of vector) profile.set(term, (profile.get(term) ?? 0) + w / norm / seeds.length);
    }
    const strongest = [...profile].sort((a, b) => b[1] - a[1]).slice(0, PROFILE_TERMS);
    if (this.acc.length < corpus.docCount) this.acc = new Float32Array(Math.max(corpus.docCount, this.acc.length * 2));
    const acc = this.acc;
    const touched: number[] = [];
    for (const [term, weight] of strongest) {
      const length = corpus.postings.read(term);
      const { docs, tfs } = corpus.postings;
      const idf = corpus.idf(term);
      for (let i = 0; i < length; i++) {
        const doc = docs[i]!;
        if (acc[doc] === 0) touched.push(doc);
        acc[doc]! += weight * termWeight(tfs[i]!, idf);
      }
    }
    const top = new TopK(limit);
    for (const doc of touched) {
      if (corpus.alive[doc] && !exclude(doc) && this.norms[doc]! > 0) top.offer(doc, acc[doc]! / this.norms[doc]!);
      acc[doc] = 0;
    }
    return top.sorted();
  }

  /**
   * For each pick, the seed it is most like (cosine of the two vectors), or -1 when it shares no term with
   * any: what "for you" quotes as the reason ("like X, which you saved"). Seed vectors are built once.
   */
  closest(picks: number[], seeds: number[]): number[] {
    if (!this.normsReady) this.computeAllNorms();
    const seedVectors = seeds.map((seed) => ({ seed, vector: this.vector(seed), norm: this.norms[seed]! || 1 }));
    return picks.map((pick) => {
      const vector = this.vector(pick);
      const norm = this.norms[pick]! || 1;
      let best = -1, bestScore = 0;
      for (const { seed, vector: other, norm: otherNorm } of seedVectors) {
        let dot = 0;
        const [small, large] = vector.size <= other.size ? [vector, other] : [other, vector];
        for (const [term, w] of small) { const v = large.get(term); if (v !== undefined) dot += w * v; }
        const score = dot / norm / otherNorm;
        if (score > bestScore) { bestScore = score; best = seed; }
      }
      return best;
    });
  }
}
