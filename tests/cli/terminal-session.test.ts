// The terminal as a new user meets it: `npm start` with no tokens, commands piped in, in a fresh working
// directory and database. The second MoE paper is bookmarked by its number, listed, and exported to a
// .bib file that a real BibTeX parser (Better BibTeX's) reads back.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { parse } from "@retorquere/bibtex-parser";
import { spawnPapers } from "../support/processes.ts";

const dir = mkdtempSync(join(tmpdir(), "papers-terminal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("moe, bookmark 2, more, similar 1, bookmarks, export bibtex, subscribe 08:30, quit", async () => {
  // TZ: the machine's zone, which "subscribe 08:30" takes when no zone is typed.
  const bot = spawnPapers(["start"], { DATABASE_URL: `file:${join(dir, "papers.db")}`, TZ: "Asia/Tokyo" }, { stdin: "pipe", cwd: dir });
  bot.child.stdin!.end(["/papers moe", "/papers bookmark 2", "more", "/papers similar 1", "/papers bookmarks", "/papers export bibtex",
    "/papers subscribe 08:30", "quit", ""].join("\n"));
  const { code } = await bot.exited;
  const out = bot.stdout();
  expect(code, bot.stderr()).toBe(0);
  const second = /^2\. (.+)$/m.exec(out)![1]!;
  expect(second).toMatch(/mixture.of.experts|\bmoe\b/i);
  expect(out).toContain(`🔖 Bookmarked “${second}”.`);
  // "more" still pages the search after the bookmark typed in between.
  expect(out).toMatch(/^> Papers for "moe" \(6–\d+ of \d+/m);
  expect(out).toMatch(/^> More like “.+”:$/m);
  expect(out).toMatch(/^> Your reading list \(1 of 1, 1 unread\), page 1 of 1:\n\n1\. /m);
  const path = join(dir, "papers-bookmarks.bib");
  expect(out).toContain(`Wrote ${path}`);
  expect(out).toMatch(/^> Subscribed #terminal: next digest (today|tomorrow) 08:30 Asia\/Tokyo/m);
  // The conversation holds answers only: no log line, no BibTeX dumped on screen.
  expect(out).not.toMatch(/^\{"level"/m);
  expect(out).not.toMatch(/^@\w+\{/m);
  const bib = parse(readFileSync(path, "utf8"), { sentenceCase: false });
  expect(bib.errors).toEqual([]);
  expect(bib.entries).toHaveLength(1);
  expect(bib.entries[0]!.fields.title).toBe(second);
}, 60_000);
