// Text → term ids, with the analysis of each distinct raw token (case, compound splitting, stemming,
// interning) done once and kept in the vocabulary. 100k abstracts hold ~20M tokens but far fewer distinct
// ones, so indexing costs a character scan and an exact table lookup per token (one slot read for
// nearly all of them, strings.ts).
import { foldLatex } from "../latex.ts";
import { MISSING } from "./strings.ts";
import { afterWordApostrophe, foldAccents, RawTokens, scanRaw } from "./tokenize.ts";
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

// A small direct-mapped cache of recently seen short tokens' codes, in front of the vocabulary's table.
// Token frequencies are Zipfian (on the realistic 100k corpus the 4,096 commonest tokens are 86% of all
// tokens), and the big table's slots are scattered over tens of MB, so most lookups there miss the
// processor's caches; this one (320 KB) mostly hits. Keys are the packed characters themselves, so a
// hit is exact. Entry i: [w0, w1, w2, w3, code]; w0 = 0 marks an empty entry (a token has a first character).
const HOT_BITS = 14;

export class Analyzer {
  private position = 0;
  private readonly hot = new Int32Array(5 << HOT_BITS);
  private readonly scanned = new RawTokens();

  constructor(private readonly vocab: Vocabulary) {}

  /**
   * Emits the terms of one field's text (see fieldText; accent-folded or not) to `sink`; returns the
   * number of positions used. Folds accents only from the first non-ASCII token on (see scanRaw).
   */
  run(text: string, sink: TermSink): number {
    this.position = 0;
    const stop = scanRaw(text, this.scanned, true);
    this.emit(text, sink);
    if (stop >= 0) {
      const rest = foldAccents(text.slice(stop));
      scanRaw(rest, this.scanned, false, afterWordApostrophe(text, stop));
      this.emit(rest, sink);
    }
    return this.position;
  }

  /** Sends the terms of the tokens scanRaw found in `s` to `sink`, learning the tokens it has not seen. */
  private emit(s: string, sink: TermSink): void {
    const vocab = this.vocab, hot = this.hot, { ints, count, width } = this.scanned;
    for (let at = 0, end = count * width; at < end; at += width) {
      const hash = ints[at + 2]!, w0 = ints[at + 3]!;
      let code: number;
      if (w0 !== 0) {
        const w1 = ints[at + 4]!, w2 = ints[at + 5]!, w3 = ints[at + 6]!;
        const slot = (Math.imul(hash, 0x9e3779b1) >>> (32 - HOT_BITS)) * 5;
        if (hot[slot] === w0 && hot[slot + 1] === w1 && hot[slot + 2] === w2 && hot[slot + 3] === w3) code = hot[slot + 4]!;
        else {
          code = vocab.findPackedCode(hash, w0, w1, w2, w3);
          if (code === MISSING) code = vocab.learn(s.slice(ints[at]!, ints[at + 1]!), hash);
          hot[slot] = w0; hot[slot + 1] = w1; hot[slot + 2] = w2; hot[slot + 3] = w3; hot[slot + 4] = code;
        }
      } else {
        const start = ints[at]!, stop = ints[at + 1]!;
        code = vocab.findCode(s, start, stop, hash);
        if (code === MISSING) code = vocab.learn(s.slice(start, stop), hash);
      }
      if (code >= 0) { sink.term(code, this.position++); continue; }
      const k = ~code, from = vocab.compoundStart[k]!, to = vocab.compoundStart[k + 1]!, terms = vocab.compoundTerms;
      for (let i = from; i < to; i++) {
        const t = terms[i]!;
        sink.term(t >> 1, (t & 1) === 1 ? this.position : this.position++);
      }
    }
  }
}
