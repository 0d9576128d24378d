// Fills a benchmark database with many papers fast. Prisma's createMany costs ~0.4 ms of CPU per paper
// here, which made loading 100k papers most of a bench's run; a prepared statement in one transaction
// takes about a second. Only for fresh bench databases: the bot's own writes go through PaperStore.
import Database from "better-sqlite3";
import pg from "pg";
import type { Paper } from "../src/core/paper.ts";
import { toRow } from "../src/persistence/prisma/paper-rows.ts";
import { sqlitePath } from "../src/persistence/sqlite/database-file.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { createServices } from "../src/app/services.ts";
import { freshDatabase } from "../tests/support/database.ts";

const COLUMNS = ["id", "arxivId", "titleKey", "title", "summary", "authors", "keywords", "githubRepo", "publishedAt", "upvotes", "source", "updatedAt"] as const;

/**
 * The database must already be migrated (createServices does that). The rows are stamped an hour old, as
 * in a database filled long before the bot starts: a replica's sync, which re-reads the last 150 s
 * (catalog.ts), never picks them up again in the middle of a bench.
 */
export async function bulkLoadPapers(databaseUrl: string, papers: Paper[]): Promise<void> {
  const loadedAt = new Date(Date.now() - 3_600_000);
  const rows = papers.map((p) => ({ ...toRow(p, "bench"), updatedAt: loadedAt }));
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(sqlitePath(databaseUrl));
    const insert = db.prepare(`INSERT OR IGNORE INTO "Paper" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`);
    // As Prisma's SQLite adapter writes a DateTime (its default "iso8601" format), so dates compare as text.
    const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
    db.transaction(() => { for (const r of rows) insert.run(...COLUMNS.map((c) => r[c] instanceof Date ? sqliteDate(r[c] as Date) : r[c])); })();
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const values = chunk.map((_, i) => `(${COLUMNS.map((__, j) => `$${i * COLUMNS.length + j + 1}`).join(", ")})`).join(", ");
      await client.query(`INSERT INTO "Paper" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${values} ON CONFLICT DO NOTHING`,
        chunk.flatMap((r) => COLUMNS.map((c) => r[c])));
    }
  } finally { await client.end(); }
}

/**
 * A fresh database (SQLite file, or a PostgreSQL schema under TEST_DATABASE_URL) holding `papers`, and the
 * services a bot starts with on it: the catalog and index are built from the stored papers, as at start-up.
 * `close()` closes the services and drops the database.
 */
export async function servicesWithPapers(env: Record<string, string>, papers: Paper[]) {
  const database = await freshDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: "silent", HF_REFRESH: "off", ...env });
  const log = createLogger({ level: "silent" });
  await (await createServices(config, log)).close(); // migrates the new database
  await bulkLoadPapers(config.DATABASE_URL, papers);
  const services = await createServices(config, log);
  return { services, close: async () => { await services.close(); await database.drop(); } };
}
