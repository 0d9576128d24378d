// What a command or job is handed: the stores, the in-memory catalog, config, log and the clock. Built
// once at start-up by src/app/services.ts and passed in; no module reads globals.
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "./metrics.ts";
import type { Catalog } from "./catalog.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { Stores } from "./stores/index.ts";

export type Clock = () => Date;

export interface Services extends Stores {
  config: Config;
  log: Logger;
  provider: "sqlite" | "postgresql";
  clock: Clock;
  catalog: Catalog;
  /** Per-person command limit (COMMANDS_PER_MINUTE), checked in runCommand; absent = unlimited. */
  commandLimiter?: RateLimiter;
  /** Counters for GET /metrics (app/start.ts hands them in); absent = not counted (CLI, most tests). */
  metrics?: Metrics;
  close(): Promise<void>;
}
