// SQLite: the file path from the URL, the migration connection (better-sqlite3 itself), and the app's
// Prisma client over the better-sqlite3 adapter, typed as the SQLite client it is.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/sqlite/client.ts";
import { MigrationError, type MigrationDriver } from "../migrate.ts";
import { TRANSACTION_WAIT_MS } from "../busy.ts";
import { SYNC_WAIT_MS, waitingForLocks } from "./wait.ts";

/** "file:./data/papers.db" → an absolute path, relative to the working directory as Prisma reads it. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path === ":memory:" ? path : resolve(path);
}

export function sqliteMigrationDriver(path: string): MigrationDriver & { close(): void } {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  return {
    async withLock(fn) {
      // Foreign keys off on this connection while migrating (SQLite's advice for schema changes): a
      // migration that redefines a table drops and recreates it, and with them on that drop would
      // cascade-delete rows in the tables that point at it. Checked again before committing.
      db.pragma("foreign_keys = OFF");
      // BEGIN IMMEDIATE takes SQLite's write lock: a second process starting at once waits here.
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn();
        const broken = db.pragma("foreign_key_check") as { table: string }[];
        if (broken.length > 0) {
          db.exec("ROLLBACK");
          throw new MigrationError(`Migrating left ${broken.length} rows in ${broken[0]!.table} pointing at rows that do not exist; nothing was applied.`);
        }
        db.exec("COMMIT");
        return result;
      } catch (error) {
        // Keep the failure record (the failed migration itself was rolled back to its savepoint).
        if (db.inTransaction) db.exec("COMMIT");
        throw error;
      } finally { db.pragma("foreign_keys = ON"); }
    },
    async ensureTable() {
      db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
        "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
        "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    },
    async applied() {
      return (db.prepare(`SELECT migration_name AS name, finished_at AS finished, checksum FROM "_prisma_migrations"
        WHERE rolled_back_at IS NULL ORDER BY started_at`).all() as { name: string; finished: unknown; checksum: string }[])
        .map((r) => ({ ...r, finished: r.finished !== null }));
    },
    async apply(m, id) {
      db.exec("SAVEPOINT migration");
      try {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
          VALUES (?, ?, ?, ?, 1)`).run(id, m.checksum, m.name, Date.now());
        db.exec("RELEASE migration");
      } catch (error) { db.exec("ROLLBACK TO migration"); db.exec("RELEASE migration"); throw error; }
    },
    async recordFailure(m, id, error) {
      db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES (?, ?, ?, ?)`)
        .run(id, m.checksum, m.name, error);
    },
    close: () => db.close(),
  };
}

/** Locks are waited for asynchronously (wait.ts); Prisma's wait to start a transaction outlasts that wait. */
export function sqliteClient(path: string): PrismaClient {
  return new PrismaClient({ adapter: waitingForLocks(new PrismaBetterSqlite3({ url: path, timeout: SYNC_WAIT_MS })),
    transactionOptions: { maxWait: TRANSACTION_WAIT_MS + 5_000 } });
}

/**
 * Per-connection settings for the app's connection. The adapter (7.10) opens one better-sqlite3
 * connection per client and has no pragma option, so they go through it as statements at start-up.
 * The file is in WAL mode already (set by the migration driver; it persists in the file). In WAL,
 * synchronous=NORMAL syncs at checkpoints instead of at every commit: a commit survives a process crash
 * (kill -9) but may be lost on power loss or an OS crash. The digest tolerates that: an item that lost
 * its "sent" mark is left "sending" or "pending", and a resumed delivery asks the platform (findPosted)
 * or the platform dedupes by nonce, instead of trusting the ledger. Without it every commit is an fsync,
 * which bounded the digest fan-out at about 80 messages a second.
 */
export async function tuneSqliteConnection(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
}
