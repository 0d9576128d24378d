// Surface words by their first three characters, so a partial word ("quantiz", "mamb", "pokec") finds
// the words it starts without scanning the vocabulary: the surfaces' handles are sorted once by a numeric
// key (three characters and the handle, packed into one float: a native numeric sort, no string
// comparisons), kept as handles alone, and a prefix reads only its bucket. Each word's key is noted as it
// is added, from the string in hand (reading ~500k words back out of the table to key them took ~0.4 s of
// a 100k-paper build). Words added after the sort (live upserts) are checked one by one until there are
// enough of them to sort again. Token values are code · 2 + 1 for a surface
// word (vocabulary.ts).
import type { StringTable } from "./strings.ts";

const KEY_CHARS = 3;
const HANDLE_RANGE = 2 ** 29;
// Past this many surface words added since the last sort, sort again on the next lookup.
const MAX_UNSORTED = 4096;

export class SurfacePrefixes {
  private sorted = new Uint32Array(0);
  // key · HANDLE_RANGE + handle of each surface word added since the last sort.
  private fresh = new Float64Array(64);
  private freshCount = 0;

  constructor(private readonly tokens: StringTable) {}

  private key(handle: number): number {
    let key = 0;
    for (let i = 0; i < KEY_CHARS; i++) key = key * 256 + Math.min(255, this.tokens.charCode(handle, i));
    return key;
  }

  /** Sorts every surface word now present. */
  sort(): void {
    const keys = new Float64Array(this.sorted.length + this.freshCount);
    this.sorted.forEach((handle, i) => { keys[i] = this.key(handle) * HANDLE_RANGE + handle; });
    keys.set(this.fresh.subarray(0, this.freshCount), this.sorted.length);
    keys.sort();
    // A plain loop: Uint32Array.from with a mapping callback took ~0.5 s for 600k keys.
    const sorted = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) sorted[i] = keys[i]! % HANDLE_RANGE;
    this.sorted = sorted;
    this.fresh = new Float64Array(64);
    this.freshCount = 0;
  }

  /** Notes a surface word just added to the table as `handle`. */
  added(handle: number, surface: string): void {
    let key = 0;
    for (let i = 0; i < KEY_CHARS; i++) key = key * 256 + (i < surface.length ? Math.min(255, surface.charCodeAt(i)) : 0);
    if (this.freshCount === this.fresh.length) {
      const grown = new Float64Array(this.fresh.length * 2); grown.set(this.fresh); this.fresh = grown;
    }
    this.fresh[this.freshCount++] = key * HANDLE_RANGE + handle;
  }

  /** Distinct term ids of the surface words starting with `prefix`, at most `maxLength` characters long. */
  terms(prefix: string, maxLength = Infinity): number[] {
    if (prefix.length === 0) return [];
    if (this.freshCount > MAX_UNSORTED) this.sort();
    const out = new Set<number>();
    const visit = (handle: number) => {
      if (this.tokens.startsWith(handle, prefix) && this.tokens.length(handle) <= maxLength) out.add(this.tokens.value(handle) >> 1);
    };
    // The bucket range: keys from the prefix's first characters padded low to padded high.
    let low = 0, high = 0;
    for (let i = 0; i < KEY_CHARS; i++) {
      const c = i < prefix.length ? Math.min(255, prefix.charCodeAt(i)) : -1;
      low = low * 256 + (c < 0 ? 0 : c);
      high = high * 256 + (c < 0 ? 255 : c);
    }
    const sorted = this.sorted;
    for (let i = this.lowerBound(low); i < sorted.length && this.key(sorted[i]!) <= high; i++) visit(sorted[i]!);
    for (let i = 0; i < this.freshCount; i++) visit(this.fresh[i]! % HANDLE_RANGE);
    return [...out];
  }

  get bytes(): number { return this.sorted.byteLength + this.fresh.byteLength; }

  /** The first place in `sorted` whose key is at least `key`. */
  private lowerBound(key: number): number {
    let lo = 0, hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.key(this.sorted[mid]!) < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}
