// Exact string interning in two flat arrays. A vocabulary of 100k real abstracts holds ~650k distinct
// tokens; as JS strings in Maps that is ~60 MB of small objects the collector must walk, and keying on
// hashes alone (as this once did) lets two words that collide silently become one. Here a lookup hashes,
// probes, and compares the characters themselves: two different strings are never the same entry.
//
// Each string is one record in a byte pool — [value: 4 bytes][length · 2 + wide: varint][characters] —
// and is named by its record's offset (its handle, stable for the table's life). A slot holds the hash
// and the handle, so a lookup touches the slot and then one record, which also carries the caller's
// 32-bit value: indexing looks up ~20M tokens per 100k papers, and each extra scattered read costs.

/** 32-bit FNV-1a over UTF-16 code units: what scanRaw computes on the fly for each token (tokenize.ts). */
export function hashChars(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

// FNV-1a's low bits mix poorly (a multiply carries upward only): slots come from the high bits of the
// hash times the golden ratio instead (Fibonacci hashing).
const slotOf = (hash: number, shift: number): number => Math.imul(hash, 0x9e3779b1) >>> shift;

export class StringTable {
  // Two ints a slot: the hash, and the record's handle + 1 (0: free). Linear probing, at most half full.
  private slots = new Int32Array(2 * 1024);
  private shift = 32 - 10; // 32 - log2(slot count)
  private pool = new Uint8Array(4096);
  private used = 0;
  private count = 0;

  get size(): number { return this.count; }

  /** Handle of the string s[start, end), or -1. `hash` must be hashChars of the same characters. */
  find(s: string, start: number, end: number, hash: number): number {
    const slots = this.slots, mask = (slots.length >> 1) - 1;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & mask) {
      const handle = slots[2 * slot + 1]! - 1;
      if (handle < 0) return -1;
      if (slots[2 * slot] === hash && this.equals(handle, s, start, end)) return handle;
    }
  }

  /** Adds s[start, end), which must not be present yet, with `value`; returns its handle. */
  add(s: string, start: number, end: number, hash: number, value: number): number {
    let wide = 0;
    for (let i = start; i < end; i++) if (s.charCodeAt(i) > 255) { wide = 1; break; }
    const bytes = (end - start) << wide, meta = bytes * 2 + wide;
    const handle = this.used;
    const size = 4 + varintSize(meta) + bytes;
    if (handle + size > this.pool.length) {
      const pool = new Uint8Array(Math.max(handle + size, this.pool.length * 2)); pool.set(this.pool); this.pool = pool;
    }
    const pool = this.pool;
    let at = handle + 4;
    for (let v = meta; ; v = Math.floor(v / 128)) { if (v < 128) { pool[at++] = v; break; } pool[at++] = (v & 127) | 128; }
    if (wide) for (let i = start; i < end; i++, at += 2) { const c = s.charCodeAt(i); pool[at] = c & 255; pool[at + 1] = c >>> 8; }
    else for (let i = start; i < end; i++) pool[at++] = s.charCodeAt(i);
    this.used = at;
    this.setValue(handle, value);
    this.count++;
    if (this.count * 2 > this.slots.length >> 1) this.rehash(this.slots.length);
    this.place(hash, handle);
    return handle;
  }

  /** The handle of `s`, adding it with `value` if it is new. */
  intern(s: string, value: number): number {
    const hash = hashChars(s);
    const handle = this.find(s, 0, s.length, hash);
    return handle >= 0 ? handle : this.add(s, 0, s.length, hash, value);
  }

  /** The handle of `s`, or -1. */
  lookup(s: string): number {
    return this.find(s, 0, s.length, hashChars(s));
  }

  value(handle: number): number {
    const p = this.pool;
    return p[handle]! | (p[handle + 1]! << 8) | (p[handle + 2]! << 16) | (p[handle + 3]! << 24);
  }

  setValue(handle: number, value: number): void {
    const p = this.pool;
    p[handle] = value & 255; p[handle + 1] = (value >>> 8) & 255; p[handle + 2] = (value >>> 16) & 255; p[handle + 3] = value >>> 24;
  }

  get(handle: number): string {
    const { from, to, wide } = this.record(handle), pool = this.pool;
    let out = "";
    if (wide) for (let at = from; at < to; at += 2) out += String.fromCharCode(pool[at]! | (pool[at + 1]! << 8));
    else for (let at = from; at < to; at++) out += String.fromCharCode(pool[at]!);
    return out;
  }

  /** Whether the string at `handle` starts with `prefix`. */
  startsWith(handle: number, prefix: string): boolean {
    const { from, to, wide } = this.record(handle), pool = this.pool;
    if ((to - from) >> wide < prefix.length) return false;
    for (let i = 0, at = from; i < prefix.length; i++, at += 1 + wide) {
      const c = wide ? pool[at]! | (pool[at + 1]! << 8) : pool[at]!;
      if (c !== prefix.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Code unit i of the string at `handle` (0 past its end): for sorting strings by their first characters. */
  charCode(handle: number, i: number): number {
    const { from, to, wide } = this.record(handle);
    const at = from + (i << wide);
    if (at >= to) return 0;
    return wide ? this.pool[at]! | (this.pool[at + 1]! << 8) : this.pool[at]!;
  }

  /** Every handle, in the order the strings were added. */
  *handles(): IterableIterator<number> {
    for (let handle = 0; handle < this.used; handle = this.record(handle).to) yield handle;
  }

  /** Bytes held, for memory reports. */
  get bytes(): number {
    return this.slots.byteLength + this.pool.byteLength;
  }

  private record(handle: number): { from: number; to: number; wide: number } {
    const pool = this.pool;
    let at = handle + 4, meta = 0;
    for (let shift = 1; ; shift *= 128) { const b = pool[at++]!; meta += (b & 127) * shift; if (b < 128) break; }
    const wide = meta & 1;
    return { from: at, to: at + Math.floor(meta / 2), wide };
  }

  private equals(handle: number, s: string, start: number, end: number): boolean {
    const pool = this.pool, length = end - start;
    let at = handle + 4, b = pool[at++]!;
    // The common case inline: a one-byte length header, one byte a character.
    if (b < 128) {
      if (b !== length * 2) return b === length * 4 + 1 && this.equalsWide(at, s, start, end);
      for (let i = start; i < end; i++, at++) if (pool[at] !== s.charCodeAt(i)) return false;
      return true;
    }
    const { from, to, wide } = this.record(handle);
    if (wide) return to - from === length * 2 && this.equalsWide(from, s, start, end);
    if (to - from !== length) return false;
    for (let i = start, p = from; i < end; i++, p++) if (pool[p] !== s.charCodeAt(i)) return false;
    return true;
  }

  private equalsWide(from: number, s: string, start: number, end: number): boolean {
    const pool = this.pool;
    for (let i = start, at = from; i < end; i++, at += 2) if ((pool[at]! | (pool[at + 1]! << 8)) !== s.charCodeAt(i)) return false;
    return true;
  }

  private place(hash: number, handle: number): void {
    const slots = this.slots, mask = (slots.length >> 1) - 1;
    let slot = slotOf(hash, this.shift);
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = handle + 1;
  }

  private rehash(slotCount: number): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * slotCount);
    this.shift = 32 - Math.round(Math.log2(slotCount));
    for (let i = 1; i < old.length; i += 2) if (old[i] !== 0) this.place(old[i - 1]!, old[i]! - 1);
  }
}

const varintSize = (v: number): number => {
  let n = 1;
  while (v >= 128) { v = Math.floor(v / 128); n++; }
  return n;
};
