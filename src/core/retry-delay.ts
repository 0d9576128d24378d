// How long a 429 (or 503) asks us to wait, for the HF client and the Slack digest poster. Retry-After is
// seconds or an HTTP date (RFC 9110); the IETF RateLimit fields come in two drafts: `RateLimit-Reset: 30`
// with `RateLimit-Remaining`, and the structured `RateLimit: "default";r=0;t=30` (or the older `limit=100, remaining=0, reset=30`).

/** Milliseconds to wait, or null when the response does not say. */
export function retryDelayMs(headers: Headers, now: number = Date.now()): number | null {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const structured = headers.get("ratelimit");
  if (structured) {
    const reset = /(?:^|[;,\s])(?:t|reset)\s*=\s*(\d+)/i.exec(structured);
    if (reset) return Number(reset[1]) * 1000;
  }
  const reset = headers.get("ratelimit-reset")?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset) * 1000;
  return null;
}
