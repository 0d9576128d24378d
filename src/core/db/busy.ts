// "The database is busy": another process holds the write lock longer than a write may wait. On SQLite
// the app's connection retries for WRITE_WAIT_MS without blocking (sqlite-wait.ts); on PostgreSQL a
// statement waits for a lock at most that long (lock_timeout, postgres.ts); a transaction, TRANSACTION_WAIT_MS. Either way the person gets
// one sentence within Slack's 3 s instead of an apology, or an answer long after they gave up.

/** How long a write waits for a lock another process holds. */
export const WRITE_WAIT_MS = 2_000;
/**
 * How long a transaction waits for one instead. Transactions are background work (the digest's ledger,
 * paper ingests and refreshes, which queue behind one another by design), never what a person waits for.
 */
export const TRANSACTION_WAIT_MS = 60_000;

export const DATABASE_BUSY_SENTENCE = "The database is busy with another job right now; please try again in a moment.";

/** SQLite's SQLITE_BUSY*, PostgreSQL's lock_not_available, as the driver adapter or Prisma hands them up. */
const BUSY_CODES = /^(SQLITE_BUSY|55P03$)/;

export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error as Record<string, any> | null | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === "P1008") return true; // Prisma's name for the adapter's "SocketTimeout", which SQLITE_BUSY maps to
    const original = e.cause?.originalCode ?? e.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === "string" && BUSY_CODES.test(original)) return true;
    e = e.meta?.driverAdapterError ?? (e.cause instanceof Error ? e.cause : null);
  }
  return false;
}
