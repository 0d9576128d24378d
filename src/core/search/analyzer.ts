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

/** The text of a paper field (0 title, 1 abstract, 2 keywords, 3 authors) as it is indexed, before
 * accent folding, which Analyzer.run does itself only where it is needed. */
export function fieldText(field: number, paper: { title: string; summary: string; keywords: string[]; authors: string[] }): string {
  return field === 0 ? foldLatex(paper.title) : field === 1 ? foldLatex(paper.summary)
    : field === 2 ? paper.keywords.join(" ; ") : paper.authors.join(" ; ");
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
  // Each slot holds its entry inline as [h1, h2, length, code] (length 0: empty), so the ~20M lookups
  // of a 100k-paper build touch one cache line each instead of five arrays.
  private table = new Int32Array(4 << 12);
  private entries = 0;
  private compoundStart = new Int32Array(256);
  private compoundTerms = new Int32Array(1024);
  private compounds = 0;
  private compoundUsed = 0;

  private sink: TermSink | null = null;
  private position = 0;

  constructor(private readonly vocab: Vocabulary) {}

  /**
   * Emits the terms of one field's text (see fieldText; accent-folded or not) to `sink`; returns the
   * number of positions used. Folds accents only from the first non-ASCII token on (see scanRaw).
   */
  run(text: string, sink: TermSink): number {
    this.sink = sink;
    this.position = 0;
    const stop = scanRaw(text, this, true);
    if (stop >= 0) scanRaw(foldAccents(text.slice(stop)), this);
    this.sink = null;
    return this.position;
  }

  raw(s: string, start: number, end: number, h1: number, h2: number): void {
    const length = end - start;
    const table = this.table, mask = (table.length >> 2) - 1;
    let code = 0, found = false;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2, entryLength = table[at + 2]!;
      if (entryLength === 0) break;
      if (table[at] === h1 && table[at + 1] === h2 && entryLength === length) { code = table[at + 3]!; found = true; break; }
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
    if (++this.entries * 2 > this.table.length >> 2) {
      const old = this.table;
      this.table = new Int32Array(old.length * 2);
      for (let at = 0; at < old.length; at += 4) if (old[at + 2]! > 0) this.place(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
    this.place(h1, h2, word.length, code);
    return code;
  }

  private place(h1: number, h2: number, length: number, code: number): void {
    const table = this.table, mask = (table.length >> 2) - 1;
    let slot = h1 & mask;
    while (table[(slot << 2) + 2]! > 0) slot = (slot + 1) & mask;
    const at = slot << 2;
    table[at] = h1; table[at + 1] = h2; table[at + 2] = length; table[at + 3] = code;
  }
}
