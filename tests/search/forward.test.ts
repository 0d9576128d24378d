// The index keeps no paper text: proximity, similar papers, tombstoning and compaction read a doc again
// from its stored term ids (forward.ts). Those must be exactly what the analyzer emitted from the text —
// same terms, same positions, field by field — however the doc was added.
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fieldText } from "../../src/core/search/analyzer.ts";
import { Corpus } from "../../src/core/search/corpus.ts";
import type { Paper } from "../../src/core/paper.ts";
import { paper } from "../support/papers.ts";
import { realisticPapers } from "../../bench/realistic-corpus.ts";

function emitted(read: (sink: { term(t: number, p: number): void }) => void): [number, number][] {
  const out: [number, number][] = [];
  read({ term: (t, p) => out.push([t, p]) });
  return out;
}

function expectSameAsText(corpus: Corpus, papers: Paper[]): void {
  papers.forEach((p, doc) => {
    for (let field = 0; field < 4; field++) {
      const fromText = emitted((sink) => corpus.analyzer.run(fieldText(field, p), sink));
      expect(emitted((sink) => corpus.replay(doc, field, sink)), `${p.id} field ${field}`).toEqual(fromText);
    }
  });
}

describe("forward terms", () => {
  // Infinity: all in memory, as small corpora are; 300 bytes: almost all in the temporary file, read back
  // in windows that straddle what is on file and what is not yet flushed.
  it.each([["in memory", Infinity], ["spilled to a file", 300]])("replay each field as the analyzer read it, bulk-built and added one by one (%s)", (_, spillAt) => {
    const papers = [
      paper("a", "PokéChamp: Mixture-of-Experts", "MM-RLHF vs SCMoE; a--b -c d- e-f-g ﬁne-tuning İstanbul 😀x Model model MODEL.", ["moe", "rl"], ["Zoë Ü", "A. B"]),
      paper("b", "", "", [], []),
      ...realisticPapers({ size: 300 }),
    ];
    const bulk = new Corpus(undefined, undefined, spillAt);
    bulk.addAll(papers, papers.length);
    expect(bulk.disk().forward > 0).toBe(spillAt < Infinity);
    expectSameAsText(bulk, papers);
    // Papers added after the bulk build bring new terms (longer codes); old docs still read back.
    const later = [paper("c", "Zyzzyva quokkas", "Never seen words: xylophonic quixotry, and the usual model."), paper("d", "x", "y ".repeat(70_000))];
    for (const p of later) bulk.add(p);
    expectSameAsText(bulk, [...papers, ...later]);
    const single = new Corpus(undefined, undefined, spillAt);
    for (const p of papers) single.add(p);
    expectSameAsText(single, papers);
    bulk.close();
    single.close();
  });

  it("replay arbitrary text exactly", () => {
    fc.assert(fc.property(fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 400 })), fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 })), { minLength: 1, maxLength: 8 }), (spillAt, rows) => {
      const papers = rows.map(([title, summary, authors], i) => paper(`p${i}`, title, summary, [], authors));
      const corpus = new Corpus(undefined, undefined, spillAt);
      corpus.addAll(papers, papers.length);
      expectSameAsText(corpus, papers);
      corpus.close();
    }), { numRuns: 150 });
  });

  it("survive compaction: the compacted corpus reads its docs back, and sizes nothing it does not need", () => {
    const papers = realisticPapers({ size: 200 });
    const corpus = new Corpus();
    corpus.addAll(papers, papers.length);
    for (let doc = 0; doc < 200; doc += 3) corpus.kill(doc);
    const compacted = Corpus.compacted(corpus);
    const live = papers.filter((_, doc) => doc % 3 !== 0);
    expect(compacted.ids).toEqual(live.map((p) => p.id));
    expectSameAsText(compacted, live);
    expect(compacted.memory().forward).toBeLessThan(corpus.memory().forward);
  });

  it("keep big corpora's terms in an unnamed file: out of memory, closed with the corpus, nothing left in the folder", () => {
    const papers = realisticPapers({ size: 400 });
    const inMemory = new Corpus(undefined, undefined, Infinity);
    inMemory.addAll(papers, papers.length);
    const spilled = new Corpus(undefined, undefined, 4096);
    spilled.addAll(papers, papers.length);
    const onDisk = spilled.disk().forward;
    // All the symbols (the in-memory buffer may keep up to 1/8 spare after a build); the doc ends stay.
    const symbols = inMemory.memory().forward - 4 * papers.length;
    expect(onDisk).toBeGreaterThan(symbols * 0.88);
    expect(onDisk).toBeLessThanOrEqual(symbols);
    expect(spilled.memory().forward).toBeLessThan(inMemory.memory().forward / 2);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`papers-bot-${process.pid}-`))).toEqual([]);
    // Tombstones and compaction read the file; the compacted corpus has its own.
    for (let doc = 0; doc < papers.length; doc += 2) spilled.kill(doc);
    const compacted = Corpus.compacted(spilled);
    spilled.close();
    expectSameAsText(compacted, papers.filter((_, doc) => doc % 2 === 1));
    expect(() => spilled.replay(1, 1, { term() {} })).toThrow(/after close/);
    compacted.close();
  });

  it("keep the terms in memory, with one warning, when the temporary folder cannot take a file", () => {
    const papers = realisticPapers({ size: 100 });
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(tmpdir(), `papers-bot-missing-${process.pid}`, "nowhere");
    try {
      const corpus = new Corpus(undefined, undefined, 1024);
      corpus.addAll(papers, papers.length);
      expect(corpus.disk().forward).toBe(0);
      expectSameAsText(corpus, papers);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/cannot use a temporary file in .*nowhere .*ENOENT.*keeping its terms in memory/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved;
      warn.mockRestore();
    }
  });
});
