// The one retry policy: how many tries, and how long to wait between them. Used by every call that may
// fail for now and be worth repeating: the Hugging Face API (sources/hf/http.ts) and digest posts
// (core/delivery/post.ts). A wait the far side asked for (429 Retry-After) is honoured up to maxDelayMs;
// otherwise the wait doubles each retry, with jitter so that many callers failing together (a thousand
// channels hitting one 5xx) do not all come back in the same instant.
import { setTimeout as wait } from "node:timers/promises";

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  maxAttempts: number;
  /** The wait before the first retry; doubled for each one after. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
  /** Injected so tests can move time instead of waiting for it; ends early (its timer cleared) when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  wait(ms, undefined, signal ? { signal } : undefined).then(() => {}, () => {}); // aborted: done waiting

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, sleep };

/**
 * How long to wait before retry number `attempt` (1 for the first retry): what the far side asked for
 * when it said (capped), else between half and all of baseDelayMs × 2^(attempt − 1) (capped).
 */
export function backoffMs(policy: RetryPolicy, attempt: number, askedMs?: number | null): number {
  if (askedMs !== undefined && askedMs !== null) return Math.min(askedMs, policy.maxDelayMs);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + Math.random() * exp / 2);
}
