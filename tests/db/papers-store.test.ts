// The papers table's own rules, on the real database (SQLite, and PostgreSQL in the second pass): a capture
// record (no arXiv id) merges into its API record by title, but two arXiv papers that share a title stay two.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../support/services.ts";
import { paperId, type Paper } from "../../src/core/paper.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });
afterAll(async () => { await services?.close(); });

const paper = (arxivId: string | null, title: string): Paper => ({ id: paperId(arxivId, title), arxivId, title, summary: `About ${title}.`,
  authors: [], keywords: [], githubRepo: null, publishedAt: null, upvotes: 1 });

it("keeps two arXiv papers with the same title apart, and merges a capture record into the first by title", async () => {
  const before = await services.papers.count(); // the bundled capture
  const first = paper("2501.00007", "Attention Is All You Need"), second = paper("2501.00009", "Attention: Is All You Need?");
  expect(await services.papers.upsert([first], "test")).toMatchObject({ added: 1 });
  expect(await services.papers.upsert([second], "test")).toMatchObject({ added: 1 });
  expect((await services.papers.getMany([first.id, second.id])).map((p) => p.arxivId).sort()).toEqual(["2501.00007", "2501.00009"]);
  // In one batch too.
  const third = paper("2501.00011", "Scaling laws"), fourth = paper("2501.00012", "Scaling Laws");
  expect(await services.papers.upsert([third, fourth], "test")).toMatchObject({ added: 2 });
  // A capture record, which has no arXiv id, is one of them: it merges, adding nothing.
  const capture = paper(null, "attention is all you need");
  expect(await services.papers.upsert([capture], "capture")).toMatchObject({ added: 0 });
  expect(await services.papers.count()).toBe(before + 4);
});
