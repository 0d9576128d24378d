// The hourly refresh from Hugging Face. Today's list (UTC, the API's calendar) is fetched; early in the
// UTC day it is usually still empty, and then yesterday's list is refreshed instead, since that is the
// list a team is reading and its upvotes are still moving. A failure logs one line and keeps the last
// good data; the next tick tries again.
import { scheduleJob } from "./cron.ts";
import { lastLine } from "../log.ts";
import { HfSourceError, HfStoppedError } from "../sources/hf/errors.ts";
import type { HfClient } from "../sources/hf/client.ts";
import { hfClientFor, refreshFromHf, type RefreshResult } from "../sources/hf/refresh.ts";
import type { Services } from "../core/services.ts";
import type { Running } from "../core/lifecycle.ts";
import { REFRESH_JOB } from "../core/stores/job-runs.ts";

export function utcDate(at: Date, daysBack = 0): string {
  return new Date(at.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

/** Today's list, or yesterday's when today's is still empty. */
export async function refreshLatest(services: Services, client: HfClient = hfClientFor(services)): Promise<RefreshResult[]> {
  const now = services.clock();
  const today = await refreshFromHf(services, { date: utcDate(now), client });
  if (today.fetched > 0) return [today];
  return [today, await refreshFromHf(services, { date: utcDate(now, 1), client })];
}

/** How a refresh failed: an HfSourceError's kind, or "error" for anything else. */
export type RefreshFailure = HfSourceError["kind"] | "error";
/** What a run brought: each date's result, or how it failed. */
export type RefreshOutcome = RefreshResult[] | { failed: RefreshFailure };

/** One run as the job does it: never throws; logs one line whatever happened. */
export async function runRefresh(services: Services, client?: HfClient): Promise<RefreshOutcome> {
  try {
    const results = await refreshLatest(services, client);
    services.metrics?.refreshSucceeded(services.clock());
    const landed = results.find((r) => r.fetched > 0);
    if (!landed) services.log.info({ dates: results.map((r) => r.date) }, "papers refresh: no papers published yet");
    else services.log.info({ date: landed.date, fetched: landed.fetched, rejected: landed.rejected, added: landed.added,
      updated: landed.updated, snapshotChanged: landed.snapshotChanged }, "papers refresh done");
    return results;
  } catch (error) {
    if (error instanceof HfStoppedError) {
      services.log.info({ job: "refresh" }, "papers refresh stopped: shutting down");
    } else if (error instanceof HfSourceError) {
      // Expected while the network or the API is down: one line, no stack, the last good data stays.
      services.log.warn({ job: "refresh", kind: error.kind, reason: error.message }, "papers refresh failed; keeping the last good data");
    } else {
      services.log.error({ job: "refresh", reason: lastLine(error).slice(0, 300) }, "papers refresh failed; keeping the last good data");
    }
    return { failed: error instanceof HfSourceError ? error.kind : "error" };
  }
}

/** `onFirstRun`: told how the run at start-up went, e.g. for the terminal to say so once. */
export function startRefreshJob(services: Services, options: { client?: HfClient; onFirstRun?: (outcome: RefreshOutcome) => void } = {}): Running | null {
  const { config, log } = services;
  if (config.HF_REFRESH === "off") { log.info("papers refresh from Hugging Face is off (HF_REFRESH=off)"); return null; }
  let inFlight: Promise<RefreshOutcome> | null = null;
  // Stopping ends a request in flight: a Hugging Face that hangs (or a firewall that drops its packets)
  // must not hold the shutdown until the request's own timeout, times its retries.
  const stopping = new AbortController();
  const client = options.client ?? hfClientFor(services, stopping.signal);
  const tick = () => {
    if (inFlight) { log.debug("papers refresh still running; skipping this tick"); return inFlight; }
    inFlight = runRefresh(services, client).finally(() => { inFlight = null; });
    return inFlight;
  };
  const task = scheduleJob("HF_REFRESH_CRON", config.HF_REFRESH_CRON, () => { void tick(); }, { name: "papers-refresh", timezone: "UTC" });
  // The gauge says when the papers were last refreshed, which a restart does not change: seeded from the
  // shared record (what /healthz reports), so a restart while Hugging Face is down does not read as 1970
  // and fire "older than a few hours" at once. A database that cannot say leaves it to the first refresh.
  const { metrics } = services;
  if (metrics) services.jobRuns.read([REFRESH_JOB]).then(([run]) => { if (run?.lastSuccessAt) metrics.refreshSucceeded(run.lastSuccessAt); }, () => {});
  // A bot that just started should not serve an hour-old list until the first tick.
  void tick().then((outcome) => options.onFirstRun?.(outcome));
  return {
    name: "refresh",
    async stop() {
      await task.stop();
      await task.destroy();
      stopping.abort();
      await inFlight;
    },
  };
}
