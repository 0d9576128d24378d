// The database side of search, on SQLite beside PostgreSQL: how long a replica takes to load 100k papers
// and build its index at start-up, and how long one index sync takes (the part of the staleness bound
// that is not INDEX_SYNC_SECONDS) when nothing changed and when another replica changed 1,000 papers.
//   npx tsx bench/database.ts            (PostgreSQL too when TEST_DATABASE_URL=postgresql://… is set)
import { performance } from "node:perf_hooks";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { createServices } from "../src/app/services.ts";
import { Catalog } from "../src/core/catalog.ts";
import { freshDatabase } from "../tests/support/database.ts";
import { syntheticPapers } from "./corpus.ts";
import { bulkLoadPapers } from "./load-papers.ts";

const SIZE = 100_000;
const CHANGED = 1_000;

async function measure(provider: "sqlite" | "postgresql") {
  if (provider === "postgresql" && !(process.env.TEST_DATABASE_URL ?? "").startsWith("postgres")) return null;
  const saved = process.env.TEST_DATABASE_URL;
  if (provider === "sqlite") delete process.env.TEST_DATABASE_URL;
  const database = await freshDatabase();
  process.env.TEST_DATABASE_URL = saved;
  const services = await createServices(loadConfig({ DATABASE_URL: database.url, HF_REFRESH: "off", LOG_LEVEL: "error" }), createLogger({ level: "error" }));
  try {
    const papers = syntheticPapers({ size: SIZE });
    await bulkLoadPapers(database.url, papers); // stamped an hour old: the "quiet" sync below is well after any ingest

    let t = performance.now();
    const replica = await Catalog.load(services.papers);
    const loadMs = performance.now() - t;

    t = performance.now();
    await replica.sync();
    const quietSyncMs = performance.now() - t;

    const edited = papers.slice(0, CHANGED).map((p) => ({ ...p, upvotes: p.upvotes + 1000 }));
    t = performance.now();
    await services.papers.upsert(edited, "bench"); // what another replica's refresh does
    const writeMs = performance.now() - t;
    t = performance.now();
    const changed = await replica.sync();
    const changedSyncMs = performance.now() - t;

    return { papers: replica.size, [`upsert${CHANGED}Ms`]: Math.round(writeMs), loadAndIndexMs: Math.round(loadMs),
      quietSyncMs: Math.round(quietSyncMs), [`sync${CHANGED}ChangedMs`]: Math.round(changedSyncMs), changedSeen: changed };
  } finally { await services.close(); await database.drop(); }
}

export async function runDatabaseBench(): Promise<object> {
  const result = { sqlite: await measure("sqlite"), postgresql: await measure("postgresql") };
  console.table(result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runDatabaseBench(), null, 2));
  process.exit(0);
}
