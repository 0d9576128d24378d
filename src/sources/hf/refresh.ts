// One refresh of a featured day from the Hugging Face API into the store. The whole day is fetched
// before anything is written, and written in one transaction, so a refresh that fails half-way (page 2
// is a 500, the network drops) leaves the previous papers and snapshot exactly as they were.
import type { Services } from "../../core/services.ts";
import { REFRESH_JOB } from "../../core/stores/job-runs.ts";
import { HfClient } from "./client.ts";
import { HfStoppedError } from "./errors.ts";
import { lastLine } from "../../log.ts";

export interface RefreshResult {
  date: string;
  /** Valid entries in the API's list (after dropping repeats). */
  fetched: number;
  /** Entries skipped because they failed validation (each logged with its id). */
  rejected: number;
  added: number;
  updated: number;
  unchanged: number;
  snapshotChanged: boolean;
}

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function hfClientFor(services: Services, signal?: AbortSignal): HfClient {
  return HfClient.fromConfig(services.config, {
    ...(signal ? { signal } : {}),
    onRetry: ({ url, attempt, waitMs, reason }) =>
      services.log.debug({ url, attempt, waitMs: Math.round(waitMs), reason }, "retrying the Hugging Face API"),
  });
}

/** Remember when the refresh last worked and last failed (for /healthz); a database too busy to say so
 * must not turn a good refresh into a failed one. */
async function recordRefresh(services: Services, error: string | null): Promise<void> {
  try {
    await services.jobRuns.record(REFRESH_JOB, services.clock(), error);
  } catch (failure) {
    services.log.warn({ job: REFRESH_JOB, reason: lastLine(failure).slice(0, 200) }, "could not record the job run");
  }
}

export async function refreshFromHf(services: Services, options: { date: string; client?: HfClient }): Promise<RefreshResult> {
  const { date } = options;
  if (!isIsoDate(date)) throw new RangeError(`not a day: ${date}`);
  const client = options.client ?? hfClientFor(services);
  try {
    const day = await client.dailyPapers(date);
    for (const entry of day.rejected) {
      services.log.warn({ date, id: entry.id, problem: entry.problem }, "skipped a daily-papers entry that failed validation");
    }
    const base = { date, fetched: day.papers.length, rejected: day.rejected.length };
    if (day.papers.length === 0) {
      // An empty day (not published yet, a weekend) must not wipe a snapshot: write nothing.
      await recordRefresh(services, null);
      return { ...base, added: 0, updated: 0, unchanged: 0, snapshotChanged: false };
    }
    const result = await services.papers.ingest(date, day.papers, "hf");
    services.catalog.apply(await services.papers.getMany(result.changedIds));
    await recordRefresh(services, null);
    return { ...base, added: result.added, updated: result.updated, unchanged: result.unchanged, snapshotChanged: result.snapshotChanged };
  } catch (error) {
    // A shutdown dropping the request is no failure of the refresh: nothing to record.
    if (!(error instanceof HfStoppedError)) await recordRefresh(services, (error as Error)?.message ?? String(error));
    throw error;
  }
}
