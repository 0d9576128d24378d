// Shared by the property tests: how many inputs to try, and what every answer must look like.
// `npm test` runs FUZZ_RUNS (default 1000) per property; `npm run fuzz` sets 100,000. HTTP-level
// properties are slower per input and take a tenth (at least 300) unless FUZZ_HTTP_RUNS says otherwise.
import fc from "fast-check";
import { expect } from "vitest";
import type { Reply } from "../../src/core/messages/reply.ts";

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
export const FUZZ_HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? Math.max(300, Math.round(FUZZ_RUNS / 10)));
/** A long run needs a long timeout: about 10 ms per input is plenty, never less than the default. */
export const fuzzTimeout = (runs: number, msPerRun = 10) => Math.max(30_000, runs * msPerRun);

/** Leftovers of a crash that must never reach a person, unless they typed it themselves. */
const CRASH_MARKS: RegExp[] = [/\n\s+at \S/, /\b(Type|Reference|Range|Syntax|Zod|Prisma\w*)Error\b/, /Error:/, /\[object \w+\]/, /\bundefined\b/, /\bNaN\b/, /\bnull\b/];

/** A refusal (or any answer) is one short sentence a person can act on, with nothing of a crash in it. */
export function expectCleanAnswer(reply: Reply, input: string): void {
  expect(typeof reply.text, input).toBe("string");
  expect(reply.text.trim().length, input).toBeGreaterThan(0);
  if (reply.tone !== "error") return;
  expect(reply.text, input).not.toMatch(/[\r\n]/);
  expect(reply.text.length, input).toBeLessThan(400);
  for (const mark of CRASH_MARKS) {
    if (mark.test(reply.text) && !mark.test(input)) expect.fail(`"${reply.text}" looks like a crash (${mark}) for input ${JSON.stringify(input).slice(0, 200)}`);
  }
  expect(reply.text, input).not.toMatch(/^Sorry, something went wrong on our side/);
}

/** Text people might type: words from the domain, command names, unicode, control characters, long runs. */
export function chatText(): fc.Arbitrary<string> {
  const word = fc.oneof(
    fc.constantFrom("moe", "mixture", "of", "experts", "trending", "paper", "subscribe", "unsubscribe", "bookmarks", "export", "similar",
      "foryou", "help", "more", "search", "09:00", "25:99", "Europe/Berlin", "utc", "size:3", "size:0", "ranked:team", "\"quoted", "--",
      "2403.07816", "arXiv:2403.07816v2", "https://arxiv.org/abs/2403.07816", "Pok\\'emon", "é", "😀", "\u0000", "\u202e", "%s", "${x}", "<@U1>",
      "<#C1|x>", "&lt;", "*bold*", "`code`", "__proto__", "constructor", "-1", "1e309", "0x10", "999999999999999999999"),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.string({ unit: "binary", maxLength: 8 }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(word, { maxLength: 8 }).map((w) => w.join(" ")) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.tuple(word, fc.integer({ min: 1, max: 3000 })).map(([w, n]) => `${w} `.repeat(n)) },
  );
}

/** JSON-ish option values, including the awkward ones a decoder or a hand-made payload might produce. */
export function optionValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    chatText(),
    fc.integer(), fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e21),
    fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.bigInt().map(String),
    fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
}
