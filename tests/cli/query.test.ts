// The `papers search` and `papers trending` contract (issue 2), which later checks rely on:
// --json prints an array, best first / in rank order, each with at least id, title, url, score.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb as openDatabase, type TestDb as Db, freshDatabase, type TestDatabase } from "../support/database.ts";
import { runCli, spawnCli, STACK_LINE } from "../support/cli.ts";

let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
beforeAll(async () => {
  database = await freshDatabase();
  env = { DATABASE_URL: database.url };
  ({ db } = await openDatabase(database.url));
});
afterAll(async () => { await db.$disconnect(); await database.drop(); });

interface Row { id: string; title: string; url: string; score?: number; rank?: number | null }

describe("papers search", () => {
  it("--json from the real bin: best first, with id, title, url and score", async () => {
    const run = await spawnCli(["search", "mixture", "of", "experts", "--limit", "8", "--json"], env);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.out) as Row[];
    // --limit is a maximum: the seven MoE papers pass the relevance floor, the weak matches do not.
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), score: expect.any(Number) }));
      expect(row.url).toMatch(/^https:\/\//);
      expect(row.score).toBeGreaterThan(0);
    }
    const scores = rows.map((r) => r.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(rows.map((r) => r.id)).size).toBe(7);
    expect(rows[0]!.title).toMatch(/mixture[- ]of[- ]experts/i);
    // The first search also created, migrated and filled the database (no separate setup step).
    expect(await db.paper.count()).toBe(89);
    // Each row has its whole abstract, as stored, though the catalog keeps only a card's cut of it in memory.
    const stored = new Map((await db.paper.findMany({ where: { id: { in: rows.map((r) => r.id) } } })).map((p) => [p.id, p.summary]));
    for (const row of rows as (Row & { summary: string })[]) expect(row.summary).toBe(stored.get(row.id));
    expect(rows.some((r) => (r as Row & { summary: string }).summary.length > 300)).toBe(true);
  });

  it("scores each paper by the search that ranked it, so scores fall down the list when a fallback did the ranking", async () => {
    // A word no paper writes ("lora"), a search link's words, a typo: the list is ranked by another search than
    // the words as typed, and scores read off the typed words came out of order (3.7, 1.8, 1.7, 3.9…).
    for (const query of ["lora merging", "https://huggingface.co/papers?q=mixture+of+experts", "mixtrue"]) {
      const rows = JSON.parse((await runCli(["search", query, "--limit", "10", "--json"], env)).out) as Row[];
      expect(rows.length, query).toBeGreaterThan(2);
      const scores = rows.map((r) => r.score!);
      expect(scores, query).toEqual([...scores].sort((a, b) => b - a));
      expect(Math.min(...scores), query).toBeGreaterThan(0);
    }
  });

  it("a word typed with a minus leaves papers out, as in chat, instead of reading as an unknown flag", async () => {
    const all = await runCli(["search", "moe", "--json", "--limit", "20"], env);
    const some = await runCli(["search", "moe", "-survey", "--json", "--limit", "20"], env);
    expect(some.code).toBe(0);
    const titles = (run: { out: string }) => (JSON.parse(run.out) as Row[]).map((r) => r.title);
    expect(titles(all).some((t) => /survey/i.test(t))).toBe(true);
    expect(titles(some).length).toBeGreaterThan(0);
    expect(titles(some).filter((t) => /survey/i.test(t))).toEqual([]);
    // -h still asks for help.
    expect((await runCli(["search", "moe", "-h"], env)).out.split("\n")[0]).toBe("Usage: papers search <query…> [--limit N] [--page N] [--json]");
  });

  it("after -- every word is the query, --help included: results, not the usage", async () => {
    const run = await runCli(["search", "--json", "--", "--help"], env);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(/^Usage:/);
    expect(() => JSON.parse(run.out)).not.toThrow();
    const help = await runCli(["search", "--help", "--", "moe"], env);
    expect(help.out.split("\n")[0]).toBe("Usage: papers search <query…> [--limit N] [--page N] [--json]");
  });

  it("without --json prints readable text, and --limit caps the results", async () => {
    const text = await runCli(["search", "moe"], env);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Mixture[- ]of[- ]Experts/i);
    expect(text.out.trim().startsWith("[")).toBe(false);
    const two = JSON.parse((await runCli(["search", "moe", "--limit", "2", "--json"], env)).out) as Row[];
    expect(two).toHaveLength(2);
  });

  it("prints an empty array, not an error, when nothing matches", async () => {
    const run = await runCli(["search", "zzyzx", "quuxbarium", "--json"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual([]);
    // So does an arXiv id, citation or link no paper here has: no match, as words are, not a failure (exit 1)
    // with nothing on stdout for a script to parse.
    for (const id of ["2501.12345", "arXiv:2501.12345v2", "https://arxiv.org/abs/2501.12345"]) {
      const json = await runCli(["search", id, "--json"], env);
      expect(json.code, id).toBe(0);
      expect(JSON.parse(json.out), id).toEqual([]);
      expect(json.err, id).toMatch(/^I don't have 2501\.12345/);
      const text = await runCli(["search", id], env);
      expect(text, id).toMatchObject({ code: 0, err: "" });
      expect(text.out, id).toMatch(/^I don't have 2501\.12345/);
    }
  });

  it("names commands as a shell runs them: 'papers trending', 'papers search <words>', not chat's '/papers …'", async () => {
    const common = await runCli(["search", "the"], env);
    expect(common.out).toMatch(/like papers search mixture of experts, or see papers trending for what's new\.$/m);
    const topic = await runCli(["trending", "zzyzx"], env);
    expect(topic.out).toMatch(/search every paper with papers search zzyzx\.$/m);
    expect(common.out + topic.out).not.toMatch(/\/papers/);
  });
});

describe("papers trending", () => {
  it("--limit 3 --json prints the top of the trending list in rank order", async () => {
    const run = await runCli(["trending", "--limit", "3", "--json"], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.out) as Row[];
    const expected = await db.snapshotEntry.findMany({ orderBy: [{ date: "desc" }, { rank: "asc" }], take: 3, include: { paper: true } });
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.paperId));
    expect(rows.map((r) => r.title)).toEqual(expected.map((e) => e.paper.title));
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows[0]!.title).toBe("Value Gradient weighted Model-Based Reinforcement Learning");
    for (const row of rows) expect(row.url).toMatch(/^https:\/\//);
  });

  it("words are a topic: only the trending papers about it, in the list's order", async () => {
    const run = await runCli(["trending", "mixture", "of", "experts", "--limit", "50", "--json"], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.out) as Row[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => /experts|moe/i.test(r.title))).toBe(true);
    const listed = await db.snapshotEntry.findMany({ orderBy: [{ date: "desc" }, { rank: "asc" }], take: 200 });
    const order = listed.map((e) => e.paperId);
    expect(rows.map((r) => order.indexOf(r.id))).toEqual(rows.map((r) => order.indexOf(r.id)).sort((a, b) => a - b));
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
  });

  it("prints text and exits 0", async () => {
    const run = await runCli(["trending", "--limit", "2"], env);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Value Gradient weighted Model-Based Reinforcement Learning");
    expect(run.err).not.toMatch(STACK_LINE);
  });
});

describe("--page: the rest of a list that says '1–5 of 7'", () => {
  it("search and trending page on by --limit, the text says how, and a page past the end says so", async () => {
    const first = await runCli(["search", "moe"], env);
    expect(first.out).toMatch(/^Papers for "moe" \(1–5 of (\d+)/);
    expect(first.out.trimEnd().split("\n").pop()).toBe("(more: add --page 2)");
    const second = await runCli(["search", "moe", "--page", "2"], env);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^Papers for "moe" \(6–/);
    const all = (JSON.parse((await runCli(["search", "moe", "--limit", "20", "--json"], env)).out) as Row[]).map((r) => r.id);
    const paged = JSON.parse((await runCli(["search", "moe", "--limit", "2", "--page", "2", "--json"], env)).out) as Row[];
    expect(paged.map((r) => r.id)).toEqual(all.slice(2, 4));
    expect(paged.map((r) => r.rank)).toEqual([3, 4]);
    expect(paged.every((r) => r.score! > 0)).toBe(true);
    // The whole trending list is reachable 50 at a time, and past its end is no "list being updated".
    const trending = JSON.parse((await runCli(["trending", "--limit", "50", "--page", "2", "--json"], env)).out) as Row[];
    expect(trending.map((r) => r.rank)).toEqual(Array.from({ length: 39 }, (_, i) => 51 + i));
    const past = await runCli(["trending", "--limit", "50", "--page", "3"], env);
    expect(past).toMatchObject({ code: 0, out: "No more trending papers: there are 89.\n" });
    expect(await runCli(["search", "moe", "--page", "0"], env)).toMatchObject({ code: 2, err: expect.stringMatching(/^--page takes a whole number from 1 to 201 \(with --limit 5\), not "0"\./) });
  });
});

describe("papers digest run", () => {
  it("run again for the same instant, counts the digest it finds done instead of leaving it out of every count", async () => {
    await runCli(["trending", "--limit", "1"], env); // the database migrated and filled
    await db.subscription.create({ data: { platform: "console", workspaceId: "local", channelId: "terminal", localTime: "09:00", timeZone: "UTC", size: 1, createdBy: "you" } });
    const first = await runCli(["digest", "run", "--now", "2025-03-12T09:00:00Z"], env);
    expect(first.out).toMatch(/^digest tick at 2025-03-12T09:00:00.000Z: 1 due, 0 done already, 0 not due yet, 0 paused, 0 failed$/m);
    const again = await runCli(["digest", "run", "--now", "2025-03-12T09:00:00Z"], env);
    expect(again).toMatchObject({ code: 0, out: "digest tick at 2025-03-12T09:00:00.000Z: 0 due, 1 done already, 0 not due yet, 0 paused, 0 failed\n" });
  });
});
