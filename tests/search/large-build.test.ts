import { describe, expect, it } from "vitest";
import { syntheticPapers } from "../../bench/corpus.ts";
import { SearchIndex } from "../../src/core/search/index.ts";

// A build of 20k papers or more writes its postings' segments to a temporary file and reads them back to
// lay the postings out (src/core/search/segments.ts). It must give exactly the index that adding the papers
// one by one gives, and so must the bot's load: page by page, the collector run between the build's last
// steps (Corpus.endBulkCollecting).
describe("a large build", () => {
  it("answers exactly as an index filled paper by paper", async () => {
    const papers = syntheticPapers({ size: 24_000, seed: 7 });
    const built = SearchIndex.build(papers);
    const oneByOne = SearchIndex.build([]);
    for (const paper of papers) oneByOne.upsert(paper);
    const loaded = new SearchIndex();
    let collections = 0;
    async function* pages() { for (let i = 0; i < papers.length; i += 5000) yield papers.slice(i, i + 5000); }
    await loaded.loadPages(pages(), papers.length, async () => { collections++; });
    expect(collections).toBe(2);
    expect(built.size).toBe(24_000);
    expect(loaded.size).toBe(24_000);
    for (const query of ["moe", "mixture of experts", "reinforcement learning from human feedback", "state space model", "video diffusion",
      "pokemon", "llm agent", "vision-language", "benchmark"]) {
      const a = built.search(query, { limit: 30 }), b = oneByOne.search(query, { limit: 30 });
      expect(a.total, query).toBeGreaterThan(0);
      expect(a, query).toEqual(b);
      expect(loaded.search(query, { limit: 30 }), query).toEqual(b);
    }
    for (const paper of papers.slice(0, 5)) expect(built.similar(paper.id, 10)).toEqual(oneByOne.similar(paper.id, 10));
    expect(built.suggest("mix", 10)).toEqual(oneByOne.suggest("mix", 10));
  });
});
