// The client against the loopback fixture server: paging, rate limits, retries, broken bodies, no network.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HfClient, type HfClientOptions } from "../../src/sources/hf/client.ts";
import { HfBodyError, HfHttpError, HfNetworkError, HfRateLimitError } from "../../src/sources/hf/errors.ts";
import { retryDelayMs } from "../../src/core/retry-delay.ts";
import { getJson, MAX_BODY_BYTES } from "../../src/sources/hf/http.ts";
import { closedPortUrl, startHfEmulator, type HfEmulator, type Scenario } from "../emulators/hf/server.ts";

let hf: HfEmulator;
beforeAll(async () => { hf = await startHfEmulator(); });
afterAll(async () => { await hf.close(); });
beforeEach(() => hf.reset());

const client = (scenario: Scenario, options: Partial<HfClientOptions> = {}) =>
  new HfClient({ baseUrl: hf.url(scenario), pageSize: 4, backoffMs: 20, timeoutMs: 2_000, ...options });

describe("a day's list", () => {
  it("pages with p and limit until a short page, in the API's order", async () => {
    const day = await client("ok").dailyPapers("2025-03-11");
    expect(day.papers).toHaveLength(10);
    expect(day.pages).toBe(3);
    expect(hf.requestsFor("ok").map((r) => [r.path, r.query.date, r.query.p, r.query.limit])).toEqual([
      ["/daily_papers", "2025-03-11", "0", "4"], ["/daily_papers", "2025-03-11", "1", "4"], ["/daily_papers", "2025-03-11", "2", "4"]]);
    expect(day.papers.map((p) => p.upvotes)).toEqual([85, 68, 59, 49, 41, 31, 27, 24, 22, 12]);
  });

  it("keeps two entries that share a title but not an arXiv id: two papers", async () => {
    const [entry] = JSON.parse(readFileSync(new URL("../fixtures/hf/daily-2025-03-11.json", import.meta.url), "utf8")) as { paper: { id: string; title: string }; title: string }[];
    const twin = structuredClone(entry!);
    twin.paper.id = "2503.99001v1";
    twin.paper.title = twin.title = `${entry!.title}?`; // the same title once folded
    const server = createServer((_req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify([entry, twin])); });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const day = await new HfClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, pageSize: 4, backoffMs: 20, timeoutMs: 2_000 }).dailyPapers("2025-03-11");
      expect(day.papers.map((p) => p.arxivId)).toEqual(["2503.07920", "2503.99001"]);
    } finally { server.close(); }
  });

  it("reads the whole day at any page size HF_PAGE_SIZE takes: one paper a page is not the first 20", async () => {
    const [entry] = JSON.parse(readFileSync(new URL("../fixtures/hf/daily-2025-03-11.json", import.meta.url), "utf8")) as { paper: { id: string; title: string }; title: string }[];
    const day = Array.from({ length: 30 }, (_, i) => {
      const e = structuredClone(entry!);
      e.paper.id = `2503.${String(90000 + i)}`;
      e.paper.title = e.title = `Paper number ${i}`;
      return e;
    });
    const server = createServer((req, res) => {
      const url = new URL(req.url!, "http://x"), p = Number(url.searchParams.get("p")), limit = Number(url.searchParams.get("limit"));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(day.slice(p * limit, (p + 1) * limit)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const read = await new HfClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, pageSize: 1, backoffMs: 20, timeoutMs: 2_000 }).dailyPapers("2025-03-11");
      expect(read.papers).toHaveLength(30);
    } finally { server.close(); }
  });

  it("asks once more when the last page is exactly full", async () => {
    const day = await client("ok", { pageSize: 5 }).dailyPapers("2025-03-11");
    expect(day.papers).toHaveLength(10);
    expect(hf.requestsFor("ok").map((r) => r.query.p)).toEqual(["0", "1", "2"]);
  });

  it("an empty day is an empty list after one request", async () => {
    const day = await client("ok").dailyPapers("2025-03-09");
    expect(day).toMatchObject({ papers: [], rejected: [], pages: 1 });
  });
});

describe("kept-alive connections the server drops", () => {
  it("a page whose reused connection is reset is asked again and the day arrives whole", async () => {
    const day = await client("stale-sockets").dailyPapers("2025-03-11");
    expect(day.papers).toHaveLength(10);
    expect(hf.requestsFor("stale-sockets").map((r) => r.query.p)).toEqual(["0", "1", "2"]);
    expect(hf.resets()).toBeGreaterThan(0);
  });
});

describe("rate limits", () => {
  it("waits as long as Retry-After says, then succeeds", async () => {
    const started = Date.now();
    const paper = await client("ratelimit").paper("2503.07605");
    expect(paper?.title).toMatch(/^SEAP/);
    const [first, second] = hf.requestsFor("ratelimit");
    expect(hf.requestsFor("ratelimit")).toHaveLength(2);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("honours the IETF RateLimit field when there is no Retry-After", async () => {
    await client("ratelimit-ietf").paper("2503.07605");
    const [first, second] = hf.requestsFor("ratelimit-ietf");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("does not sit out a wait longer than its bound: a typed error at once", async () => {
    const started = Date.now();
    const error = await client("ratelimit-long").paper("2503.07605").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfRateLimitError);
    expect((error as HfRateLimitError).retryAfterMs).toBe(3_600_000);
    expect(Date.now() - started).toBeLessThan(10_000); // not the hour it was told to wait (generous: CI shares the cores)
    expect(hf.requestsFor("ratelimit-long")).toHaveLength(1);
  });

  it("reads the header forms", () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryDelayMs(h({ "retry-after": "7" }))).toBe(7000);
    expect(retryDelayMs(h({ "retry-after": new Date(Date.UTC(2025, 2, 11, 0, 0, 30)).toUTCString() }), Date.UTC(2025, 2, 11))).toBe(30_000);
    expect(retryDelayMs(h({ ratelimit: '"default";r=0;t=12' }))).toBe(12_000);
    expect(retryDelayMs(h({ ratelimit: "limit=100, remaining=0, reset=5" }))).toBe(5_000);
    expect(retryDelayMs(h({ "ratelimit-reset": "3", "ratelimit-remaining": "0" }))).toBe(3_000);
    expect(retryDelayMs(h({}))).toBeNull();
  });
});

describe("server errors and broken bodies", () => {
  it("retries a 500 and succeeds", async () => {
    const day = await client("flaky").dailyPapers("2025-03-11");
    expect(day.papers).toHaveLength(10);
    expect(hf.requestsFor("flaky").map((r) => r.query.p)).toEqual(["0", "0", "1", "1", "2", "2"]);
  });

  it("gives up on a persistent 500 after the bounded retries, with the whole day unread", async () => {
    const error = await client("broken-page2", { maxRetries: 2 }).dailyPapers("2025-03-11").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfHttpError);
    expect((error as HfHttpError).status).toBe(500);
    expect((error as Error).message).toBe("Hugging Face API answered 500 for /broken-page2/api/daily_papers after 3 tries");
    expect(hf.requestsFor("broken-page2").map((r) => r.query.p)).toEqual(["0", "1", "1", "1"]);
  });

  it("a truncated body is a body error", async () => {
    const error = await client("truncated").dailyPapers("2025-03-11").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfBodyError);
    expect((error as Error).message).toMatch(/was not valid JSON/);
  });

  it("a body past MAX_BODY_BYTES is refused in one sentence while it streams in, not read whole", async () => {
    const started = performance.now();
    const error = await client("endless", { timeoutMs: 10_000 }).dailyPapers("2025-03-11").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfBodyError);
    expect((error as Error).message).toBe("Hugging Face API response for /endless/api/daily_papers was larger than 10 MB, far more than a page of papers; refused");
    expect(performance.now() - started).toBeLessThan(5_000); // before: read until the timeout, every byte held in memory
    // The connection was given up: what was sent is the limit and what the pipes held, not 10 s of a loopback stream.
    await new Promise((r) => setTimeout(r, 100));
    expect(hf.endlessBytes()).toBeLessThan(MAX_BODY_BYTES + 8 * 1024 * 1024);
    expect(hf.requestsFor("endless")).toHaveLength(1); // not retried: a body this size is no passing failure
  });

  it("a Content-Length past MAX_BODY_BYTES is refused before reading", async () => {
    // Declares a body one byte too long and sends only its first byte: waiting for the rest would time out.
    const server = createServer((_req, res) => { res.writeHead(200, { "content-type": "application/json", "content-length": 10 * 1024 * 1024 + 1 }); res.write("["); });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}/api/x`;
      const error = await getJson(url, { timeoutMs: 2_000, retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10, sleep: async () => {} } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HfBodyError);
      expect((error as Error).message).toBe("Hugging Face API response for /api/x was larger than 10 MB, far more than a page of papers; refused");
    } finally { server.closeAllConnections(); server.close(); }
  });

  it("a connection that closes mid-body is a body error", async () => {
    const error = await client("cutoff").paper("2503.07605").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfBodyError);
    expect((error as Error).message).toMatch(/was cut off/);
  });

  it("an unknown paper is null, not an error", async () => {
    expect(await client("ok").paper("2503.99999")).toBeNull();
  });
});

describe("no network", () => {
  it("a closed port is a network error with one short line, after bounded retries", async () => {
    const error = await new HfClient({ baseUrl: await closedPortUrl(), backoffMs: 10, maxRetries: 2 }).dailyPapers("2025-03-11").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfNetworkError);
    expect((error as Error).message).toMatch(/^Hugging Face API unreachable \(127\.0\.0\.1:\d+: connection refused\)$/);
  });

  it("a server that never answers times out", async () => {
    const error = await client("slow", { timeoutMs: 200, maxRetries: 1 }).paper("2503.07605").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfNetworkError);
    expect((error as Error).message).toMatch(/no answer within/);
    expect(hf.requestsFor("slow")).toHaveLength(2);
  });
});

