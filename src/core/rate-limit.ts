// Per-person command rate limit: a token bucket per key (platform:workspace:user). A bucket holds
// `perMinute` tokens and refills continuously, so a person may burst up to the limit and then gets one
// more command every 60/perMinute seconds. Each check is O(1) and touches only that person's bucket, so
// one noisy user never slows anyone else down.
//
// Memory is bounded: the Map is kept in least-recently-used order (a touched key is re-inserted at the
// end), idle buckets that have refilled completely are dropped from the front as they are met, and past
// `maxKeys` the least recently used bucket is evicted even if it is not full (forgetting a few tokens of
// someone idle for longer than everyone else is harmless).

export interface RateDecision {
  allowed: boolean;
  /** When refused: whole seconds until one command is allowed again (at least 1). */
  retryAfterSeconds: number;
}

interface Bucket { tokens: number; updatedMs: number }

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(readonly perMinute: number, private readonly maxKeys = 50_000) {
    if (!(perMinute >= 1)) throw new Error("RateLimiter needs perMinute >= 1");
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one token for `key` at time `nowMs` if there is one. */
  take(key: string, nowMs: number): RateDecision {
    const bucket = this.refill(key, nowMs);
    this.buckets.delete(key);
    this.evict(nowMs);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    // Whole milliseconds first: float dust (2.0000001 s) must not round a 2-second wait up to 3.
    const waitMs = Math.round((1 - bucket.tokens) / this.refillPerMs);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** How many keys are remembered (for tests of the memory bound). */
  get size(): number { return this.buckets.size; }

  private refill(key: string, nowMs: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.perMinute, updatedMs: nowMs };
    // A clock that steps backwards (NTP, a test) must not mint or burn tokens.
    const elapsed = Math.max(0, nowMs - bucket.updatedMs);
    return { tokens: Math.min(this.perMinute, bucket.tokens + elapsed * this.refillPerMs), updatedMs: Math.max(nowMs, bucket.updatedMs) };
  }

  /** Runs with the key being taken already removed, so the room made is for it. */
  private evict(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      const full = bucket.tokens + Math.max(0, nowMs - bucket.updatedMs) * this.refillPerMs >= this.perMinute;
      if (this.buckets.size >= this.maxKeys || full) this.buckets.delete(key);
      else break; // LRU order: everything after this was touched more recently
    }
  }
}

/** The answer a person gets when refused: one friendly sentence. */
export function slowDownSentence(retryAfterSeconds: number): string {
  return `You're going a bit fast — try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
}
