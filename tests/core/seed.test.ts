import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { bundledCapture, BUNDLED_CAPTURE_PATH } from "../../src/core/bundled.ts";
import { CaptureFormatError, parseCapture } from "../../src/core/seed.ts";

describe("the bundled trending capture", () => {
  const capture = bundledCapture();

  it("has 89 papers for 2025-03-11 in page order", () => {
    expect(capture.date).toBe("2025-03-11");
    expect(capture.papers).toHaveLength(89);
    expect(capture.papers[0]!.title).toBe("Value Gradient weighted Model-Based Reinforcement Learning");
    expect(capture.papers[9]!.title).toBe("Unchosen Experts Can Contribute Too: Unleashing MoE Models' Power by Self-Contrast");
    expect(capture.papers[47]!.title).toBe("A Survey on Mixture of Experts");
    expect(capture.papers[82]!.title).toBe("2 OLMo 2 Furious");
    expect(capture.papers[88]!.title).toBe("Model Cards for Model Reporting");
  });

  it("keeps abstracts whole and folds arXiv LaTeX escapes", () => {
    const poke = capture.papers[2]!;
    expect(poke.title).toBe("PokéChamp: an Expert-level Minimax Language Agent");
    expect(poke.summary).toMatch(/^We introduce PokéChamp, a minimax agent powered by Large Language Models/);
    expect(poke.summary).toContain("for Pokémon battles");
    expect(poke.summary).not.toContain("\\'");
    expect(capture.papers[0]!.summary.endsWith("more robust than maximum likelihood based approaches.")).toBe(true);
    const percent = capture.papers.find((p) => p.summary.includes("4.83"))!;
    expect(percent.summary).toContain("4.83% and 4.5% average");
  });

  it("gives every paper a stable id derived from its normalized title", () => {
    const again = parseCapture(readFileSync(BUNDLED_CAPTURE_PATH, "utf8"), { year: 2025 });
    expect(again.papers.map((p) => p.id)).toEqual(capture.papers.map((p) => p.id));
    expect(new Set(capture.papers.map((p) => p.id)).size).toBe(89);
    expect(capture.papers.every((p) => /^t-[0-9a-f]{12}$/.test(p.id))).toBe(true);
  });
});

describe("parseCapture on other input", () => {
  const page = (body: string) => `Get trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\n${body}`;

  it("infers the year as the latest date not in the future", () => {
    const c = parseCapture(page("Mar 11\n\nA title\n\nAn abstract.\n"), { today: new Date("2026-01-05T00:00:00Z") });
    expect(c.date).toBe("2025-03-11");
    expect(parseCapture(page("Jan 2\n\nT\n\nA.\n"), { today: new Date("2026-01-05T00:00:00Z") }).date).toBe("2026-01-02");
  });

  it("rejects a malformed file with the line number", () => {
    expect(() => parseCapture(page("Mar 11\n\nTitle only\n"))).toThrow(/line 9: paper "Title only" has no abstract/);
    expect(() => parseCapture(page("no date here\n\nT\n\nA.\n"))).toThrow(CaptureFormatError);
    expect(() => parseCapture(page("Mar 11\n\nT\nnot blank\n\nA.\n"))).toThrow(/line 10: expected a blank line after the title/);
    expect(() => parseCapture(page("Mar 11\n\nSame\n\nA.\n\nSame\n\nB.\n"))).toThrow(/line 13: the same title already stands at line 9/);
    expect(() => parseCapture("")).toThrow(CaptureFormatError);
  });
});
