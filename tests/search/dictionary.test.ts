import { describe, expect, it, vi } from "vitest";
import { paper } from "../support/papers.ts";
import { SearchIndex } from "../../src/core/search/index.ts";
import { hashChars, MISSING, StringTable } from "../../src/core/search/strings.ts";
import { oneEditAway } from "../../src/core/search/typos.ts";
import { Vocabulary } from "../../src/core/search/vocabulary.ts";

/** Two different strings of `length` letters with the same 32-bit hash, found by brute force (birthday bound: ~2^16 tries). */
function collidingPair(length: number, prefix = ""): [string, string] {
  const seen = new Map<number, string>();
  let state = 12345;
  for (;;) {
    let word = prefix;
    for (let i = 0; i < length; i++) { state = (Math.imul(state, 1103515245) + 12345) >>> 0; word += String.fromCharCode(97 + (state >>> 16) % 26); }
    const hash = hashChars(word), other = seen.get(hash);
    if (other !== undefined && other !== word) return [other, word];
    seen.set(hash, word);
  }
}

/** A word's characters as scanRaw packs them (tokenize.ts): one byte each, low byte first, four to an int. */
function packed(word: string): [number, number, number, number] {
  const p: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < word.length; i++) p[i >> 2]! |= word.charCodeAt(i) << ((i & 3) * 8);
  return p;
}

describe("the term dictionary is exact", () => {
  for (const [label, length, prefix] of [["short (packed in the slot)", 7, ""], ["long (compared in the pool)", 8, "collision"]] as const) {
    it(`keeps two ${label} words with the same hash apart`, () => {
      const [a, b] = collidingPair(length, prefix);
      expect(a).not.toBe(b);
      expect(hashChars(a)).toBe(hashChars(b));
      const table = new StringTable();
      const ha = table.add(a, 0, a.length, hashChars(a), 1);
      expect(table.lookup(b)).toBe(-1);
      expect(table.findValue(b, 0, b.length, hashChars(b))).toBe(MISSING);
      const hb = table.add(b, 0, b.length, hashChars(b), 2);
      expect(hb).not.toBe(ha);
      expect([table.lookup(a), table.lookup(b)]).toEqual([ha, hb]);
      expect([table.findValue(a, 0, a.length, hashChars(a)), table.findValue(b, 0, b.length, hashChars(b))]).toEqual([1, 2]);
      expect([table.get(ha), table.get(hb)]).toEqual([a, b]);
    });
  }

  // Long texts are hashed from a copy of their code units (code-units.ts), short ones character by character:
  // both must be the same FNV-1a, in any string layout, or a long token would not be found by its scan hash.
  it("hashes long texts of any string layout as it hashes them character by character", () => {
    const fnv = (s: string) => { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193); return h; };
    const part = "Σύνοψη naïve — Mixture-of-Experts 42 模型 ", long = part.repeat(40);
    for (const text of [long, `${part.repeat(20)}${part.repeat(20)}`, `x${long}`.slice(1), "plain ascii ".repeat(30), part, "a".repeat(300_000)]) {
      expect(hashChars(text)).toBe(fnv(text));
    }
  });

  it("indexes colliding words as two terms: each finds only its own paper", () => {
    const [a, b] = collidingPair(7);
    const index = SearchIndex.build([paper("p-a", `Studies of ${a}`, `All about ${a}.`), paper("p-b", `Studies of ${b}`, `All about ${b}.`)]);
    expect(index.search(a).hits.map((h) => h.id)).toEqual(["p-a"]);
    expect(index.search(b).hits.map((h) => h.id)).toEqual(["p-b"]);
  });

  for (const [label, length, prefix] of [["short", 7, ""], ["long", 8, "collision"]] as const) {
    it(`keeps two ${label} colliding words apart after compact(), found and added in plain slots`, () => {
      const [a, b] = collidingPair(length, prefix);
      const table = new StringTable();
      const ha = table.add(a, 0, a.length, hashChars(a), 1);
      const before = table.bytes;
      table.compact();
      expect(table.bytes).toBeLessThan(before);
      expect(table.lookup(a)).toBe(ha);
      expect(table.lookup(b)).toBe(-1);
      expect(table.findValue(b, 0, b.length, hashChars(b))).toBe(MISSING);
      const hb = table.add(b, 0, b.length, hashChars(b), 2);
      expect([table.lookup(a), table.lookup(b)]).toEqual([ha, hb]);
      expect([table.findValue(a, 0, a.length, hashChars(a)), table.findValue(b, 0, b.length, hashChars(b))]).toEqual([1, 2]);
      expect([table.get(ha), table.get(hb)]).toEqual([a, b]);
    });
  }

  it("finds packed keys in a compacted table by their record, telling same-hash words apart", () => {
    const [a, b] = collidingPair(7);
    const table = new StringTable();
    table.add(a, 0, a.length, hashChars(a), 1);
    table.add(`${a}s`, 0, a.length + 1, hashChars(`${a}s`), 3);
    table.compact();
    // The analyzer's path: the scan hands over the characters packed (tokenize.ts), here through a Vocabulary.
    const vocab = new Vocabulary();
    vocab.intern(a);
    vocab.intern("networks");
    vocab.prepare();
    const code = (w: string) => vocab.findPackedCode(hashChars(w), ...packed(w));
    expect(code(a)).toBe(vocab.lookup(a));
    expect(code(b)).toBe(MISSING);
    expect(code("network")).toBe(MISSING);
    expect(code("networks")).toBe(vocab.lookup("networks"));
    expect([table.findValue(a, 0, a.length, hashChars(a)), table.findValue(`${a}s`, 0, a.length + 1, hashChars(`${a}s`))]).toEqual([1, 3]);
  });

  it("grows after compact(): 50k words added to a compacted table of 1k keep their own values and handles", () => {
    const table = new StringTable();
    const words = Array.from({ length: 51_000 }, (_, i) => `w${i.toString(36)}x${i % 7 === 0 ? "é" : ""}`);
    const handles = words.slice(0, 1000).map((w, i) => table.add(w, 0, w.length, hashChars(w), i));
    table.compact();
    words.slice(1000).forEach((w, i) => table.add(w, 0, w.length, hashChars(w), 1000 + i));
    words.forEach((w, i) => expect(table.findValue(w, 0, w.length, hashChars(w))).toBe(i));
    handles.forEach((h, i) => expect(table.get(h)).toBe(words[i]));
    expect(table.lookup("w0y")).toBe(-1);
    expect(table.size).toBe(words.length);
  });

  it("keeps a colliding word from a live upsert apart from the built one", () => {
    const [a, b] = collidingPair(7);
    const index = SearchIndex.build([paper("p-a", `Studies of ${a}`, `All about ${a}.`), paper("p-x", "Other things", "Nothing here.")]);
    index.upsert(paper("p-b", `Studies of ${b}`, `All about ${b}.`));
    expect(index.search(a).hits.map((h) => h.id)).toEqual(["p-a"]);
    expect(index.search(b).hits.map((h) => h.id)).toEqual(["p-b"]);
  });

  it("survives growth: every one of 50k words keeps its own value", () => {
    const table = new StringTable();
    const words = Array.from({ length: 50_000 }, (_, i) => `w${i.toString(36)}x`);
    words.forEach((w, i) => table.add(w, 0, w.length, hashChars(w), i));
    words.forEach((w, i) => expect(table.findValue(w, 0, w.length, hashChars(w))).toBe(i));
    expect(table.lookup("w0y")).toBe(-1);
  });

  // The bot's memory peaks at the end of a build: past its packed size cap the tokens' table must not double
  // (at 100k realistic papers that was +56 MB, the peak going from 359 to 416 MB at 102k papers).
  it("past its packed cap, a table drops the packed keys instead of doubling, and still finds every word", () => {
    const cap = 4096, table = new StringTable(true, cap);
    const [a, b] = collidingPair(7);
    const words = [a, ...Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`), "representations-of-long-words"];
    let packedBytes = 0;
    words.forEach((w, i) => {
      table.add(w, 0, w.length, hashChars(w), i);
      if (i === 3000) packedBytes = table.bytes; // 3,001 words: a packed table at its cap (7 ints a slot)
    });
    expect(table.bytes).toBeLessThan(packedBytes); // plain slots (2 ints) for more words
    words.forEach((w, i) => expect(table.findValue(w, 0, w.length, hashChars(w))).toBe(i));
    expect(table.findPacked(hashChars(a), ...packed(a))).toBe(0);
    expect(table.findValue(b, 0, b.length, hashChars(b))).toBe(MISSING); // same hash as a, still apart
  });
});

describe("the typo fallback is bounded", () => {
  it("makes at most 37 candidates per character, whatever the vocabulary", () => {
    for (const word of ["rl", "lerning", "reinforcment", "x".repeat(32)]) {
      const made = oneEditAway(word, () => {});
      expect(made).toBeLessThanOrEqual(37 * (2 * word.length + 1));
    }
    expect(oneEditAway("x".repeat(33), () => {})).toBe(0);
  });

  it("looks up the same number of candidates in a vocabulary of 200 words and of 100k", () => {
    const lookups = (size: number) => {
      const vocab = new Vocabulary();
      for (let i = 0; i < size; i++) vocab.intern(`term${i.toString(36)}`);
      vocab.intern("reinforcement");
      const spy = vi.spyOn(StringTable.prototype, "lookup");
      const found = vocab.withinOneEdit("reinforcment");
      const calls = spy.mock.calls.length;
      spy.mockRestore();
      expect(found).toEqual([vocab.lookup("reinforcement")]);
      return calls;
    };
    const small = lookups(200), large = lookups(100_000);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(37 * 25);
  });
});

describe("prefixes", () => {
  it("finds words added after the sort, and only words starting with the prefix", () => {
    const vocab = new Vocabulary();
    for (const w of ["quantize", "quantization", "quantum", "quarter", "mamba"]) vocab.intern(w);
    vocab.prepare();
    vocab.intern("quantized"); // after the sort, as an upsert would
    const stems = (prefix: string) => vocab.withPrefix(prefix).map((id) => vocab.stemOf(id)).sort();
    expect(stems("quant")).toEqual(["quantiz", "quantum"]);
    expect(stems("quantized")).toEqual(["quantiz"]);
    expect(stems("qu")).toEqual(["quantiz", "quantum", "quarter"]);
    expect(stems("zzz")).toEqual([]);
  });
});
