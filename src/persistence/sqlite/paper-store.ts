// The SQLite paper store: reads through better-sqlite3 (reader.ts), writes (and the index sync's
// changedSince) through the Prisma store, opened on demand. A process that only reads papers, like a
// one-shot search, never loads Prisma.
import type { Paper } from "../../core/paper.ts";
import type { IngestResult, PaperStore, TrendingList, UpsertResult } from "../../core/stores/papers.ts";
import type { PaperReader } from "./reader.ts";

export class SqlitePaperStore implements PaperStore {
  constructor(private readonly reader: PaperReader, private readonly prisma: PaperStore) {}

  count(): Promise<number> { return this.reader.count(); }
  upsert(papers: Paper[], source: string): Promise<UpsertResult> { return this.prisma.upsert(papers, source); }
  ingest(date: string, papers: Paper[], source: string): Promise<IngestResult> { return this.prisma.ingest(date, papers, source); }
  get(id: string): Promise<Paper | null> { return this.reader.get(id); }
  getMany(ids: string[]): Promise<Paper[]> { return this.reader.getMany(ids); }

  async all(): Promise<Paper[]> {
    const papers: Paper[] = [];
    for await (const page of this.reader.pages()) for (const paper of page) papers.push(paper);
    return papers;
  }

  pages(): AsyncIterable<Paper[]> { return this.reader.pages(); }
  changedSince(since: Date): Promise<Paper[]> { return this.prisma.changedSince(since); }
  trending(localDate?: string): Promise<TrendingList> { return this.reader.trending(localDate); }
}
