// Postings: per term, the docs containing it (ascending) and one 16-bit word of per-field term
// frequencies each — six bytes a posting, no positions.
//
// A bulk build does not grow 3,000 lists a posting at a time (measured as a third of indexing: a
// scattered, bounds-checked write into a different list for every posting, plus the copies of doubling
// and trimming). It notes each doc's (term, frequencies) pairs in order, then lays every term's postings
// out once, exactly sized, as views of two shared arrays. A list only gets its own array when a later
// upsert appends to it.
import { Prefaulter, type Prefaulted } from "./prefault.ts";

export class Postings {
  constructor(public docs: Uint32Array = new Uint32Array(4), public tfs: Uint16Array = new Uint16Array(4), public length = 0) {}

  push(doc: number, packed: number): void {
    if (this.length === this.docs.length) {
      const docs = new Uint32Array(Math.max(4, this.length * 2)); docs.set(this.docs); this.docs = docs;
      const tfs = new Uint16Array(Math.max(4, this.length * 2)); tfs.set(this.tfs); this.tfs = tfs;
    }
    this.docs[this.length] = doc;
    this.tfs[this.length++] = packed;
  }
}

// Pending pairs live in fixed-size chunks, so noting them never copies and wastes at most one chunk.
const CHUNK = 1 << 20;
// Below this many docs the memory is small and the prefault helper's start-up is not worth it.
const PREFAULT_MIN_DOCS = 20_000;
// Chunks requested ahead: enough to cover the helper's time on the final layout's ~100 MB (~0.3 s).
const CHUNKS_AHEAD = 3;

export class PostingsBuilder {
  private terms: Uint32Array[] = [];
  private tfs: Uint16Array[] = [];
  private used = CHUNK;
  private total = 0;
  /** How many pairs each doc has, in doc order. */
  private perDoc = new Uint32Array(1024);
  private docs = 0;
  private counts = new Uint32Array(1024);
  // Buffers whose pages a helper thread maps ahead of need (prefault.ts): the next chunk, the layout.
  // Only for builds large enough to pay for starting the helper.
  private readonly prefaulter: Prefaulter | null;
  private readonly nextChunks: { terms: Prefaulted; tfs: Prefaulted }[] = [];
  private layout: { docs: Prefaulted; tfs: Prefaulted; pairs: number } | null = null;

  constructor(expectedDocs = 0) {
    this.prefaulter = expectedDocs >= PREFAULT_MIN_DOCS ? new Prefaulter() : null;
    for (let i = 0; i < CHUNKS_AHEAD; i++) this.requestChunk();
  }

  private requestChunk(): void {
    const terms = this.prefaulter?.request(CHUNK * 4), tfs = terms && this.prefaulter!.request(CHUNK * 2);
    if (terms && tfs) this.nextChunks.push({ terms, tfs });
  }

  private newChunk(): void {
    const next = this.nextChunks.shift();
    if (next && next.terms.ready() && next.tfs.ready()) {
      this.terms.push(new Uint32Array(next.terms.buffer)); this.tfs.push(new Uint16Array(next.tfs.buffer));
    } else { this.terms.push(new Uint32Array(CHUNK)); this.tfs.push(new Uint16Array(CHUNK)); }
    this.requestChunk();
    this.used = 0;
  }

  /** Says how many pairs the build will likely note in all, so the final layout's memory is mapped early. */
  expect(pairs: number): void {
    if (!this.prefaulter) return;
    const docs = this.prefaulter.request(pairs * 4), tfs = docs && this.prefaulter.request(pairs * 2);
    this.layout = docs && tfs ? { docs, tfs, pairs } : null;
  }

  get pairs(): number { return this.total; }

  /** Notes the pairs of the next doc (docs must come in order 0, 1, 2, …); every term < packedOf.length. */
  addDoc(terms: readonly number[], packedOf: Uint16Array): void {
    if (this.docs === this.perDoc.length) this.perDoc = grown(this.perDoc, this.docs + 1);
    this.perDoc[this.docs++] = terms.length;
    // Checks once per doc rather than per posting: these loops run ~16M times in a 100k-paper build.
    if (packedOf.length > this.counts.length) this.counts = grown(this.counts, packedOf.length);
    const counts = this.counts;
    for (let i = 0; i < terms.length;) {
      if (this.used === CHUNK) this.newChunk();
      const chunkTerms = this.terms[this.terms.length - 1]!, chunkTfs = this.tfs[this.tfs.length - 1]!;
      const end = Math.min(terms.length, i + CHUNK - this.used);
      let used = this.used;
      for (; i < end; i++) {
        const term = terms[i]!;
        counts[term]!++;
        chunkTerms[used] = term;
        chunkTfs[used++] = packedOf[term]!;
      }
      this.used = used;
    }
    this.total += terms.length;
  }

  /** Every term's postings, for docs numbered from `firstDoc`; `vocabSize` lists are returned. */
  layOut(firstDoc: number, vocabSize: number): Postings[] {
    const l = this.layout;
    const mapped = l !== null && l.pairs >= this.total && l.docs.ready() && l.tfs.ready();
    const allDocs = mapped ? new Uint32Array(l.docs.buffer, 0, this.total) : new Uint32Array(this.total);
    const allTfs = mapped ? new Uint16Array(l.tfs.buffer, 0, this.total) : new Uint16Array(this.total);
    this.prefaulter?.close();
    const start = new Uint32Array(vocabSize + 1);
    for (let t = 0; t < vocabSize; t++) start[t + 1] = start[t]! + (this.counts[t] ?? 0);
    const cursor = start.slice(0, vocabSize);
    // Walk the pending pairs chunk by chunk; `left` is how many pairs of doc `d` are still to place.
    let d = 0, left = this.docs > 0 ? this.perDoc[0]! : 0;
    for (let c = 0; c < this.terms.length; c++) {
      const chunkTerms = this.terms[c]!, chunkTfs = this.tfs[c]!;
      const used = c === this.terms.length - 1 ? this.used : CHUNK;
      for (let at = 0; at < used; at++) {
        while (left === 0) left = this.perDoc[++d]!;
        const slot = cursor[chunkTerms[at]!]!++;
        allDocs[slot] = firstDoc + d;
        allTfs[slot] = chunkTfs[at]!;
        left--;
      }
    }
    const postings: Postings[] = [];
    for (let t = 0; t < vocabSize; t++) {
      const from = start[t]!, to = start[t + 1]!;
      postings.push(new Postings(allDocs.subarray(from, to), allTfs.subarray(from, to), to - from));
    }
    return postings;
  }
}

function grown(a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
