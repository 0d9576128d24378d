// What any store may throw when another process holds the database's write lock for longer than a write
// may wait (src/persistence/busy.ts says how long, and how each database waits without blocking): nothing
// was written, and the same request is likely to work in a moment. It is not a bug of ours, so callers
// log it as a warning and tell the person so in one sentence (failureReply in core/messages/reply.ts).
// A PostgreSQL server that gave no answer in time is told the same way, with its own `message` for the log.
export class DatabaseBusyError extends Error {
  constructor(options: { cause?: unknown; message?: string } = {}) {
    super(options.message ?? "Another process held the database's write lock for longer than this write could wait", options);
    this.name = "DatabaseBusyError";
  }
}

/**
 * The database could not be reached at all: PostgreSQL down or restarting, or the connection cut (a
 * failover, a proxy in front of a dead server). Nothing was written, and like a held lock it is nobody's
 * bug and likely to pass: logged as a warning, the person told so in one sentence, not given an apology
 * with a reference as for a bug of ours. A kind of DatabaseBusyError, so every caller that treats busy as
 * passing treats this so too. `message` names what the driver said (never the URL).
 */
export class DatabaseUnreachableError extends DatabaseBusyError {
  constructor(options: { cause?: unknown; message: string }) {
    super(options);
    this.name = "DatabaseUnreachableError";
  }
}

/**
 * The database refused a write it will go on refusing until someone acts on it: its disk is full, or it is
 * read-only (a SQLite file on a volume mounted read-only; a PostgreSQL standby after a failover, or a server
 * set read-only). Nothing was written, reads still work. Not a bug of ours, so the person gets one sentence,
 * not an apology with a reference; unlike a busy database it will not pass by itself, so it is logged at
 * error, as its sentence (`message`: what the database said, never the URL).
 */
export class DatabaseUnwritableError extends Error {
  constructor(options: { cause?: unknown; message: string }) {
    super(options.message, options);
    this.name = "DatabaseUnwritableError";
  }
}
