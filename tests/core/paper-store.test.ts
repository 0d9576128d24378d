import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundledCapture } from "../../src/core/bundled.ts";
import type { Paper } from "../../src/core/paper.ts";
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
});
