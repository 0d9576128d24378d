// Reading-list search and notes in the terminal (issue 15, item 5): typed as a person would.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole } from "../../src/adapters/console/index.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices({ clock: manualClock("2025-03-11T15:00:00Z") }); });
afterAll(async () => { await services.close(); });

describe("terminal reading list", () => {
  it("bookmarks, notes, searches inside the bookmarks, and exports the note", async () => {
    const [first, second] = (await services.papers.trending("2025-03-11"))!.ids;
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => { printed += chunk.toString(); });
    const cwd = mkdtempSync(join(tmpdir(), "papers-export-"));
    const done = startConsole(services, createRegistry(), { input, output, cwd });
    input.end(`/papers bookmarks add ${first}\n/papers bookmarks add ${second}\n/papers note ${first} check the scaling-law figure\n`
      + `/papers bookmarks scaling-law figure\n/papers export markdown\n/papers note 9 x\nquit\n`);
    await done;
    const answers = printed.split("\n> ").slice(1);
    expect(answers[2]).toMatch(/^📝 Saved your note on/);
    expect(answers[3]).toMatch(/^Your bookmarks matching "scaling-law figure" \(1 of 1\):/);
    expect(answers[3]).toContain("Note: check the scaling-law figure");
    // The terminal writes exports to a file in the working directory and prints where.
    const written = /(\/\S+\.md)/.exec(answers[4]!)?.[1];
    expect(written, answers[4]).toBeTruthy();
    expect(readFileSync(written!, "utf8")).toContain("> 📝 check the scaling-law figure");
    rmSync(cwd, { recursive: true, force: true });
    expect(answers[5]).toMatch(/^! Your last list here has only number 1, not 9; pick one of those or give the paper's id\./);
  });

  it("says in words why an export could not be written, not the system's code", async () => {
    const [first] = (await services.papers.trending("2025-03-11"))!.ids;
    const cwd = mkdtempSync(join(tmpdir(), "papers-export-"));
    // A folder where the file would go: the write fails whoever runs the test (root included).
    mkdirSync(join(cwd, "papers-bookmarks.bib"));
    const input = new PassThrough(), output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => { printed += chunk.toString(); });
    const done = startConsole(services, createRegistry(), { input, output, cwd });
    input.end(`/papers bookmarks add ${first}
/papers export bibtex
quit
`);
    await done;
    rmSync(cwd, { recursive: true, force: true });
    const answer = printed.split("\n> ")[2]!;
    expect(answer.trim()).toBe(`! I couldn't write ${join(cwd, "papers-bookmarks.bib")} (a folder there has that name); your bookmarks are unchanged, so start it from another folder and export again.`);
  });
});
