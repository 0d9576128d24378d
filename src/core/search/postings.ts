// Postings: per term, the docs containing it (ascending) and one 16-bit word of per-field term
// frequencies each (corpus.ts), compressed. Each posting is a variable-length integer of
// (gap to the previous doc) · 2 + 1 when the frequencies are the commonest word (the term once in the
// abstract and nowhere else, ~70% of postings), or · 2 followed by the word itself: ~1.7 bytes a posting
// on real text instead of 6 (100k papers: ~34 MB instead of ~120 MB).
//
// A bulk build notes each doc's (term, frequencies) pairs in order, counting each term's compressed size
// as it goes, writes them out compressed a segment of docs at a time (to a temporary file when the build is
// large: segments.ts), and at the end copies every term's pieces into one exactly sized byte array
// (PostingsBuilder). Papers added later go to a small uncompressed tail per term, folded into the bytes
// when it grows. Readers decode a term into a scratch buffer (read()), which the hot loops then scan like
// plain arrays.
import { SegmentStore } from "./segments.ts";

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

// Pending pairs wait in one buffer of up to SEGMENT_PAIRS (6 bytes a pair: term and frequencies). When it
// fills, they are written out as a segment (segments.ts): each term's postings of those docs, compressed
// exactly as in the final layout (gaps run on from the term's previous segment), and the buffer is reused.
// The final layout then copies each term's pieces together. Pending pairs of a whole 100k-paper build would
// be ~20M (~120 MB, most of the bot's start-up peak); segments hold them at ~1.7 bytes a pair instead.
const SEGMENT_PAIRS = 1 << 21;
// The pending buffer and the buffers a segment is written into are each one allocation of at least this
// much. The C allocator gives allocations above 32 MB mappings of their own, returned to the system when
// freed; smaller ones come from its heap, which keeps them: ~50 MB of segments freed after the build stayed
// in a 100k-paper bot's resident set. Pages never written are never mapped, so the unused rest costs nothing.
const OWN_MAPPING_BYTES = 33 << 20;
// Distinct terms of a typical paper (title, abstract, authors): ~170 on the bundled capture; with a margin.
const PAIRS_PER_DOC = 256;
// From this many docs on, the segments wait in a temporary file (segments.ts); below, memory is small.
const SPILL_MIN_DOCS = 20_000;
// A piece shorter than this is copied byte by byte: most are a posting or two, and set() costs more.
const SHORT_PIECE = 16;

export class PostingsBuilder {
  private pendingTerms: Uint32Array;
  private pendingTfs: Uint16Array;
  private used = 0;
  private readonly segmentPairs: number;
  /** Terms with pairs pending, in the order first seen: the first `presentCount`. A typed array kept from
   * segment to segment, not a new JS array each: one of hundreds of thousands of terms, grown push by push,
   * outlived the young generation, and the collector then spent whole old-space collections on it. */
  private present = new Uint32Array(1024);
  private presentCount = 0;
  /** How many pairs each doc has, in doc order. */
  private perDoc: Uint32Array = new Uint32Array(1024);
  private docs = 0;
  /** The first doc whose pairs are pending. */
  private firstPending = 0;
  // Per term, side by side (one cache line for the four): postings so far, its last doc + 1 (0: none yet),
  // its compressed size in bytes (which depends on the gap from that last doc), and the number of
  // segments written when its last pair was noted + 1 (what says a term is new to the pending pairs).
  private stats: Int32Array = new Int32Array(4 * 1024);
  // The segments written, and the buffers the next one is written into (reused): its bytes, and for each
  // piece (a term's postings in it), in the same order, its term and byte length.
  private segments = 0;
  private readonly written: SegmentStore;
  private segmentBytes = new Uint8Array(0);
  private pieces = new Uint32Array(0);
  /** Per term: its last doc in the segments (-1: none yet), its bytes there, and where its next posting goes. */
  private lastDocs = new Int32Array(0);
  private writtenBytes = new Int32Array(0);
  private at = new Uint32Array(0);

  /** `segmentPairs`: pairs pending before they are written as a segment; `spill`: whether segments go to a
   * temporary file (by default, for builds of SPILL_MIN_DOCS or more). Tests set both. */
  constructor(expectedDocs = 0, segmentPairs = SEGMENT_PAIRS, spill = expectedDocs >= SPILL_MIN_DOCS) {
    this.written = new SegmentStore(spill);
    this.segmentPairs = segmentPairs;
    // Sized to the docs announced, so a small build (the bundled 89 papers: ~15k pairs) does not allocate
    // megabytes it never writes; it grows up to segmentPairs.
    this.pendingTerms = new Uint32Array(0); this.pendingTfs = new Uint16Array(0);
    this.resizePending(Math.min(segmentPairs, Math.max(1024, expectedDocs * PAIRS_PER_DOC)));
  }

  /** Room for `size` pending pairs, those pending kept: terms and frequencies in one buffer, a mapping of its
   * own once full size (OWN_MAPPING_BYTES). */
  private resizePending(size: number): void {
    const buffer = new ArrayBuffer(size >= this.segmentPairs ? Math.max(size * 6, OWN_MAPPING_BYTES) : size * 6);
    const terms = new Uint32Array(buffer, 0, size); terms.set(this.pendingTerms.subarray(0, this.used)); this.pendingTerms = terms;
    const tfs = new Uint16Array(buffer, size * 4, size); tfs.set(this.pendingTfs.subarray(0, this.used)); this.pendingTfs = tfs;
  }

  /**
   * Notes the pairs of the next doc (docs must come in order 0, 1, 2, …); every term < packedOf.length.
   * Sets each of the doc's terms' packedOf entry back to 0 once read, ready for the next doc.
   */
  addDoc(terms: readonly number[], packedOf: Uint16Array): void {
    if (this.used + terms.length > this.pendingTerms.length) this.makeRoom(terms.length);
    if (this.docs === this.perDoc.length) this.perDoc = grown(this.perDoc, this.docs + 1);
    this.perDoc[this.docs++] = terms.length;
    // Checks once per doc rather than per posting: these loops run ~20M times in a 100k-paper build.
    if (packedOf.length * 4 > this.stats.length) {
      const stats = new Int32Array(Math.max(packedOf.length * 4, this.stats.length * 2)); stats.set(this.stats); this.stats = stats;
    }
    if (this.presentCount + terms.length > this.present.length) this.present = grown(this.present, this.presentCount + terms.length);
    const stats = this.stats, doc = this.docs - 1, segment = this.segments + 1, present = this.present;
    let presentCount = this.presentCount;
    const pendingTerms = this.pendingTerms, pendingTfs = this.pendingTfs;
    let used = this.used;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!, packed = packedOf[term]!, at = term * 4;
      packedOf[term] = 0;
      const gap = doc + 1 - stats[at + 1]!;
      stats[at]!++;
      stats[at + 1] = doc + 1;
      stats[at + 2]! += postingSize(gap, packed);
      if (stats[at + 3] !== segment) { stats[at + 3] = segment; present[presentCount++] = term; }
      pendingTerms[used] = term;
      pendingTfs[used++] = packed;
    }
    this.used = used;
    this.presentCount = presentCount;
  }

  /** Room for `pairs` more pending pairs: a segment written out once the buffer is full size, else a larger buffer. */
  private makeRoom(pairs: number): void {
    if (this.used > 0 && this.pendingTerms.length >= this.segmentPairs) this.writeSegment();
    const need = this.used + pairs;
    if (need <= this.pendingTerms.length) return; // else a doc of more pairs than a segment: grown for it
    this.resizePending(Math.max(need, Math.min(this.segmentPairs, this.pendingTerms.length * 2)));
  }

  /** Writes the pending pairs as a segment: each present term's postings, in doc order, one piece a term. */
  private writeSegment(): void {
    this.growPerTerm();
    const stats = this.stats, writtenBytes = this.writtenBytes, at = this.at, present = this.present;
    this.pieces = ownMapping(this.pieces, 2 * this.presentCount);
    const pieces = this.pieces;
    // A term's bytes in this segment: its compressed size now less what earlier segments hold of it.
    let end = 0, p = 0;
    for (let i = 0; i < this.presentCount; i++) {
      const term = present[i]!;
      const size = stats[term * 4 + 2]! - writtenBytes[term]!;
      writtenBytes[term] = stats[term * 4 + 2]!;
      at[term] = end;
      end += size;
      pieces[p++] = term;
      pieces[p++] = size;
    }
    this.segmentBytes = ownMapping(this.segmentBytes, end);
    this.writePending(this.segmentBytes, at);
    this.written.put({ bytes: this.segmentBytes.subarray(0, end), pieces: pieces.subarray(0, p) });
    this.segments++;
    this.presentCount = 0;
    this.used = 0;
    this.firstPending = this.docs;
  }

  private growPerTerm(): void {
    const terms = this.stats.length / 4;
    if (this.lastDocs.length >= terms) return;
    const lastDocs = new Int32Array(terms).fill(-1); lastDocs.set(this.lastDocs); this.lastDocs = lastDocs;
    const written = new Int32Array(terms); written.set(this.writtenBytes); this.writtenBytes = written;
    this.at = new Uint32Array(terms);
  }

  /**
   * Writes each pending pair, in doc order, as a posting at `at[term]` (advancing it), tracking each
   * term's last doc for the gaps. (One loop, no callback per pair: ~20M pairs at 100k papers.)
   */
  private writePending(bytes: Uint8Array, at: Uint32Array): void {
    const { perDoc, pendingTerms, pendingTfs, lastDocs } = this, used = this.used;
    let d = this.firstPending, left = d < this.docs ? perDoc[d]! : 0;
    for (let i = 0; i < used; i++) {
      while (left === 0) left = perDoc[++d]!;
      left--;
      const term = pendingTerms[i]!;
      at[term] = writePosting(bytes, at[term]!, d - lastDocs[term]!, pendingTfs[i]!);
      lastDocs[term] = d;
    }
  }

  /** Lets go of the buffers that only writing segments needs, the pending pairs' too once a large build has
   * written them out as a last segment (no more docs may be added after); layOut does it if not done yet.
   * A build that never filled a segment keeps its pairs pending, for layOut to write in place. */
  seal(): void {
    if (this.used > 0 && this.segments > 0) this.writeSegment();
    if (this.used === 0) { this.pendingTerms = new Uint32Array(0); this.pendingTfs = new Uint16Array(0); }
    this.segmentBytes = new Uint8Array(0); this.pieces = new Uint32Array(0);
  }

  /** Every term's postings, docs numbered from 0; `vocabSize` terms: the segments' pieces copied together,
   * then the pairs still pending written after them. */
  layOut(vocabSize: number): PostingLists {
    this.seal();
    const stats = this.stats, known = Math.min(vocabSize, stats.length / 4);
    const starts = new Uint32Array(vocabSize + 1), counts = new Uint32Array(vocabSize);
    for (let t = 0; t < known; t++) { starts[t + 1] = starts[t]! + stats[t * 4 + 2]!; counts[t] = stats[t * 4]!; }
    for (let t = known; t < vocabSize; t++) starts[t + 1] = starts[t]!;
    // Allocated only now, at its exact size: mapped ahead of need, it sat in the resident set through the
    // last and largest part of the build (the start-up's peak), and whatever an estimate overshot stayed.
    const bytes = new Uint8Array(starts[vocabSize]!);
    this.growPerTerm();
    const at = this.at.length >= vocabSize ? this.at : new Uint32Array(vocabSize);
    at.set(starts.subarray(0, vocabSize));
    this.written.drain(({ bytes: from, pieces }) => {
      for (let p = 0, start = 0; p < pieces.length; p += 2) {
        const term = pieces[p]!, end = start + pieces[p + 1]!;
        let to = at[term]!;
        if (end - start < SHORT_PIECE) { for (let i = start; i < end; i++) bytes[to++] = from[i]!; }
        else { bytes.set(from.subarray(start, end), to); to += end - start; }
        at[term] = to;
        start = end;
      }
    });
    this.writePending(bytes, at);
    const lastDocs = new Int32Array(vocabSize).fill(-1);
    lastDocs.set(this.lastDocs.subarray(0, Math.min(vocabSize, this.lastDocs.length)));
    return new PostingLists(bytes, starts, counts, lastDocs);
  }
}

/** `a`, or a new array (contents not kept) of at least `need` elements, in a mapping of its own (OWN_MAPPING_BYTES). */
function ownMapping<T extends Uint8Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const bytesPer = a.BYTES_PER_ELEMENT, length = Math.max(need, a.length * 2, Math.ceil(OWN_MAPPING_BYTES / bytesPer));
  return new (a.constructor as new (n: number) => T)(length);
}

function grown(a: Uint32Array, need: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
