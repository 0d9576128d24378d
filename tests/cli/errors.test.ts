// Every mistake at the command line is one clear sentence and a non-zero exit, never a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb as openDatabase, freshDatabase, type TestDatabase } from "../support/database.ts";
import { runCli, spawnCli, STACK_LINE, type CliRun } from "../support/cli.ts";
import { spawnPapers } from "../support/processes.ts";

let database: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => { database = await freshDatabase(); env = { DATABASE_URL: database.url }; });
afterAll(async () => { await database.drop(); });

// A text file where the database should be (it must be left as it was).
const scratch = mkdtempSync(join(tmpdir(), "papers-not-a-db-"));
const notADatabase = join(scratch, "notes.txt");
writeFileSync(notADatabase, "reading list\n");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function expectOneSentence(run: CliRun, pattern: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.out).toBe("");
  expect(run.err).not.toMatch(STACK_LINE);
  // A flag mistake may add the command's usage line after the sentence.
  const lines = run.err.trim().split("\n").filter((l, i) => !(i === 1 && l.startsWith("Usage: papers ")));
  expect(lines).toHaveLength(1);
  expect(lines[0]!.length).toBeLessThan(200);
  expect(lines[0]).toMatch(pattern);
}

describe("the papers CLI refuses bad input kindly", () => {
  it("an unknown command (real bin)", async () => {
    const run = await spawnCli(["serach", "moe"], env);
    expectOneSentence(run, /unknown command "serach".*papers --help/);
    expect(run.code).toBe(2);
  });

  it("a reader that closes the pipe early (| head -1) ends the output quietly, exit 0 (real bin)", async () => {
    const run = spawnPapers(["search", "model", "--limit", "50", "--json"], env);
    run.child.stdout!.destroy(); // as head does once it has its line
    const { code } = await run.exited;
    expect(run.stderr()).not.toMatch(/EPIPE|Unhandled/);
    expect(run.stderr()).not.toMatch(STACK_LINE);
    expect(code).toBe(0);
  });

  it("a misspelt variable is named on stderr, and the command still runs", async () => {
    const run = await runCli(["trending", "--limit", "1"], { ...env, HF_REFESH: "off" });
    expect(run.code).toBe(0);
    expect(run.err.trim()).toBe("papers: HF_REFESH is not a setting papers-bot reads; did you mean HF_REFRESH?");
    expect(run.out).toMatch(/^1\. /m);
  });

  it("an empty query", async () => {
    expectOneSentence(await runCli(["search", "   "], env), /Give something to search for/);
  });

  it("a 10 kB query (real bin), without echoing it back", async () => {
    const run = await spawnCli(["search", "attention ".repeat(1024)], env);
    expectOneSentence(run, /10240 characters; keep it under 500/);
  });

  it.each([
    [["search"], /Give something to search for/],
    [["search", "moe", "--limit", "zero"], /--limit takes a whole number from 1 to 50/],
    [["search", "moe", "--limit", "500"], /--limit takes a whole number from 1 to 50/],
    [["search", "moe", "--colour"], /--colour/],
    [["trending", "5"], /did you mean: papers trending --limit 5/],
  ])("papers %j", async (args, pattern) => {
    expectOneSentence(await runCli(args, env), pattern);
  });

  it("a failure inside (a table gone from the database) is one line with the reason, not Prisma's code frame", async () => {
    const broken = await freshDatabase();
    try {
      const { db } = await openDatabase(broken.url);
      await db.$executeRawUnsafe(`DROP TABLE "SnapshotEntry"`);
      await db.$disconnect();
      const run = await runCli(["trending"], { DATABASE_URL: broken.url });
      expect(run.code).toBe(1);
      // Prisma's words on PostgreSQL; SQLite's own where papers are read without Prisma (persistence/sqlite/reader.ts).
      expectOneSentence(run, /^papers: trending failed: (.*SnapshotEntry.* does not exist|no such table: SnapshotEntry)/);
      expect(run.err).not.toMatch(/src\/core|invocation/);
    } finally { await broken.drop(); }
  });

  // /proc/nope: Node 20's recursive mkdir never returned there, and the bot hung without a word.
  it.each([
    ["file:/dev/null/papers.db", /^Configuration error: DATABASE_URL: cannot open .*\(\/dev\/null is a file, not a folder\)/],
    ["file:/proc/nope/papers.db", /^Configuration error: DATABASE_URL: cannot open .*\(\/proc\/nope cannot be created\)/],
    [`file:${notADatabase}`, /^Configuration error: DATABASE_URL: cannot open .*notes\.txt \(it is not a SQLite database\)/],
  ])("a SQLite path that cannot be a database file (%s, real bin): one sentence naming DATABASE_URL, exit 2", async (url, pattern) => {
    const run = await spawnCli(["trending"], { DATABASE_URL: url });
    expectOneSentence(run, pattern);
    expect(run.code).toBe(2);
    expect(readFileSync(notADatabase, "utf8")).toBe("reading list\n");
  }, 20_000);

  it("no command at all prints the usage and exits 2", async () => {
    const run = await runCli([], env);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/papers search <query…>/);
  });
});

describe("another process's write lock past the wait", () => {
  it("says nothing was written and to run the command again once that process is done, in one sentence", async () => {
    const { createTestServices } = await import("../support/services.ts");
    const { DatabaseBusyError } = await import("../../src/core/stores/busy.ts");
    const { BUNDLED_CAPTURE_PATH } = await import("../../src/core/bundled.ts");
    const services = await createTestServices();
    try {
      // The store's own verdict when the lock outlasts its wait (persistence/busy.ts): a minute, too slow for a test.
      services.papers.ingest = async () => { throw new DatabaseBusyError(); };
      const run = await runCli(["ingest", BUNDLED_CAPTURE_PATH], env, services);
      expect(run.code).toBe(1);
      expectOneSentence(run, /^papers: ingest wrote nothing: another process .* held the database's write lock past the wait; run it again once that process is done\.$/);
    } finally { await services.close(); }
  });
});
