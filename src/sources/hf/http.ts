// One GET against the papers API with the manners a shared public API expects: a timeout on every
// request, 429 answered by waiting as long as the server asks (within a bound), 5xx and dropped
// connections retried with backoff (the shared policy, core/retry.ts), and a typed error with a
// one-line message when it still fails.
import { HfBodyError, HfHttpError, HfNetworkError, HfRateLimitError, HfStoppedError } from "./errors.ts";
import { retryDelayMs } from "../../core/retry-delay.ts";
import { backoffMs, type RetryPolicy } from "../../core/retry.ts";

export interface HttpOptions {
  timeoutMs: number;
  /** For 429, 5xx and network failures alike. A 429 asking for longer than `maxDelayMs` is not waited
   * out: the next scheduled run will try again. */
  retry: RetryPolicy;
  /** Called before each retry, so the caller can count or debug-log them (never a warning per retry). */
  onRetry?: (info: { url: string; attempt: number; waitMs: number; reason: string }) => void;
  /** Aborted when the bot shuts down: the request (or the wait before a retry) ends at once. */
  signal?: AbortSignal;
}

export type JsonResult = { status: 200; body: unknown } | { status: 404 };

function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 1000)}s`;
  const code = err?.cause?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  return (code ?? err?.cause?.message ?? err?.message ?? "network error").slice(0, 80);
}

/**
 * The most of a response body read. A page of 100 papers is about 300 KB (the fixture's 10 papers of
 * 2025-03-11 are 21 KB, the longest entry 2.9 KB): 10 MB is thirty such pages, and a body past it is not
 * the papers API (a misconfigured HF_API_URL, a proxy's dump, a broken server), which response.text()
 * would have held whole in memory (a 300 MB page took `papers ingest --hf` to 1.9 GB).
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The body as text, read as it streams in and refused (the connection cancelled) once past MAX_BODY_BYTES. */
async function boundedText(response: Response, pathname: string): Promise<string> {
  const tooLarge = () => new HfBodyError(`Hugging Face API response for ${pathname} was larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, far more than a page of papers; refused`);
  const declared = Number(response.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) { await response.body?.cancel().catch(() => {}); throw tooLarge(); }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "", bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) { await reader.cancel().catch(() => {}); throw tooLarge(); }
    text += decoder.decode(value, { stream: true });
  }
}

const stopped = (host: string) => new HfStoppedError(`Hugging Face API request to ${host} stopped: shutting down`);

export async function getJson(url: string, options: HttpOptions): Promise<JsonResult> {
  const { retry: policy } = options;
  const { host, pathname } = new URL(url);
  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt + 1 < policy.maxAttempts;
    const backoff = () => backoffMs(policy, attempt + 1);
    const retry = async (waitMs: number, reason: string) => {
      options.onRetry?.({ url, attempt: attempt + 1, waitMs, reason });
      await policy.sleep(waitMs, options.signal);
      if (options.signal?.aborted) throw stopped(host);
    };
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: "application/json", "user-agent": "papers-bot (+https://github.com/papers-bot)" },
        signal: options.signal ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.signal]) : AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      if (options.signal?.aborted) throw stopped(host);
      const reason = networkReason(error, options.timeoutMs);
      if (canRetry) { await retry(backoff(), reason); continue; }
      throw new HfNetworkError(`Hugging Face API unreachable (${host}: ${reason})`);
    }

    if (response.status === 429 || (response.status === 503 && response.headers.has("retry-after"))) {
      await response.body?.cancel().catch(() => {});
      const asked = retryDelayMs(response.headers);
      if (!canRetry || (asked ?? 0) > policy.maxDelayMs) {
        const after = asked === null ? "" : ` for ${Math.ceil(asked / 1000)}s`;
        throw new HfRateLimitError(asked, `Hugging Face API is rate limiting us${after} (${pathname})`);
      }
      await retry(backoffMs(policy, attempt + 1, asked), `${response.status}`);
      continue;
    }
    if (response.status >= 500) {
      await response.body?.cancel().catch(() => {});
      if (canRetry) { await retry(backoff(), `${response.status}`); continue; }
      throw new HfHttpError(response.status, `Hugging Face API answered ${response.status} for ${pathname} after ${attempt + 1} tries`);
    }
    if (response.status === 404) {
      await response.body?.cancel().catch(() => {});
      return { status: 404 };
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => {});
      throw new HfHttpError(response.status, `Hugging Face API answered ${response.status} for ${pathname}`);
    }

    let text: string;
    try { text = await boundedText(response, pathname); } catch (error) {
      if (error instanceof HfBodyError) throw error;
      if (options.signal?.aborted) throw stopped(host);
      // The connection dropped mid-body (or the timeout struck while reading it).
      throw new HfBodyError(`Hugging Face API response for ${pathname} was cut off (${networkReason(error, options.timeoutMs)})`);
    }
    try { return { status: 200, body: JSON.parse(text) as unknown }; } catch {
      // A page of HTML is something else answering (a proxy, a captive portal, a wrong HF_API_URL); other
      // text that is no JSON was most likely cut off.
      const why = /^\s*</.test(text) ? "an HTML page, not the API: check HF_API_URL and any proxy" : "cut off?";
      throw new HfBodyError(`Hugging Face API response for ${pathname} was not valid JSON (${text.length} bytes, ${why})`);
    }
  }
}
