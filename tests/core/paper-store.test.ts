import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundledCapture } from "../../src/core/bundled.ts";
import type { Paper } from "../../src/core/paper.ts";
import { testDatabaseProvider } from "../support/database.ts";
import { createTestServices, type TestServices } from "../support/services.ts";

let services: TestServices;
beforeEach(async () => { services = await createTestServices(); });
afterEach(async () => { await services.close(); });

describe("a new database", () => {
  it("is migrated and filled from the bundled capture on first start", async () => {
    expect(await services.papers.count()).toBe(89);
    const trending = await services.papers.trending("2025-03-11");
    expect(trending?.date).toBe("2025-03-11");
    expect(trending?.ids).toHaveLength(89);
    expect(services.catalog.get(trending!.ids[0]!)?.title).toBe("Value Gradient weighted Model-Based Reinforcement Learning");
  });
});

describe("ingest", () => {
  it("is idempotent: the same capture twice changes nothing", async () => {
    const capture = bundledCapture();
    const before = await services.db.paper.findMany({ orderBy: { id: "asc" } });
    const result = await services.papers.ingest(capture.date, capture.papers, "capture");
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 89, snapshotChanged: false });
    const after = await services.db.paper.findMany({ orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(await services.db.snapshotEntry.count()).toBe(89);
  });

  it("merges an API record into the capture's row instead of duplicating it", async () => {
    const survey = bundledCapture().papers.find((p) => p.title === "A Survey on Mixture of Experts")!;
    const fromApi: Paper = { ...survey, id: "2407.06204", arxivId: "2407.06204", title: "A Survey on Mixture of Experts",
      authors: ["Weilin Cai", "Juyong Jiang"], upvotes: 12, githubRepo: "withinmiaov/A-Survey-on-Mixture-of-Experts" };
    const result = await services.papers.upsert([fromApi], "hf");
    expect(result).toMatchObject({ added: 0, updated: 1 });
    expect(await services.papers.count()).toBe(89);
    const stored = await services.papers.get("2407.06204");
    expect(stored).toMatchObject({ id: survey.id, arxivId: "2407.06204", upvotes: 12, authors: ["Weilin Cai", "Juyong Jiang"] });
    // A later, poorer record (fewer upvotes, no authors) does not erase what we know.
    await services.papers.upsert([{ ...fromApi, upvotes: 3, authors: [], githubRepo: null }], "hf");
    expect(await services.papers.get(survey.id)).toMatchObject({ upvotes: 12, authors: ["Weilin Cai", "Juyong Jiang"], githubRepo: "withinmiaov/A-Survey-on-Mixture-of-Experts" });
  });

  it("takes a revised API record whole (a v2's shorter abstract and corrected authors), and a NUL a source let through", async () => {
    const v1: Paper = { id: "2503.11111", arxivId: "2503.11111", title: "Zebra finches sing", summary: "A long abstract with an obsolete sentence about giraffes.",
      authors: ["A One", "B Two", "Wrong Person"], keywords: [], githubRepo: null, publishedAt: null, upvotes: 3 };
    await services.papers.upsert([v1], "hf");
    const v2: Paper = { ...v1, title: "Zebra finches sing in tune", summary: "A shorter abstract.\u0000", authors: ["A One", "B Two"] };
    expect(await services.papers.upsert([v2], "hf")).toMatchObject({ updated: 1 });
    expect(await services.papers.get("2503.11111")).toMatchObject({ title: "Zebra finches sing in tune", summary: "A shorter abstract.", authors: ["A One", "B Two"] });
    // An API record without authors (lenient side fields) keeps the ones we had.
    await services.papers.upsert([{ ...v2, authors: [] }], "hf");
    expect((await services.papers.get("2503.11111"))?.authors).toEqual(["A One", "B Two"]);
  });

  it("takes a day of 1,000 API papers in one write, on SQLite as on PostgreSQL (each lookup's parameters within SQLite's limit)", async () => {
    const day = Array.from({ length: 1000 }, (_, i): Paper => ({ id: `2504.${String(i).padStart(5, "0")}`, arxivId: `2504.${String(i).padStart(5, "0")}`,
      title: `Synthetic paper ${i}`, summary: "A study.", authors: ["A. Author"], keywords: [], githubRepo: null, publishedAt: null, upvotes: i }));
    expect(await services.papers.ingest("2025-04-01", day, "hf")).toMatchObject({ added: 1000 });
    expect((await services.papers.trending("2025-04-01"))?.ids).toHaveLength(1000);
  });

  it("replaces a day's trending list whole and leaves other days alone", async () => {
    const papers = bundledCapture().papers.slice(0, 3);
    await services.papers.ingest("2025-03-12", [papers[2]!, papers[0]!], "capture");
    expect((await services.papers.trending("2025-03-12"))?.ids).toEqual([papers[2]!.id, papers[0]!.id]);
    expect((await services.papers.trending("2025-03-11"))?.ids).toHaveLength(89);
    // Asking for a local date before any snapshot falls back to the newest one.
    expect((await services.papers.trending("2024-01-01"))?.date).toBe("2025-03-12");
  });
});

describe("all()", () => {
  it("reads every paper in pages: the same papers, in id order, whatever the page size", async () => {
    const { PrismaPaperStore } = await import("../../src/persistence/prisma/papers.ts");
    const whole = await services.papers.all();
    // 89 papers in pages of 7 (twelve full pages, then 5), in one page of exactly 89 (then an empty read), one by one.
    for (const size of [7, 89, 1]) {
      const paged = await new PrismaPaperStore(services.db as unknown as ConstructorParameters<typeof PrismaPaperStore>[0], size).all();
      expect(paged.map((p) => p.id)).toEqual(whole.map((p) => p.id));
      expect(paged).toEqual(whole);
    }
    expect(whole.map((p) => p.id)).toEqual([...whole.map((p) => p.id)].sort());
  });

  it("reads the next page ahead, and a read ahead that fails reaches the reader as the load's error, not as an unhandled rejection", async () => {
    const { PrismaPaperStore } = await import("../../src/persistence/prisma/papers.ts");
    // The real client, its second page read made to fail as a dropped connection would.
    let reads = 0;
    const failing = services.db.$extends({ query: { paper: { findMany({ args, query }) {
      return ++reads === 2 ? Promise.reject(new Error("connection lost")) : query(args);
    } } } });
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => { unhandled.push(reason); };
    process.on("unhandledRejection", note);
    try {
      const store = new PrismaPaperStore(failing as unknown as ConstructorParameters<typeof PrismaPaperStore>[0], 7);
      const pages = store.pages()[Symbol.asyncIterator]();
      expect((await pages.next()).value).toHaveLength(7);
      expect(reads).toBe(2); // asked for before the first page was handed over
      // The reader indexes its page meanwhile; the read ahead fails before it asks for more.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(pages.next()).rejects.toThrow("connection lost");
      expect(unhandled).toEqual([]);
    } finally { process.off("unhandledRejection", note); }
  });
});

describe("SQLite's paper reader (better-sqlite3, no Prisma)", () => {
  it.runIf(testDatabaseProvider === "sqlite")("reads the same papers, snapshots and counts as the Prisma store, whatever the page size", async () => {
    const { PrismaPaperStore } = await import("../../src/persistence/prisma/papers.ts");
    const { openPaperReader } = await import("../../src/persistence/sqlite/reader.ts");
    const { sqlitePath } = await import("../../src/persistence/sqlite/database-file.ts");
    const prisma = new PrismaPaperStore(services.db as unknown as ConstructorParameters<typeof PrismaPaperStore>[0]);
    // Every column set, including the nullable ones and a date, and a second day's list.
    const base = bundledCapture().papers[5]!;
    const full: Paper = { ...base, id: "2501.00001", arxivId: "2501.00001", title: "A Paper With Every Field", authors: ["Ada Lovelace", "Alan Turing"],
      keywords: ["moe", "routing"], githubRepo: "someone/repo", publishedAt: new Date("2025-01-02T03:04:05.678Z"), upvotes: 41,
      aiSummary: "It routes tokens.", githubStars: 1234 };
    await services.papers.ingest("2025-03-12", [full, bundledCapture().papers[0]!], "hf");
    for (const size of [7, 90, 1]) {
      const reader = openPaperReader(sqlitePath(services.config.DATABASE_URL), size);
      try {
        const read: Paper[] = [];
        for await (const page of reader.pages()) read.push(...page);
        expect(read).toEqual(await prisma.all());
        expect(await reader.count()).toBe(await prisma.count());
        expect(await reader.get("2501.00001")).toEqual(await prisma.get("2501.00001"));
        expect((await reader.get("2501.00001"))?.publishedAt).toEqual(new Date("2025-01-02T03:04:05.678Z"));
        expect(await reader.get(base.id)).toEqual(await prisma.get(base.id));
        expect(await reader.get("no-such-paper")).toBeNull();
        const ids = [full.id, base.id, "no-such-paper"];
        const byId = (papers: Paper[]) => [...papers].sort((a, b) => a.id.localeCompare(b.id));
        expect(byId(await reader.getMany(ids))).toEqual(byId(await prisma.getMany(ids)));
        expect(await reader.getMany([])).toEqual([]);
        for (const day of ["2025-03-11", "2025-03-12", "2024-01-01", undefined]) expect(await reader.trending(day)).toEqual(await prisma.trending(day));
      } finally { reader.close(); }
    }
  });
});
