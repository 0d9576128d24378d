// Two replicas on one database: a paper ingested through one becomes searchable on the other once the
// other's index sync runs (every INDEX_SYNC_SECONDS in `papers start`), without a restart.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { paperId, type Paper } from "../../src/core/paper.ts";
import { createServices, type Services } from "../../src/app/services.ts";
import { startIndexSync } from "../../src/jobs/index-sync.ts";
import { KEPT_SUMMARY_CHARS } from "../../src/core/catalog.ts";
import { cardBlurb } from "../../src/core/messages/card-extras.ts";
import { createTestServices, LogCapture, type TestServices } from "../support/services.ts";
import { testDatabaseProvider as provider } from "../support/database.ts";

let first: TestServices;
let second: Services;
let secondLogs: LogCapture;
beforeEach(async () => {
  first = await createTestServices();
  secondLogs = new LogCapture();
  second = await createServices(loadConfig({ DATABASE_URL: first.testDatabase.url, HF_REFRESH: "off" }), createLogger({ level: "info", destination: secondLogs }));
});
afterEach(async () => { await second.close(); await first.close(); });

function paper(title: string, summary: string, arxivId: string): Paper {
  return { id: paperId(arxivId, title), arxivId, title, summary, authors: ["A. Researcher"], keywords: [], githubRepo: null, publishedAt: null, upvotes: 3 };
}

const searchIds = (s: Services, q: string) => s.catalog.index.search(q, { limit: 10 }).hits.map((h) => h.id);

describe(`index freshness across two replicas on ${provider}`, () => {
  it("finds on the second replica what the first ingested, after one sync tick", async () => {
    const quokka = paper("Quokka: Marsupial Routing for Sparse Transformers", "We route tokens like quokkas hop between islands.", "2503.99001");
    await first.papers.ingest("2025-03-12", [quokka], "capture");
    expect(searchIds(second, "quokka")).toEqual([]); // not yet: each replica serves from memory

    const sync = startIndexSync(second, 3600);
    try {
      expect(await sync.tick()).toBe(1);
      expect(searchIds(second, "quokka")).toEqual([quokka.id]);
      expect(second.catalog.get("2503.99001")?.title).toBe(quokka.title);
      // A quiet tick changes nothing and logs nothing.
      expect(await sync.tick()).toBe(0);

      // Edits travel too: the new wording is searchable, the old is not.
      await first.papers.upsert([{ ...quokka, title: "Wombat: Marsupial Routing for Sparse Transformers", summary: "Wombats dig tunnels between the layers of a sparse transformer, a longer abstract than before." }], "hf");
      expect(await sync.tick()).toBe(1);
      expect(searchIds(second, "wombat")).toEqual([quokka.id]);
      expect(searchIds(second, "quokka")).toEqual([]);
    } finally { await sync.stop(); }
    expect(secondLogs.text).toContain("search index synced");
  });

  it("runs on its own timer, so no request has to trigger it", async () => {
    const sync = startIndexSync(second, 1);
    try {
      const echidna = paper("Echidna: Spiny Attention Heads", "Attention heads with spines.", "2503.99002");
      await first.papers.ingest("2025-03-13", [echidna], "capture");
      await vi.waitFor(() => expect(searchIds(second, "echidna")).toEqual([echidna.id]), { timeout: 8_000, interval: 100 });
    } finally { await sync.stop(); }
  });

  it("keeps running when a sync fails, and says so in the log", async () => {
    const broken = { ...second, catalog: Object.assign(Object.create(second.catalog), { sync: () => Promise.reject(new Error("connection reset")) }) };
    const sync = startIndexSync(broken, 3600);
    expect(await sync.tick()).toBe(0);
    await sync.stop();
    expect(secondLogs.text).toContain("search index sync failed");
  });

  it("keeps abstracts cut to a card's blurb in memory, reads the whole from the database, and syncs edits past the cut", async () => {
    const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(" ");
    const whole = `Numbats eat termites. ${words(80, "alpha")} and the closing words mention a pangolin.`;
    const numbat = paper("Numbat: Termite-Efficient Attention", whole, "2503.99003");
    await first.papers.ingest("2025-03-14", [numbat], "capture");
    const sync = startIndexSync(second, 3600);
    try {
      expect(await sync.tick()).toBe(1);
      const kept = second.catalog.get(numbat.id)!;
      expect(kept.summary.length).toBe(KEPT_SUMMARY_CHARS);
      expect(whole.startsWith(kept.summary)).toBe(true);
      expect(cardBlurb(kept)).toBe(cardBlurb(numbat));
      expect((await second.catalog.full(numbat.arxivId!))?.summary).toBe(whole);
      // Words past the cut are still searchable: the index read the whole abstract.
      expect(searchIds(second, "pangolin")).toEqual([numbat.id]);
      expect(await sync.tick()).toBe(0);

      // An edit only past the cut (a longer abstract: the stored one is kept over a shorter, paper-merge.ts): the kept
      // part is the same, yet the sync sees it and the index follows.
      await first.papers.upsert([{ ...numbat, summary: whole.replace("pangolin", "wallabies") }], "hf");
      expect(await sync.tick()).toBe(1);
      expect(searchIds(second, "wallabies")).toEqual([numbat.id]);
      expect(searchIds(second, "pangolin")).toEqual([]);
    } finally { await sync.stop(); }
  });
});
