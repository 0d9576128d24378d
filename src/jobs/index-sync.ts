// Keeps this replica's in-memory papers and search index current with the database, which another
// replica (or `papers ingest`, or the hourly refresh) may have written. Staleness is bounded by
// INDEX_SYNC_SECONDS plus one sync's duration; a failed sync is logged and simply retried next tick.
import type { Services } from "../core/services.ts";
import type { Running } from "../core/lifecycle.ts";

export function startIndexSync(services: Pick<Services, "catalog" | "log" | "config">, intervalSeconds = services.config.INDEX_SYNC_SECONDS): Running & { tick(): Promise<number> } {
  let inFlight: Promise<number> | null = null;
  // One sync at a time: a slow database must not pile up overlapping reads.
  const tick = (): Promise<number> => {
    inFlight ??= services.catalog.sync()
      .then((changed) => { if (changed > 0) services.log.info({ changed, papers: services.catalog.size }, "search index synced"); return changed; })
      .catch((err: unknown) => { services.log.warn({ err }, "search index sync failed; retrying next tick"); return 0; })
      .finally(() => { inFlight = null; });
    return inFlight;
  };
  const timer = setInterval(() => { void tick(); }, intervalSeconds * 1000);
  timer.unref();
  return {
    name: "index-sync",
    tick,
    async stop() { clearInterval(timer); await inFlight; },
  };
}
