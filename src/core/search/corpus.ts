// The inverted index. Documents get dense numbers (docNo); a replaced or removed paper leaves a
// tombstone in the postings until enough have piled up to rebuild, which keeps live refresh O(paper).
// Per posting we keep one doc number and one 16-bit word of per-field term frequencies — about six bytes
// — instead of positions; phrase and proximity checks re-read the few top candidates' text instead.
import type { Paper } from "../paper.ts";
import { foldLatex } from "../latex.ts";
import { scanWords, tokenize } from "./tokenize.ts";
import { Vocabulary } from "./vocabulary.ts";

export const enum Field { Title = 0, Body = 1, Keywords = 2, Authors = 3 }
const SHIFT = [0, 4, 12, 14] as const;
const MAX_TF = [15, 255, 3, 3] as const;

export function fieldTf(packed: number, field: Field): number {
  return (packed >>> SHIFT[field]) & MAX_TF[field];
}

export class Postings {
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
  trim(): void {
    this.docs = this.docs.slice(0, this.length);
    this.tfs = this.tfs.slice(0, this.length);
  }
}

/** The text of a paper as one token stream per field, in the order fields are numbered. */
export function paperFields(paper: Paper): string[] {
  return [foldLatex(paper.title), foldLatex(paper.summary), paper.keywords.join(" ; "), paper.authors.join(" ; ")];
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

export class Corpus {
  readonly vocab = new Vocabulary();
  postings: Postings[] = [];
  df = new Uint32Array(1024);
  ids: string[] = [];
  papers: (Paper | undefined)[] = [];
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

  get docCount(): number { return this.ids.length; }

  add(paper: Paper): number {
    const doc = this.ids.length;
    this.ensureDocCapacity(doc + 1);
    this.ids.push(paper.id);
    this.papers.push(paper);
    this.docNo.set(paper.id, doc);
    this.alive[doc] = 1;
    this.liveCount++;
    this.titleStart[doc] = this.titleUsed;

    const touched = this.touched;
    touched.length = 0;
    const fields = paperFields(paper);
    for (let field = 0; field < fields.length; field++) {
      this.field = field; this.shift = SHIFT[field as Field]; this.cap = MAX_TF[field as Field]; this.count = 0;
      scanWords(fields[field]!, this);
      const length = Math.min(this.count, 65535);
      this.lengths[field]![doc] = length;
      this.totalLength[field]! += length;
      if (field === 0) this.titleCount[doc] = length;
    }
    if (this.vocab.size > this.df.length) this.df = grow(this.df, this.vocab.size);
    for (const term of touched) {
      (this.postings[term] ??= new Postings()).push(doc, this.scratchTf[term]!);
      this.df[term]!++;
      this.scratchTf[term] = 0;
    }
    return doc;
  }

  // The corpus is its own token sink while adding a doc: one monomorphic call per token, no closures.
  private touched: number[] = [];
  private field = 0;
  private shift = 0;
  private cap = 0;
  private count = 0;

  word(s: string, start: number, end: number, upper: boolean, position: number, h1: number, h2: number): void {
    this.countTerm(this.vocab.internRange(s, start, end, upper, h1, h2), position);
  }

  compound(surface: string, position: number): void {
    this.countTerm(this.vocab.intern(surface), position);
  }

  private countTerm(term: number, position: number): void {
    if (term >= this.scratchTf.length) this.scratchTf = grow(this.scratchTf, term + 1);
    const packed = this.scratchTf[term]!;
    if (packed === 0) this.touched.push(term);
    if (((packed >>> this.shift) & this.cap) < this.cap) this.scratchTf[term] = packed + (1 << this.shift);
    if (this.field === 0) this.pushTitleTerm(term, position);
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
    this.papers[doc] = undefined;
  }

  /** Each term of a live doc with its packed field frequencies, read again from the paper's text. */
  forEachTerm(doc: number, visit: (term: number, packed: number) => void): void {
    const paper = this.papers[doc];
    if (!paper) return;
    const packed = new Map<number, number>();
    paperFields(paper).forEach((text, field) => {
      const shift = SHIFT[field as Field], cap = MAX_TF[field as Field];
      tokenize(text, (surface) => {
        const term = this.vocab.lookup(surface);
        if (term < 0) return;
        const p = packed.get(term) ?? 0;
        if (((p >>> shift) & cap) < cap) packed.set(term, p + (1 << shift));
      });
    });
    packed.forEach((p, term) => visit(term, p));
  }

  get deadCount(): number { return this.ids.length - this.liveCount; }

  trim(): void {
    for (const p of this.postings) p?.trim();
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
