// Exact string interning in two flat arrays. A vocabulary of 100k real abstracts holds ~650k distinct
// tokens; as JS strings in Maps that is ~60 MB of small objects the collector must walk, and keying on
// hashes alone (as this once did) lets two words that collide silently become one. Here a lookup hashes,
// probes, and compares the characters themselves: two different strings are never the same entry.
//
// Each string is one record in a byte pool — [value: 4 bytes][length · 2 + wide: varint][characters] —
// and is named by its record's offset (its handle, stable for the table's life). A slot holds the hash,
// the handle, the value, and — for a string of up to 16 characters below 256, nearly every token — the
// characters themselves, packed four to an int. So looking up a short string reads one slot and nothing
// else, and the packed characters are the string (the key is exact, not a fingerprint); longer ones
// compare against their record. Indexing looks up ~25M tokens per 100k papers, most of them in a table
// far larger than the processor's caches, where each extra scattered read costs ~150-300 ns.
//
// After a bulk build lookups are rare (query words, a few live upserts), so compact() re-lays the table
// into plain slots — the hash and the handle, 8 bytes instead of 28 — at a load of about 0.7, and trims
// the pool to what it holds (at 100k realistic papers: tokens 44 -> ~20 MB, stems 20 -> ~11 MB). A lookup
// then compares against the record: one more read, still exact. Adds keep working and grow it.

import { codeUnits } from "./code-units.ts";

// Past this many characters, copying them out (code-units.ts) costs less than reading them one by one.
const LONG_TEXT = 64;

/** 32-bit FNV-1a over UTF-16 code units: what scanRaw computes on the fly for each token (tokenize.ts). */
export function hashChars(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  if (end - start < LONG_TEXT) {
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }
  const units = codeUnits(s); // a whole abstract (Catalog's cut abstracts): 100k of them in a start-up
  for (let i = start; i < end; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
  return h;
}

// FNV-1a's low bits mix poorly (a multiply carries upward only): slots come from the high bits of the
// hash times the golden ratio instead (Fibonacci hashing).
const slotOf = (hash: number, shift: number): number => Math.imul(hash, 0x9e3779b1) >>> shift;
// A plain table has any number of slots (sized to its count, not to a power of two): the top 24 bits of
// the same product, scaled to the count (exact in a double for up to 2^29 slots).
const plainSlotOf = (hash: number, slotCount: number): number => Math.floor(((Math.imul(hash, 0x9e3779b1) >>> 8) * slotCount) / 16777216);

/** What findValue returns for a string that is not there: no value a caller stores (see Vocabulary). */
export const MISSING = -0x80000000;
// Ints a slot: [hash, handle + 1 (0: free), value, characters 0-3, 4-7, 8-11, 12-15 (all 0 for a long string)];
// a plain table (built without packed keys, as the stems are, or compacted) keeps only the first two: the
// value is in the record too.
// 16 characters, not 12: a table slot grows by a quarter, but tokens of 13-16 characters ("representations",
// "generalization") are ~4% of all tokens in real abstracts and each one otherwise reads its record too.
const PACKED_SLOT = 7, PLAIN_SLOT = 2;
// A plain table grows past this load, to PLAIN_GROWN_LOAD; compact() lays it out at COMPACT_LOAD.
const PLAIN_MAX_LOAD = 0.8, PLAIN_GROWN_LOAD = 0.6, COMPACT_LOAD = 0.7;
const MAX_PACKED = 16;
// A packed table doubles up to this many slots (28 MB: ~786k strings, the tokens of ~100k realistic
// papers); past it, it drops the packed characters instead (8 bytes a slot at PLAIN_GROWN_LOAD, ~10 MB),
// since doubling would take 56 MB, 84 MB while the old slots are copied, late in a build, where the
// bot's memory peaks. The build's remaining lookups read the strings' records: slower, and bounded.
const MAX_PACKED_SLOTS = 1 << 20;

/**
 * Packs s[start, end) one byte a character into four ints (low byte first) when it has at most 16
 * characters (and at least one), none 0 or above 255; otherwise returns false. Tokens never hold a 0
 * character, so the zero padding tells a short string's length.
 */
function pack(s: string, start: number, end: number, into: Int32Array): boolean {
  if (end - start > MAX_PACKED || end === start) return false;
  // Three short loops rather than one with a branch per character: this runs for every token indexed.
  let w0 = 0, w1 = 0, w2 = 0, w3 = 0, bad = 0, i = start;
  for (let stop = Math.min(end, start + 4), shift = 0; i < stop; i++, shift += 8) {
    const c = s.charCodeAt(i); bad |= (c >>> 8) | ((c - 1) >>> 31); w0 |= c << shift;
  }
  for (let stop = Math.min(end, start + 8), shift = 0; i < stop; i++, shift += 8) {
    const c = s.charCodeAt(i); bad |= (c >>> 8) | ((c - 1) >>> 31); w1 |= c << shift;
  }
  for (let stop = Math.min(end, start + 12), shift = 0; i < stop; i++, shift += 8) {
    const c = s.charCodeAt(i); bad |= (c >>> 8) | ((c - 1) >>> 31); w2 |= c << shift;
  }
  for (let shift = 0; i < end; i++, shift += 8) {
    const c = s.charCodeAt(i); bad |= (c >>> 8) | ((c - 1) >>> 31); w3 |= c << shift;
  }
  if (bad !== 0) return false;
  into[0] = w0; into[1] = w1; into[2] = w2; into[3] = w3;
  return true;
}

export class StringTable {
  private width: number;
  // Linear probing; a packed table at most three quarters full, a plain one at most PLAIN_MAX_LOAD.
  private slots: Int32Array;
  private slotCount = 1024;
  private readonly packed = new Int32Array(4);
  private shift = 32 - 10; // 32 - log2(slot count), for a packed table
  private pool = new Uint8Array(4096);
  private used = 0;
  private count = 0;
  // After compact(), the pool grows by an eighth, not double: what is added then is a few live upserts.
  private compacted = false;

  /** `packedKeys`: keep short strings' characters in their slots, for tables looked up once per token indexed,
   * up to `maxPackedSlots` slots (tests set it low). */
  constructor(packedKeys = true, private readonly maxPackedSlots = MAX_PACKED_SLOTS) {
    this.width = packedKeys ? PACKED_SLOT : PLAIN_SLOT;
    this.slots = new Int32Array(this.width * 1024);
  }

  get size(): number { return this.count; }

  /** Handle of the string s[start, end), or -1. `hash` must be hashChars of the same characters. */
  find(s: string, start: number, end: number, hash: number): number {
    const at = this.slotOf(s, start, end, hash);
    return at < 0 ? -1 : this.slots[at + 1]! - 1;
  }

  /** The value of the string s[start, end), or MISSING. */
  findValue(s: string, start: number, end: number, hash: number): number {
    const at = this.slotOf(s, start, end, hash);
    if (at < 0) return MISSING;
    return this.width === PACKED_SLOT ? this.slots[at + 2]! : this.value(this.slots[at + 1]! - 1);
  }

  /**
   * The value of a string of at most 16 characters below 256 given as pack() packs it (w0 ≠ 0), or
   * MISSING: the characters need not be read again (see RawTokens in tokenize.ts).
   */
  findPacked(hash: number, w0: number, w1: number, w2: number, w3: number): number {
    const slots = this.slots, width = this.width, mask = this.slotCount - 1;
    if (width !== PACKED_SLOT) return this.findPackedPlain(hash, w0, w1, w2, w3);
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & mask) {
      const at = slot * width;
      if (slots[at + 1] === 0) return MISSING;
      if (slots[at] === hash && slots[at + 3] === w0 && slots[at + 4] === w1 && slots[at + 5] === w2 && slots[at + 6] === w3) return slots[at + 2]!;
    }
  }

  /** findPacked in a plain table: the characters are compared against the record. */
  private findPackedPlain(hash: number, w0: number, w1: number, w2: number, w3: number): number {
    const slots = this.slots, n = this.slotCount;
    for (let slot = plainSlotOf(hash, n); ; slot = slot + 1 === n ? 0 : slot + 1) {
      const at = slot * PLAIN_SLOT;
      if (slots[at + 1] === 0) return MISSING;
      if (slots[at] === hash && this.equalsPacked(slots[at + 1]! - 1, w0, w1, w2, w3)) return this.value(slots[at + 1]! - 1);
    }
  }

  /** Where in `slots` the string's slot starts, or -1. */
  private slotOf(s: string, start: number, end: number, hash: number): number {
    if (this.width === PLAIN_SLOT) return this.plainSlotOfString(s, start, end, hash);
    const slots = this.slots, width = this.width, mask = this.slotCount - 1, packed = this.packed;
    const short = pack(s, start, end, packed);
    const w0 = short ? packed[0]! : 0, w1 = short ? packed[1]! : 0, w2 = short ? packed[2]! : 0, w3 = short ? packed[3]! : 0;
    for (let slot = slotOf(hash, this.shift); ; slot = (slot + 1) & mask) {
      const at = slot * width;
      if (slots[at + 1] === 0) return -1;
      if (slots[at] !== hash) continue;
      if (short) { if (slots[at + 3] === w0 && slots[at + 4] === w1 && slots[at + 5] === w2 && slots[at + 6] === w3) return at; }
      else if (slots[at + 3] === 0 && this.equals(slots[at + 1]! - 1, s, start, end)) return at;
    }
  }

  private plainSlotOfString(s: string, start: number, end: number, hash: number): number {
    const slots = this.slots, n = this.slotCount;
    for (let slot = plainSlotOf(hash, n); ; slot = slot + 1 === n ? 0 : slot + 1) {
      const at = slot * PLAIN_SLOT;
      if (slots[at + 1] === 0) return -1;
      if (slots[at] === hash && this.equals(slots[at + 1]! - 1, s, start, end)) return at;
    }
  }

  /**
   * Re-lays the table into plain slots at COMPACT_LOAD and trims the pool to its used length: for after a
   * bulk build, when lookups are rare. Handles stay valid; adds still work (and grow it).
   */
  compact(): void {
    this.relay(PLAIN_SLOT, Math.max(16, Math.ceil(this.count / COMPACT_LOAD)));
    this.pool = this.pool.slice(0, Math.max(16, this.used));
    this.compacted = true;
  }

  /** Adds s[start, end), which must not be present yet, with `value`; returns its handle. */
  add(s: string, start: number, end: number, hash: number, value: number): number {
    let wide = 0;
    for (let i = start; i < end; i++) if (s.charCodeAt(i) > 255) { wide = 1; break; }
    const bytes = (end - start) << wide, meta = bytes * 2 + wide;
    const handle = this.used;
    const size = 4 + varintSize(meta) + bytes;
    if (handle + size > this.pool.length) {
      const grownTo = this.compacted ? this.pool.length + Math.max(4096, this.pool.length >> 3) : this.pool.length * 2;
      const pool = new Uint8Array(Math.max(handle + size, grownTo)); pool.set(this.pool.subarray(0, this.used)); this.pool = pool;
    }
    const pool = this.pool;
    let at = handle + 4;
    for (let v = meta; ; v = Math.floor(v / 128)) { if (v < 128) { pool[at++] = v; break; } pool[at++] = (v & 127) | 128; }
    if (wide) for (let i = start; i < end; i++, at += 2) { const c = s.charCodeAt(i); pool[at] = c & 255; pool[at + 1] = c >>> 8; }
    else for (let i = start; i < end; i++) pool[at++] = s.charCodeAt(i);
    this.used = at;
    this.setValue(handle, value);
    this.count++;
    const packedSlots = this.width === PACKED_SLOT;
    if (packedSlots ? this.count * 4 > this.slotCount * 3 : this.count > this.slotCount * PLAIN_MAX_LOAD) {
      if (packedSlots && this.slotCount * 2 <= this.maxPackedSlots) this.relay(PACKED_SLOT, this.slotCount * 2);
      else this.relay(PLAIN_SLOT, Math.ceil(this.count / PLAIN_GROWN_LOAD));
    }
    const short = this.width === PACKED_SLOT && pack(s, start, end, this.packed);
    const p = this.packed;
    this.place(hash, handle, value, short ? p[0]! : 0, short ? p[1]! : 0, short ? p[2]! : 0, short ? p[3]! : 0);
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

  private setValue(handle: number, value: number): void {
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

  /** The string's length in characters. */
  length(handle: number): number {
    const { from, to, wide } = this.record(handle);
    return (to - from) >> wide;
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
    const { from, to, wide } = this.record(handle);
    if (wide) return to - from === length * 2 && this.equalsWide(from, s, start, end);
    if (to - from !== length) return false;
    for (let i = start, p = from; i < end; i++, p++) if (pool[p] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Whether the record at `handle` is the string pack() packed into w0 … w3 (no 0 characters, 1-16 long). */
  private equalsPacked(handle: number, w0: number, w1: number, w2: number, w3: number): boolean {
    const { from, to, wide } = this.record(handle), pool = this.pool, length = to - from;
    if (wide || length === 0 || length > MAX_PACKED) return false;
    // Equal words and a last character that is not 0 mean equal lengths too (pack() pads with 0s).
    if (pool[to - 1] === 0) return false;
    let x0 = 0, x1 = 0, x2 = 0, x3 = 0;
    for (let i = 0; i < length; i++) {
      const c = pool[from + i]! << ((i & 3) * 8);
      if (i < 4) x0 |= c; else if (i < 8) x1 |= c; else if (i < 12) x2 |= c; else x3 |= c;
    }
    return x0 === w0 && x1 === w1 && x2 === w2 && x3 === w3;
  }

  private equalsWide(from: number, s: string, start: number, end: number): boolean {
    const pool = this.pool;
    for (let i = start, at = from; i < end; i++, at += 2) if ((pool[at]! | (pool[at + 1]! << 8)) !== s.charCodeAt(i)) return false;
    return true;
  }

  private place(hash: number, handle: number, value: number, w0: number, w1: number, w2: number, w3: number): void {
    const slots = this.slots, n = this.slotCount;
    if (this.width === PLAIN_SLOT) {
      let slot = plainSlotOf(hash, n);
      while (slots[slot * PLAIN_SLOT + 1] !== 0) slot = slot + 1 === n ? 0 : slot + 1;
      slots[slot * PLAIN_SLOT] = hash; slots[slot * PLAIN_SLOT + 1] = handle + 1;
      return;
    }
    let slot = slotOf(hash, this.shift);
    while (slots[slot * PACKED_SLOT + 1] !== 0) slot = (slot + 1) & (n - 1);
    const at = slot * PACKED_SLOT;
    slots[at] = hash; slots[at + 1] = handle + 1; slots[at + 2] = value;
    slots[at + 3] = w0; slots[at + 4] = w1; slots[at + 5] = w2; slots[at + 6] = w3;
  }

  /** Moves every entry into a new array of `slotCount` slots `width` ints wide (a packed table's count: a power of two). */
  private relay(width: number, slotCount: number): void {
    const old = this.slots, oldWidth = this.width;
    this.width = width;
    this.slotCount = slotCount;
    this.slots = new Int32Array(width * slotCount);
    if (width === PACKED_SLOT) this.shift = 32 - Math.log2(slotCount);
    for (let at = 0; at < old.length; at += oldWidth) {
      if (old[at + 1] === 0) continue;
      if (oldWidth === PACKED_SLOT) this.place(old[at]!, old[at + 1]! - 1, old[at + 2]!, old[at + 3]!, old[at + 4]!, old[at + 5]!, old[at + 6]!);
      else this.place(old[at]!, old[at + 1]! - 1, 0, 0, 0, 0, 0);
    }
  }
}

const varintSize = (v: number): number => {
  let n = 1;
  while (v >= 128) { v = Math.floor(v / 128); n++; }
  return n;
};
