// SQLite's file: the path from the URL, and the migration connection (better-sqlite3 itself). Nothing
// here loads Prisma: opening a database that is already migrated, and reading its papers (reader.ts),
// need only better-sqlite3; the app's Prisma client (connect.ts) is loaded when a store first needs it.
import Database from "better-sqlite3";
import { statfsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "../../config.ts";
import { ensureDirectory } from "../../core/directory.ts";
import { MigrationError, type MigrationDriver } from "../migrate.ts";
import { isBusyCode, whileBusy } from "./retry.ts";

/** "file:./data/papers.db" → an absolute path, relative to the working directory as Prisma reads it. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path === ":memory:" ? path : resolve(path);
}

/**
 * Opens (creating it and its folder if need be) the database file, or says in one sentence naming
 * DATABASE_URL why it cannot: a folder this user may not write, a path through a file, a folder given
 * as the file. Exit 2 like every configuration error, not a driver's bare "unable to open database file".
 */
function openFile(path: string): Database.Database {
  try {
    if (path !== ":memory:") ensureDirectory(dirname(path));
    const db = new Database(path);
    try {
      // Switching to WAL (or finding it on) needs a lock too, which another process starting at the same moment
      // may hold (its own switch, its first migration, or the checkpoint when it closes). SQLite is told not to
      // wait for it: its wait blocks the event loop, and a stop signal with it (waitingForLock waits instead).
      db.pragma("busy_timeout = 0");
      db.pragma("journal_mode = WAL");
    } catch (error) { db.close(); throw error; }
    return db;
  } catch (error) {
    if (isBusyCode(error)) throw error; // locked by another process, not a bad path
    throw openFailure(error, path);
  }
}

/** How long a start waits, asynchronously, for a lock another process holds on a file not yet in WAL mode
 * (its own first start or upgrade) or for the lock to migrate. */
const OPEN_WAIT_MS = 10_000;

/** The lock outlasted the wait: one sentence, exit 1, since the same start succeeds once the other is done. */
const lockedFile = (path: string) => new Error(`another process holds the SQLite file ${path} locked (another papers process ` +
  "starting or upgrading it, or a tool with it open); start again once it is done.");

/** How a start waits for the file's lock: `onLockWait` is told when it starts waiting, so the wait is not silent;
 * `stop` ends the wait (a stop signal during start-up), as the lock outlasting it would. */
export interface LockWait { onLockWait?: () => void; stop?: AbortSignal }

/** `attempt`, tried again after asynchronous pauses while another process holds the file locked. */
async function waitingForLock<T>(path: string, attempt: () => T, deadline: number, wait: LockWait): Promise<T> {
  let told = false;
  const tell = (error: unknown) => {
    if (!isBusyCode(error)) return false;
    if (!told) { told = true; wait.onLockWait?.(); }
    return !wait.stop?.aborted;
  };
  try { return await whileBusy(async () => attempt(), deadline, tell); }
  catch (error) { throw isBusyCode(error) ? lockedFile(path) : error; }
}

/** The bytes this user may still write on the disk holding `folder`; null when that cannot be told. */
function freeBytes(folder: string): number | null {
  try { const { bavail, bsize } = statfsSync(folder); return bavail * bsize; } catch { return null; }
}

/**
 * Why the file could not be opened, as the error `papers start` stops with. A full disk is not a setting to
 * change but space to free, after which the same start succeeds: a plain Error, exit 1, so the supervisor's
 * restarts get there by themselves. SQLite says so (SQLITE_FULL) and so does the OS creating the folder
 * (ENOSPC); SQLite's "disk I/O error" (SQLITE_IOERR_…, which a full disk gives creating the WAL or its shared
 * memory) does not say why, so the disk is asked (`free`). Anything else is the path's fault: a ConfigError.
 */
export function openFailure(error: unknown, path: string, free: (folder: string) => number | null = freeBytes): Error {
  const { code, message } = error as NodeJS.ErrnoException;
  const ioError = typeof code === "string" && code.startsWith("SQLITE_IOERR");
  if (code === "SQLITE_FULL" || code === "ENOSPC" || (ioError && free(dirname(path)) === 0)) {
    return new Error(`cannot open the SQLite file ${path}: its disk is full (${String(message).replace(/\.$/, "")}); ` +
      "free some space on it and start again.");
  }
  return new ConfigError(`Configuration error: DATABASE_URL: cannot open the SQLite file ${path} ` +
    `(${whyNot(error as NodeJS.ErrnoException)}); point it at a SQLite file in a folder this user can write.`);
}

/** Why a folder could not be made, in words rather than an errno; the driver's own words otherwise. */
function whyNot({ code, path: at, message }: NodeJS.ErrnoException): string {
  if (at && code === "EEXIST") return `${at} is a file, not a folder`;
  if (at && code === "ENOTDIR") return `part of ${at} is a file, not a folder`;
  if (at && (code === "EACCES" || code === "EPERM")) return `this user may not write in ${dirname(at)}`;
  if (at && code === "ENOENT") return `${at} cannot be created`;
  if (code === "SQLITE_NOTADB") return "it is not a SQLite database";
  return message.replace(/\.$/, "");
}

export async function sqliteMigrationDriver(path: string, wait: LockWait = {}): Promise<MigrationDriver & { close(): void }> {
  const db = await waitingForLock(path, () => openFile(path), Date.now() + OPEN_WAIT_MS, wait);
  return {
    async withLock(fn) {
      // Foreign keys off on this connection while migrating (SQLite's advice for schema changes): a
      // migration that redefines a table drops and recreates it, and with them on that drop would
      // cascade-delete rows in the tables that point at it. Checked again before committing.
      db.pragma("foreign_keys = OFF");
      // BEGIN IMMEDIATE takes SQLite's write lock: a second process starting at once waits here.
      await waitingForLock(path, () => db.exec("BEGIN IMMEDIATE"), Date.now() + OPEN_WAIT_MS, wait);
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
