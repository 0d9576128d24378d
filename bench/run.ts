// `npm run bench`: every benchmark in one run, each printing its own table; all figures are written to
// bench/results.json (with the machine they ran on) so closing notes can quote them.
// Run one: `npm run bench -- search` (names: search, quality (search ranking alone), recommend, slack, discord,
// digest, database, locked, startup, memory; and search-1m, which runs only when named: a million papers take
// minutes and ~6 GB; and build, also only when named: the search bench's index builds, ours beside FTS5,
// without its queries). With
// TEST_DATABASE_URL=postgresql://… the database-backed benches run on PostgreSQL, filed as "<name>@postgresql".
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";

const benches: Record<string, [file: string, fn: string]> = {
  search: ["./search.ts", "runSearchBench"],
  quality: ["./search-quality.ts", "runQualityBench"],
  recommend: ["./recommend.ts", "runRecommendBench"],
  slack: ["./slack.ts", "runSlackBench"],
  discord: ["./discord.ts", "runDiscordBench"],
  digest: ["./digest.ts", "runDigestBench"],
  database: ["./database.ts", "runDatabaseBench"],
  locked: ["./locked.ts", "runLockedBench"],
  startup: ["./startup.ts", "runStartupBench"],
  memory: ["./memory.ts", "runMemoryBench"],
  "search-1m": ["./search-1m.ts", "runSearch1mBench"],
  build: ["./build.ts", "runBuildBench"],
};
const ONLY_WHEN_NAMED = new Set(["search-1m", "build"]);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !(w in benches));
if (unknown.length) { console.error(`Unknown bench ${unknown.join(", ")}; choose from ${Object.keys(benches).join(", ")}.`); process.exit(2); }

const resultsPath = new URL("./results.json", import.meta.url);
const previous = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : {};
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
// Each bench's figures carry the time and machine they were measured on: a run of one bench keeps the others'
// figures, which may come from another day's machine (the same VM class has been AMD one day, Intel the next).
const results: Record<string, unknown> = Object.fromEntries(Object.entries(previous.results ?? {}).map(([name, r]) =>
  [name, { ranAt: previous.ranAt, machine: previous.machine, ...(r as object) }]));
for (const name of wanted.length ? wanted : Object.keys(benches).filter((b) => !ONLY_WHEN_NAMED.has(b))) {
  const [file, fn] = benches[name]!;
  if (!existsSync(new URL(file, import.meta.url))) { console.log(`\n== ${name}: not present, skipped`); continue; }
  console.log(`\n== ${name}`);
  const started = Date.now();
  const module = await import(file);
  const key = (process.env.TEST_DATABASE_URL ?? "").startsWith("postgres") && name !== "search" ? `${name}@postgresql` : name;
  results[key] = { ranAt: new Date(started).toISOString(), machine, ...(await module[fn]()), seconds: Math.round((Date.now() - started) / 100) / 10 };
}
writeFileSync(resultsPath, JSON.stringify({ ranAt: new Date().toISOString(), machine, results }, null, 2) + "\n");
console.log(`\nFigures written to bench/results.json`);
process.exit(0);
