// Postings: per term, the docs containing it (ascending) and one 16-bit word of per-field term
// frequencies each — six bytes a posting, no positions.
//
// A bulk build does not grow 3,000 lists a posting at a time (measured as a third of indexing: a
// scattered, bounds-checked write into a different list for every posting, plus the copies of doubling
// and trimming). It notes each doc's (term, frequencies) pairs in order, then lays every term's postings
// out once, exactly sized, as views of two shared arrays. A list only gets its own array when a later
// upsert appends to it.

export class Postings {
  constructor(public docs = new Uint32Array(4), public tfs = new Uint16Array(4), public length = 0) {}

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

export class PostingsBuilder {
  private terms: Uint32Array[] = [];
  private tfs: Uint16Array[] = [];
  private used = CHUNK;
  private total = 0;
  /** How many pairs each doc has, in doc order. */
  private perDoc = new Uint32Array(1024);
  private docs = 0;
  private counts = new Uint32Array(1024);

  /** Notes the pairs of the next doc (docs must come in order 0, 1, 2, …); every term < packedOf.length. */
  addDoc(terms: readonly number[], packedOf: Uint16Array): void {
    if (this.docs === this.perDoc.length) this.perDoc = grown(this.perDoc, this.docs + 1);
    this.perDoc[this.docs++] = terms.length;
    // Checks once per doc rather than per posting: these loops run ~16M times in a 100k-paper build.
    if (packedOf.length > this.counts.length) this.counts = grown(this.counts, packedOf.length);
    const counts = this.counts;
    for (let i = 0; i < terms.length;) {
      if (this.used === CHUNK) { this.terms.push(new Uint32Array(CHUNK)); this.tfs.push(new Uint16Array(CHUNK)); this.used = 0; }
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
    const allDocs = new Uint32Array(this.total), allTfs = new Uint16Array(this.total);
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
