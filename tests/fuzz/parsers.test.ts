// Properties of the two parsers that read text from outside: the bundled-capture parser either returns
// a well-formed capture or throws CaptureFormatError (never anything else), and the Hugging Face page
// parser never throws at all: every entry is either a valid paper or a named rejection.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaptureFormatError, parseCapture } from "../../src/core/seed.ts";
import { parseDailyPage, parsePaper } from "../../src/sources/hf/schema.ts";
import { FUZZ_RUNS, fuzzTimeout } from "./support.ts";

const realDate = (iso: string) => !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

describe("parseCapture", () => {
  const line = fc.oneof(
    fc.constantFrom("", " ", "Get trending papers in your email inbox!", "byAK and the research community", "Subscribe", "Mar 11", "Feb 29",
      "Feb 31", "Apr 31", "Mar 0", "Dec 99", "Jan 1, 2024", "Foo 12", "A title", "Another Title: with \\'e", "An abstract sentence.", "\t", "\uFEFF"),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({ minLength: 495, maxLength: 520 }).map((s) => s.replace(/[\r\n]/g, "x")),
  );
  // Shaped like a capture (header, date, title/blank/abstract blocks) with noise mixed in, so both the
  // success path and each refusal are reached; plus free-form line soup.
  const block = fc.tuple(line, fc.constantFrom([""], ["", ""], []), fc.array(line, { minLength: 1, maxLength: 3 }), fc.constant([""]))
    .map(([title, gap, abstract, end]) => [title, ...gap, ...abstract, ...end]);
  const shaped = fc.tuple(fc.subarray(["Get trending papers in your email inbox!", "", "byAK and the research community", ""]),
    fc.constantFrom("Mar 11", "Feb 29", "Feb 30", "Jan 1, 2024", "Sep 31", "Dec 25", "Mar 011"), fc.array(block, { minLength: 1, maxLength: 5 }))
    .map(([header, date, blocks]) => [...header, date, "", ...blocks.flat()]);
  const lines = fc.oneof(shaped, fc.array(line, { maxLength: 30 }));
  const text = fc.tuple(lines, fc.constantFrom("\n", "\r\n")).map(([ls, eol]) => ls.join(eol));

  it(`returns a well-formed capture or throws CaptureFormatError, for ${FUZZ_RUNS} texts`, { timeout: fuzzTimeout(FUZZ_RUNS, 5) }, () => {
    let parsed = 0;
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 4102444800000 }), (input, today) => {
      try {
        const capture = parseCapture(input, { today: new Date(today) });
        parsed++;
        expect(realDate(capture.date), capture.date).toBe(true);
        expect(capture.papers.length).toBeGreaterThan(0);
        expect(new Set(capture.papers.map((p) => p.id)).size).toBe(capture.papers.length);
        for (const p of capture.papers) { expect(p.title.trim()).not.toBe(""); expect(p.summary.trim()).not.toBe(""); }
      } catch (error) {
        if (!(error instanceof CaptureFormatError)) throw error;
        expect(error.message).toMatch(/^line \d+: /);
        expect(error.message).not.toMatch(/[\r\n]/);
      }
    }), { numRuns: FUZZ_RUNS });
    // The generator must reach the success path often enough to mean something.
    expect(parsed).toBeGreaterThan(FUZZ_RUNS / 100);
  });
});

describe("the Hugging Face daily page", () => {
  const good = { id: "2403.07816", title: "Branch-Train-MiX", summary: "We investigate efficient methods.", authors: [{ name: "Sainbayar Sukhbaatar" }],
    publishedAt: "2024-03-12T17:59:49.000Z", upvotes: 41, githubRepo: "https://github.com/facebookresearch/btx", ai_keywords: ["MoE"] };
  const field = fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.constant(null),
    fc.constantFrom("2403.07816v2", "2403.0781", "hep-th/9901001", "2024-02-30T00:00:00Z", "2024-03-12T17:59:49+01:00", "github.com/a/b.git",
      "https://github.com/../..", "javascript:alert(1)", -1, 1.5, 2 ** 53, [{ name: " " }], [{ name: 3 }], ["x", null]));
  const mutated = fc.dictionary(fc.constantFrom(...Object.keys(good), "__proto__", "extra"), field, { maxKeys: 4 })
    .map((changes) => ({ paper: { ...good, ...changes } }));
  const entry = fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constant({ paper: good }) });

  it(`never throws, and accounts for every entry, for ${FUZZ_RUNS} pages`, { timeout: fuzzTimeout(FUZZ_RUNS, 5) }, () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
      const page = parseDailyPage(entries);
      expect(page.papers.length + page.rejected.length).toBe(entries.length);
      accepted += page.papers.length;
      rejected += page.rejected.length;
      for (const p of page.papers) {
        expect(p.arxivId).toMatch(/^\d{4}\.\d{4,5}$/);
        expect(p.title.trim()).not.toBe("");
        expect(Number.isSafeInteger(p.upvotes) && p.upvotes >= 0).toBe(true);
        expect(p.publishedAt === null || !Number.isNaN(p.publishedAt.getTime())).toBe(true);
        expect(p.githubRepo === null || /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(p.githubRepo)).toBe(true);
        expect(p.authors.every((a) => typeof a === "string" && a.trim() !== "")).toBe(true);
      }
      for (const r of page.rejected) expect(r.problem.length).toBeLessThanOrEqual(200);
      const single = parsePaper(entries[0] && typeof entries[0] === "object" ? (entries[0] as { paper?: unknown }).paper : entries[0]);
      expect("paper" in single || "problem" in single).toBe(true);
    }), { numRuns: FUZZ_RUNS });
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
