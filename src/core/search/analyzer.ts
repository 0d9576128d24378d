// Text → term ids, with the analysis of each distinct raw token (case, compound splitting, stemming,
// interning) done once and cached. 100k abstracts hold ~20M tokens but only a few thousand distinct raw
// tokens, so indexing costs a character scan and a hash-table probe per token.
import { foldLatex } from "../latex.ts";
import { analyzeRaw, foldAccents, scanRaw, type RawSink } from "./tokenize.ts";
import type { Vocabulary } from "./vocabulary.ts";

/** Receives each term of a text with its position, as tokenize() would emit it. */
export interface TermSink {
  term(id: number, position: number): void;
}

/** The text of a paper field (0 title, 1 abstract, 2 keywords, 3 authors) as it is indexed. */
export function fieldText(field: number, paper: { title: string; summary: string; keywords: string[]; authors: string[] }): string {
  const text = field === 0 ? foldLatex(paper.title) : field === 1 ? foldLatex(paper.summary)
    : field === 2 ? paper.keywords.join(" ; ") : paper.authors.join(" ; ");
  return foldAccents(text);
}

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const next = new Int32Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

export class Analyzer implements RawSink {
  // Open addressing on (h1, h2, length) from scanRaw. An entry's code is its term id when the raw token
  // is one term, or ~k for compound k, whose term ids (joined form first) sit in compoundTerms.
  private slots = new Int32Array(1 << 12).fill(-1);
  private h1s = new Int32Array(1024);
  private h2s = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private codes = new Int32Array(1024);
  private entries = 0;
  private compoundStart = new Int32Array(256);
  private compoundTerms = new Int32Array(1024);
  private compounds = 0;
  private compoundUsed = 0;

  private sink: TermSink | null = null;
  private position = 0;

  constructor(private readonly vocab: Vocabulary) {}

  /** Emits the terms of one field's text (see fieldText) to `sink`; returns the number of positions used. */
  run(text: string, sink: TermSink): number {
    this.sink = sink;
    this.position = 0;
    scanRaw(text, this);
    this.sink = null;
    return this.position;
  }

  raw(s: string, start: number, end: number, h1: number, h2: number): void {
    const length = end - start;
    const mask = this.slots.length - 1;
    let code = 0, found = false;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry < 0) break;
      if (this.h1s[entry] === h1 && this.h2s[entry] === h2 && this.lengths[entry] === length) {
        code = this.codes[entry]!; found = true; break;
      }
    }
    if (!found) code = this.learn(s.slice(start, end), h1, h2);
    const sink = this.sink!;
    if (code >= 0) { sink.term(code, this.position++); return; }
    const k = ~code, from = this.compoundStart[k]!, to = this.compoundStart[k + 1]!;
    sink.term(this.compoundTerms[from]!, this.position);
    for (let i = from + 1; i < to; i++) sink.term(this.compoundTerms[i]!, this.position++);
  }

  private learn(word: string, h1: number, h2: number): number {
    const { terms, joined } = analyzeRaw(word);
    const ids = terms.map((t) => this.vocab.intern(t));
    let code: number;
    if (!joined) code = ids[0]!;
    else {
      const k = this.compounds++;
      this.compoundStart = grow(this.compoundStart, k + 2);
      this.compoundTerms = grow(this.compoundTerms, this.compoundUsed + ids.length);
      this.compoundTerms.set(ids, this.compoundUsed);
      this.compoundUsed += ids.length;
      this.compoundStart[k + 1] = this.compoundUsed;
      code = ~k;
    }
    const entry = this.entries++;
    this.h1s = grow(this.h1s, entry + 1); this.h2s = grow(this.h2s, entry + 1);
    this.lengths = grow(this.lengths, entry + 1); this.codes = grow(this.codes, entry + 1);
    this.h1s[entry] = h1; this.h2s[entry] = h2; this.lengths[entry] = word.length; this.codes[entry] = code;
    if (this.entries * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let e = 0; e < this.entries; e++) this.place(e);
    } else this.place(entry);
    return code;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.h1s[entry]! & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }
}
