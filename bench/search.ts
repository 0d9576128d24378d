// Search benchmark: speed and memory on a synthetic corpus (bench/corpus.ts), against SQLite FTS5 on the
// same text and queries; ranking quality (nDCG@10) on the judged development set over the bundled papers,
// against FTS5 and MiniSearch. Run directly for a table:
//   node --expose-gc --import tsx bench/search.ts [size]
import { pathToFileURL } from "node:url";
import { bundledCapture } from "../src/core/bundled.ts";
import { SearchIndex } from "../src/core/search/index.ts";
import { buildFts5, buildMiniSearch, type Engine } from "./baselines.ts";
import { seededRandom, syntheticPapers } from "./corpus.ts";
import { quantile } from "./stats.ts";
import { evaluate } from "./quality.ts";

// Queries people type: acronyms, topics, partial words, typos, stopword-only, and some long ones.
const TYPED_QUERIES = ["moe", "mixture of experts", "state space models", "rlhf", "mllm", "pokemon", "mamb",
  "quantiz", "model merging", "reinforcment lerning", "large language models reasoning benchmark", "the",
  "multi-agent reinforcement learning", "chain of thought", "world models", "llm agents playing games",
  "model-based rl", "survey", "vision language model evaluation", "open source language models"];
const QUERY_COUNT = 300;

interface Timing { p50Ms: number; p95Ms: number; meanMs: number; cpuP50Ms: number; cpuP95Ms: number }

const r3 = (x: number) => Math.round(x * 1000) / 1000;

const percentile = (samples: number[], q: number): number => r3(quantile(samples, q));

// Wall time and this process's CPU time (process.cpuUsage, µs) for the same work: on a shared machine
// wall time includes waiting for a core, CPU time mostly does not.
function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** The typed queries, then one- to three-word queries drawn from the corpus's titles. */
function benchQueries(titles: string[]): string[] {
  const random = seededRandom(7);
  const words = titles.slice(0, 2000).flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 2);
  const queries = [...TYPED_QUERIES];
  while (queries.length < QUERY_COUNT) {
    const n = 1 + Math.floor(random() * 3);
    queries.push(Array.from({ length: n }, () => words[Math.floor(random() * words.length)]!).join(" "));
  }
  return queries;
}

function time(engine: Engine, queries: string[]): Timing {
  for (const q of queries.slice(0, 30)) engine.search(q, 10); // warm up the JIT and caches
  const walls: number[] = [], cpus: number[] = [];
  for (const q of queries) {
    const cpu = process.cpuUsage(), start = performance.now();
    engine.search(q, 10);
    walls.push(performance.now() - start);
    cpus.push(cpuMs(cpu));
  }
  return { p50Ms: percentile(walls, 0.5), p95Ms: percentile(walls, 0.95), meanMs: r3(walls.reduce((a, b) => a + b, 0) / walls.length),
    cpuP50Ms: percentile(cpus, 0.5), cpuP95Ms: percentile(cpus, 0.95) };
}

/** Runs `build`, returning it with its wall and CPU milliseconds. */
function timed<T>(build: () => T): { value: T; buildMs: number; buildCpuMs: number } {
  const cpu = process.cpuUsage(), start = performance.now();
  const value = build();
  return { value, buildMs: Math.round(performance.now() - start), buildCpuMs: Math.round(cpuMs(cpu)) };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
// An ArrayBuffer's memory is released after the collection that finds it dead, so collect, let that
// finish, and collect again before reading memory figures.
async function settle(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
}
const mb = (bytes: number) => Math.round(bytes / 1048576);

// Typed arrays (the postings) live outside the JS heap, so the index's size counts both.
const heapAndBuffers = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;

export async function runSearchBench(opts: { size?: number; quiet?: boolean } = {}): Promise<object> {
  const size = opts.size ?? 100_000;
  const papers = syntheticPapers({ size });
  const queries = benchQueries(papers.map((p) => p.title));
  await settle();
  const before = process.memoryUsage();

  const { value: index, buildMs, buildCpuMs } = timed(() => SearchIndex.build(papers));
  await settle();
  const after = process.memoryUsage();
  const ours: Engine = { name: "papers-bot", search: (q, k) => index.search(q, { limit: k }).hits.map((h) => h.id) };
  const oursTiming = time(ours, queries);

  await settle();
  const beforeFts = process.memoryUsage();
  const { value: fts, buildMs: ftsBuildMs, buildCpuMs: ftsBuildCpuMs } = timed(() => buildFts5(papers));
  await settle();
  const afterFts = process.memoryUsage();
  const ftsTiming = time(fts, queries);
  fts.close();

  const seed = bundledCapture().papers;
  const seedIndex = SearchIndex.build(seed);
  const seedFts = buildFts5(seed);
  const quality = {
    "papers-bot": evaluate({ name: "papers-bot", search: (q, k) => seedIndex.search(q, { limit: k }).hits.map((h) => h.id) }, seed),
    "sqlite-fts5": evaluate(seedFts, seed),
    minisearch: evaluate(buildMiniSearch(seed), seed),
  };
  seedFts.close();
  const memory = process.memoryUsage();

  const report = {
    corpus: { papers: size, queries: queries.length },
    // indexMb: JS heap + ArrayBuffers the index added; rssAddedMb: what the process grew by (SQLite's
    // memory is outside the JS heap, so for FTS5 only rss shows it).
    "papers-bot": { buildMs, buildCpuMs, ...oursTiming, indexMb: mb(heapAndBuffers(after) - heapAndBuffers(before)),
      rssAddedMb: mb(after.rss - before.rss) },
    "sqlite-fts5": { buildMs: ftsBuildMs, buildCpuMs: ftsBuildCpuMs, ...ftsTiming,
      indexMb: mb(heapAndBuffers(afterFts) - heapAndBuffers(beforeFts)), rssAddedMb: mb(afterFts.rss - beforeFts.rss) },
    memory: { rssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed), arrayBuffersMb: mb(memory.arrayBuffers),
      rssBeforeIndexMb: mb(before.rss), rssAfterIndexMb: mb(after.rss) },
    ndcg10: Object.fromEntries(Object.entries(quality).map(([name, r]) => [name, r.ndcg10])),
    ndcg10ByKind: Object.fromEntries(Object.entries(quality).map(([name, r]) => [name, r.byKind])),
  };
  if (!opts.quiet) print(report);
  return report;
}

function print(r: Record<string, unknown>): void {
  console.log(`search bench — ${JSON.stringify(r.corpus)}`);
  console.table({ "papers-bot": r["papers-bot"], "sqlite-fts5": r["sqlite-fts5"] });
  console.log("memory (whole process, MB):", r.memory);
  console.log("nDCG@10 on the development set (bench/judgments.ts):");
  console.table(r.ndcg10ByKind);
  console.log(r.ndcg10);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runSearchBench({ size: process.argv[2] ? Number(process.argv[2]) : undefined });
}
