// "The database is busy": another process (an operator's `papers ingest`, a replica's refresh) holds the
// write lock for longer than a write may wait. On SQLite the app's connection retries for WRITE_WAIT_MS
// without blocking (sqlite/wait.ts); on PostgreSQL a statement waits for a lock at most that long
// (lock_timeout, postgresql/connect.ts); a transaction, TRANSACTION_WAIT_MS. Either way the stores then
// throw core's DatabaseBusyError, and the person gets one sentence within Slack's 3 s instead of an
// apology, or an answer long after they gave up.
import { DatabaseBusyError, DatabaseUnreachableError, DatabaseUnwritableError } from "../core/stores/busy.ts";

/** How long a write waits for a lock another process holds. */
export const WRITE_WAIT_MS = 2_000;
/**
 * How long a transaction waits for one instead. Transactions are background work (the digest's ledger,
 * paper ingests and refreshes, which queue behind one another by design), never what a person waits for.
 */
export const TRANSACTION_WAIT_MS = 60_000;

/** SQLite's SQLITE_BUSY*, PostgreSQL's lock_not_available, as the driver adapter or Prisma hands them up (or better-sqlite3 throws them). */
const BUSY_CODES = /^(SQLITE_BUSY|55P03$)/;

export function isDriverBusy(error: unknown): boolean {
  for (let e = error as Record<string, any> | null | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === "P1008") return true; // Prisma's name for the adapter's "SocketTimeout", which SQLITE_BUSY maps to
    if (typeof e.code === "string" && /^SQLITE_BUSY/.test(e.code)) return true; // better-sqlite3's own (sqlite/reader.ts)
    const original = e.cause?.originalCode ?? e.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === "string" && BUSY_CODES.test(original)) return true;
    e = e.meta?.driverAdapterError ?? (e.cause instanceof Error ? e.cause : null);
  }
  return false;
}

// What the driver adapter, Prisma, pg or PostgreSQL says when the server cannot be reached or the
// connection was cut: Prisma's "can't reach" and "server has closed the connection"; the adapter's kinds
// for the same; PostgreSQL's connection exceptions (08…), a server shutting down or starting up
// (57P01-57P03) or out of connections (53300); the socket's own errors; and pg's "Connection terminated
// unexpectedly", which reaches us as a plain Error with no code.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1017"]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections"]);
const UNREACHABLE_SQLSTATE = /^(08\w{3}|57P0[1-4]|53300|28\w{3}|3D000)$/;
// PostgreSQL answers FATAL when it ends (or will not begin) a session, whatever the code: a database closed to
// connections (55000, ALTER DATABASE … ALLOW_CONNECTIONS false, as for maintenance), a password rotated or a
// role dropped while the bot ran (28…), its database dropped (3D000). Each is a database this process cannot
// reach until someone acts, not a bug of ours: the person was answered "Sorry, something went wrong on our
// side". The adapter keeps a FATAL's severity except for codes it names itself (28…, 3D000), listed above.
const SESSION_ENDED = /^(FATAL|PANIC)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);

/** Why the database could not be reached, in the driver's words, or null when `error` is something else. */
export function unreachableReason(error: unknown): string | null {
  for (let e = error as Record<string, any> | null | undefined, depth = 0; e && depth < 5; depth++) {
    const adapter = e.meta?.driverAdapterError?.cause ?? (e.name === "DriverAdapterError" ? e.cause : undefined);
    const sqlState = typeof e.code === "string" && typeof e.severity === "string" ? e.code : adapter?.originalCode;
    const severity = typeof e.code === "string" && typeof e.severity === "string" ? e.severity : adapter?.severity;
    if (UNREACHABLE_PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || UNREACHABLE_KINDS.has(adapter?.kind)
      || (typeof sqlState === "string" && UNREACHABLE_SQLSTATE.test(sqlState))
      || (typeof severity === "string" && SESSION_ENDED.test(severity))
      || (typeof e.message === "string" && /^Connection terminated/.test(e.message))) {
      return String(e.message ?? "").split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? null;
    }
    e = e.meta?.driverAdapterError ?? (e.cause instanceof Error ? e.cause : null);
  }
  return null;
}

// Writes the database refuses until someone acts: a full disk (SQLite's SQLITE_FULL, PostgreSQL's 53100
// disk_full) or a read-only database (SQLite's SQLITE_READONLY and its kinds; PostgreSQL's 25006, what a
// standby answers a write, as the old primary does after a failover).
const FULL_CODES = /^(SQLITE_FULL|53100)$/;
const READ_ONLY_CODES = /^(SQLITE_READONLY\w*|25006)$/;

/** Why the database will not take writes, in a few words and the database's own, or null when `error` is something else. */
export function unwritableReason(error: unknown): string | null {
  for (let e = error as Record<string, any> | null | undefined, depth = 0; e && depth < 5; depth++) {
    const adapter = e.meta?.driverAdapterError?.cause ?? (e.name === "DriverAdapterError" ? e.cause : undefined);
    // better-sqlite3's own error (sqlite/reader.ts), pg's (a code and a severity), or the adapter's original.
    const code = typeof e.code === "string" && (/^SQLITE_/.test(e.code) || typeof e.severity === "string") ? e.code : adapter?.originalCode;
    if (typeof code === "string" && (FULL_CODES.test(code) || READ_ONLY_CODES.test(code))) {
      const said = String(adapter?.originalMessage ?? e.message ?? "").split("\n").map((line) => line.trim()).filter(Boolean).at(-1);
      return `${FULL_CODES.test(code) ? "its disk is full" : "it is read-only"}${said ? ` (${said})` : ""}`;
    }
    e = e.meta?.driverAdapterError ?? (e.cause instanceof Error ? e.cause : null);
  }
  return null;
}

/** Prisma's P1008 (a socket timeout) anywhere in the chain, as opposed to a lock's error code. */
function timedOut(error: unknown): boolean {
  for (let e = error as Record<string, any> | null | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === "P1008") return true;
    e = e.cause instanceof Error ? e.cause : null;
  }
  return false;
}

/**
 * The store as it is, except that a failure meaning "busy", from any of its methods, reaches the caller
 * as DatabaseBusyError (a database that cannot be reached, as DatabaseUnreachableError; one that will not
 * take writes, as DatabaseUnwritableError): what the driver said stays in persistence (as its `cause`, for the logs).
 * `timeoutMeans`: what a socket timeout means on this provider, for the log (on PostgreSQL a lock wait
 * fails with its own code, so a timeout there is a server that did not answer; on SQLite it is the lock).
 */
export function reportingBusy<T extends object>(store: T, timeoutMeans?: string): T {
  const translate = (error: unknown): never => {
    const unwritable = unwritableReason(error);
    if (unwritable !== null) throw new DatabaseUnwritableError({ cause: error, message: `The database cannot take writes: ${unwritable}` });
    const unreachable = isDriverBusy(error) ? null : unreachableReason(error);
    if (unreachable !== null) throw new DatabaseUnreachableError({ cause: error, message: `The database could not be reached (${unreachable})` });
    if (!isDriverBusy(error)) throw error;
    throw new DatabaseBusyError({ cause: error, ...(timeoutMeans && timedOut(error) ? { message: timeoutMeans } : {}) });
  };
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try { result = value.apply(target, args); } catch (error) { translate(error); }
        return result instanceof Promise ? result.catch(translate) : result;
      };
    },
  });
}
