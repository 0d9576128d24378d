import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole } from "../../src/adapters/console/index.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices({ clock: manualClock("2025-03-11T15:00:00Z") }); });
afterAll(async () => { await services.close(); });

/** Everything the terminal prints for these lines piped in. */
async function converse(lines: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => { printed += chunk.toString(); });
  const done = startConsole(services, createRegistry(), { input, output });
  input.end(lines);
  await done;
  return printed;
}

describe("terminal mode", () => {
  it("answers piped lines one at a time, in order, and nothing after quit", async () => {
    const printed = await converse("/papers subscribe 09:00 Europe/Berlin mixture of experts\n/papers subscriptions\ntrending 2\nmore\nquit\n/papers help\n");
    const answers = printed.split("\n> ").slice(1).map((a) => a.split("\n")[0]);
    expect(answers[0]).toMatch(/^Subscribed #terminal: next digest tomorrow 09:00 Europe\/Berlin/);
    expect(answers[1]).toBe("Digests in this workspace (1):");
    expect(answers[2]).toBe("Trending papers, 2025-03-11 (1–2 of 89):");
    expect(answers[3]).toBe("Trending papers, 2025-03-11 (3–4 of 89):");
    expect(printed).not.toContain("papers-bot keeps your team");
  });

  // A terminal sends each key as it is pressed, the arrow keys as escape sequences (ESC [ D); the streams
  // here are a terminal's as Node sees one (isTTY, setRawMode), fed one key at a time.
  it("typed at a terminal, edits the line: the arrow keys move along it and bring back the last one; Ctrl-C leaves", async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let printed = "";
    output.on("data", (chunk) => { printed += chunk.toString(); });
    const done = startConsole(services, createRegistry(), { input, output });
    // An answer ends its line and a prompt follows (readline's, which first clears the line: ESC[1G ESC[0J).
    const answered = async (n: number) => { while ((printed.match(/\n(?:\x1b\[1G\x1b\[0J)?> /g) ?? []).length < n + 1) await new Promise((r) => setTimeout(r, 10)); };
    for (const key of ["m", "e", "\x1b[D", "o", "\r"]) input.write(key); // "me", ←, "o": "moe"
    await answered(1);
    for (const key of ["\x1b[A", "\r"]) input.write(key); // ↑ brings "moe" back
    await answered(2);
    expect(printed.match(/Papers for "moe"/g) ?? []).toHaveLength(2);
    expect(printed).not.toContain("[D");
    input.write("\x03");
    const left = await Promise.race([done.then(() => true), new Promise<false>((r) => setTimeout(r, 2_000, false))]);
    if (!left) input.end();
    expect(left).toBe(true);
  });

  it("takes a command typed as a slash command of its own (/help, /trending 2, /quit), and says a mistyped /papers is none", async () => {
    const printed = await converse("/help\n/trending 2\n/papres moe\n/moe\n/papers /moe\n/quit\n/papers help\n");
    const answers = printed.split("\n> ").slice(1).map((a) => a.split("\n")[0]);
    expect(answers[0]).toMatch(/^papers-bot keeps your team/);
    expect(answers[1]).toBe("Trending papers, 2025-03-11 (1–2 of 89):");
    expect(answers[2]).toBe("! There is no /papres here; did you mean /papers moe? Type /papers help for all commands.");
    expect(answers[3]).toBe("! There is no /moe here; did you mean /papers moe? Type /papers help for all commands.");
    expect(answers[4]).toMatch(/^Papers for "\/moe"/); // after /papers, a search for the words as typed
    expect(printed.match(/papers-bot keeps your team/g)).toHaveLength(1); // quit quit: the help after it never ran
  });

  it("reads /paper, one letter short, as /papers", async () => {
    const answers = (await converse("/paper moe\n/Paper help\n")).split("\n> ").slice(1).map((a) => a.split("\n")[0]);
    expect(answers[0]).toMatch(/^Papers for "moe" /);
    expect(answers[1]).toMatch(/^papers-bot keeps your team/);
  });

  it("reads a slash before another word as that word: /trending is trending, /quit quits", async () => {
    const printed = await converse("/trending 2\n/help\n/quit\n/papers help\n");
    const answers = printed.split("\n> ").slice(1).map((a) => a.split("\n")[0]);
    expect(answers[0]).toBe("Trending papers, 2025-03-11 (1–2 of 89):");
    expect(answers[1]).toMatch(/^papers-bot keeps your team/);
    // "/quit" was searched for ("No papers match") and the terminal stayed open.
    expect(printed).not.toMatch(/No papers match/);
    expect(answers).toHaveLength(3);
  });

  it("tells a terminal user what to type, not to react or press buttons it does not have", async () => {
    const printed = await converse("help\nbookmarks\nforyou\nsimilar zzzz-not-a-paper\nquit\n");
    // Said once: how numbered lists work is how to bookmark here.
    expect(printed.match(/\/papers bookmark 2 saves paper 2 of the last list you saw here/g)).toHaveLength(1);
    expect(printed).not.toContain("/papers bookmark <number> saves a paper of the last list");
    expect(printed).toContain("Your reading list is empty: type /papers bookmark <number> after a list");
    expect(printed).toMatch(/then \/papers similar <number>\./);
    expect(printed).not.toMatch(/react with|press (Bookmark|More like this)/i);
  });
});
