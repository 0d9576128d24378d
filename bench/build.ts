// Index build only: ours beside SQLite FTS5 (set up as in bench/baselines.ts) on the realistic corpus,
// in the same run, several rounds alternating which goes first, so a loaded machine hits both alike.
// Quicker to rerun than the search bench (no queries, no MiniSearch, no quality sets). Reports each
// engine's median wall and CPU build time, their ratio, and our index's memory by part.
//   node --expose-gc --import tsx bench/build.ts [size] [--rounds n]
// With --against <dir> it also builds with the SearchIndex of another checkout's src/core/search (e.g.
// one made by `git archive <commit> src | tar -x -C <dir>`), for a before/after in one process.
import { pathToFileURL } from "node:url";
import type { Paper } from "../src/core/paper.ts";
import { SearchIndex } from "../src/core/search/index.ts";
import { buildFts5 } from "./baselines.ts";
import { realisticPapers } from "./realistic-corpus.ts";
import { quantile } from "./stats.ts";

interface Builder { name: string; build(papers: Paper[]): { memory?(): Record<string, number>; close?(): void } }

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 1048576);
const heapAndBuffers = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };

interface Sample { wallMs: number; cpuMs: number; indexMb: number; partsMb: Record<string, number> }

function buildOnce(builder: Builder, papers: Paper[]): Sample {
  gc(); gc();
  const before = heapAndBuffers();
  const cpu = process.cpuUsage(), start = performance.now();
  const built = builder.build(papers);
  const wallMs = performance.now() - start, { user, system } = process.cpuUsage(cpu);
  gc(); gc();
  const indexMb = mb(heapAndBuffers() - before);
  const partsMb = Object.fromEntries(Object.entries(built.memory?.() ?? {}).map(([k, v]) => [k, mb(v)]));
  built.close?.();
  return { wallMs, cpuMs: (user + system) / 1000, indexMb, partsMb };
}

const ours = (SearchIndexClass: { build(papers: Iterable<Paper>): { memory(): Record<string, number> } }, name: string): Builder =>
  ({ name, build: (papers) => SearchIndexClass.build(papers) });
const fts5: Builder = { name: "sqlite-fts5", build: (papers) => buildFts5(papers) };

export async function runBuildBench(opts: { size?: number; rounds?: number; against?: string } = {}): Promise<object> {
  const size = opts.size ?? 100_000, rounds = opts.rounds ?? 3;
  const papers = realisticPapers({ size });
  const builders = [ours(SearchIndex, "papers-bot"), fts5];
  if (opts.against) {
    const other = await import(pathToFileURL(`${opts.against}/src/core/search/index.ts`).href);
    builders.push(ours(other.SearchIndex, "papers-bot (against)"));
  }
  const samples = new Map<string, Sample[]>(builders.map((b) => [b.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? builders : [...builders].reverse();
    for (const builder of order) samples.get(builder.name)!.push(buildOnce(builder, papers));
  }
  const median = (name: string, key: "wallMs" | "cpuMs") => Math.round(quantile(samples.get(name)!.map((s) => s[key]), 0.5));
  const rows = Object.fromEntries(builders.map((b) => {
    const last = samples.get(b.name)!.at(-1)!;
    return [b.name, { buildMs: median(b.name, "wallMs"), buildCpuMs: median(b.name, "cpuMs"),
      allMs: samples.get(b.name)!.map((s) => Math.round(s.wallMs)).join(" "), indexMb: last.indexMb }];
  }));
  const ratio = (key: "wallMs" | "cpuMs") => Math.round((median("papers-bot", key) / median("sqlite-fts5", key)) * 1000) / 1000;
  const report = { papers: size, rounds, engines: rows, oursIndexPartsMb: samples.get("papers-bot")!.at(-1)!.partsMb,
    oursVsFts5: { build: ratio("wallMs"), buildCpu: ratio("cpuMs") } };
  console.table(rows);
  console.log("papers-bot index parts (MB):", report.oursIndexPartsMb);
  console.log("papers-bot ÷ FTS5 build (wall, CPU):", report.oursVsFts5);
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const size = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--rounds") ?? 100_000);
  await runBuildBench({ size, rounds: Number(flag("--rounds") ?? 3), against: flag("--against") });
}
