// Processed-event rows (core/stores/processed-events.ts) exist to recognise a redelivery: Slack retries an
// event within minutes, and a second replica gets it at once. A day later no redelivery can come, so
// older rows are deleted: at start-up and every hour after, instead of the table growing for ever.
import type { Running } from "../core/lifecycle.ts";
import type { Services } from "../core/services.ts";

export const PROCESSED_EVENT_TTL_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

/** Deletes the rows received more than a day before `now`; how many. */
export function pruneProcessedEvents(services: Pick<Services, "events">, now: Date): Promise<number> {
  return services.events.prune(new Date(now.getTime() - PROCESSED_EVENT_TTL_MS));
}

export function startEventPruning(services: Pick<Services, "events" | "log" | "clock">, everyMs = PRUNE_EVERY_MS): Running {
  let inFlight: Promise<void> | null = null;
  const tick = () => {
    inFlight ??= pruneProcessedEvents(services, services.clock())
      .then((pruned) => services.log.info({ pruned }, "pruned processed events"))
      .catch((err: unknown) => services.log.warn({ err }, "pruning processed events failed; retrying in an hour"))
      .finally(() => { inFlight = null; });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { name: "event-pruning", async stop() { clearInterval(timer); await inFlight; } };
}
