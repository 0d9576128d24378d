// The papers this process serves, in memory, with their search index. The database is the truth;
// sync() folds in what another replica (or an ingest) wrote, so staleness is bounded by how often it runs.
//
// Abstracts are most of a paper's bytes (~150 MB of strings at 100k papers) and lists show only a card's
// blurb of one, while the index keeps its own terms (search/forward.ts). So the papers kept here have
// their abstract cut to what a card can show (cardBlurb cuts a kept abstract exactly as the whole one);
// the whole abstract, for the one paper a discussion thread shows, comes from the database: full().
import { BLURB_CHARS } from "./messages/card-extras.ts";
import type { Paper } from "./paper.ts";
import { SearchIndex, type SearchHit } from "./search/index.ts";
import { hashChars } from "./search/strings.ts";
import type { PaperStore } from "./stores/papers.ts";

// A row's updatedAt is stamped by the writer's clock when it writes, but the row becomes visible only
// when its transaction commits, up to the 120 s transaction timeout later (PaperStore), and replicas'
// clocks drift a little. Re-reading that much overlap each sync means such a row is never skipped;
// rows already known are filtered out by value, so the overlap costs a read, not index work.
const SYNC_OVERLAP_MS = 150_000;
// A load collects once the heap and buffers have grown this much since its last collection (see load()).
// What grows is the catalog and index (~35 MB every 20k papers) plus the garbage of reading: little from
// SQLite's small pages (reader.ts), ~60 MB every 20k papers through Prisma from PostgreSQL. So SQLite
// collects about every 20k papers and PostgreSQL about every 10k (start-up peak 405 -> 361 MB at 100k).
const COLLECT_WHEN_GROWN = 48 << 20;

/** One more than a card's blurb: a longer abstract is then still longer, so it is cut (with "…") where the whole one would be. */
export const KEPT_SUMMARY_CHARS = BLURB_CHARS + 1;

/** `paper` with its abstract cut to KEPT_SUMMARY_CHARS; the cut is copied, so the whole string can be collected. */
function listed(paper: Paper): Paper {
  if (paper.summary.length <= KEPT_SUMMARY_CHARS) return paper;
  // A slice would be a view holding the whole abstract alive; a parsed copy owns only its characters (and
  // stays one byte a character where the text allows, unlike a string decoded from UTF-16 bytes).
  return { ...paper, summary: JSON.parse(JSON.stringify(paper.summary.slice(0, KEPT_SUMMARY_CHARS))) as string };
}

export class Catalog {
  private readonly byId = new Map<string, Paper>();
  private readonly byArxiv = new Map<string, string>();
  /** Hash (hashChars) of each whole abstract longer than what is kept: how sync() tells one changed past the cut. */
  private readonly cutAbstracts = new Map<string, number>();
  private lastSync = new Date(0);

  private constructor(private readonly store: PaperStore, readonly index: SearchIndex) {}

  /**
   * `collect`, when given, is the process's collector (app/): asked after every page read whether memory
   * has grown by COLLECT_WHEN_GROWN, so the pages already indexed are freed as the load goes rather than
   * piling up to its end (V8 lets dead objects accumulate while a heap grows: ~200 MB of read pages at 100k
   * papers, in the resident set's peak), and run between the index build's last steps (SearchIndex.loadPages).
   * `count`: the papers in the store, when the caller has just counted them (it sizes the index build).
   */
  static async load(store: PaperStore, options: { collect?: (ifGrownBy?: number) => Promise<void>; count?: number } = {}): Promise<Catalog> {
    const startedAt = new Date();
    const catalog = new Catalog(store, new SearchIndex());
    // Page by page: each page's whole abstracts are indexed, cut, and let go before the next is read.
    const collect = options.collect;
    async function* remembered(): AsyncGenerator<Paper[]> {
      for await (const page of store.pages()) {
        yield page;
        for (const paper of page) catalog.remember(paper);
        await collect?.(COLLECT_WHEN_GROWN);
      }
    }
    await catalog.index.loadPages(remembered(), options.count ?? await store.count(), collect && (() => collect()));
    catalog.lastSync = startedAt;
    return catalog;
  }

  private remember(paper: Paper): void {
    this.byId.set(paper.id, listed(paper));
    if (paper.summary.length > KEPT_SUMMARY_CHARS) this.cutAbstracts.set(paper.id, hashChars(paper.summary));
    else this.cutAbstracts.delete(paper.id);
    if (paper.arxivId) this.byArxiv.set(paper.arxivId, paper.id);
  }

  /** Whether `paper` (from the database) differs from what this catalog knows of it. */
  private differs(paper: Paper): boolean {
    if (JSON.stringify(listed(paper)) !== JSON.stringify(this.byId.get(paper.id))) return true;
    return paper.summary.length > KEPT_SUMMARY_CHARS && this.cutAbstracts.get(paper.id) !== hashChars(paper.summary);
  }

  get size(): number { return this.byId.size; }

  /** By id or arXiv id; its abstract cut to what a card shows (full() has the whole). */
  get(id: string): Paper | undefined {
    return this.byId.get(id) ?? this.byId.get(this.byArxiv.get(id) ?? "");
  }

  /** By id or arXiv id: from memory (abstract cut, as get()), or from the database when another process wrote it since the last sync. */
  async find(id: string): Promise<Paper | null> {
    return this.get(id) ?? (await this.store.get(id));
  }

  /** By id or arXiv id, with its whole abstract: one read of the database. */
  async full(id: string): Promise<Paper | null> {
    return this.store.get(id);
  }

  /** Papers whose id starts with `prefix` (a card's short id, "t-3f9a1c"), up to `limit`. A scan: only
   * for what a person typed, after the exact look-ups missed. */
  withIdPrefix(prefix: string, limit = 2): Paper[] {
    const found: Paper[] = [];
    if (prefix.length < 4) return found;
    for (const [id, paper] of this.byId) if (id.startsWith(prefix) && found.push(paper) >= limit) break;
    return found;
  }

  papers(hits: SearchHit[]): Paper[] {
    return hits.map((h) => this.byId.get(h.id)).filter((p): p is Paper => p !== undefined);
  }

  /** Take papers this process just wrote, without waiting for the next sync. */
  apply(papers: Paper[]): void {
    for (const paper of papers) { this.remember(paper); this.index.upsert(paper); }
  }

  async sync(): Promise<number> {
    const startedAt = new Date();
    const changed = await this.store.changedSince(new Date(this.lastSync.getTime() - SYNC_OVERLAP_MS));
    const fresh = changed.filter((p) => this.differs(p));
    this.apply(fresh);
    this.lastSync = startedAt;
    return fresh.length;
  }
}
