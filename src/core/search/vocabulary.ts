// Terms interned to small integers, so postings, accumulators and vectors are typed arrays, not Maps.
// A term is a stem; many surface spellings ("models", "modeling") map to one id, and each surface is
// stemmed once. Indexing reaches this only once per distinct raw token (analyzer.ts caches the rest).
import { stem } from "./stem.ts";

export class Vocabulary {
  private readonly idBySurface = new Map<string, number>();
  private readonly idByStem = new Map<string, number>();
  readonly stems: string[] = [];
  private sorted: string[] | null = null;

  get size(): number { return this.stems.length; }

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
