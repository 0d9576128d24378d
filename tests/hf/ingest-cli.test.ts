// `papers ingest --hf` end to end: the real CLI in-process, a real database, the fixture server on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { openTestDb as openDatabase, type TestDb as Db, freshDatabase, type TestDatabase } from "../support/database.ts";
import { bundledCapture } from "../../src/core/bundled.ts";
import { titleKey } from "../../src/core/paper.ts";
import { LogCapture } from "../support/services.ts";
import { closedPortUrl, startHfEmulator, type HfEmulator } from "../emulators/hf/server.ts";

let hf: HfEmulator;
const opened: { database: TestDatabase; db: Db }[] = [];
beforeAll(async () => { hf = await startHfEmulator(); });
afterAll(async () => {
  for (const { database, db } of opened) { await db.$disconnect(); await database.drop(); }
  await hf.close();
});

/** A database of its own, and a client to look inside it between CLI runs. */
async function workspace() {
  const database = await freshDatabase();
  const { db } = await openDatabase(database.url);
  opened.push({ database, db });
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const stdout = new LogCapture(), stderr = new LogCapture();
    const code = await main(args, { stdout, stderr }, { DATABASE_URL: database.url, HF_API_URL: hf.url("ok"), HF_PAGE_SIZE: "4", ...env });
    return { code, out: stdout.text, err: stderr.text };
  };
  const snapshot = async (date: string) => ({
    snapshot: await db.snapshot.findUnique({ where: { date } }),
    ids: (await db.snapshotEntry.findMany({ where: { date }, orderBy: { rank: "asc" } })).map((e) => e.paperId),
  });
  const state = async () => ({
    papers: await db.paper.count(),
    newest: (await db.paper.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.getTime(),
    day: await snapshot("2025-03-11"),
  });
  return { db, run, snapshot, state };
}

const captureSize = bundledCapture().papers.length;
const oneLine = (text: string) => text.trim().split("\n");

describe("papers ingest --hf --date 2025-03-11", () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeAll(async () => { ws = await workspace(); });

  it("fills papers and the day's trending list in the API's order", async () => {
    const { code, out, err } = await ws.run(["ingest", "--hf", "--date", "2025-03-11"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    // Three of the ten (LMM-R1, PokéChamp, the MoE survey) are already in the bundled capture: merged, not added.
    expect(out).toBe("Hugging Face 2025-03-11: 10 papers: 7 added, 3 updated, 0 unchanged; trending list updated.\n");
    expect(await ws.db.paper.count()).toBe(captureSize + 7);
    const { snapshot, ids } = await ws.snapshot("2025-03-11");
    expect(snapshot?.source).toBe("hf");
    const rows = await ws.db.paper.findMany({ where: { id: { in: ids } } });
    const arxivOf = new Map(rows.map((r) => [r.id, r.arxivId]));
    expect(ids.map((id) => arxivOf.get(id))).toEqual(["2503.07920", "2503.07536", "2503.08638", "2503.07365", "2503.07572",
      "2503.07703", "2503.07891", "2503.04094", "2503.05978", "2407.06204"]);
  });

  it("merges the capture's record and the API's record of one paper into one row", async () => {
    const rows = await ws.db.paper.findMany({ where: { OR: [{ titleKey: titleKey("A Survey on Mixture of Experts") }, { arxivId: "2407.06204" }] } });
    expect(rows).toHaveLength(1);
    const [survey] = rows;
    expect(survey!.id).toMatch(/^t-/); // the capture's id stays, so bookmarks made before still point at it
    expect(survey!.arxivId).toBe("2407.06204");
    expect(JSON.parse(survey!.authors)).toEqual(["Weilin Cai", "Juyong Jiang", "Fan Wang", "Jing Tang", "Sunghun Kim", "Jiayi Huang"]);
    expect(survey!.upvotes).toBe(12);
    expect(survey!.githubRepo).toBe("withinmiaov/A-Survey-on-Mixture-of-Experts");
    // The capture wrote "PokéChamp"; the API sends "Pok\'eChamp": still one paper.
    const champ = await ws.db.paper.findMany({ where: { OR: [{ titleKey: titleKey("PokéChamp: an Expert-level Minimax Language Agent") }, { arxivId: "2503.04094" }] } });
    expect(champ.map((r) => [r.arxivId, r.title, r.githubRepo])).toEqual([["2503.04094", "PokéChamp: an Expert-level Minimax Language Agent", "sethkarten/pokechamp"]]);
  });

  it("changes nothing when run again", async () => {
    const before = await ws.state();
    const { code, out } = await ws.run(["ingest", "--hf", "--date", "2025-03-11"]);
    expect(code).toBe(0);
    expect(out).toBe("Hugging Face 2025-03-11: 10 papers: 0 added, 0 updated, 10 unchanged; trending list unchanged.\n");
    expect(await ws.state()).toEqual(before);
  });

  it("a failure half-way (page 2 is a 500 after retries) leaves the previous snapshot and papers intact", async () => {
    const before = await ws.state();
    const { code, out, err } = await ws.run(["ingest", "--hf", "--date", "2025-03-11"], { HF_API_URL: hf.url("broken-page2") });
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(oneLine(err)).toEqual([expect.stringMatching(/^papers: could not refresh from Hugging Face: Hugging Face API answered 500 .* Nothing was written; the previous papers are kept\.$/)]);
    expect(await ws.state()).toEqual(before);
    expect(hf.requestsFor("broken-page2").filter((r) => r.query.p === "1")).toHaveLength(4); // 1 try + 3 retries
  });
});

describe("papers ingest --hf on a new install", () => {
  it("a failure half-way keeps the bundled capture's snapshot", async () => {
    const ws = await workspace();
    await ws.run(["trending"]); // seeds the capture
    const before = await ws.state();
    expect(before.day.ids).toHaveLength(captureSize);
    const { code } = await ws.run(["ingest", "--hf", "--date", "2025-03-11"], { HF_API_URL: hf.url("broken-page2") });
    expect(code).toBe(1);
    expect(await ws.state()).toEqual(before);
  });

  it("the network unreachable: one sentence, exit 1, nothing written", async () => {
    const ws = await workspace();
    await ws.run(["trending"]);
    const before = await ws.state();
    const { code, out, err } = await ws.run(["ingest", "--hf", "--date", "2025-03-11"], { HF_API_URL: await closedPortUrl() });
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(oneLine(err)).toEqual([expect.stringMatching(/^papers: could not refresh from Hugging Face: Hugging Face API unreachable \(127\.0\.0\.1:\d+: connection refused\)\. Nothing was written/)]);
    expect(await ws.state()).toEqual(before);
  });

  it("an HTML page where the API should be (a proxy, a wrong HF_API_URL) says so, exit 1", async () => {
    const ws = await workspace();
    const { code, err } = await ws.run(["ingest", "--hf", "--date", "2025-03-11"], { HF_API_URL: hf.url("html") });
    expect(code).toBe(1);
    expect(oneLine(err)).toEqual([expect.stringMatching(/was not valid JSON \(\d+ bytes, an HTML page, not the API: check HF_API_URL and any proxy\)\. Nothing was written/)]);
  });

  it("a 500 then success lands the day", async () => {
    const ws = await workspace();
    const { code, out } = await ws.run(["ingest", "--hf", "--date", "2025-03-11"], { HF_API_URL: hf.url("flaky") });
    expect(code).toBe(0);
    expect(out).toMatch(/10 papers: 7 added, 3 updated/);
    expect((await ws.snapshot("2025-03-11")).ids).toHaveLength(10);
  });

  it("malformed entries are skipped and logged with their ids; the rest lands", async () => {
    const ws = await workspace();
    const { code, out, err } = await ws.run(["ingest", "--hf", "--date", "2025-03-10"]);
    expect(code).toBe(0);
    expect(out).toBe("Hugging Face 2025-03-10: 3 papers (3 malformed entries skipped): 3 added, 0 updated, 0 unchanged; trending list updated.\n");
    const logged = oneLine(err).map((line) => JSON.parse(line) as { id: string; problem: string; msg: string });
    expect(logged.map((l) => l.id)).toEqual(["2503.06520", "not-an-arxiv-id", "(no id)"]);
    expect(logged.every((l) => l.msg === "skipped a daily-papers entry that failed validation")).toBe(true);
    expect((await ws.snapshot("2025-03-10")).ids).toEqual(["2503.06749", "2503.06680", "2503.06580"]);
    expect(await ws.db.paper.count({ where: { arxivId: "2503.06520" } })).toBe(0);
  });

  it("a day of only malformed entries writes nothing and exits 1, so a cron job sees the API's format changed", async () => {
    const ws = await workspace();
    await ws.run(["trending"]);
    const before = await ws.state();
    const { code, out, err } = await ws.run(["ingest", "--hf", "--date", "2025-03-08"]);
    expect(out).toBe("Hugging Face has no readable papers for 2025-03-08 (4 malformed entries skipped); nothing was written.\n");
    expect(err).toContain("papers: Hugging Face sent nothing readable (its 4 entries for 2025-03-08; has its API changed?); the previous papers are kept.\n");
    expect(code).toBe(1);
    expect(await ws.state()).toEqual(before);
  });

  it("an empty day writes nothing", async () => {
    const ws = await workspace();
    const { code, out } = await ws.run(["ingest", "--hf", "--date", "2025-03-09"]);
    expect(code).toBe(0);
    expect(out).toBe("Hugging Face has no papers for 2025-03-09; nothing was written.\n");
    expect((await ws.snapshot("2025-03-09")).snapshot).toBeNull();
  });

  it.each([
    [["--date", "2025-02-30"], /^--date needs a day written YYYY-MM-DD, like 2025-03-11 \("2025-02-30" is not one\)\.$/],
    [["--date", "11/03/2025"], /^--date needs a day written YYYY-MM-DD/],
    [["--date"], /^papers ingest --hf takes only --date YYYY-MM-DD\. Usage: papers ingest --hf \[--date YYYY-MM-DD\]$/],
    [["--date", "2025-03-11", "extra"], /takes only --date YYYY-MM-DD\. Usage: papers ingest --hf/],
  ])("a bad date (%j) is one sentence and exit 2, before any request", async (args, message) => {
    const ws = await workspace();
    const requests = hf.requests.length;
    const { code, err } = await ws.run(["ingest", "--hf", ...args]);
    expect(code).toBe(2);
    expect(oneLine(err)).toEqual([expect.stringMatching(message)]);
    expect(hf.requests.length).toBe(requests);
  });
});
