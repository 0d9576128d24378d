import { bundledCapture } from "../src/core/bundled.ts";
import { SearchIndex } from "../src/core/search/index.ts";
import { splitByRelevance } from "../src/core/relevance.ts";
import { JUDGMENTS } from "./judgments.ts";
import { FRESH } from "./judgments-fresh.ts";
import { HELD_OUT, heldOutPapers } from "./judgments-heldout.ts";
import { gradesById } from "./quality.ts";
const sets = [["dev", bundledCapture().papers, JUDGMENTS], ["held", heldOutPapers(), HELD_OUT], ["fresh", heldOutPapers(), FRESH]] as const;
const extra = process.argv.slice(2);
for (const [name, papers, judgments] of sets) {
  const index = SearchIndex.build(papers);
  const title = new Map(papers.map((p) => [p.id, p.title]));
  for (const j of judgments) {
    const grades = gradesById(papers as any, j.grades);
    const { hits, total } = index.search(j.query, { limit: 1000 });
    const { strong } = splitByRelevance(index, j.query, hits, total);
    const cov = index.coverage(j.query, strong.map((h) => h.id));
    const lost = strong.filter((h, i) => cov.counts[i]! < cov.of);
    const lostGood = lost.filter((h) => (grades.get(h.id) ?? 0) >= 2);
    const lostBad = lost.filter((h) => (grades.get(h.id) ?? 0) === 0);
    if (lost.length) console.log(`${name} | ${j.query} | of ${cov.of} | strong ${strong.length} | dropped ${lost.length}: good ${lostGood.length} ${lostGood.map((h) => title.get(h.id)!.slice(0, 30)).join("; ")} | bad ${lostBad.length}`);
  }
}
if (extra.length) {
  const index = SearchIndex.build(bundledCapture().papers);
  for (const q of extra) {
    const { hits, total } = index.search(q, { limit: 1000 });
    const { strong } = splitByRelevance(index, q, hits, total);
    const cov = index.coverage(q, strong.map((h) => h.id));
    console.log(q, cov.of, strong.map((h, i) => `${cov.counts[i]} ${h.score.toFixed(2)}`).join(" | "));
  }
}
