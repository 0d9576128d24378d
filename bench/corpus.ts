// A deterministic synthetic corpus for benchmarks: titles recombined from the seed's title words,
// abstracts from the seed's sentences, drawn with a seeded PRNG so every run indexes the same text.
// Lengths follow the seed (titles of 5–14 words, abstracts of 6–11 sentences ≈ 1,000–2,000 characters).
import { bundledCapture } from "../src/core/bundled.ts";
import type { Paper } from "../src/core/paper.ts";

/** mulberry32: tiny, fast and good enough to shuffle text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticCorpusOptions { size?: number; seed?: number }

export function syntheticPapers({ size = 100_000, seed = 42 }: SyntheticCorpusOptions = {}): Paper[] {
  const seedPapers = bundledCapture().papers;
  const titleWords = seedPapers.flatMap((p) => p.title.split(/\s+/));
  const sentences = seedPapers.flatMap((p) => p.summary.split(/(?<=[.!?])\s+(?=[A-Z])/));
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const papers: Paper[] = [];
  for (let i = 0; i < size; i++) {
    const titleLength = 5 + Math.floor(random() * 10);
    const title = Array.from({ length: titleLength }, () => pick(titleWords)).join(" ");
    const sentenceCount = 6 + Math.floor(random() * 6);
    const summary = Array.from({ length: sentenceCount }, () => pick(sentences)).join(" ");
    papers.push({
      id: `syn-${String(i).padStart(6, "0")}`, arxivId: null, title, summary, authors: [], keywords: [],
      githubRepo: null, publishedAt: null, upvotes: Math.floor(random() * 100),
    });
  }
  return papers;
}
