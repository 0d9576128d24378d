// Last success and failure of each job (core/stores/job-runs.ts), for /healthz.
import type { JobRun, JobRunStore } from "../../core/stores/job-runs.ts";
import { isUniqueViolation, type PrismaDb } from "./client.ts";
import { TRANSACTION_WAIT_MS } from "../busy.ts";

// Long enough for the lock wait (PostgreSQL's lock_timeout is TRANSACTION_WAIT_MS) past Prisma's default 5 s.
const RUNS = { timeout: TRANSACTION_WAIT_MS + 5_000 };

export class PrismaJobRunStore implements JobRunStore {
  constructor(private readonly db: PrismaDb) {}

  async record(name: string, at: Date, error: string | null): Promise<void> {
    const data = error === null ? { lastSuccessAt: at } : { lastFailureAt: at, lastError: error.slice(0, 500) };
    // Background work, so in a transaction: it waits for a lock another process holds as the ledger's do
    // (TRANSACTION_WAIT_MS), not the 2 s a person's command may (a 30 s ingest failed the digest tick here).
    try {
      await this.db.$transaction(async (tx) => { await tx.jobRun.upsert({ where: { name }, create: { name, ...data }, update: data }); }, RUNS);
    } catch (failure) {
      // Two processes creating the row at once: the loser updates it.
      if (!isUniqueViolation(failure)) throw failure;
      await this.db.$transaction(async (tx) => { await tx.jobRun.update({ where: { name }, data }); }, RUNS);
    }
  }

  async read(names: string[]): Promise<JobRun[]> {
    return this.db.jobRun.findMany({ where: { name: { in: names } } });
  }
}
