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
//
// Past SPILL_AT bytes (8 MB, ~17,000 realistic papers: large corpora only) the symbols go to an unnamed
// temporary file (spill-file.ts): they are read for a few docs per query and sequentially when compacting,
// so they need not sit on the heap or in RSS; the kernel's page cache keeps the hot ones. Symbols not yet
// flushed are read from memory. Small corpora (the bundled 89 papers, most tests) never touch the disk.
import type { TermSink } from "./analyzer.ts";
import { SpillFile } from "./spill-file.ts";

const END = 0, SAME_POSITION = 1, FIRST_TERM = 2;
const ONE = 0xc0, TWO = ONE + (32 << 8), THREE = TWO + (31 << 16);
/** Symbols held in memory before they go to the file: ~17,000 realistic papers. */
export const SPILL_AT = 8 << 20;
// Once spilling, memory holds at most one chunk of not-yet-flushed symbols.
const CHUNK = 1 << 20;
// A read from the file takes this much from the doc's start on (~16 realistic docs), so sequential reads
// (compaction) take one system call per window, not per doc, while a query's 100 scattered candidates copy
// under a megabyte from the page cache.
const WINDOW = 8 << 10;

export class ForwardTerms {
  /** Symbols at offsets flushed … used (all of them while nothing is on file). */
  private bytes: Uint8Array;
  private used = 0;
  /** Symbols before this offset are in the file. */
  private flushed = 0;
  private file: SpillFile | null = null;
  /** Set when the file could not be opened or written: memory only from then on. */
  private noFile = false;
  /** Where doc d's symbols end; they start where d - 1's end. */
  private ends = new Uint32Array(1024);
  private docs = 0;
  private lastPosition = -1;
  // Symbols at offsets windowStart … windowEnd, read from the file (symbols never change once written).
  private window = new Uint8Array(0);
  private windowStart = 0;
  private windowEnd = 0;

  /** `spillAt`: bytes held in memory before spilling to a file (Infinity: never). */
  constructor(expectedBytes = 1 << 16, private readonly spillAt = SPILL_AT) {
    this.bytes = new Uint8Array(Math.max(Math.min(expectedBytes, spillAt + 16), 1 << 10));
  }

  /** Bytes in memory (the symbols not on file, the doc ends and the read window). */
  get byteSize(): number {
    return this.bytes.byteLength + this.ends.byteLength + this.window.byteLength;
  }

  /** Bytes in the temporary file: disk (or page cache), not heap or RSS. */
  get bytesOnDisk(): number {
    return this.flushed;
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
    let at = doc > 0 ? this.ends[doc - 1]! : 0;
    const end = this.ends[doc]!;
    this.load(at, end);
    // Skip the fields before.
    for (let f = 1; f < field; f++) do { this.read(at); at = this.next; } while (this.symbol !== END);
    let position = -1;
    let same = false;
    while (at < end) {
      this.read(at); at = this.next;
      const s = this.symbol;
      if (s === END) return;
      if (s === SAME_POSITION) { same = true; continue; }
      if (!same) position++;
      same = false;
      sink.term(s - FIRST_TERM, position);
    }
  }

  /** After a bulk build: gives back spare capacity when there is much of it (a copy, so not for a little);
   * once spilling, sends what memory holds to the file and keeps a small buffer for later docs. */
  trim(): void {
    const held = this.used - this.flushed;
    if (this.file && held > 0 && this.spill()) this.bytes = new Uint8Array(WINDOW);
    else if (this.bytes.length - held > held / 8) this.bytes = this.bytes.slice(0, held);
    if (this.ends.length > this.docs) this.ends = this.ends.slice(0, this.docs);
  }

  /** Closes the file, if any; the symbols in it cannot be read after. */
  close(): void {
    this.file?.close();
    this.file = null;
  }

  private write(s: number): void {
    if (this.used - this.flushed + 5 > this.bytes.length) this.makeRoom();
    const b = this.bytes, base = this.flushed;
    let i = this.used - base;
    if (s < ONE) b[i++] = s;
    else if (s < TWO) { const v = s - ONE; b[i++] = 0xc0 + (v >>> 8); b[i++] = v & 255; }
    else if (s < THREE) { const v = s - TWO; b[i++] = 0xe0 + (v >>> 16); b[i++] = (v >>> 8) & 255; b[i++] = v & 255; }
    else { const v = s - THREE; b[i++] = 0xff; b[i++] = v >>> 24; b[i++] = (v >>> 16) & 255; b[i++] = (v >>> 8) & 255; b[i++] = v & 255; }
    this.used = base + i;
  }

  private makeRoom(): void {
    const held = this.used - this.flushed;
    if ((this.file || held >= this.spillAt) && this.spill()) return;
    const next = new Uint8Array(Math.ceil(this.bytes.length * 1.5) + 16);
    next.set(this.bytes.subarray(0, held));
    this.bytes = next;
  }

  /** Appends the symbols in memory to the file, opening it the first time; false (and memory only from
   * then on) if that fails: a full or read-only disk makes the index bigger, never broken. */
  private spill(): boolean {
    if (this.noFile) return false;
    try {
      this.file ??= SpillFile.open();
      this.file.append(this.bytes.subarray(0, this.used - this.flushed), this.flushed);
    } catch (error) {
      this.backToMemory(error);
      return false;
    }
    this.flushed = this.used;
    const chunk = Math.max(16, Math.min(CHUNK, this.spillAt));
    if (this.bytes.length > chunk) this.bytes = new Uint8Array(chunk);
    return true;
  }

  private backToMemory(error: unknown): void {
    const all = new Uint8Array(Math.ceil(this.used * 1.25) + 16);
    if (this.file) this.file.read(all, this.flushed, 0);
    all.set(this.bytes.subarray(0, this.used - this.flushed), this.flushed);
    this.close();
    this.bytes = all;
    this.flushed = 0;
    this.windowEnd = 0;
    this.noFile = true;
    warnOnce(`search index: cannot use a temporary file in ${SpillFile.dir()} (${(error as Error).message}); keeping its terms in memory`);
  }

  // Where read() reads: offset `at` is view[at - base].
  private view: Uint8Array = new Uint8Array(0);
  private base = 0;

  /** Points the view at the symbols start … end: memory, or a window read from the file. */
  private load(start: number, end: number): void {
    if (start >= this.flushed) { this.view = this.bytes; this.base = this.flushed; return; }
    if (start < this.windowStart || end > this.windowEnd) {
      if (!this.file) throw new Error("forward terms: read after close");
      const stop = Math.min(this.used, Math.max(end, start + WINDOW));
      if (this.window.length < stop - start) this.window = new Uint8Array(Math.max(WINDOW, stop - start));
      const fromFile = Math.min(stop, this.flushed) - start;
      this.file.read(this.window, fromFile, start);
      if (stop > this.flushed) this.window.set(this.bytes.subarray(0, stop - this.flushed), fromFile);
      this.windowStart = start;
      this.windowEnd = stop;
    }
    this.view = this.window;
    this.base = this.windowStart;
  }

  // The last read's symbol and the offset after it (fields, not a returned object: no allocation per symbol).
  private symbol = 0;
  private next = 0;

  private read(at: number): void {
    const b = this.view, i = at - this.base;
    const first = b[i]!;
    if (first < 0xc0) { this.symbol = first; this.next = at + 1; }
    else if (first < 0xe0) { this.symbol = ONE + ((first - 0xc0) << 8) + b[i + 1]!; this.next = at + 2; }
    else if (first < 0xff) { this.symbol = TWO + (first - 0xe0) * 65536 + (b[i + 1]! << 8) + b[i + 2]!; this.next = at + 3; }
    else { this.symbol = THREE + b[i + 1]! * 16777216 + (b[i + 2]! << 16) + (b[i + 3]! << 8) + b[i + 4]!; this.next = at + 5; }
  }
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) process.emitWarning(message);
  warned = true;
}
