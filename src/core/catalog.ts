// The papers this process serves, in memory, with their search index. The database is the truth;
// sync() folds in what another replica (or an ingest) wrote, so staleness is bounded by how often it runs.
import type { Paper } from "./paper.ts";
import { SearchIndex, type SearchHit } from "./search/index.ts";
import type { PaperStore } from "./stores/papers.ts";

// A row's updatedAt is stamped by the writer's clock when it writes, but the row becomes visible only
// when its transaction commits, up to the 120 s transaction timeout later (PaperStore), and replicas'
// clocks drift a little. Re-reading that much overlap each sync means such a row is never skipped;
// rows already known are filtered out by value, so the overlap costs a read, not index work.
const SYNC_OVERLAP_MS = 150_000;

export class Catalog {
  private readonly byId = new Map<string, Paper>();
  private readonly byArxiv = new Map<string, string>();
  private lastSync = new Date(0);

  private constructor(private readonly store: PaperStore, readonly index: SearchIndex) {}

  static async load(store: PaperStore): Promise<Catalog> {
    const startedAt = new Date();
    const papers = await store.all();
    const catalog = new Catalog(store, SearchIndex.build(papers));
    for (const paper of papers) catalog.remember(paper);
    catalog.lastSync = startedAt;
    return catalog;
  }

  private remember(paper: Paper): void {
    this.byId.set(paper.id, paper);
    if (paper.arxivId) this.byArxiv.set(paper.arxivId, paper.id);
  }

  get size(): number { return this.byId.size; }

  /** By id or arXiv id. */
  get(id: string): Paper | undefined {
    return this.byId.get(id) ?? this.byId.get(this.byArxiv.get(id) ?? "");
  }

  /** By id or arXiv id: from memory, or from the database when another process wrote it since the last sync. */
  async find(id: string): Promise<Paper | null> {
    return this.get(id) ?? (await this.store.get(id));
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
    const fresh = changed.filter((p) => JSON.stringify(p) !== JSON.stringify(this.byId.get(p.id)));
    this.apply(fresh);
    this.lastSync = startedAt;
    return fresh.length;
  }
}
