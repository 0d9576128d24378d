// Text → term ids, with the analysis of each distinct raw token (case, compound splitting, stemming,
// interning) done once and kept in the vocabulary. 100k abstracts hold ~20M tokens but far fewer distinct
// ones, so indexing costs a character scan and an exact table lookup per token.
import { foldLatex } from "../latex.ts";
import { foldAccents, scanRaw, type RawSink } from "./tokenize.ts";
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

// A direct-mapped cache of recent tokens in front of the vocabulary's exact table: Zipf's law makes a few
// thousand tokens most of any text (the top 8k are ~90% of the realistic bench corpus's), and their lines
// stay in the processor's cache, while a lookup in the ~650k-token table of 100k real abstracts reads a
// slot and a record from memory (~150-300 ns a miss on this class of VM, ~20M lookups a build). A line
// holds a token of up to 12 one-byte characters in full, so a hit is as exact as the table:
// [hash, code, length, characters 0-3, 4-7, 8-11]. Measured: ~20% less analysis time than the table alone.
const LINES = 1 << 13;
const LINE = 6;
const MAX_CACHED = 12;

export class Analyzer implements RawSink {
  private readonly lines = new Int32Array(LINES * LINE);
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

  raw(s: string, start: number, end: number, hash: number): void {
    const length = end - start, lines = this.lines, vocab = this.vocab;
    const at = (Math.imul(hash, 0x9e3779b1) >>> (32 - 13)) * LINE;
    let code: number;
    if (lines[at] === hash && lines[at + 2] === length && length <= MAX_CACHED && sameChars(lines, at + 3, s, start, end)) {
      code = lines[at + 1]!;
    } else {
      const entry = vocab.findToken(s, start, end, hash);
      code = entry >= 0 ? vocab.codeOf(entry) : vocab.learn(s.slice(start, end), hash);
      if (length <= MAX_CACHED) cache(lines, at, s, start, end, hash, code);
    }
    const sink = this.sink!;
    if (code >= 0) { sink.term(code, this.position++); return; }
    const k = ~code, from = vocab.compoundStart[k]!, to = vocab.compoundStart[k + 1]!, terms = vocab.compoundTerms;
    sink.term(terms[from]!, this.position);
    for (let i = from + 1; i < to; i++) sink.term(terms[i]!, this.position++);
  }
}

/** Whether s[start, end) is the token packed four characters to an int at lines[from…]. */
function sameChars(lines: Int32Array, from: number, s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 4, from++) {
    let word = s.charCodeAt(i);
    if (i + 1 < end) word |= s.charCodeAt(i + 1) << 8;
    if (i + 2 < end) word |= s.charCodeAt(i + 2) << 16;
    if (i + 3 < end) word |= s.charCodeAt(i + 3) << 24;
    if (word !== lines[from]) return false;
  }
  return true;
}

/** Puts a token into its line, unless a character does not fit in a byte. */
function cache(lines: Int32Array, at: number, s: string, start: number, end: number, hash: number, code: number): void {
  let w0 = 0, w1 = 0, w2 = 0;
  for (let i = start, k = 0; i < end; i++, k++) {
    const c = s.charCodeAt(i);
    if (c > 255) return;
    const shifted = c << ((k & 3) << 3);
    if (k < 4) w0 |= shifted; else if (k < 8) w1 |= shifted; else w2 |= shifted;
  }
  lines[at] = hash; lines[at + 1] = code; lines[at + 2] = end - start;
  lines[at + 3] = w0; lines[at + 4] = w1; lines[at + 5] = w2;
}
