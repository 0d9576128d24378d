// What can go wrong on Slack's side, injected per channel, and Slack's per-channel posting limit.

export type Failure =
  | { kind: "ratelimited"; retryAfter: number }          // HTTP 429 with Retry-After (seconds)
  | { kind: "server"; status?: number }                   // HTTP 5xx
  | { kind: "error"; error: string };                     // 200 {ok:false, error}: channel_not_found, is_archived, not_in_channel…

export class FailureInjector {
  private readonly byChannel = new Map<string, { failure: Failure; left: number }>();

  add(channel: string, failure: Failure, times = Infinity): void { this.byChannel.set(channel, { failure, left: times }); }
  clear(channel?: string): void { if (channel) this.byChannel.delete(channel); else this.byChannel.clear(); }

  /** The failure for this call, counting it down. */
  take(channel: string): Failure | null {
    const entry = this.byChannel.get(channel);
    if (!entry) return null;
    entry.left -= 1;
    if (entry.left <= 0) this.byChannel.delete(channel);
    return entry.failure;
  }
}

export interface RateLimitOptions {
  /** Sustained messages per second per channel (Slack: about 1). */
  perSecond: number;
  /** Messages a quiet channel may send at once before the limit bites. */
  burst: number;
}

/** A token bucket per channel; take() returns 0 when the call may pass, else milliseconds to wait. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  clear(): void { this.buckets.clear(); }

  take(channel: string, now: number): number {
    const { perSecond, burst } = this.options;
    const bucket = this.buckets.get(channel) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(channel, bucket);
    if (bucket.tokens >= 1) { bucket.tokens -= 1; return 0; }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) / perSecond) * 1000));
  }
}
