// The digest job: node-cron calls one tick a minute (config.DIGEST_CRON). Ticks never overlap in one
// process (a long fan-out makes the next minute's tick wait; the ledger's catch-up covers the gap), and
// stop() lets the message in flight finish before it resolves.
import { scheduleJob } from "./cron.ts";
import type { Platform } from "../core/channel.ts";
import type { ChatTransport } from "../core/transport.ts";
import { runDigestTick, type TickOptions } from "../core/digest/tick.ts";
import type { Services } from "../core/services.ts";

export interface RunningDigest {
  name: "digest";
  stop(): Promise<void>;
  /** For tests: the tick in flight, if any. */
  idle(): Promise<void>;
  /** When this process's last tick finished and recorded itself (for /healthz: core/health.ts ownLastTick). */
  lastTick(): Date | null;
}

export function startDigestJob(services: Services, transports: ReadonlyMap<Platform, ChatTransport>, options: TickOptions = {}): RunningDigest {
  let stopping = false;
  const stopped = new AbortController();
  let inFlight: Promise<unknown> | null = null;
  let lastTick: Date | null = null;
  const tick = () => {
    if (stopping || inFlight) return;
    inFlight = runDigestTick(services, transports, services.clock(), { ...options, stopping: () => stopping, signal: stopped.signal })
      .then((report) => {
        lastTick = services.clock();
        const posted = report.channels.filter((c) => c.outcome === "posted").length;
        const failed = report.channels.filter((c) => c.outcome === "failed").length;
        if (posted || failed) services.log.info({ posted, failed, skipped: report.channels.length - posted - failed }, "digest tick");
      })
      .catch((err: unknown) => services.log.error({ err }, "digest tick failed"))
      .finally(() => { inFlight = null; });
  };
  const task = scheduleJob("DIGEST_CRON", services.config.DIGEST_CRON, tick, { name: "digest" });
  return {
    name: "digest",
    idle: async () => { await inFlight; },
    lastTick: () => lastTick,
    async stop() {
      stopping = true;
      stopped.abort();
      await task.stop();
      await inFlight;
    },
  };
}
