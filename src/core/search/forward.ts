// Each doc's abstract, keywords and authors as the analyzer emitted them — term ids in order — so the
// index can read a doc again without its text: proximity re-ranking (abstract positions), similar papers
// and tombstoning (a doc's terms), and compaction (rebuilding from the live docs). The catalog then need
// not keep 100k abstracts (~150 MB of strings) for the index's sake. Titles are in Corpus.titleTerms.
//
// Symbols, one per term, byte-coded: a term's symbol is its id + 2, and ids are given in order of first
// appearance, so the commonest words have small ids and about half the tokens take one byte (renumbering
// by frequency measured only 9% smaller on the realistic 100k corpus: not worth a second copy at build).
// 0 ends a field; 1 says the next term shares the previous one's position (a hyphenated word's joined
// form, analyzer.ts). Positions are not stored: every other term is one position on, as the analyzer
// counts them. ~47 MB at 100k realistic papers (~25M tokens).
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
  private lastPosition = -1;

  constructor(expectedBytes = 1 << 16) {
    this.bytes = new Uint8Array(Math.max(expectedBytes, 1 << 10));
  }

  get byteSize(): number {
    return this.bytes.byteLength + this.ends.byteLength;
  }

  /** A term of the field being written, at `position` (the analyzer's: 0, 1, … with joined forms sharing one). */
  push(term: number, position: number): void {
    if (position === this.lastPosition) this.write(SAME_POSITION);
    this.lastPosition = position;
    this.write(FIRST_TERM + term);
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
      sink.term(s - FIRST_TERM, position);
    }
  }

  /** After a bulk build: gives back spare capacity when there is much of it (a copy, so not for a little). */
  trim(): void {
    if (this.bytes.length - this.used > this.used / 8) this.bytes = this.bytes.slice(0, this.used);
    if (this.ends.length > this.docs) this.ends = this.ends.slice(0, this.docs);
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

  private read(at: number): void {
    const b = this.bytes;
    const first = b[at]!;
    if (first < 0xc0) { this.symbol = first; this.next = at + 1; }
    else if (first < 0xe0) { this.symbol = ONE + ((first - 0xc0) << 8) + b[at + 1]!; this.next = at + 2; }
    else if (first < 0xff) { this.symbol = TWO + (first - 0xe0) * 65536 + (b[at + 1]! << 8) + b[at + 2]!; this.next = at + 3; }
    else { this.symbol = THREE + b[at + 1]! * 16777216 + (b[at + 2]! << 16) + (b[at + 3]! << 8) + b[at + 4]!; this.next = at + 5; }
  }
}
