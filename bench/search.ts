// Search benchmark. Speed and memory on two generated corpora — realistic (bench/realistic-corpus.ts:
// hundreds of thousands of distinct words) and seed-recombined (bench/corpus.ts: the bundled papers'
// ~3,400 words) — for ours, SQLite FTS5 and MiniSearch, each built from the same text and asked the same
// queries in the same run (bench/baselines.ts says how the baselines are set up). Then ranking quality
// (nDCG@10) on the judged sets of bench/search-quality.ts (which runs only these): the development set over
// the bundled papers, and the held-out, fresh and two blind sets over the bundled papers plus the Hugging
// Face fixture days. Run directly for a table:
//   node --expose-gc --import tsx bench/search.ts [size] [--corpus realistic|seed] [--ours-only] [--json]
import { pathToFileURL } from "node:url";
import type { Paper } from "../src/core/paper.ts";
import { SearchIndex } from "../src/core/search/index.ts";
import { buildFts5, buildMiniSearch, type Engine } from "./baselines.ts";
import { seededRandom, syntheticPapers } from "./corpus.ts";
import { distinctWords, realisticPapers } from "./realistic-corpus.ts";
import { runQualityBench } from "./search-quality.ts";
import { quantile } from "./stats.ts";

// Queries people type: acronyms, topics, partial words, typos, stopword-only, and some long ones.
const TYPED_QUERIES = ["moe", "mixture of experts", "state space models", "rlhf", "mllm", "pokemon", "mamb",
  "quantiz", "model merging", "reinforcment lerning", "large language models reasoning benchmark", "the",
  "multi-agent reinforcement learning", "chain of thought", "world models", "llm agents playing games",
  "model-based rl", "survey", "vision language model evaluation", "open source language models"];
const QUERY_COUNT = 300;
const MINISEARCH_QUERIES = 100;

export type CorpusName = "realistic" | "seed";
const CORPORA: Record<CorpusName, (size: number) => Paper[]> = {
  realistic: (size) => realisticPapers({ size }),
  seed: (size) => syntheticPapers({ size }),
};

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

const gc = () => (globalThis as { gc?: () => void }).gc?.();
// An ArrayBuffer's memory is released after the collection that finds it dead, so collect, let that
// finish, and collect again before reading memory figures.
async function settle(): Promise<NodeJS.MemoryUsage> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  return process.memoryUsage();
}
const mb = (bytes: number) => Math.round(bytes / 1048576);
// Typed arrays (our postings and vocabulary) live outside the JS heap, so an index's size counts both.
const heapAndBuffers = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;

interface EngineRun { buildMs: number; buildCpuMs: number; indexMb: number; rssAddedMb: number; timing: Timing }

/** Builds an engine, measures what it added to memory, times the queries, then lets it go. */
async function measure(build: () => Engine & { close?(): void }, queries: string[]): Promise<EngineRun> {
  const before = await settle();
  const cpu = process.cpuUsage(), start = performance.now();
  const engine = build();
  const buildMs = Math.round(performance.now() - start), buildCpuMs = Math.round(cpuMs(cpu));
  const after = await settle();
  const timing = time(engine, queries);
  engine.close?.();
  // indexMb: JS heap + ArrayBuffers the engine added; rssAddedMb: what the process grew by (SQLite's
  // memory is outside the JS heap, so for FTS5 only rss shows it).
  return { buildMs, buildCpuMs, indexMb: mb(heapAndBuffers(after) - heapAndBuffers(before)), rssAddedMb: mb(after.rss - before.rss), timing };
}

const ours = (papers: Paper[]): Engine & { index: SearchIndex } => {
  const index = SearchIndex.build(papers);
  return { name: "papers-bot", index, search: (q, k) => index.search(q, { limit: k }).hits.map((h) => h.id) };
};

export interface SpeedOptions { size: number; corpus: CorpusName; oursOnly?: boolean }

/** Speed and memory of each engine on one generated corpus. */
export async function speedOn({ size, corpus, oursOnly = false }: SpeedOptions): Promise<Record<string, unknown>> {
  const papers = CORPORA[corpus](size);
  const queries = benchQueries(papers.map((p) => p.title));
  const words = distinctWords(papers);
  let parts: Record<string, number> = {}, disk: Record<string, number> = {};
  const mine = await measure(() => { const e = ours(papers); parts = e.index.memory(); disk = e.index.disk(); return e; }, queries);
  const inMb = (bytes: Record<string, number>) => Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, mb(v)]));
  const result: Record<string, unknown> = {
    corpus: { name: corpus, papers: size, distinctWords: words, queries: queries.length },
    // indexMb is memory (heap + ArrayBuffers); the parts kept in a temporary file (forward.ts) come on top.
    "papers-bot": { ...flat(mine), indexPartsMb: inMb(parts), indexOnDiskMb: inMb(disk) },
  };
  if (oursOnly) return result;
  const fts = await measure(() => buildFts5(papers), queries);
  // MiniSearch's fuzzy search takes ~0.1-1 s a query at this size: it is timed on the first 100 queries
  // (the typed ones and 80 drawn), so the bench ends in minutes.
  const mini = await measure(() => buildMiniSearch(papers), queries.slice(0, MINISEARCH_QUERIES));
  result["sqlite-fts5"] = flat(fts);
  result.minisearch = { ...flat(mini), queriesTimed: MINISEARCH_QUERIES };
  result.vsFts5 = { build: r3(mine.buildMs / fts.buildMs), p95: r3(mine.timing.p95Ms / fts.timing.p95Ms),
    cpuP95: r3(mine.timing.cpuP95Ms / fts.timing.cpuP95Ms) };
  return result;
}

const flat = (run: EngineRun) => ({ buildMs: run.buildMs, buildCpuMs: run.buildCpuMs, ...run.timing, indexMb: run.indexMb, rssAddedMb: run.rssAddedMb });

export async function runSearchBench(opts: { size?: number; quiet?: boolean; corpora?: CorpusName[] } = {}): Promise<object> {
  const size = opts.size ?? 100_000;
  const speed: Record<string, unknown> = {};
  for (const corpus of opts.corpora ?? (["realistic", "seed"] as CorpusName[])) speed[corpus] = await speedOn({ size, corpus });
  const quality = await runQualityBench({ quiet: true }) as Record<string, { ndcg10: object; byKind: object }>;
  const memory = process.memoryUsage();
  const report = { speed, quality, processMemoryMb: { rss: mb(memory.rss), heapUsed: mb(memory.heapUsed), arrayBuffers: mb(memory.arrayBuffers) } };
  if (!opts.quiet) print(report);
  return report;
}

function print(r: { speed: Record<string, unknown>; quality: Record<string, { ndcg10: object; byKind: object }> }): void {
  for (const [name, run] of Object.entries(r.speed) as [string, Record<string, Record<string, unknown>>][]) {
    console.log(`\nspeed and memory — ${name} corpus: ${JSON.stringify(run.corpus)}`);
    const rows = Object.fromEntries(["papers-bot", "sqlite-fts5", "minisearch"].filter((e) => run[e]).map((e) => {
      const { indexPartsMb: _, indexOnDiskMb: __, ...row } = run[e]!;
      return [e, row];
    }));
    console.table(rows);
    console.log("papers-bot index parts in memory (MB):", run["papers-bot"]!.indexPartsMb);
    console.log(`papers-bot forward terms on disk: ${(run["papers-bot"]!.indexOnDiskMb as Record<string, number>).forward} MB`);
    if (run.vsFts5) console.log("papers-bot ÷ FTS5 (build, p95, CPU p95):", run.vsFts5);
  }
  for (const [name, q] of Object.entries(r.quality)) {
    console.log(`\nnDCG@10 — ${name} set:`, q.ndcg10);
    console.table(q.byKind);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const corpus = args.includes("--corpus") ? (args[args.indexOf("--corpus") + 1] as CorpusName) : undefined;
  if (args.includes("--ours-only") || args.includes("--json")) {
    const result = await speedOn({ size, corpus: corpus ?? "realistic", oursOnly: args.includes("--ours-only") });
    console.log(args.includes("--json") ? JSON.stringify(result) : result);
  } else {
    await runSearchBench({ size, corpora: corpus ? [corpus] : undefined });
  }
}
