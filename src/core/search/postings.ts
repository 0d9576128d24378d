// Postings: per term, the docs containing it (ascending) and one 16-bit word of per-field term
// frequencies each (corpus.ts), compressed. Each posting is a variable-length integer of
// (gap to the previous doc) · 2 + 1 when the frequencies are the commonest word (the term once in the
// abstract and nowhere else, ~70% of postings), or · 2 followed by the word itself: ~1.7 bytes a posting
// on real text instead of 6 (100k papers: ~34 MB instead of ~120 MB).
//
// A bulk build notes each doc's (term, frequencies) pairs in order, counting each term's compressed size
// as it goes, then lays every term's postings out once, exactly sized, in one byte array (one pass). Papers added later go to a small
// uncompressed tail per term, folded into the bytes when it grows. Readers decode a term into a scratch
// buffer (read()), which the hot loops then scan like plain arrays.
import { Prefaulter, type Prefaulted } from "./prefault.ts";

/** Packed frequencies of a term found once, in the abstract only. */
const COMMON = 1 << 4;

/** A growing, uncompressed list: the tail of a term for papers added after the bulk build. */
class Tail {
  docs = new Uint32Array(4);
  tfs = new Uint16Array(4);
  length = 0;
  push(doc: number, packed: number): void {
    if (this.length === this.docs.length) {
      const docs = new Uint32Array(this.length * 2); docs.set(this.docs); this.docs = docs;
      const tfs = new Uint16Array(this.length * 2); tfs.set(this.tfs); this.tfs = tfs;
    }
    this.docs[this.length] = doc;
    this.tfs[this.length++] = packed;
  }
}

// Past this many tail postings (and a tenth of the bytes), fold the tail into the compressed bytes.
const MIN_TAIL_TO_FOLD = 65_536;

// Decoded postings of common terms are kept, the least recently read dropped first past CACHE_BYTES: a
// query's time goes mostly to its common words ("language", "models", what "llm" expands to), and the
// same few recur from query to query, each tens of thousands of postings to decode again.
const CACHE_MIN_POSTINGS = 4096;
const CACHE_BYTES = 16 << 20;

interface Decoded { docs: Uint32Array<ArrayBuffer>; tfs: Uint16Array<ArrayBuffer> }

export class PostingLists {
  /** read() points these at the term's postings (a scratch buffer or a kept list); valid until the next
   * read(), and not to be written to. */
  docs = new Uint32Array(1024);
  tfs = new Uint16Array(1024);
  private scratch: Decoded = { docs: this.docs, tfs: this.tfs };
  private readonly decoded = new Map<number, Decoded>();
  private decodedBytes = 0;
  private readonly readOnce = new Set<number>();
  private tails = new Map<number, Tail>();
  private tailPostings = 0;

  constructor(
    private bytes: Uint8Array,
    /** Term t's compressed postings are bytes[starts[t], starts[t + 1]). */
    private starts: Uint32Array,
    /** Postings per term, tail included. */
    private counts: Uint32Array,
    /** The last doc in each term's compressed postings, or -1: where an appended posting's gap starts. */
    private lastDocs: Int32Array,
  ) {}

  static empty(): PostingLists {
    return new PostingLists(new Uint8Array(0), new Uint32Array(1), new Uint32Array(0), new Int32Array(0));
  }

  /** How many postings term `term` has (dead docs included). */
  length(term: number): number {
    return term < this.counts.length ? this.counts[term]! : 0;
  }

  /** Points this.docs / this.tfs at term `term`'s postings; returns how many. */
  read(term: number): number {
    const n = this.length(term);
    if (n === 0) return 0;
    let into = this.decoded.get(term);
    if (into) {
      this.decoded.delete(term); // to the back of the line: recently read
      this.decoded.set(term, into);
    } else if (n >= CACHE_MIN_POSTINGS && n * 6 <= CACHE_BYTES / 4 && this.readOnce.has(term)) {
      into = this.decode(term, { docs: new Uint32Array(n), tfs: new Uint16Array(n) });
      this.keep(term, into);
    } else {
      // Kept from its second read on: a list read once is not worth the memory it would displace.
      if (n >= CACHE_MIN_POSTINGS) { if (this.readOnce.size >= 4096) this.readOnce.clear(); this.readOnce.add(term); }
      if (n > this.scratch.docs.length) {
        const size = Math.max(n, this.scratch.docs.length * 2);
        this.scratch = { docs: new Uint32Array(size), tfs: new Uint16Array(size) };
      }
      into = this.decode(term, this.scratch);
    }
    this.docs = into.docs;
    this.tfs = into.tfs;
    return n;
  }

  private keep(term: number, list: Decoded): void {
    this.decoded.set(term, list);
    this.decodedBytes += list.docs.byteLength + list.tfs.byteLength;
    for (const old of this.decoded.keys()) { // least recently read first
      if (this.decodedBytes <= CACHE_BYTES) break;
      this.forget(old);
    }
  }

  private forget(term: number): void {
    const list = this.decoded.get(term);
    if (!list) return;
    this.decoded.delete(term);
    this.decodedBytes -= list.docs.byteLength + list.tfs.byteLength;
  }

  /** Decodes term `term`'s postings, compressed and tail, into `into` (room enough for them). */
  private decode(term: number, into: Decoded): Decoded {
    const { bytes } = this, { docs, tfs } = into;
    let i = 0;
    if (term + 1 < this.starts.length) {
      let p = this.starts[term]!, doc = -1;
      const end = this.starts[term + 1]!;
      while (p < end) {
        let b = bytes[p++]!, v = b & 127;
        for (let shift = 7; b & 128; shift += 7) { b = bytes[p++]!; v |= (b & 127) << shift; }
        doc += v >>> 1;
        let packed = COMMON;
        if ((v & 1) === 0) {
          b = bytes[p++]!; packed = b & 127;
          for (let shift = 7; b & 128; shift += 7) { b = bytes[p++]!; packed |= (b & 127) << shift; }
        }
        docs[i] = doc; tfs[i++] = packed;
      }
    }
    const tail = this.tails.get(term);
    if (tail) { docs.set(tail.docs.subarray(0, tail.length), i); tfs.set(tail.tfs.subarray(0, tail.length), i); }
    return into;
  }

  /** Appends a posting; `doc` must be above every doc `term` has. */
  add(term: number, doc: number, packed: number): void {
    if (term >= this.counts.length) {
      const size = Math.max(term + 1, this.counts.length * 2);
      this.counts = grown(this.counts, size);
      const last = new Int32Array(size).fill(-1); last.set(this.lastDocs); this.lastDocs = last;
    }
    let tail = this.tails.get(term);
    if (!tail) this.tails.set(term, tail = new Tail());
    tail.push(doc, packed);
    this.counts[term]!++;
    this.forget(term);
    if (++this.tailPostings > Math.max(MIN_TAIL_TO_FOLD, this.bytes.length / 10)) this.foldTail();
  }

  /** Re-encodes every term with its tail appended, so the tail is empty again. */
  private foldTail(): void {
    const terms = this.counts.length;
    const oldStarts = this.starts, oldBytes = this.bytes;
    const extra = new Uint32Array(terms);
    for (const [term, tail] of this.tails) {
      let last = this.lastDocs[term]!;
      for (let i = 0; i < tail.length; i++) { extra[term]! += postingSize(tail.docs[i]! - last, tail.tfs[i]!); last = tail.docs[i]!; }
    }
    const starts = new Uint32Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      const own = t + 1 < oldStarts.length ? oldStarts[t + 1]! - oldStarts[t]! : 0;
      starts[t + 1] = starts[t]! + own + extra[t]!;
    }
    const bytes = new Uint8Array(starts[terms]!);
    for (let t = 0; t < terms; t++) {
      let at = starts[t]!;
      if (t + 1 < oldStarts.length) { bytes.set(oldBytes.subarray(oldStarts[t]!, oldStarts[t + 1]!), at); at += oldStarts[t + 1]! - oldStarts[t]!; }
      const tail = this.tails.get(t);
      if (!tail) continue;
      let last = this.lastDocs[t]!;
      for (let i = 0; i < tail.length; i++) { at = writePosting(bytes, at, tail.docs[i]! - last, tail.tfs[i]!); last = tail.docs[i]!; }
      this.lastDocs[t] = last;
    }
    this.bytes = bytes; this.starts = starts;
    this.tails.clear();
    this.tailPostings = 0;
  }

  /** Bytes held, for memory reports. */
  get byteSize(): number {
    let tails = 0;
    for (const tail of this.tails.values()) tails += tail.docs.byteLength + tail.tfs.byteLength;
    return this.bytes.byteLength + this.starts.byteLength + this.counts.byteLength + this.lastDocs.byteLength + tails + this.decodedBytes;
  }
}

// Docs are numbered below 2^30, so every value written fits in 31 bits and shifts are safe.
const varintSize = (v: number): number => (v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5);

function postingSize(gap: number, packed: number): number {
  return packed === COMMON ? varintSize(gap * 2 + 1) : varintSize(gap * 2) + varintSize(packed);
}

function writeVarint(bytes: Uint8Array, at: number, v: number): number {
  while (v >= 128) { bytes[at++] = (v & 127) | 128; v >>>= 7; }
  bytes[at++] = v;
  return at;
}

function writePosting(bytes: Uint8Array, at: number, gap: number, packed: number): number {
  if (packed === COMMON) return writeVarint(bytes, at, gap * 2 + 1);
  return writeVarint(bytes, writeVarint(bytes, at, gap * 2), packed);
}

// Pending pairs live in fixed-size chunks, so noting them never copies and wastes at most one chunk.
const CHUNK = 1 << 20;
// A large build's chunks are larger: each one buffer of 48 MB (terms and frequencies side by side). The C
// allocator serves allocations above 32 MB with their own mappings and unmaps them when freed, while
// smaller ones (after the first large free raises its threshold) come from its heap, which keeps them:
// ~20 chunks of 6 MB stayed in a 100k-paper bot's resident set (~140 MB) long after the build.
const LARGE_CHUNK = 1 << 23;
// Below this many docs the memory is small and the prefault helper's start-up is not worth it.
const PREFAULT_MIN_DOCS = 20_000;
// Chunks requested ahead: enough to cover the helper's time while the main thread analyses text.
const CHUNKS_AHEAD = 1;
// Distinct terms of a typical paper (title, abstract, authors): ~170 on the bundled capture; with a margin.
const PAIRS_PER_DOC = 256;

export class PostingsBuilder {
  private terms: Uint32Array<ArrayBufferLike>[] = [];
  private tfs: Uint16Array<ArrayBufferLike>[] = [];
  private readonly chunk: number;
  // The first chunk is sized to the docs announced, so a small build (the bundled 89 papers: ~15k pairs)
  // does not allocate 6 MB it never writes, which V8 counts against the heap and collects for.
  private readonly firstChunk: number;
  private used = 0;
  private capacity = 0; // of the last chunk
  private total = 0;
  /** How many pairs each doc has, in doc order. */
  private perDoc: Uint32Array = new Uint32Array(1024);
  private docs = 0;
  // Per term, side by side (one cache line for the three): postings so far, its last doc + 1 (0: none
  // yet), and its compressed size in bytes, which depends on the gap from that last doc.
  private stats: Int32Array = new Int32Array(3 * 1024);
  // Buffers whose pages a helper thread maps ahead of need (prefault.ts). Only for builds large enough
  // to pay for starting the helper.
  private readonly prefaulter: Prefaulter | null;
  private readonly nextChunks: Prefaulted[] = [];
  private layout: { bytes: Prefaulted; size: number } | null = null;

  constructor(expectedDocs = 0) {
    const large = expectedDocs >= PREFAULT_MIN_DOCS;
    this.prefaulter = large ? new Prefaulter() : null;
    this.chunk = large ? LARGE_CHUNK : CHUNK;
    this.firstChunk = expectedDocs > 0 ? Math.min(this.chunk, Math.max(4096, expectedDocs * PAIRS_PER_DOC)) : this.chunk;
    for (let i = 0; i < CHUNKS_AHEAD; i++) this.requestChunk();
  }

  private requestChunk(): void {
    const buffer = this.prefaulter?.request(this.chunk * 6);
    if (buffer) this.nextChunks.push(buffer);
  }

  private newChunk(): void {
    const next = this.nextChunks.shift();
    const size = next && next.ready() ? this.chunk : this.terms.length === 0 ? this.firstChunk : this.chunk;
    const buffer = next && next.ready() ? next.buffer : new ArrayBuffer(size * 6);
    this.terms.push(new Uint32Array(buffer, 0, size));
    this.tfs.push(new Uint16Array(buffer, size * 4, size));
    this.capacity = size;
    this.requestChunk();
    this.used = 0;
  }

  /** Says how many pairs the build will likely note in all, so the final layout's memory is mapped early. */
  expect(pairs: number): void {
    // ~1.7 bytes a posting on real text (see the top of this file); a layout that turns out larger is
    // allocated plainly instead.
    const size = Math.ceil(pairs * 2);
    const bytes = this.prefaulter?.request(size);
    this.layout = bytes ? { bytes, size } : null;
  }

  get pairs(): number { return this.total; }

  /**
   * Notes the pairs of the next doc (docs must come in order 0, 1, 2, …); every term < packedOf.length.
   * Sets each of the doc's terms' packedOf entry back to 0 once read, ready for the next doc.
   */
  addDoc(terms: readonly number[], packedOf: Uint16Array): void {
    if (this.docs === this.perDoc.length) this.perDoc = grown(this.perDoc, this.docs + 1);
    this.perDoc[this.docs++] = terms.length;
    // Checks once per doc rather than per posting: these loops run ~20M times in a 100k-paper build.
    if (packedOf.length * 3 > this.stats.length) {
      const stats = new Int32Array(Math.max(packedOf.length * 3, this.stats.length * 2)); stats.set(this.stats); this.stats = stats;
    }
    const stats = this.stats, doc = this.docs - 1;
    for (let i = 0; i < terms.length;) {
      if (this.used === this.capacity) this.newChunk();
      const chunkTerms = this.terms[this.terms.length - 1]!, chunkTfs = this.tfs[this.tfs.length - 1]!;
      const end = Math.min(terms.length, i + this.capacity - this.used);
      let used = this.used;
      for (; i < end; i++) {
        const term = terms[i]!, packed = packedOf[term]!, at = term * 3;
        packedOf[term] = 0;
        const gap = doc + 1 - stats[at + 1]!;
        stats[at]!++;
        stats[at + 1] = doc + 1;
        stats[at + 2]! += postingSize(gap, packed);
        chunkTerms[used] = term;
        chunkTfs[used++] = packed;
      }
      this.used = used;
    }
    this.total += terms.length;
  }

  /** Every term's postings, docs numbered from 0; `vocabSize` terms. One pass over the pending pairs. */
  layOut(vocabSize: number): PostingLists {
    const stats = this.stats, known = Math.min(vocabSize, stats.length / 3);
    const starts = new Uint32Array(vocabSize + 1), counts = new Uint32Array(vocabSize);
    for (let t = 0; t < known; t++) { starts[t + 1] = starts[t]! + stats[t * 3 + 2]!; counts[t] = stats[t * 3]!; }
    for (let t = known; t < vocabSize; t++) starts[t + 1] = starts[t]!;
    const size = starts[vocabSize]!;
    const l = this.layout;
    const bytes = l !== null && l.size >= size && l.bytes.ready() ? new Uint8Array(l.bytes.buffer, 0, size) : new Uint8Array(size);
    this.prefaulter?.close();
    const lastDocs = new Int32Array(vocabSize).fill(-1);
    this.write(lastDocs, starts.slice(0, vocabSize), bytes);
    return new PostingLists(bytes, starts, counts, lastDocs);
  }

  /**
   * Writes each pending pair, in doc order, as a posting at `at[term]` (advancing it), tracking each
   * term's last doc for the gaps. (One loop, no callback per pair: ~20M pairs at 100k papers.)
   */
  private write(lastDocs: Int32Array, at: Uint32Array, bytes: Uint8Array): void {
    const { perDoc, terms, tfs } = this;
    let d = 0, left = this.docs > 0 ? perDoc[0]! : 0;
    for (let c = 0; c < terms.length; c++) {
      const chunkTerms = terms[c]!, chunkTfs = tfs[c]!, used = c === terms.length - 1 ? this.used : chunkTerms.length;
      for (let i = 0; i < used; i++) {
        while (left === 0) left = perDoc[++d]!;
        left--;
        const term = chunkTerms[i]!;
        at[term] = writePosting(bytes, at[term]!, d - lastDocs[term]!, chunkTfs[i]!);
        lastDocs[term] = d;
      }
    }
  }
}

function grown(a: Uint32Array, need: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
