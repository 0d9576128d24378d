// The postings' decoded-list cache (postings.ts): a common term's list is kept from its second read on, and
// must read as the compressed bytes and tail say, before and after it is kept and after papers are added;
// and a bulk build written out in segments (in memory or in a temporary file) must read as the docs noted.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/corpus.ts";
import { PostingsBuilder } from "../../src/core/search/postings.ts";

const COMMON = 0, RARE = 1, DOCS = 6000;

function built() {
  const builder = new PostingsBuilder(DOCS);
  const packedOf = new Uint16Array(2);
  for (let doc = 0; doc < DOCS; doc++) {
    // Term 0 in every doc, with frequencies that vary; term 1 in every 100th.
    const terms = doc % 100 === 0 ? [COMMON, RARE] : [COMMON];
    packedOf[COMMON] = 1 + (doc % 7); packedOf[RARE] = 16;
    builder.addDoc(terms, packedOf);
  }
  return builder.layOut(2);
}

const listOf = (lists: ReturnType<typeof built>, term: number) => {
  const n = lists.read(term);
  return { docs: [...lists.docs.subarray(0, n)], tfs: [...lists.tfs.subarray(0, n)] };
};

describe("postings", () => {
  it("reads a common term the same on every read, with other terms read in between, and with papers added later", () => {
    const lists = built();
    const expected = { docs: Array.from({ length: DOCS }, (_, d) => d), tfs: Array.from({ length: DOCS }, (_, d) => 1 + (d % 7)) };
    for (let round = 0; round < 3; round++) {
      expect(listOf(lists, COMMON)).toEqual(expected);
      expect(listOf(lists, RARE).docs).toEqual(Array.from({ length: DOCS / 100 }, (_, i) => i * 100));
    }
    // A kept list is not a scratch buffer: reading another term leaves what it pointed at as it was.
    lists.read(COMMON);
    const kept = lists.docs;
    lists.read(RARE);
    expect([...kept.subarray(0, 3)]).toEqual([0, 1, 2]);
    // A posting added after the list was kept is read with it.
    lists.add(COMMON, DOCS, 9);
    expect(listOf(lists, COMMON)).toEqual({ docs: [...expected.docs, DOCS], tfs: [...expected.tfs, 9] });
    expect(lists.length(COMMON)).toBe(DOCS + 1);
  });
});

describe("a bulk build in segments", () => {
  // Random docs over a vocabulary of common and rare terms: every term's postings must read the same
  // whether the build wrote them out in many small segments or in one.
  function build(segmentPairs: number, docs: number[][], tfs: number[][], vocab: number, spill = false) {
    const builder = new PostingsBuilder(docs.length, segmentPairs, spill);
    const packedOf = new Uint16Array(vocab);
    docs.forEach((terms, d) => {
      terms.forEach((term, i) => { packedOf[term] = tfs[d]![i]!; });
      builder.addDoc(terms, packedOf);
    });
    return builder.layOut(vocab + 3); // terms past the last noted one have no postings
  }

  it("reads every term as a build in one segment does, gaps and frequencies across segment bounds included", () => {
    const random = seededRandom(7);
    const vocab = 500, docs: number[][] = [], tfs: number[][] = [];
    for (let d = 0; d < 3000; d++) {
      const terms = new Set<number>();
      const n = d === 1234 ? 400 : 1 + Math.floor(random() * 40); // one doc larger than a segment
      while (terms.size < n) terms.add(Math.floor(random() ** 3 * vocab)); // Zipf-ish: low ids common
      docs.push([...terms]);
      tfs.push([...terms].map(() => (random() < 0.7 ? 16 : 1 + Math.floor(random() * 4000))));
    }
    const expected = Array.from({ length: vocab + 3 }, () => ({ docs: [] as number[], tfs: [] as number[] }));
    docs.forEach((terms, d) => terms.forEach((term, i) => { expected[term]!.docs.push(d); expected[term]!.tfs.push(tfs[d]![i]!); }));
    const whole = build(1 << 30, docs, tfs, vocab), split = build(97, docs, tfs, vocab);
    // Segments that wait in a temporary file, and (no folder for it) in memory after all.
    const onFile = build(97, docs, tfs, vocab, true);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(tmpdir(), `papers-bot-missing-${process.pid}`, "nowhere");
    let noFile: ReturnType<typeof build>;
    try { noFile = build(97, docs, tfs, vocab, true); } finally { if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved; }
    for (let term = 0; term < vocab + 3; term++) {
      expect(listOf(whole, term)).toEqual(expected[term]);
      expect(listOf(split, term)).toEqual(expected[term]);
      expect(listOf(onFile, term)).toEqual(expected[term]);
      expect(listOf(noFile, term)).toEqual(expected[term]);
    }
    // Both take the same bytes: each segment's first gap runs on from the term's previous segment.
    expect(split.byteSize).toBe(whole.byteSize);
    // Papers added after the build are encoded (once enough pile up to be folded in) from each term's
    // last doc, which the segments must have handed on.
    const added = Array.from({ length: 70_000 }, (_, i) => docs.length + i);
    for (const doc of added) { split.add(3, doc, 16); split.add(7, doc, 2); }
    for (const term of [3, 7]) {
      expect(listOf(split, term).docs).toEqual([...expected[term]!.docs, ...added]);
    }
  });
});
