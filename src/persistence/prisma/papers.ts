// Papers and trending snapshots in the database (core/stores/papers.ts). Writes are idempotent: ingesting
// the same records twice changes nothing, and a snapshot is replaced whole inside one transaction or not at all.
import { titleKey, type Paper } from "../../core/paper.ts";
import { mergePaper, samePaper } from "../../core/paper-merge.ts";
import type { IngestResult, PaperStore, TrendingList, UpsertResult } from "../../core/stores/papers.ts";
import type { PrismaDb, PrismaTx } from "./client.ts";
import { fromRow, sharingStrings, toRow } from "./paper-rows.ts";

// Records per lookup, which sends their ids, title keys and arXiv ids as parameters: three lists of 300 stay
// under SQLite's limit on parameters in one query (500 made a day of 499 API papers fail there).
const CHUNK = 300;
// Rows per read when loading every paper (pages()): small, so a page dies young (sqlite/reader.ts).
const ALL_PAGE = 250;

async function upsertInto(tx: PrismaTx, papers: Paper[], source: string): Promise<UpsertResult> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const ids: string[] = [];
  const changedIds = new Set<string>();
  for (let start = 0; start < papers.length; start += CHUNK) {
    const chunk = papers.slice(start, start + CHUNK);
    const keys = chunk.map((p) => titleKey(p.title));
    const arxivIds = chunk.map((p) => p.arxivId).filter((id): id is string => id !== null);
    const existing = await tx.paper.findMany({ where: { OR: [{ id: { in: chunk.map((p) => p.id) } }, { titleKey: { in: keys } }, { arxivId: { in: arxivIds } }] } });
    const byArxiv = new Map(existing.filter((r) => r.arxivId).map((r) => [r.arxivId!, r]));
    // Several rows may share a title (two arXiv papers can): a record finds one by title only where no two
    // different arXiv ids say they are different papers (a capture record has none).
    const byKey = new Map<string, typeof existing>();
    const keep = (row: (typeof existing)[number]) => { const rows = byKey.get(row.titleKey) ?? []; byKey.set(row.titleKey, [...rows.filter((r) => r.id !== row.id), row]); };
    existing.forEach(keep);
    const byTitle = (key: string, arxivId: string | null) => byKey.get(key)?.find((r) => !r.arxivId || !arxivId || r.arxivId === arxivId);
    const byId = new Map(existing.map((r) => [r.id, r]));
    const fresh: ReturnType<typeof toRow>[] = [];
    // A record met twice in one batch (a list that repeats a paper) merges into the row not yet written.
    const freshIndex = new Map<string, number>();
    for (const [i, paper] of chunk.entries()) {
      const row = (paper.arxivId ? byArxiv.get(paper.arxivId) : undefined) ?? byId.get(paper.id) ?? byTitle(keys[i]!, paper.arxivId);
      if (!row) {
        const newRow = toRow(paper, source);
        freshIndex.set(paper.id, fresh.length);
        fresh.push(newRow); ids.push(paper.id); changedIds.add(paper.id); counts.added++;
        byId.set(paper.id, newRow);
        keep(newRow);
        if (newRow.arxivId) byArxiv.set(newRow.arxivId, newRow);
        continue;
      }
      ids.push(row.id);
      const stored = fromRow(row);
      // A row the API wrote first, written by the API again: its revision (not a capture row it enriched).
      const merged = mergePaper(stored, paper, source !== "capture" && row.source === source && paper.arxivId !== null);
      if (samePaper(stored, merged)) { counts.unchanged++; continue; }
      const pending = freshIndex.get(row.id);
      if (pending !== undefined) {
        fresh[pending] = toRow(merged, source);
        byId.set(row.id, fresh[pending]!);
        continue;
      }
      const { id: _id, source: _source, ...data } = toRow(merged, row.source);
      await tx.paper.update({ where: { id: row.id }, data });
      // The same paper again later in this batch merges with what we just wrote, not the stale row.
      const written = { ...row, ...data };
      byId.set(row.id, written); keep(written);
      if (written.arxivId) byArxiv.set(written.arxivId, written);
      counts.updated++; changedIds.add(row.id);
    }
    if (fresh.length > 0) await tx.paper.createMany({ data: fresh });
  }
  return { ...counts, ids, changedIds: [...changedIds] };
}

/**
 * The first statement of every paper-writing transaction: it takes a write lock that concurrent writers
 * (two replicas seeding an empty database, or both running the hourly refresh) queue on, so they upsert
 * one after the other instead of racing to insert the same rows. PostgreSQL: the upsert row-locks the
 * JobRun row until commit. SQLite: a transaction's first statement being a write takes the write lock
 * before any read, so the waiter (busy timeout) then sees the other's committed rows.
 */
async function lockPaperWrites(tx: PrismaTx): Promise<void> {
  await tx.$executeRawUnsafe(`INSERT INTO "JobRun" ("name") VALUES ('lock:paper-writes') ON CONFLICT ("name") DO UPDATE SET "name" = excluded."name"`);
}

export class PrismaPaperStore implements PaperStore {
  /** `pageSize`: rows per read in all() (tests make it small). */
  constructor(private readonly db: PrismaDb, private readonly pageSize = ALL_PAGE) {}

  async count(): Promise<number> { return this.db.paper.count(); }

  async upsert(papers: Paper[], source: string): Promise<UpsertResult> {
    return this.db.$transaction(async (tx) => { await lockPaperWrites(tx); return upsertInto(tx, papers, source); }, { timeout: 120_000 });
  }

  async ingest(date: string, papers: Paper[], source: string): Promise<IngestResult> {
    return this.db.$transaction(async (tx) => {
      await lockPaperWrites(tx);
      const counts = await upsertInto(tx, papers, source);
      const current = await tx.snapshotEntry.findMany({ where: { date }, orderBy: { rank: "asc" }, select: { paperId: true } });
      const snapshotChanged = current.map((e) => e.paperId).join() !== counts.ids.join();
      if (snapshotChanged) {
        await tx.snapshot.deleteMany({ where: { date } });
        await tx.snapshot.create({ data: { date, source } });
        const seen = new Set<string>();
        const entries = counts.ids.filter((id) => !seen.has(id) && seen.add(id)).map((paperId, i) => ({ date, rank: i + 1, paperId }));
        await tx.snapshotEntry.createMany({ data: entries });
      }
      return { ...counts, snapshotDate: date, snapshotChanged };
    }, { timeout: 120_000 });
  }

  async get(id: string): Promise<Paper | null> {
    const row = await this.db.paper.findFirst({ where: { OR: [{ id }, { arxivId: id }] } });
    return row ? fromRow(row) : null;
  }

  async getMany(ids: string[]): Promise<Paper[]> {
    if (ids.length === 0) return [];
    return (await this.db.paper.findMany({ where: { id: { in: ids } } })).map(fromRow);
  }

  async all(): Promise<Paper[]> {
    // In pages, so a 100k-paper start-up never holds every row twice (driver rows and papers) at once:
    // the process's resident set keeps what its peak made it map.
    const papers: Paper[] = [];
    for await (const page of this.pages()) for (const paper of page) papers.push(paper);
    return papers;
  }

  async *pages(): AsyncGenerator<Paper[]> {
    const shared = sharingStrings();
    const read = (after: string | null) => {
      const rows = Promise.resolve(this.db.paper.findMany({ ...(after === null ? {} : { where: { id: { gt: after } } }), orderBy: { id: "asc" }, take: this.pageSize }));
      // A read ahead can fail while the reader is still indexing the page before, or be left unawaited when
      // the reader stops early: marked handled, so neither ends the process as an unhandled rejection.
      // Awaiting it still throws, so a failed load fails where it is read.
      rows.catch(() => undefined);
      return rows;
    };
    for (let next = read(null); ;) {
      const rows = await next;
      const full = rows.length === this.pageSize;
      if (full) {
        // The next page is asked for before this one is indexed, so the database server finds and sends it
        // meanwhile, on another core; one turn of the event loop gets the query to it (the client compiles
        // and sends it asynchronously), where indexing would otherwise hold it back until the page is done.
        // At 100k papers on PostgreSQL the load waited ~4.1 s for pages in all; ~2.8 s with this.
        next = read(rows[rows.length - 1]!.id);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const page = rows.map((row) => shared(fromRow(row)));
      if (page.length > 0) yield page;
      if (!full) return;
    }
  }

  async changedSince(since: Date): Promise<Paper[]> {
    return (await this.db.paper.findMany({ where: { updatedAt: { gt: since } } })).map(fromRow);
  }

  async trending(localDate?: string): Promise<TrendingList> {
    const snapshot = (localDate ? await this.db.snapshot.findFirst({ where: { date: { lte: localDate } }, orderBy: { date: "desc" } }) : null)
      ?? await this.db.snapshot.findFirst({ orderBy: { date: "desc" } });
    if (!snapshot) return null;
    const entries = await this.db.snapshotEntry.findMany({ where: { date: snapshot.date }, orderBy: { rank: "asc" }, select: { paperId: true } });
    return { date: snapshot.date, ids: entries.map((e) => e.paperId) };
  }
}
