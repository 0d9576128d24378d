// nDCG@10 of an engine on a judged query set: the development set (bench/judgments.ts) over the bundled
// papers, or the held-out set (bench/judgments-heldout.ts) over the bundled papers plus the fixture days.
import type { Paper } from "../src/core/paper.ts";
import { JUDGMENTS, type Judgment } from "./judgments.ts";
import type { Engine } from "./baselines.ts";

const K = 10;

/** Grades keyed by paper id; a judgment naming no paper (or two) is a broken judgment, so it throws. */
export function gradesById(papers: Paper[], grades: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [prefix, grade] of Object.entries(grades)) {
    const matches = papers.filter((p) => p.title.startsWith(prefix));
    if (matches.length !== 1) throw new Error(`judgment "${prefix}" matches ${matches.length} papers`);
    out.set(matches[0]!.id, grade);
  }
  return out;
}

export function ndcgAt(ranked: string[], grades: Map<string, number>, k = K): number {
  const dcg = (gains: number[]) => gains.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...grades.values()].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => grades.get(id) ?? 0)) / ideal;
}

export interface QualityReport { ndcg10: number; byKind: Record<string, number>; perQuery: Record<string, number> }

export function evaluate(engine: Engine, papers: Paper[], judgments: Judgment[] = JUDGMENTS): QualityReport {
  const perQuery: Record<string, number> = {};
  const kinds = new Map<string, number[]>();
  for (const judgment of judgments) {
    const score = ndcgAt(engine.search(judgment.query, K), gradesById(papers, judgment.grades));
    perQuery[judgment.query] = round(score);
    kinds.set(judgment.kind, [...(kinds.get(judgment.kind) ?? []), score]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const byKind = Object.fromEntries([...kinds].map(([kind, xs]) => [kind, round(mean(xs))]));
  return { ndcg10: round(mean(Object.values(perQuery))), byKind, perQuery };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
