// The search index at a million realistic papers: build, memory, query latency (ours only: FTS5 would
// add minutes and ~2 GB; the 100k run compares engines). Not part of CI or of `npm run bench` with no
// names: run it as `npm run bench -- search-1m`. The million papers' text alone is ~2 GB of JS strings,
// more than Node's default heap, so it runs in a child process with a larger one.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const SIZE = 1_000_000;
const HEAP_MB = 16_384;

export async function runSearch1mBench(): Promise<object> {
  const script = fileURLToPath(new URL("./search.ts", import.meta.url));
  const run = spawnSync(process.execPath, ["--expose-gc", `--max-old-space-size=${HEAP_MB}`, "--import", "tsx", script, String(SIZE), "--ours-only", "--json"],
    { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`the 1M search bench failed (exit ${run.status})`);
  const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as Record<string, unknown>;
  console.log("search at 1M realistic papers:", JSON.stringify(result, null, 1));
  return result;
}
