// Posting one message with retries: 429s wait as long as the platform says, 5xx and network errors back
// off exponentially with jitter. Bounded: after MAX_ATTEMPTS (or when waiting would exceed the budget)
// the error goes up and the digest is left for the next tick, which resumes where this one stopped.
import { TransientPostError } from "../transport.ts";

export interface RetryPolicy { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; sleep: (ms: number) => Promise<void> }

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function backoffMs(policy: RetryPolicy, attempt: number, error: TransientPostError): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, policy.maxDelayMs);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + Math.random() * exp / 2);
}

/**
 * Runs `attempt` until it succeeds. `beforeRetry` runs before each retry after an ambiguous failure
 * (a 5xx may have posted the message after all); if it finds the message, that is the result.
 */
export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>,
  beforeRetry?: () => Promise<T | null>, shouldStop?: () => boolean): Promise<T> {
  for (let n = 1; ; n++) {
    try { return await attempt(); }
    catch (error) {
      if (!(error instanceof TransientPostError) || n >= policy.maxAttempts || shouldStop?.()) throw error;
      await policy.sleep(backoffMs(policy, n, error));
      if (error.retryAfterMs === undefined && beforeRetry) {
        const found = await beforeRetry();
        if (found) return found;
      }
    }
  }
}
