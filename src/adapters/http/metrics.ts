// GET /metrics: core's Metrics counted with prom-client, in Prometheus' text format. One Registry per
// process (not prom-client's global one), so tests can run several bots in one process. Names follow
// `papers_<thing>_<unit>`; labels are bounded (platform, registered command, outcome).
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Metrics } from "../../core/metrics.ts";
import type { Logger } from "../../log.ts";

export const METRICS_PATH = "/metrics";

export interface PromMetrics extends Metrics { registry: Registry }

/**
 * `hfRefresh`: whether this process refreshes from Hugging Face (HF_REFRESH). Without refreshes the
 * last-refresh gauge is not exposed at all: it would read 0 (1970) forever, and the README's "alert if
 * older than a few hours" would fire forever on a bot doing what it was told.
 */
export function createMetrics(options: { hfRefresh?: boolean } = {}): PromMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({ name: "papers_commands_total", help: "Commands run, by platform, command and outcome.",
    labelNames: ["platform", "command", "outcome"] as const, registers: [registry] });
  const commandSeconds = new Histogram({ name: "papers_command_duration_seconds", help: "Time from a command's dispatch to its reply.",
    labelNames: ["platform", "command"] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry] });
  const searchSeconds = new Histogram({ name: "papers_search_duration_seconds", help: "Time of one search over the in-memory index.",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25], registers: [registry] });
  const digestMessages = new Counter({ name: "papers_digest_messages_total", help: "Digest messages, by platform and outcome.",
    labelNames: ["platform", "outcome"] as const, registers: [registry] });
  const digestChannels = new Counter({ name: "papers_digest_channels_total", help: "Channels a digest tick handled, by platform and outcome (posted, skipped, failed).",
    labelNames: ["platform", "outcome"] as const, registers: [registry] });
  const lastTick = new Gauge({ name: "papers_digest_last_tick_timestamp_seconds", help: "When the last digest tick completed (Unix seconds).", registers: [registry] });
  const lastRefresh = options.hfRefresh === false ? null
    : new Gauge({ name: "papers_hf_last_refresh_success_timestamp_seconds", help: "When the last Hugging Face refresh succeeded (Unix seconds).", registers: [registry] });
  let lastRefreshAt = 0;
  return {
    registry,
    commandFinished({ platform, command, outcome, seconds }) {
      commands.inc({ platform, command, outcome });
      commandSeconds.observe({ platform, command }, seconds);
    },
    searchFinished: (seconds) => searchSeconds.observe(seconds),
    digestChannel({ platform, outcome, posted }) {
      digestChannels.inc({ platform, outcome });
      if (posted > 0) digestMessages.inc({ platform, outcome: "posted" }, posted);
      if (outcome === "failed") digestMessages.inc({ platform, outcome: "failed" });
    },
    digestTickFinished: (at) => lastTick.set(at.getTime() / 1000),
    // Only forward: the record read at start-up (jobs/refresh.ts) may land after this process's own first refresh.
    refreshSucceeded(at) {
      if (at.getTime() / 1000 > lastRefreshAt) { lastRefreshAt = at.getTime() / 1000; lastRefresh?.set(lastRefreshAt); }
    },
  };
}

/** The /metrics handler, for the health server and for Bolt's custom routes. */
export function metricsHandler(metrics: PromMetrics, log: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    metrics.registry.metrics()
      .then((text) => { res.writeHead(200, { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" }); res.end(text); })
      .catch((err: unknown) => {
        log.error({ err }, "metrics collection failed");
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("metrics collection failed\n");
      });
  };
}
