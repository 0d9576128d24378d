// Each doc's abstract, keywords and authors as the analyzer emitted them — term ids in order — so the
// index can read a doc again without its text: proximity re-ranking (abstract positions), similar papers
// and tombstoning (a doc's terms), and compaction (rebuilding from the live docs). The catalog then need
// not keep 100k abstracts (~150 MB of strings) for the index's sake. Titles are in Corpus.titleTerms.
//
// Symbols, one per term, byte-coded: commoner terms get smaller symbols (ranked by document frequency
// after a bulk build), so about half the tokens take one byte. 0 ends a field; 1 says the next term
// shares the previous one's position (a hyphenated word's joined form, analyzer.ts). Positions are not
// stored: every other term is one position on, as the analyzer counts them.
//   s < 0xC0: [s] · then 32 × 256 two-byte · then 31 × 65536 three-byte · then 0xFF + four bytes.
import type { TermSink } from "./analyzer.ts";

const END = 0, SAME_POSITION = 1, FIRST_TERM = 2;
const ONE = 0xc0, TWO = ONE + (32 << 8), THREE = TWO + (31 << 16);

export class ForwardTerms {
  private bytes: Uint8Array;
  private used = 0;
  /** Where doc d's symbols end; they start where d - 1's end. */
  private ends = new Uint32Array(1024);
  private docs = 0;
  /** term id → symbol - FIRST_TERM, and back. Identity until rank() orders them by document frequency. */
  private rankOf = new Uint32Array(0);
  private termOf = new Uint32Array(0);
  private ranked = 0;
  private lastPosition = -1;

  constructor(expectedBytes = 1 << 16) {
    this.bytes = new Uint8Array(Math.max(expectedBytes, 1 << 10));
  }

  get byteSize(): number {
    return this.bytes.byteLength + this.ends.byteLength + this.rankOf.byteLength + this.termOf.byteLength;
  }

  /** A term of the field being written, at `position` (the analyzer's: 0, 1, … with joined forms sharing one). */
  push(term: number, position: number): void {
    if (position === this.lastPosition) this.write(SAME_POSITION);
    this.lastPosition = position;
    this.write(FIRST_TERM + this.symbolOf(term));
  }

  endField(): void {
    this.write(END);
    this.lastPosition = -1;
  }

  /** Closes doc `doc` (docs are written in order, 0, 1, …). */
  endDoc(doc: number): void {
    if (doc !== this.docs) throw new Error(`forward terms: doc ${doc} written out of order (expected ${this.docs})`);
    if (this.ends.length <= doc) { const next = new Uint32Array(Math.max(1024, this.ends.length * 2)); next.set(this.ends); this.ends = next; }
    this.ends[doc] = this.used;
    this.docs++;
  }

  /** Emits field `field` (1 abstract, 2 keywords, 3 authors) of `doc` to `sink`, as the analyzer did. */
  replay(doc: number, field: number, sink: TermSink): void {
    if (doc >= this.docs) return;
    const bytes = this.bytes;
    let at = doc > 0 ? this.ends[doc - 1]! : 0;
    // Skip the fields before.
    for (let f = 1; f < field; f++) do { this.read(at); at = this.next; } while (this.symbol !== END);
    let position = -1;
    let same = false;
    while (at < bytes.length) {
      this.read(at); at = this.next;
      const s = this.symbol;
      if (s === END) return;
      if (s === SAME_POSITION) { same = true; continue; }
      if (!same) position++;
      same = false;
      sink.term(this.termOf.length > s - FIRST_TERM ? this.termOf[s - FIRST_TERM]! : s - FIRST_TERM, position);
    }
  }

  /**
   * After a bulk build: renumbers symbols so the terms in most docs get the shortest codes, and rewrites
   * what was written (a pass over the symbols, ~0.1 s at 100k papers), leaving no spare capacity.
   */
  rank(df: Uint32Array, vocabSize: number): void {
    const order = new Uint32Array(vocabSize);
    for (let t = 0; t < vocabSize; t++) order[t] = t;
    order.sort((a, b) => df[b]! - df[a]! || a - b);
    const rankOf = new Uint32Array(vocabSize);
    for (let r = 0; r < vocabSize; r++) rankOf[order[r]!] = r;
    const old = this.bytes, oldTermOf = this.termOf;
    this.bytes = new Uint8Array(this.used + 16);
    this.used = 0;
    this.rankOf = rankOf; this.termOf = order; this.ranked = vocabSize;
    let doc = 0, at = 0;
    const end = this.ends;
    while (doc < this.docs) {
      while (at < end[doc]!) {
        this.readFrom(old, at); at = this.next;
        const s = this.symbol;
        if (s < FIRST_TERM) this.write(s);
        else { const t = s - FIRST_TERM; this.write(FIRST_TERM + rankOf[oldTermOf.length > t ? oldTermOf[t]! : t]!); }
      }
      end[doc++] = this.used;
    }
    this.bytes = this.bytes.slice(0, this.used);
    this.ends = this.ends.slice(0, this.docs);
  }

  private symbolOf(term: number): number {
    if (this.ranked === 0) return term;
    if (term >= this.ranked) {
      // A term first seen after the ranking: the next symbol.
      if (term >= this.rankOf.length) {
        const size = Math.max(term + 1, this.rankOf.length * 2);
        const rankOf = new Uint32Array(size); rankOf.set(this.rankOf); this.rankOf = rankOf;
        const termOf = new Uint32Array(size); termOf.set(this.termOf); this.termOf = termOf;
      }
      while (this.ranked <= term) { this.rankOf[this.ranked] = this.ranked; this.termOf[this.ranked] = this.ranked; this.ranked++; }
    }
    return this.rankOf[term]!;
  }

  private write(s: number): void {
    if (this.used + 5 > this.bytes.length) {
      const next = new Uint8Array(Math.ceil(this.bytes.length * 1.5) + 16); next.set(this.bytes.subarray(0, this.used)); this.bytes = next;
    }
    const b = this.bytes;
    if (s < ONE) b[this.used++] = s;
    else if (s < TWO) { const v = s - ONE; b[this.used++] = 0xc0 + (v >>> 8); b[this.used++] = v & 255; }
    else if (s < THREE) { const v = s - TWO; b[this.used++] = 0xe0 + (v >>> 16); b[this.used++] = (v >>> 8) & 255; b[this.used++] = v & 255; }
    else { const v = s - THREE; b[this.used++] = 0xff; b[this.used++] = v >>> 24; b[this.used++] = (v >>> 16) & 255; b[this.used++] = (v >>> 8) & 255; b[this.used++] = v & 255; }
  }

  // The last read's symbol and the offset after it (fields, not a returned object: no allocation per symbol).
  private symbol = 0;
  private next = 0;

  private read(at: number): void { this.readFrom(this.bytes, at); }

  private readFrom(b: Uint8Array, at: number): void {
    const first = b[at]!;
    if (first < 0xc0) { this.symbol = first; this.next = at + 1; }
    else if (first < 0xe0) { this.symbol = ONE + ((first - 0xc0) << 8) + b[at + 1]!; this.next = at + 2; }
    else if (first < 0xff) { this.symbol = TWO + (first - 0xe0) * 65536 + (b[at + 1]! << 8) + b[at + 2]!; this.next = at + 3; }
    else { this.symbol = THREE + b[at + 1]! * 16777216 + (b[at + 2]! << 16) + (b[at + 3]! << 8) + b[at + 4]!; this.next = at + 5; }
  }
}
