// What the bot counts for operators (GET /metrics), as an interface: the core and the commands report
// events here without knowing about Prometheus; the prom-client implementation lives in
// adapters/http/metrics.ts and is handed in through Services. Labels are bounded sets (platform, a
// registered command name, an outcome), never a user id, query text or secret.
import type { Platform } from "./channel.ts";

export type CommandOutcome = "ok" | "user_error" | "rate_limited" | "busy" | "error";
export type DigestChannelOutcome = "posted" | "skipped" | "failed";

export interface Metrics {
  /** One command finished (any platform); `command` is a registered name or "unknown". */
  commandFinished(event: { platform: Platform; command: string; outcome: CommandOutcome; seconds: number }): void;
  /** One search over the in-memory index. */
  searchFinished(seconds: number): void;
  /** One channel's digest in a tick, with the messages it posted. */
  digestChannel(event: { platform: Platform; outcome: DigestChannelOutcome; posted: number }): void;
  /** A digest tick completed (whether or not anything was due). */
  digestTickFinished(at: Date): void;
  /** A Hugging Face refresh succeeded. */
  refreshSucceeded(at: Date): void;
}
