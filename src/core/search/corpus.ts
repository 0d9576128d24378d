// The inverted index. Documents get dense numbers (docNo); a replaced or removed paper leaves a
// tombstone in the postings until enough have piled up to rebuild, which keeps live refresh O(paper).
// Per posting we keep one doc number and one 16-bit word of per-field term frequencies, compressed to
// under two bytes (postings.ts), instead of positions; phrase and proximity checks use the titles' stored
// terms and re-read the few top candidates' abstracts from their stored term ids (forward.ts) instead.
// No paper text is kept: after the build, the index needs none.
import type { Paper } from "../paper.ts";
import { Analyzer, fieldText, type TermSink } from "./analyzer.ts";
import { ForwardTerms, SPILL_AT } from "./forward.ts";
import { PostingLists, PostingsBuilder } from "./postings.ts";
import { Vocabulary } from "./vocabulary.ts";

export const enum Field { Title = 0, Body = 1, Keywords = 2, Authors = 3 }
const SHIFT = [0, 4, 12, 14] as const;
const MAX_TF = [15, 255, 3, 3] as const;
// The bits of every field but the authors in a packed posting.
const AUTHORS_ONLY_MASK = (1 << SHIFT[Field.Authors]) - 1;
// Past this many papers a word is not one person's name (or it is a common one, which does fine as is).
const MAX_NAME_POSTINGS = 64;

export function fieldTf(packed: number, field: Field): number {
  return (packed >>> SHIFT[field]) & MAX_TF[field];
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

export class Corpus implements TermSink {
  postings = PostingLists.empty();
  df = new Uint32Array(1024);
  ids: string[] = [];
  /** Abstract, keywords and authors of every doc as term ids, for reading a doc again without its text. */
  forward: ForwardTerms;
  docNo = new Map<string, number>();
  alive = new Uint8Array(1024);
  /** Token counts per field, for BM25 length normalisation. */
  lengths = [new Uint16Array(1024), new Uint16Array(1024), new Uint16Array(1024), new Uint16Array(1024)];
  totalLength = [0, 0, 0, 0];
  liveCount = 0;
  // Title term ids and positions of every doc, for phrase and prefix checks on titles.
  titleTerms = new Uint32Array(1 << 16);
  titlePositions = new Uint16Array(1 << 16);
  titleStart = new Uint32Array(1024);
  titleCount = new Uint16Array(1024);
  private titleUsed = 0;
  private scratchTf = new Uint16Array(1024);
  private bulk: PostingsBuilder | null = null;

  /** A compacted corpus keeps its predecessor's vocabulary, so term ids (and the analysis cache) carry over.
   * `spillAt`: forward terms past this many bytes go to a temporary file (forward.ts). */
  constructor(readonly vocab = new Vocabulary(), readonly analyzer = new Analyzer(vocab), readonly spillAt = SPILL_AT) {
    this.forward = new ForwardTerms(undefined, spillAt);
  }

  /** Closes the forward terms' file: call when the corpus is replaced (a compaction, a reload). */
  close(): void {
    this.forward.close();
  }

  get docCount(): number { return this.ids.length; }

  add(paper: Paper): number {
    return this.addDoc(paper.id, (field) => { this.analyzer.run(fieldText(field, paper), this); });
  }

  /** Adds a doc whose fields' terms `emit(field)` sends to this corpus (term()), fields 0 to 3 in turn. */
  private addDoc(id: string, emit: (field: number) => void): number {
    const doc = this.ids.length;
    this.ensureDocCapacity(doc + 1);
    this.ids.push(id);
    this.docNo.set(id, doc);
    this.alive[doc] = 1;
    this.liveCount++;
    this.titleStart[doc] = this.titleUsed;

    const touched = this.touched;
    touched.length = 0;
    for (let field = 0; field < 4; field++) {
      this.field = field; this.shift = SHIFT[field as Field]; this.cap = MAX_TF[field as Field]; this.count = 0;
      emit(field);
      if (field > 0) this.forward.endField();
      const length = Math.min(this.count, 65535);
      this.lengths[field]![doc] = length;
      this.totalLength[field]! += length;
      if (field === 0) this.titleCount[doc] = length;
    }
    // A bulk build's document frequencies are its postings counts, taken at the end (endBulk), and
    // addDoc clears the scratch frequencies as it reads them: one pass over the doc's terms, not two.
    this.forward.endDoc(doc);
    if (this.bulk) {
      this.bulk.addDoc(touched, this.scratchTf);
      return doc;
    }
    if (this.vocab.size > this.df.length) this.df = grow(this.df, this.vocab.size);
    for (const term of touched) {
      this.postings.add(term, doc, this.scratchTf[term]!);
      this.df[term]!++;
      this.scratchTf[term] = 0;
    }
    return doc;
  }

  /** Adds many papers to an empty corpus, laying the postings out once at the end (postings.ts). */
  addAll(papers: Iterable<Paper>, count = 0): void {
    this.beginBulk(count);
    for (const paper of papers) this.add(paper);
    this.endBulk();
  }

  /** A new corpus of `old`'s live docs, read from its stored terms (no text needed), sharing its vocabulary. */
  static compacted(old: Corpus): Corpus {
    const next = new Corpus(old.vocab, old.analyzer, old.spillAt);
    const live: number[] = [];
    for (let doc = 0; doc < old.docCount; doc++) if (old.alive[doc]) live.push(doc);
    next.beginBulk(live.length);
    for (const doc of live) next.addDoc(old.ids[doc]!, (field) => { old.replay(doc, field, next); });
    next.endBulk();
    return next;
  }

  /**
   * Starts a bulk build of about `count` docs into an empty corpus: add() them (as they arrive, a page of
   * papers at a time, so no more than a page of text need be held), then endBulk().
   */
  beginBulk(count: number): void {
    if (this.docCount > 0) throw new Error("a bulk build needs an empty corpus");
    this.bulk = new PostingsBuilder(count);
    // Forward terms: ~470 bytes a paper on the realistic corpus (~250 tokens), with a little margin.
    this.forward.close();
    this.forward = new ForwardTerms(count * 500, this.spillAt);
  }

  endBulk(): void {
    for (const step of this.endSteps()) step();
  }

  /**
   * endBulk with the process's collector run between its steps (loadPages). Each step lets go of arrays or
   * makes new, smaller copies of them, and the old ones stay resident until a collection finds them dead:
   * without one between, the build's buffers, the vocabulary before and after compaction and the postings'
   * final layout are all resident at once, the start-up's peak (measured at 100k papers: 456 MB; 365 with).
   */
  async endBulkCollecting(collect: () => Promise<void>): Promise<void> {
    for (const [i, step] of this.endSteps().entries()) {
      if (i > 0) await collect();
      step();
    }
  }

  private endSteps(): (() => void)[] {
    const bulk = this.bulk!;
    return [
      () => bulk.seal(), // the pairs still pending written out, the write buffers let go
      () => { this.vocab.prepare(); this.trim(); this.forward.trim(); },
      () => {
        this.postings = bulk.layOut(this.vocab.size);
        this.bulk = null;
        this.df = new Uint32Array(this.vocab.size);
        for (let term = 0; term < this.df.length; term++) this.df[term] = this.postings.length(term);
      },
    ];
  }

  // The corpus is its own token sink while adding a doc: one monomorphic call per token, no closures.
  private touched: number[] = [];
  private field = 0;
  private shift = 0;
  private cap = 0;
  private count = 0;

  term(term: number, position: number): void {
    if (term >= this.scratchTf.length) this.scratchTf = grow(this.scratchTf, term + 1);
    const packed = this.scratchTf[term]!;
    if (packed === 0) this.touched.push(term);
    if (((packed >>> this.shift) & this.cap) < this.cap) this.scratchTf[term] = packed + (1 << this.shift);
    if (this.field === 0) this.pushTitleTerm(term, position);
    else this.forward.push(term, position);
    this.count++;
  }

  private pushTitleTerm(term: number, position: number): void {
    if (this.titleUsed === this.titleTerms.length) {
      this.titleTerms = grow(this.titleTerms, this.titleUsed + 1);
      this.titlePositions = grow(this.titlePositions, this.titleUsed + 1);
    }
    this.titleTerms[this.titleUsed] = term;
    this.titlePositions[this.titleUsed++] = Math.min(position, 65535);
  }

  /** Gives back what doubling left unused after a bulk build (up to half of each per-doc array). */
  private trim(): void {
    const n = this.ids.length;
    this.alive = this.alive.slice(0, n);
    this.lengths = this.lengths.map((a) => a.slice(0, n));
    this.titleStart = this.titleStart.slice(0, n);
    this.titleCount = this.titleCount.slice(0, n);
    this.titleTerms = this.titleTerms.slice(0, this.titleUsed);
    this.titlePositions = this.titlePositions.slice(0, this.titleUsed);
    this.df = this.df.slice(0, this.vocab.size);
  }

  private ensureDocCapacity(n: number): void {
    if (n <= this.alive.length) return;
    this.alive = grow(this.alive, n);
    this.lengths = this.lengths.map((a) => grow(a, n));
    this.titleStart = grow(this.titleStart, n);
    this.titleCount = grow(this.titleCount, n);
  }

  /** Tombstones a doc; its postings stay until the next rebuild, but statistics forget it now. */
  kill(doc: number): void {
    if (!this.alive[doc]) return;
    this.alive[doc] = 0;
    this.liveCount--;
    for (let f = 0; f < 4; f++) this.totalLength[f]! -= this.lengths[f]![doc]!;
    this.forEachTerm(doc, (term) => { this.df[term]!--; });
    this.docNo.delete(this.ids[doc]!);
  }

  /** Emits field `field` of `doc` to `sink` as the analyzer did when the doc was added: titles from the
   * stored title terms, the other fields from the forward terms. */
  replay(doc: number, field: number, sink: TermSink): void {
    if (field > 0) { this.forward.replay(doc, field, sink); return; }
    const start = this.titleStart[doc]!, count = this.titleCount[doc]!;
    for (let i = start; i < start + count; i++) sink.term(this.titleTerms[i]!, this.titlePositions[i]!);
  }

  /** Each term of a doc with its packed field frequencies, read again from its stored terms. */
  forEachTerm(doc: number, visit: (term: number, packed: number) => void): void {
    const counter = new TermCounter();
    for (let field = 0; field < 4; field++) {
      counter.shift = SHIFT[field as Field]; counter.cap = MAX_TF[field as Field];
      this.replay(doc, field, counter);
    }
    counter.packed.forEach((p, term) => visit(term, p));
  }

  get deadCount(): number { return this.ids.length - this.liveCount; }

  /** Bytes on disk by part (the forward terms' temporary file), for memory reports: not heap, not RSS. */
  disk(): { forward: number } {
    return { forward: this.forward.bytesOnDisk };
  }

  /** Bytes of typed arrays in memory by part, for memory reports (ids, the id map and paper references come on top). */
  memory(): { vocabulary: number; postings: number; perDoc: number; forward: number } {
    const perDoc = this.alive.byteLength + this.lengths.reduce((n, a) => n + a.byteLength, 0) + this.titleTerms.byteLength +
      this.titlePositions.byteLength + this.titleStart.byteLength + this.titleCount.byteLength + this.df.byteLength;
    return { vocabulary: this.vocab.bytes, postings: this.postings.byteSize, perDoc, forward: this.forward.byteSize };
  }

  /** Whether every paper with `term` has it in its authors alone (a name); read from the postings when they
   * are few (names are rare), else false. Uses the postings' read buffer, so not while scoring. */
  onlyAsAuthor(term: number): boolean {
    const n = this.postings.length(term);
    if (n === 0 || n > MAX_NAME_POSTINGS) return false;
    this.postings.read(term);
    const tfs = this.postings.tfs;
    for (let i = 0; i < n; i++) if ((tfs[i]! & AUTHORS_ONLY_MASK) !== 0) return false;
    return true;
  }

  averageLength(field: Field): number {
    return this.liveCount ? Math.max(1, this.totalLength[field]! / this.liveCount) : 1;
  }

  /** BM25 idf, never negative, so a word in every paper still counts a little. */
  idf(term: number): number {
    const df = this.df[term] ?? 0;
    return Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
  }
}

/** Packed field frequencies of one doc, as add() counts them. */
class TermCounter implements TermSink {
  readonly packed = new Map<number, number>();
  shift = 0;
  cap = 0;
  term(term: number): void {
    const p = this.packed.get(term) ?? 0;
    if (((p >>> this.shift) & this.cap) < this.cap) this.packed.set(term, p + (1 << this.shift));
  }
}
