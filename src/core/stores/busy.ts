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
