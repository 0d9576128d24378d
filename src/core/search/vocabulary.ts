// Terms interned to small integers, so postings, accumulators and vectors are typed arrays, not Maps.
// A term is a stem; many surface spellings ("models", "modeling") map to one id, and each surface is
// stemmed once (the cache is what makes indexing 100k abstracts fast).
import { stem } from "./stem.ts";

export class Vocabulary {
  private readonly idBySurface = new Map<string, number>();
  private readonly idByStem = new Map<string, number>();
  readonly stems: string[] = [];
  private sorted: string[] | null = null;

  get size(): number { return this.stems.length; }

  // Surfaces again in an open-addressing table keyed by two 32-bit hashes of their characters, which
  // the tokenizer computes while scanning: indexing finds a word without slicing it out or comparing
  // it again. Two independent hashes make a false match about as likely as a cosmic-ray bit flip.
  private slots = new Int32Array(1 << 12).fill(-1);
  private hash1: number[] = [];
  private hash2: number[] = [];
  private slotTerms: number[] = [];

  /** The id of the word s[start, end) with hashes (h1, h2) from scanWords, creating the term if new. */
  internRange(s: string, start: number, end: number, upper: boolean, h1: number, h2: number): number {
    if (h1 === 0 && h2 === 0) return this.intern(s.slice(start, end).toLowerCase());
    const mask = this.slots.length - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[slot]!;
      if (index < 0) break;
      if (this.hash1[index] === h1 && this.hash2[index] === h2) return this.slotTerms[index]!;
    }
    const word = s.slice(start, end);
    return this.intern(upper ? word.toLowerCase() : word);
  }

  private addSlot(surface: string, term: number): void {
    let h1 = 0x811c9dc5, h2 = 0x01234567;
    for (let i = 0; i < surface.length; i++) {
      const code = surface.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = (Math.imul(h2, 31) + code) | 0;
    }
    const index = this.hash1.length;
    this.hash1.push(h1); this.hash2.push(h2); this.slotTerms.push(term);
    if (this.hash1.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.hash1.forEach((hash, i) => this.place(hash, i));
    } else this.place(h1, index);
  }

  private place(hash: number, index: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = index;
  }

  /** The id of a surface word from a document, creating the term if it is new. */
  intern(surface: string): number {
    let id = this.idBySurface.get(surface);
    if (id !== undefined) return id;
    const root = stem(surface);
    id = this.idByStem.get(root);
    if (id === undefined) {
      id = this.stems.length;
      this.stems.push(root);
      this.idByStem.set(root, id);
    }
    this.idBySurface.set(surface, id);
    this.addSlot(surface, id);
    this.sorted = null;
    return id;
  }

  /** The id of a surface word from a query, or -1; queries never grow the vocabulary. */
  lookup(surface: string): number {
    return this.idBySurface.get(surface) ?? this.idByStem.get(stem(surface)) ?? -1;
  }

  idOfStem(root: string): number {
    return this.idByStem.get(root) ?? -1;
  }

  // Surface words sorted once and again only after new words arrive, so partial words can be looked up
  // by what people typed ("learni" → learning), not by a stem they cannot see.
  private sortedSurfaces(): string[] {
    return (this.sorted ??= [...this.idBySurface.keys()].sort());
  }

  /** Ids of every term with a surface form starting with `prefix`, at most `max` of them. */
  withPrefix(prefix: string, max = Infinity): number[] {
    const words = this.sortedSurfaces();
    let lo = 0, hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1; else hi = mid;
    }
    const out = new Set<number>();
    for (let i = lo; i < words.length && out.size < max; i++) {
      if (!words[i]!.startsWith(prefix)) break;
      out.add(this.idBySurface.get(words[i]!)!);
    }
    return [...out];
  }

  /** Ids of terms one edit (insert, delete, substitute, swap neighbours) away from `word`. */
  withinOneEdit(word: string): number[] {
    const out: number[] = [];
    const stems = this.stems;
    for (let id = 0; id < stems.length; id++) {
      const t = stems[id]!;
      if (Math.abs(t.length - word.length) <= 1 && t !== word && oneEditApart(word, t)) out.push(id);
    }
    return out;
  }
}

function oneEditApart(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.slice(i) === b.slice(i + 1);
}
