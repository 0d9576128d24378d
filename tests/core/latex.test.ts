import { describe, expect, it } from "vitest";
import { foldLatex } from "../../src/core/latex.ts";
import { parseArxivId, paperId, titleKey } from "../../src/core/paper.ts";

describe("foldLatex", () => {
  it.each([
    ["Pok\\'emon", "Pokémon"],
    ["T\\\"ulu 3", "Tülu 3"],
    ["{\\'e}cole \\'{E}tienne", "école Étienne"],
    ["\\c{c}a va", "ça va"],
    ["4.83\\% better", "4.83% better"],
    ["R\\&D", "R&D"],
    ["w.r.t.~the likelihood", "w.r.t. the likelihood"],
    ["about ~5% more", "about ~5% more"],
    // A home folder in a link, and a doubled tilde, are no ties.
    ["data at http://www.cs.toronto.edu/~kriz/cifar.html", "data at http://www.cs.toronto.edu/~kriz/cifar.html"],
    ["~~strike~~ it", "~~strike~~ it"],
    ["see\\url{https://github.com/x/y}", "see https://github.com/x/y"],
    ["\\method achieves", "\\method achieves"],
    ["diffusion \\textbf{model} \\emph{without} \\textit{guidance}", "diffusion model without guidance"],
    ["effectively ``bootstrapping from the void.''", "effectively \u201cbootstrapping from the void.\u201d"],
  ])("%s → %s", (input, expected) => {
    expect(foldLatex(input)).toBe(expected);
  });
});

describe("paper identity", () => {
  it("reads arXiv ids from ids, versions and links", () => {
    expect(parseArxivId("2509.04664v2")).toBe("2509.04664");
    expect(parseArxivId("arXiv:2403.07816")).toBe("2403.07816");
    expect(parseArxivId("https://arxiv.org/abs/2403.07816v1")).toBe("2403.07816");
    expect(parseArxivId("https://arxiv.org/pdf/2403.07816.pdf")).toBe("2403.07816");
    expect(parseArxivId("https://huggingface.co/papers/2403.07816")).toBe("2403.07816");
    expect(parseArxivId("moe")).toBeNull();
    expect(parseArxivId("12345.6789")).toBeNull();
    // As pasted out of a sentence, and from Hugging Face's short domain.
    expect(parseArxivId("(arXiv:2403.07816v2).")).toBe("2403.07816");
    expect(parseArxivId("“https://hf.co/papers/2403.07816”")).toBe("2403.07816");
    expect(parseArxivId("https://arxiv.org/abs/2403.07816?context=cs")).toBe("2403.07816");
  });

  it("matches the same title however it was typed", () => {
    expect(titleKey("PokéChamp: an Expert-level Minimax")).toBe(titleKey("Pok\\'eChamp -- An expert level minimax"));
    expect(paperId(null, "Pok\\'eChamp: X")).toBe(paperId(null, "pokechamp x"));
    expect(paperId("2403.07816", "anything")).toBe("2403.07816");
  });
});
