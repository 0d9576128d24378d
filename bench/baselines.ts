// The engines ours is compared against: SQLite FTS5 with bm25 (porter, unicode61, diacritics removed)
// and MiniSearch with its usual options (title boost, prefix and fuzzy matching).
import Database from "better-sqlite3";
import MiniSearch from "minisearch";
import type { Paper } from "../src/core/paper.ts";

export interface Engine { name: string; search(query: string, limit: number): string[] }

/** Each word of the query quoted (so nothing is FTS5 syntax) and OR-ed, ranked by plain bm25. */
export function fts5Query(query: string): string {
  const words = query.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(" OR ");
}

export function buildFts5(papers: Paper[]): Engine & { close(): void } {
  const db = new Database(":memory:");
  db.exec(`CREATE VIRTUAL TABLE papers USING fts5(id UNINDEXED, title, summary,
    tokenize = 'porter unicode61 remove_diacritics 2')`);
  const insert = db.prepare("INSERT INTO papers (id, title, summary) VALUES (?, ?, ?)");
  db.transaction(() => { for (const p of papers) insert.run(p.id, p.title, p.summary); })();
  const select = db.prepare("SELECT id FROM papers WHERE papers MATCH ? ORDER BY bm25(papers) LIMIT ?").pluck();
  return {
    name: "sqlite-fts5",
    search(query, limit) {
      const match = fts5Query(query);
      return match ? (select.all(match, limit) as string[]) : [];
    },
    close: () => db.close(),
  };
}

export function buildMiniSearch(papers: Paper[]): Engine {
  const mini = new MiniSearch<Paper>({
    fields: ["title", "summary"], storeFields: [],
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
  });
  mini.addAll(papers);
  return { name: "minisearch", search: (query, limit) => mini.search(query).slice(0, limit).map((r) => String(r.id)) };
}
