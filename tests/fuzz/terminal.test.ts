// Property: terminal mode (what `npm start` runs without tokens) answers every line typed or piped into
// it — commands, noise, binary, "more" at odd moments, 6 kB lines — in order, with no crash apology and no
// stack trace, and a last ordinary line still gets its papers.
import fc from "fast-check";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole } from "../../src/adapters/console/index.ts";
import { createRegistry } from "../../src/commands/index.ts";
import { STACK_LINE } from "../support/cli.ts";
import { createTestServices, manualClock, type TestServices } from "../support/services.ts";
import { chatText, FUZZ_RUNS, fuzzTimeout } from "./support.ts";

let services: TestServices;
beforeAll(async () => { services = await createTestServices({ clock: manualClock("2025-03-11T15:00:00Z") }); });
afterAll(async () => { await services.close(); });

const registry = createRegistry();
/** One typed line: no line breaks inside, and not "quit", which ends the session (tested in tests/core). */
const line = fc.oneof(chatText(), fc.constantFrom("more", "/papers more", "/papers", "papers", "/PAPERS help", "  ", "\t/papers trending 3"))
  .map((text) => text.replace(/[\r\n\u2028\u2029\u0085]/g, " "))
  .filter((text) => !/^(quit|exit)$/i.test(text.trim().replace(/^\/?papers\b\s*/i, "")));

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough(), output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => { printed += chunk.toString(); });
  const done = startConsole(services, registry, { input, output });
  input.end(lines.join("\n") + "\n");
  await done;
  return printed;
}

const BATCH = 50;
const batches = Math.ceil(FUZZ_RUNS / BATCH);

describe("terminal mode lines", () => {
  it(`answers ${batches * BATCH} generated lines in order and keeps answering`, { timeout: fuzzTimeout(FUZZ_RUNS, 60) }, async () => {
    await fc.assert(fc.asyncProperty(fc.array(line, { minLength: BATCH, maxLength: BATCH }), async (lines) => {
      const printed = await session([...lines, "/papers trending 1"]);
      const label = JSON.stringify(lines).slice(0, 300);
      expect(printed, label).not.toMatch(STACK_LINE);
      expect(printed, label).not.toContain("Sorry, something went wrong");
      // The last line was answered last: nothing was dropped or left hanging before it (and the end of
      // input ended the prompt's line).
      expect(printed.endsWith("> \n"), label).toBe(true);
      expect(printed.slice(printed.lastIndexOf("Trending papers, 2025-03-11 (1 of")), label).toMatch(/^Trending papers[^\n]*\n\n1\. /);
    }), { numRuns: batches });
    expect(services.logs.text).not.toContain('"msg":"command failed"');
  });
});
