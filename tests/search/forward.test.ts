// The index keeps no paper text: proximity, similar papers, tombstoning and compaction read a doc again
// from its stored term ids (forward.ts). Those must be exactly what the analyzer emitted from the text —
// same terms, same positions, field by field — however the doc was added.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldText } from "../../src/core/search/analyzer.ts";
import { Corpus } from "../../src/core/search/corpus.ts";
import type { Paper } from "../../src/core/paper.ts";
import { realisticPapers } from "../../bench/realistic-corpus.ts";

const paper = (id: string, title: string, summary: string, keywords: string[] = [], authors: string[] = []): Paper =>
  ({ id, arxivId: null, title, summary, authors, keywords, githubRepo: null, publishedAt: null, upvotes: 0 });

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
  it("replay each field as the analyzer read it, bulk-built and added one by one", () => {
    const papers = [
      paper("a", "PokéChamp: Mixture-of-Experts", "MM-RLHF vs SCMoE; a--b -c d- e-f-g ﬁne-tuning İstanbul 😀x Model model MODEL.", ["moe", "rl"], ["Zoë Ü", "A. B"]),
      paper("b", "", "", [], []),
      ...realisticPapers({ size: 300 }),
    ];
    const bulk = new Corpus();
    bulk.addAll(papers, papers.length);
    expectSameAsText(bulk, papers);
    // Papers added after the bulk build bring new terms (longer codes); old docs still read back.
    const later = [paper("c", "Zyzzyva quokkas", "Never seen words: xylophonic quixotry, and the usual model."), paper("d", "x", "y ".repeat(70_000))];
    for (const p of later) bulk.add(p);
    expectSameAsText(bulk, [...papers, ...later]);
    const single = new Corpus();
    for (const p of papers) single.add(p);
    expectSameAsText(single, papers);
  });

  it("replay arbitrary text exactly", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 })), { minLength: 1, maxLength: 8 }), (rows) => {
      const papers = rows.map(([title, summary, authors], i) => paper(`p${i}`, title, summary, [], authors));
      const corpus = new Corpus();
      corpus.addAll(papers, papers.length);
      expectSameAsText(corpus, papers);
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
});
