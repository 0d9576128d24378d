// `papers ingest <file>`: idempotent, and a malformed file is refused with its line number before
// anything is written.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb as openDatabase, type TestDb as Db, freshDatabase, type TestDatabase } from "../support/database.ts";
import { runCli, spawnCli, STACK_LINE } from "../support/cli.ts";

let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "papers-ingest-"));
beforeAll(async () => {
  database = await freshDatabase();
  env = { DATABASE_URL: database.url };
  ({ db } = await openDatabase(database.url));
});
afterAll(async () => { await db.$disconnect(); await database.drop(); rmSync(dir, { recursive: true, force: true }); });

const capture = (blocks: string[]) => ["New", "", "Subscribe", "", "Mar 12, 2025", "", ...blocks].join("\n");
const file = (name: string, text: string) => { const path = join(dir, name); writeFileSync(path, text); return path; };

async function everything() {
  return {
    papers: await db.paper.findMany({ orderBy: { id: "asc" } }),
    snapshots: await db.snapshot.findMany({ orderBy: { date: "asc" } }),
    entries: await db.snapshotEntry.findMany({ orderBy: [{ date: "asc" }, { rank: "asc" }] }),
  };
}

describe("papers ingest", () => {
  it("adds a capture once; the same file again changes nothing", async () => {
    const path = file("mar12.txt", capture([
      "Platypus Attention: Egg-Laying Transformers", "", "We study transformers that lay eggs.", "",
      "A Survey on Mixture of Experts", "", "A shorter abstract than the bundled one.", "",
    ]));
    const first = await runCli(["ingest", path], env);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toMatch(/2 papers for 2025-03-12: 1 added, 0 updated, 1 unchanged; trending list updated/);
    const after = await everything();
    expect(after.papers).toHaveLength(90); // 89 bundled + the platypus; the survey matched its existing row
    expect(after.entries.filter((e) => e.date === "2025-03-12").map((e) => e.rank)).toEqual([1, 2]);

    const again = await spawnCli(["ingest", path], env);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 added, 0 updated, 2 unchanged; trending list unchanged/);
    expect(await everything()).toEqual(after);
  });

  it("refuses a day that has not begun anywhere, whose list would never show, and writes nothing", async () => {
    const path = file("future.txt", capture(["Platypus Attention: Egg-Laying Transformers", "", "We study transformers that lay eggs.", ""]));
    const before = await everything();
    const run = await runCli(["ingest", path, "--date", "2099-01-01"], env);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/2099-01-01 has not begun anywhere yet, so its list would never show; give the day the capture was taken\. Nothing was written\.\n$/);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(await everything()).toEqual(before);
  });

  it("refuses a malformed file naming the line, and writes nothing", async () => {
    const before = await everything();
    const path = file("broken.txt", capture([
      "Koala Sleep Schedules for Language Models", "", "Twenty hours a day.", "",
      "Wallaby Decoding", "this abstract is missing its blank line", "",
    ]));
    const run = await spawnCli(["ingest", path], env);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatch(/is not a trending-page capture: line 12: expected a blank line after the title\. Nothing was written\.\n$/);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).not.toMatch(STACK_LINE);
    expect(await everything()).toEqual(before);
  });

  it("says so in one sentence when the file is missing or the arguments are wrong", async () => {
    for (const args of [["ingest", join(dir, "nope.txt")], ["ingest"], ["ingest", "a.txt", "b.txt"]]) {
      const run = await runCli(args, env);
      expect(run.code).toBe(2);
      // One sentence, then (for a mistake in the words) the command's usage line.
      const lines = run.err.trim().split("\n");
      expect(lines.filter((l) => !l.startsWith("Usage: papers ingest"))).toHaveLength(1);
    }
    // What is wrong with the path, not only that it is: a missing file, a folder, an empty file.
    writeFileSync(join(dir, "blank.txt"), "\n \n");
    // Saved in another encoding: refused at its line, not stored with "�" in the title.
    writeFileSync(join(dir, "latin1.txt"), Buffer.concat([Buffer.from("Mar 11, 2025\n\nT"), Buffer.from([0xff, 0xfe]), Buffer.from("\n\nAn abstract.\n")]));
    for (const [path, said] of [[join(dir, "nope.txt"), /^There is no file .*nope\.txt: check the path\.$/],
      [join(dir, "latin1.txt"), /latin1\.txt line 3 is not UTF-8 text; save the capture as UTF-8\. Nothing was written\.$/],
      [dir, /is a folder: name the capture file in it\.$/],
      [join(dir, "blank.txt"), /blank\.txt is empty: a trending-page capture starts with a date line like "Mar 11"\. Nothing was written\.$/]] as const) {
      const run = await runCli(["ingest", path], env);
      expect(run.code).toBe(2);
      expect(run.err.trim()).toMatch(said);
    }
  });

  it("dates the bundled capture by its own date line, so ingesting it again adds no second snapshot; --date overrides", async () => {
    const bundled = await runCli(["ingest", "src/data/trending-papers.txt"], env);
    expect(bundled.out).toMatch(/: 89 papers for 2025-03-11: /);
    const dates = (await everything()).snapshots.map((s) => s.date);
    expect(dates.filter((d) => d.endsWith("-03-11"))).toEqual(["2025-03-11"]);
    const dated = await runCli(["ingest", "src/data/trending-papers.txt", "--date", "2025-03-10"], env);
    expect(dated.out).toMatch(/: 89 papers for 2025-03-10: 0 added/);
    const bad = await runCli(["ingest", "src/data/trending-papers.txt", "--date", "2025-02-30"], env);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toMatch(/--date takes a calendar day like 2025-03-11\./);
  });
});
