// Posting one message with retries under the shared policy (core/retry.ts): a 429 waits as long as the
// platform says, 5xx and network errors back off. Bounded: after maxAttempts (or once shutdown begins)
// the error goes up and the delivery is left for the next tick, which resumes where this one stopped.
import { backoffMs, type RetryPolicy } from "../retry.ts";
import { TransientPostError } from "../transport.ts";

/** The delivery's lease was taken over while a message waited to be retried: stop, post nothing more. */
export class LeaseLostError extends Error {
  constructor() { super("taken over by another process while waiting to retry"); this.name = "LeaseLostError"; }
}

/**
 * Runs `attempt` until it succeeds. `beforeRetry` runs before each retry after an ambiguous failure
 * (a 5xx may have posted the message after all); if it finds the message, that is the result.
 * `keepLease` runs after each wait, before the retry: the waits of one message (429s asking up to 30 s,
 * six tries) can outlast a delivery's lease, which is renewed otherwise only between messages; false
 * (another process has the delivery now) throws LeaseLostError instead of posting.
 */
export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>,
  beforeRetry?: () => Promise<T | null>, shouldStop?: () => boolean, signal?: AbortSignal, keepLease?: () => Promise<boolean>): Promise<T> {
  for (let n = 1; ; n++) {
    try { return await attempt(); }
    catch (error) {
      if (!(error instanceof TransientPostError) || n >= policy.maxAttempts || shouldStop?.()) throw error;
      // `signal` ends the wait at shutdown: a 429's Retry-After (up to 30 s) outlived the shutdown deadline.
      await policy.sleep(backoffMs(policy, n, error.retryAfterMs), signal);
      if (shouldStop?.()) throw error;
      if (keepLease && !await keepLease()) throw new LeaseLostError();
      if (error.retryAfterMs === undefined && beforeRetry) {
        const found = await beforeRetry();
        if (found) return found;
      }
    }
  }
}
