// Reading papers from SQLite with better-sqlite3 itself, not through Prisma. A one-shot `papers search`
// or `papers trending` only reads papers (count, a page at a time for the catalog, a snapshot, a few by
// id), and starting Prisma's client for that (its runtime, the query compiler's WebAssembly, a plan per
// query) cost about a third of the command; on an up-to-date database it now never loads Prisma at all.
// The rows and papers are the same as PrismaPaperStore's (prisma/papers.ts): the same columns through
// fromRow, the same orders; tests/core/paper-store.test.ts runs both implementations.
//
// Its own connection, next to the client's. In WAL mode (set by the migration driver) a read never waits
// for a writer, so SQLite is told not to wait at all (a busy wait here would block the event loop), and
// the rare SQLITE_BUSY a reader can meet (another connection recovering the log) is retried after
// asynchronous pauses like the client's statements (wait.ts).
import Database from "better-sqlite3";
import type { Paper } from "../../core/paper.ts";
import type { TrendingList } from "../../core/stores/papers.ts";
import type { PaperRow } from "../prisma/client.ts";
import { fromRow, sharingStrings } from "../prisma/paper-rows.ts";
import { whileBusy } from "./retry.ts";

/** Rows per read when loading every paper (pages()). Small, so a page dies young: the catalog load indexes
 * each page before the next, and a page of 5,000 (~15 MB of rows) outlived a few of V8's young-generation
 * collections, moving to the old generation, where ~70 MB of them piled up between the load's collections
 * (measured at 100k papers: peak heap 179 -> 131 MB). A page is one indexed seek, so 400 cost nothing. */
const PAGE = 250;

type StoredRow = Omit<PaperRow, "publishedAt" | "titleKey" | "source"> & { publishedAt: string | number | null };

const COLUMNS = `"id", "arxivId", "title", "summary", "authors", "keywords", "githubRepo", "publishedAt", "upvotes", "aiSummary", "githubStars"`;

/** A DATETIME as Prisma's SQLite adapter writes it (ISO 8601 text, or epoch milliseconds when so configured). */
function paperOf(row: StoredRow): Paper {
  return fromRow({ ...row, publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt) });
}

export interface PaperReader {
  count(): Promise<number>;
  get(id: string): Promise<Paper | null>;
  getMany(ids: string[]): Promise<Paper[]>;
  pages(): AsyncGenerator<Paper[]>;
  trending(localDate?: string): Promise<TrendingList>;
  ping(): Promise<void>;
  close(): void;
}

/** `path` must hold a migrated database (open.ts migrates first). `pageSize`: tests make it small. */
export function openPaperReader(path: string, pageSize = PAGE): PaperReader {
  const db = new Database(path, { fileMustExist: true });
  db.pragma("busy_timeout = 0");
  // Prepared on first use, inside read(): preparing reads the schema, which can meet a lock too (another
  // process closing its last connection checkpoints the log under an exclusive lock).
  const statement = (sql: string) => { let prepared: Database.Statement | undefined; return () => (prepared ??= db.prepare(sql)); };
  const countRows = statement(`SELECT COUNT(*) AS "n" FROM "Paper"`);
  const byIdOrArxiv = statement(`SELECT ${COLUMNS} FROM "Paper" WHERE "id" = ? OR "arxivId" = ? LIMIT 1`);
  // One parameter however many ids (SQLite caps a statement's parameters).
  const byIds = statement(`SELECT ${COLUMNS} FROM "Paper" WHERE "id" IN (SELECT "value" FROM json_each(?))`);
  const firstPage = statement(`SELECT ${COLUMNS} FROM "Paper" ORDER BY "id" LIMIT ?`);
  const pageAfter = statement(`SELECT ${COLUMNS} FROM "Paper" WHERE "id" > ? ORDER BY "id" LIMIT ?`);
  const snapshotOnOrBefore = statement(`SELECT "date" FROM "Snapshot" WHERE "date" <= ? ORDER BY "date" DESC LIMIT 1`);
  const newestSnapshot = statement(`SELECT "date" FROM "Snapshot" ORDER BY "date" DESC LIMIT 1`);
  const entries = statement(`SELECT "paperId" FROM "SnapshotEntry" WHERE "date" = ? ORDER BY "rank" ASC`);
  const one = statement("SELECT 1");

  const read = <T>(fn: () => T): Promise<T> => whileBusy(async () => fn());

  return {
    count: () => read(() => (countRows().get() as { n: number }).n),
    get: (id) => read(() => { const row = byIdOrArxiv().get(id, id) as StoredRow | undefined; return row ? paperOf(row) : null; }),
    getMany: (ids) => ids.length === 0 ? Promise.resolve([])
      : read(() => (byIds().all(JSON.stringify(ids)) as StoredRow[]).map(paperOf)),
    async *pages() {
      // Authors and keywords recur across papers: one string each instead of one per paper.
      const shared = sharingStrings();
      for (let after: string | null = null; ;) {
        const last: string | null = after;
        const rows: StoredRow[] = await read(() => (last === null ? firstPage().all(pageSize) : pageAfter().all(last, pageSize)) as StoredRow[]);
        if (rows.length > 0) yield rows.map((row) => shared(paperOf(row)));
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },
    trending: (localDate) => read(() => {
      const snapshot = ((localDate ? snapshotOnOrBefore().get(localDate) : undefined) ?? newestSnapshot().get()) as { date: string } | undefined;
      if (!snapshot) return null;
      return { date: snapshot.date, ids: (entries().all(snapshot.date) as { paperId: string }[]).map((e) => e.paperId) };
    }),
    ping: () => read(() => { one().get(); }),
    close: () => db.close(),
  };
}
