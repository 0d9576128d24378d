// Ranking quality alone (no speed runs): nDCG@10 of ours, SQLite FTS5 and MiniSearch on the seven judged
// sets — development (judgments.ts), held-out (judgments-heldout.ts), fresh (judgments-fresh.ts), blind
// (judgments-blind.ts) and three more blind sets (judgments-blind2.ts to judgments-blind4.ts), never tuned on.
//   node --import tsx bench/search-quality.ts [--queries]   (--queries: ours' per-query scores too)
import { pathToFileURL } from "node:url";
import { bundledCapture } from "../src/core/bundled.ts";
import type { Paper } from "../src/core/paper.ts";
import { SearchIndex } from "../src/core/search/index.ts";
import { buildFts5, buildMiniSearch, type Engine } from "./baselines.ts";
import { JUDGMENTS, type Judgment } from "./judgments.ts";
import { FRESH } from "./judgments-fresh.ts";
import { BLIND } from "./judgments-blind.ts";
import { BLIND2 } from "./judgments-blind2.ts";
import { BLIND3 } from "./judgments-blind3.ts";
import { BLIND4 } from "./judgments-blind4.ts";
import { HELD_OUT, heldOutPapers } from "./judgments-heldout.ts";
import { evaluate, type QualityReport } from "./quality.ts";

export function oursOn(papers: Paper[]): Engine {
  const index = SearchIndex.build(papers);
  return { name: "papers-bot", search: (query, limit) => index.search(query, { limit }).hits.map((h) => h.id) };
}

/** nDCG@10 of the three engines on one judged set, overall and by kind, and ours per query. */
export function qualityOn(papers: Paper[], judgments: Judgment[]) {
  const engines: (Engine & { close?(): void })[] = [oursOn(papers), buildFts5(papers), buildMiniSearch(papers)];
  const reports: QualityReport[] = engines.map((engine) => evaluate(engine, papers, judgments));
  for (const engine of engines) engine.close?.();
  return {
    ndcg10: Object.fromEntries(engines.map((e, i) => [e.name, reports[i]!.ndcg10])),
    byKind: Object.fromEntries(engines.map((e, i) => [e.name, reports[i]!.byKind])),
    perQuery: reports[0]!.perQuery,
  };
}

export function judgedSets() {
  const bundled = bundledCapture().papers, heldOut = heldOutPapers();
  return {
    development: qualityOn(bundled, JUDGMENTS),
    heldOut: qualityOn(heldOut, HELD_OUT),
    fresh: qualityOn(heldOut, FRESH),
    blind: qualityOn(heldOut, BLIND),
    blind2: qualityOn(heldOut, BLIND2),
    blind3: qualityOn(heldOut, BLIND3),
    blind4: qualityOn(heldOut, BLIND4),
  };
}

export async function runQualityBench(opts: { quiet?: boolean; queries?: boolean } = {}): Promise<object> {
  const sets = judgedSets();
  if (!opts.quiet) {
    for (const [name, q] of Object.entries(sets)) {
      console.log(`\nnDCG@10 — ${name} set:`, q.ndcg10);
      console.table(q.byKind);
      if (opts.queries) console.log(q.perQuery);
    }
  }
  return Object.fromEntries(Object.entries(sets).map(([name, { perQuery: _, ...q }]) => [name, q]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runQualityBench({ queries: process.argv.includes("--queries") });
}
