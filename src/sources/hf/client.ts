// The two reads we make of the Hugging Face papers API: a day's featured list (paged) and one paper.
import type { Config } from "../../config.ts";
import { titleKey, type Paper } from "../../core/paper.ts";
import { HfBodyError, HfHttpError } from "./errors.ts";
import { getJson, type HttpOptions } from "./http.ts";
import { sleep } from "../../core/retry.ts";
import { DailyPageSchema, parseDailyPage, parsePaper, type RejectedEntry } from "./schema.ts";

export interface HfClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  /** Retries after the first attempt (the shared policy's maxAttempts − 1). */
  maxRetries?: number;
  /** The first backoff for 5xx and network failures. */
  backoffMs?: number;
  /** A 429 asking for longer than this is not waited out. */
  maxRetryWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: HttpOptions["onRetry"];
  pageSize?: number;
  /** A server that ignores `p` would otherwise page forever. */
  maxPages?: number;
  /** Aborted at shutdown: a request in flight (or a wait to retry) ends at once. */
  signal?: AbortSignal;
}

/** Far past any day Hugging Face has listed (a few dozen to a few hundred papers); a guard against a server
 * that ignores `p`, not a limit anyone meets. */
const MAX_DAY_PAPERS = 1000;

export interface DailyPapers {
  date: string;
  /** In the API's order, one per arXiv id. */
  papers: Paper[];
  rejected: RejectedEntry[];
  pages: number;
}

export class HfClient {
  private readonly baseUrl: string;
  private readonly http: HttpOptions;
  private readonly pageSize: number;
  private readonly maxPages: number;

  constructor(options: HfClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.pageSize = options.pageSize ?? 50;
    // As many pages as a day of MAX_DAY_PAPERS takes at this page size: HF_PAGE_SIZE=1 must not cut the day at 20.
    this.maxPages = options.maxPages ?? Math.ceil(MAX_DAY_PAPERS / this.pageSize);
    this.http = {
      timeoutMs: options.timeoutMs ?? 15_000,
      retry: { maxAttempts: (options.maxRetries ?? 3) + 1, baseDelayMs: options.backoffMs ?? 300,
        maxDelayMs: options.maxRetryWaitMs ?? 60_000, sleep: options.sleep ?? sleep },
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  static fromConfig(config: Config, overrides: Partial<HfClientOptions> = {}): HfClient {
    return new HfClient({ baseUrl: config.HF_API_URL, pageSize: config.HF_PAGE_SIZE, timeoutMs: config.HF_TIMEOUT_SECONDS * 1000, ...overrides });
  }

  /** Every page of the day's list, or a typed error: never a partial day. */
  async dailyPapers(date: string): Promise<DailyPapers> {
    const papers: Paper[] = [];
    const rejected: RejectedEntry[] = [];
    const seen = new Set<string>();
    let pages = 0;
    for (let p = 0; p < this.maxPages; p++) {
      const url = `${this.baseUrl}/daily_papers?date=${encodeURIComponent(date)}&p=${p}&limit=${this.pageSize}`;
      const result = await getJson(url, this.http);
      if (result.status === 404) throw new HfHttpError(404, `Hugging Face API has no daily_papers endpoint at ${this.baseUrl}`);
      const page = DailyPageSchema.safeParse(result.body);
      if (!page.success) throw new HfBodyError(`Hugging Face API sent something other than a list for ${date} page ${p}`);
      pages++;
      const parsed = parseDailyPage(page.data);
      rejected.push(...parsed.rejected);
      let fresh = 0;
      for (const paper of parsed.papers) {
        // Upvotes move while we page, so an entry can show up on two pages: the first position counts. An
        // entry is known by its arXiv id; by its title only without one (two arXiv papers may share a title).
        const keys = paper.arxivId ? [paper.arxivId] : [paper.id, `title:${titleKey(paper.title)}`];
        if (keys.some((k) => seen.has(k))) continue;
        keys.forEach((k) => seen.add(k));
        papers.push(paper);
        fresh++;
      }
      if (page.data.length < this.pageSize || (page.data.length > 0 && fresh === 0 && parsed.rejected.length === 0)) break;
    }
    return { date, papers, rejected, pages };
  }

  /** One paper by arXiv id (no version); null when the API does not know it. */
  async paper(arxivId: string): Promise<Paper | null> {
    const result = await getJson(`${this.baseUrl}/papers/${encodeURIComponent(arxivId)}`, this.http);
    if (result.status === 404) return null;
    const parsed = parsePaper(result.body);
    if ("problem" in parsed) throw new HfBodyError(`Hugging Face API sent an unusable record for ${arxivId} (${parsed.problem})`);
    return parsed.paper;
  }
}
