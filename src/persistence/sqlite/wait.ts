// How the app's SQLite connection waits for a lock another process holds (an operator's `papers ingest`
// or `papers digest run`, a replica). better-sqlite3 waits synchronously (busy_timeout): with the 10 s it
// had, one write stuck behind a 12 s lock froze the whole process — acks, /healthz, every other answer.
// Here SQLite itself does not wait at all (SYNC_WAIT_MS: even 10 ms, taken by every write waiting at
// once, added up to whole seconds of a blocked event loop), and a statement that finds the database
// locked is retried after an asynchronous pause, with backoff, until WRITE_WAIT_MS have passed: reads
// (which WAL never blocks) answer at once, and a write either goes through after a retry or fails with
// SQLite's busy error, which the stores report as core's DatabaseBusyError (../busy.ts).
//
// A transaction starts with BEGIN IMMEDIATE, retried the same way (for TRANSACTION_WAIT_MS: background
// work that queues by design), instead of the adapter's deferred BEGIN: it holds the write lock from its
// first statement on, so nothing inside it can meet a lock (a deferred transaction that read first could
// only fail, SQLITE_BUSY_SNAPSHOT, and never succeed on retry).
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";

import { TRANSACTION_WAIT_MS, WRITE_WAIT_MS } from "../busy.ts";
import { whileBusy as retryWhileBusy } from "./retry.ts";

/** better-sqlite3's own (blocking) wait for a lock, per statement: none. */
export const SYNC_WAIT_MS = 0;

export function isSqliteBusy(error: unknown): boolean {
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  return error instanceof DriverAdapterError && typeof cause?.originalCode === "string" && cause.originalCode.startsWith("SQLITE_BUSY");
}

/** Runs `attempt` until the adapter no longer reports a lock, pausing asynchronously between tries, until `deadline`. */
const whileBusy = <T>(attempt: () => Promise<T>, deadline = Date.now() + WRITE_WAIT_MS): Promise<T> => retryWhileBusy(attempt, deadline, isSqliteBusy);

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

class WaitingAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  /** One transaction at a time on the one connection (as the adapter itself does). */
  private transactions: Promise<void> = Promise.resolve();

  readonly getConnectionInfo?: SqlDriverAdapter["getConnectionInfo"];

  constructor(private readonly inner: SqlDriverAdapter) {
    this.adapterName = inner.adapterName;
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }

  queryRaw(query: SqlQuery) { return whileBusy(() => this.inner.queryRaw(query)); }
  executeRaw(query: SqlQuery) { return whileBusy(() => this.inner.executeRaw(query)); }
  executeScript(script: string) { return whileBusy(() => this.inner.executeScript(script)); }
  dispose() { return this.inner.dispose(); }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const deadline = Date.now() + TRANSACTION_WAIT_MS; // queueing behind another transaction counts too
    let release!: () => void;
    const previous = this.transactions;
    this.transactions = new Promise<void>((resolve) => { release = resolve; });
    await previous;
    try {
      await whileBusy(() => this.inner.executeRaw(statement("BEGIN IMMEDIATE")), deadline);
    } catch (error) { release(); throw error; }
    const run = (sql: string) => this.executeRaw(statement(sql)).then(() => undefined);
    // Prisma sends COMMIT / ROLLBACK itself (usePhantomQuery: false), then calls commit() / rollback().
    return {
      provider: this.provider, adapterName: this.adapterName, options: { usePhantomQuery: false },
      queryRaw: (query) => this.queryRaw(query),
      executeRaw: (query) => this.executeRaw(query),
      commit: async () => release(),
      rollback: async () => release(),
      createSavepoint: (name) => run(`SAVEPOINT ${name}`),
      rollbackToSavepoint: (name) => run(`ROLLBACK TO ${name}`),
      releaseSavepoint: (name) => run(`RELEASE SAVEPOINT ${name}`),
    };
  }
}

/** The factory Prisma gets: the same adapter, waiting for locks without blocking the process. */
export function waitingForLocks(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider, adapterName: factory.adapterName,
    connect: async () => new WaitingAdapter(await factory.connect()),
  };
}
