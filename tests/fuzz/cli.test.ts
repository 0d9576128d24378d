// Property: whatever words follow `papers` (the commands and their flags in any order and number, values
// of every kind, unknown words, unicode), the CLI ends with 0, 1 or 2, never prints a stack trace, says
// what went wrong on stderr when it fails, prints one JSON document for a successful --json, and the
// next ordinary command still works. Commands run in-process on services opened once, so 1,000 are fast.
// `papers start` is left out: it is the long-running bot (tests/hardening runs it).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliCommands } from "../../src/cli/main.ts";
import { runCli, STACK_LINE } from "../support/cli.ts";
import { createTestServices, type TestServices } from "../support/services.ts";
import { startHfEmulator, type HfEmulator } from "../emulators/hf/server.ts";
import { chatText, FUZZ_RUNS, fuzzTimeout } from "./support.ts";

let services: TestServices;
let hf: HfEmulator;
let env: Record<string, string>;
beforeAll(async () => {
  hf = await startHfEmulator();
  env = { HF_API_URL: hf.url("ok") };
  services = await createTestServices({ env });
  env.DATABASE_URL = services.testDatabase.url;
});
afterAll(async () => { await services?.close(); await hf?.close(); });

const commandWords = cliCommands.map((c) => c.name.split(" ")).filter((words) => words[0] !== "start");
const flag = fc.constantFrom("--limit", "--json", "--now", "--date", "--hf", "--guild", "--socket", "--url", "--help", "-h", "--", "-", "--limit=3", "--json=yes", "--now=", "--unknown");
const value = fc.oneof(
  fc.constantFrom("3", "0", "-1", "51", "1e3", "NaN", "2025-03-11", "2025-03-11T09:00:00Z", "2025-02-30", "yesterday", "https://bot.example", "ftp://x",
    "123456789012345678", "package.json", "/dev/null", "src/data/trending-papers.txt", "tests/fixtures/hf/papers.json", "/nonexistent/file", ""),
  chatText().map((s) => s.slice(0, 80)),
  fc.string({ maxLength: 12 }),
);
const argv = fc.tuple(
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...commandWords) }, { weight: 1, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 8 }), flag), { maxLength: 2 }) }),
  fc.array(fc.oneof(flag, value), { maxLength: 6 }),
).map(([head, rest]) => [...head, ...rest]);

describe("papers <anything>", () => {
  it(`ends cleanly for ${FUZZ_RUNS} generated command lines`, { timeout: fuzzTimeout(FUZZ_RUNS, 40) }, async () => {
    const codes = new Set<number>();
    await fc.assert(fc.asyncProperty(argv, async (args) => {
      const label = JSON.stringify(args).slice(0, 300);
      const run = await runCli(args, env, services);
      codes.add(run.code);
      expect([0, 1, 2], label).toContain(run.code);
      expect(run.err + run.out, label).not.toMatch(STACK_LINE);
      expect(run.err, label).not.toMatch(/\[object \w+\]|\bTypeError\b|\bReferenceError\b/);
      if (run.code !== 0) expect(run.err.trim().length, label).toBeGreaterThan(0);
      const options = args.includes("--") ? args.slice(0, args.indexOf("--")) : args; // after "--", "--json" is a word
      const help = options.includes("--help") || options.includes("-h"); // usage text, whatever else is asked
      if (run.code === 0 && options.includes("--json") && !help && ["search", "trending", "digest"].includes(args[0]!)) {
        expect(() => JSON.parse(run.out), label).not.toThrow();
      }
    }), { numRuns: FUZZ_RUNS });
    expect([...codes].sort()).toEqual(expect.arrayContaining([0, 2]));
    const after = await runCli(["search", "mixture of experts", "--json"], env, services);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.out) as unknown[]).length).toBeGreaterThan(0);
  });
});
