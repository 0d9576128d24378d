import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/core/search/analyzer.ts";
import { foldAccents, tokens } from "../../src/core/search/tokenize.ts";
import { Vocabulary } from "../../src/core/search/vocabulary.ts";

// Indexing reads text through the analyzer's per-raw-token cache; queries, suggestions and the old
// code path read it through tokens(). Both must see the same terms at the same positions.
function viaAnalyzer(analyzer: Analyzer, text: string): [number, number][] {
  const out: [number, number][] = [];
  analyzer.run(foldAccents(text), { term: (id, position) => out.push([id, position]) });
  return out;
}

function viaTokens(vocab: Vocabulary, text: string): [number, number][] {
  return tokens(text).map((t) => [vocab.lookup(t.term), t.position]);
}

describe("analyzer cache", () => {
  it("gives the same terms and positions as tokens(), the first time and from the cache", () => {
    const vocab = new Vocabulary();
    const analyzer = new Analyzer(vocab);
    const samples = ["PokéChamp and OpenMoE use Mixture-of-Experts", "MM-RLHF: MMFactory vs SCMoE, OLMo, LLMs",
      "a--b -c d- e-f-g ﬁne-tuning İstanbul 😀x Model model MODEL", "x".repeat(300),
      // Clitics dropped, including one the scan reaches only after stopping for the accents it precedes.
      "DeepSeek's’ reasoning, don't WE'RE naïve’s ’s 's"];
    for (const text of [...samples, ...samples]) expect(viaAnalyzer(analyzer, text), text).toEqual(viaTokens(vocab, text));
  });

  it("agrees with tokens() on arbitrary text", () => {
    const vocab = new Vocabulary();
    const analyzer = new Analyzer(vocab);
    const word = fc.constantFrom("Mixture-of-Experts", "MoE", "PokéChamp", "MMFactory", "ÉCOLE", "x-Y", "-", "--", " ", "😀", "42",
      "'", "’", "s", "ll", "DeepSeek's", "é’s", "trans\u00adformer", "ＭｏＥ", "GPT™", "\u200b", "\ufeff", "x²");
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(word, { maxLength: 12 }).map((w) => w.join(" ")),
      fc.array(word, { maxLength: 6 }).map((w) => w.join("")));
    fc.assert(fc.property(text, (t) => {
      const fromAnalyzer = viaAnalyzer(analyzer, t); // learns the text's words first, so lookup finds them
      expect(fromAnalyzer).toEqual(viaTokens(vocab, t));
      expect(viaAnalyzer(analyzer, t)).toEqual(fromAnalyzer);
    }), { numRuns: 500 });
  });

  // Indexing hands the analyzer unfolded abstracts (it folds from the first non-ASCII token on, scanRaw):
  // long texts, accents part-way, must read as tokens() reads them.
  it("reads long unfolded texts with accents part-way as tokens() does", () => {
    const vocab = new Vocabulary();
    const analyzer = new Analyzer(vocab);
    const word = fc.constantFrom("model", "Mixture-of-Experts", "MoE", "Pokémon", "naïve", "LLMs", "x", "42", "ﬁne-tuning", "--",
      "OpenAI’s", "’s", "don't", "naïve’s", "mo\u200be", "Ｌａｒｇｅ", "ChatGPT™", "'\u00ads");
    fc.assert(fc.property(fc.array(word, { minLength: 60, maxLength: 400 }), (words) => {
      const text = words.join(" ");
      const out: [number, number][] = [];
      analyzer.run(text, { term: (id, position) => out.push([id, position]) });
      expect(out).toEqual(viaTokens(vocab, text));
    }), { numRuns: 200 });
  });

  // scanRaw reads a copy of the text's code units from a reused buffer: texts longer than the buffer was
  // (kept after, or past KEPT_UNITS scanned in one of their own), in any string layout (two-byte for "—"
  // and "模", a rope, a slice), must read to their end, and a short text after them as before.
  it("reads texts longer than the scan buffer to the end, in any string layout", () => {
    const unit = "Σύνοψη naïve — Mixture-of-Experts 42 模型 OpenMoE ";
    const once = tokens(unit), per = once.at(-1)!.position + 1;
    for (const times of [2000, 6000]) {
      const expected = Array.from({ length: times }, (_, k) => once.map((t) => ({ ...t, position: t.position + k * per }))).flat();
      const flat = unit.repeat(times), rope = `${unit.repeat(times / 2)}${unit.repeat(times / 2)}`, slice = `x ${flat}`.slice(2);
      expect(flat.length).toBeGreaterThan(65536);
      for (const text of [flat, rope, slice]) expect(tokens(text)).toEqual(expected);
      expect(tokens(unit)).toEqual(once);
    }
  });

  // Vocabulary.learn takes a word with no hyphen and no capital as its own only term without analysing it:
  // capitals outside ASCII (É, Σ, the title-case ǅ) and mixed scripts must still be analysed.
  it("learns words made of any letters as tokens() reads them", () => {
    const vocab = new Vocabulary();
    const analyzer = new Analyzer(vocab);
    const letter = fc.constantFrom("a", "z", "Q", "é", "É", "ß", "Σ", "σ", "ǅ", "ǆ", "ﬁ", "İ", "ı", "ж", "Ж", "7", "-", "\u00ad", "\u200d", "Ｑ", "™");
    fc.assert(fc.property(fc.array(fc.array(letter, { minLength: 1, maxLength: 8 }).map((l) => l.join("")), { maxLength: 10 }), (words) => {
      const text = words.join(" ");
      const out: [number, number][] = [];
      analyzer.run(text, { term: (id, position) => out.push([id, position]) });
      expect(out).toEqual(viaTokens(vocab, text));
    }), { numRuns: 1000 });
  });
});
