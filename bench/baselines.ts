// The engines ours is compared against, each set up the way its own users would set it up for this job,
// on the same text as ours (fieldText: LaTeX folded; title, abstract, keywords, authors) and with the same
// query handling ours gets for free: our stopwords dropped (unless the query is nothing else), the last
// word also matched as a prefix (people type it unfinished), the words OR-ed and ranked.
//   - SQLite FTS5: porter stemming, unicode61 with diacritics removed, bm25 with our field weights as its
//     column weights (title 3, abstract 1, keywords 2, authors 1).
//   - MiniSearch: the same fields and boosts, accents folded, fuzzy matching (its usual options).
import Database from "better-sqlite3";
import MiniSearch from "minisearch";
import type { Paper } from "../src/core/paper.ts";
import { fieldText } from "../src/core/search/analyzer.ts";
import { isStopword } from "../src/core/search/query.ts";
import { foldAccents } from "../src/core/search/tokenize.ts";

export interface Engine { name: string; search(query: string, limit: number): string[] }

const FIELD_WEIGHTS = { title: 3, summary: 1, keywords: 2, authors: 1 } as const;
const FIELDS = Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[];



/** The words of a query as both baselines get them: folded, lower-case, stopwords dropped unless that leaves none. */
export function baselineQueryWords(query: string): string[] {
  const words = (foldAccents(query.normalize("NFKC")).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const content = words.filter((w) => !isStopword(w));
  return content.length ? content : words;
}

/** Each word quoted (so nothing is FTS5 syntax), the last one also as a prefix, OR-ed. */
export function fts5Query(query: string): string {
  const words = baselineQueryWords(query);
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(" OR ");
}

const textOf = (paper: Paper) => ({ title: fieldText(0, paper), summary: fieldText(1, paper),
  keywords: fieldText(2, paper), authors: fieldText(3, paper) });

export function buildFts5(papers: Iterable<Paper>): Engine & { close(): void } {
  const db = new Database(":memory:");
  db.exec(`CREATE VIRTUAL TABLE papers USING fts5(id UNINDEXED, ${FIELDS.join(", ")},
    tokenize = 'porter unicode61 remove_diacritics 2')`);
  const insert = db.prepare(`INSERT INTO papers (id, ${FIELDS.join(", ")}) VALUES (?, ${FIELDS.map(() => "?").join(", ")})`);
  db.transaction(() => {
    for (const p of papers) { const t = textOf(p); insert.run(p.id, ...FIELDS.map((f) => t[f])); }
  })();
  const weights = [0, ...FIELDS.map((f) => FIELD_WEIGHTS[f])].join(", ");
  const select = db.prepare(`SELECT id FROM papers WHERE papers MATCH ? ORDER BY bm25(papers, ${weights}) LIMIT ?`).pluck();
  return {
    name: "sqlite-fts5",
    search(query, limit) {
      const match = fts5Query(query);
      return match ? (select.all(match, limit) as string[]) : [];
    },
    close: () => db.close(),
  };
}

export function buildMiniSearch(papers: Iterable<Paper>): Engine {
  const mini = new MiniSearch<Paper>({
    fields: FIELDS, storeFields: [],
    extractField: (paper, field) => (field === "id" ? paper.id : textOf(paper)[field as keyof typeof FIELD_WEIGHTS]),
    processTerm: (term) => foldAccents(term).toLowerCase(),
    searchOptions: { boost: { title: FIELD_WEIGHTS.title, keywords: FIELD_WEIGHTS.keywords }, fuzzy: 0.2,
      prefix: (_term, i, terms) => i === terms.length - 1 },
  });
  mini.addAll([...papers]);
  return {
    name: "minisearch",
    search(query, limit) {
      const words = baselineQueryWords(query);
      return words.length ? mini.search(words.join(" ")).slice(0, limit).map((r) => String(r.id)) : [];
    },
  };
}
