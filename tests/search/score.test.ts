// The scorer's arithmetic on hand-made concepts: a concept counts a paper's best alternative (not their
// sum), concepts add up, and nothing of one query's scratch state leaks into the next.
import { describe, expect, it } from "vitest";
import { Corpus } from "../../src/core/search/corpus.ts";
import type { Concept } from "../../src/core/search/query.ts";
import { Scorer } from "../../src/core/search/score.ts";
import { TopK } from "../../src/core/search/topk.ts";
import { paper } from "../support/papers.ts";

const corpus = new Corpus();
corpus.addAll([
  paper("both", "Sparse routing", "Routing tokens to experts with a learned gate."),
  paper("experts", "Expert layers", "Many experts, one gate."),
  paper("routing", "Token routing", "Routing tokens by length."),
  paper("neither", "Image diffusion", "Denoising images step by step."),
]);
const term = (word: string) => corpus.vocab.lookup(word);
const concept = (...alternatives: [string[], number][]): Concept => ({
  alternatives: alternatives.map(([words, weight]) => ({ terms: words.map(term), weight })),
  importance: 1, termSet: new Set(), start: 0, end: 1, word: "",
});
const weighing = (importance: number, c: Concept): Concept => ({ ...c, importance });
const scorer = new Scorer(corpus);
function scores(...concepts: Concept[]): Map<string, number> {
  const top = new TopK(10);
  scorer.run(concepts, top, undefined);
  return new Map(top.sorted().map(({ doc, score }) => [corpus.ids[doc]!, score]));
}

describe("Scorer", () => {
  it("says which papers have every concept in some form: a phrase alternative counts only with all its words", () => {
    const whole = (...concepts: Concept[]) => {
      const top = new TopK(10);
      scorer.run(concepts, top, undefined);
      return new Map(top.sorted().map(({ doc, whole }) => [corpus.ids[doc]!, whole]));
    };
    const asked = whole(concept([["experts"], 1]), concept([["routing"], 1]));
    expect(asked).toEqual(new Map([["both", true], ["experts", false], ["routing", false]]));
    // "learned gate" in one paper only; "experts" with a scattered "learned … gate" elsewhere is not the phrase.
    const phrased = whole(concept([["learned", "gate"], 1]), concept([["experts"], 1]));
    expect(phrased.get("both")).toBe(true);
    expect(phrased.get("experts")).toBe(false);
    // An everyday word of a sentence need not be there.
    expect(whole(concept([["experts"], 1]), { ...concept([["routing"], 1]), quiet: true }).get("experts")).toBe(true);
  });

  it("scores a concept by a paper's best alternative, not the sum of its alternatives", () => {
    const experts = scores(concept([["experts"], 1])), routing = scores(concept([["routing"], 0.5]));
    const either = scores(concept([["experts"], 1], [["routing"], 0.5]));
    expect(either.get("both")).toBeCloseTo(Math.max(experts.get("both")!, routing.get("both")!), 5);
    expect(either.get("experts")).toBeCloseTo(experts.get("experts")!, 5);
    expect(either.get("routing")).toBeCloseTo(routing.get("routing")!, 5);
    expect(either.has("neither")).toBe(false);
    // The weaker alternative first: the best still wins, whichever order the alternatives come in.
    const reversed = scores(concept([["routing"], 0.5], [["experts"], 1]));
    for (const [id, score] of either) expect(reversed.get(id), id).toBeCloseTo(score, 5);
  });

  it("adds concepts up, and scales a paper that covers only some of them by the share it covers", () => {
    const experts = scores(concept([["experts"], 1])), routing = scores(concept([["routing"], 1]));
    const both = scores(weighing(1, concept([["experts"], 1])), weighing(3, concept([["routing"], 1])));
    expect(both.get("both")).toBeCloseTo(experts.get("both")! + routing.get("both")!, 5);
    expect(both.get("experts")).toBeCloseTo(experts.get("experts")! / 4, 5);
    expect(both.get("routing")).toBeCloseTo(routing.get("routing")! * 3 / 4, 5);
  });

  it("counts a word that two concepts accept once in each, and keeps no state between queries", () => {
    const gate = scores(concept([["gate"], 1]));
    const twice = scores(concept([["experts"], 1], [["gate"], 1]), concept([["routing"], 1], [["gate"], 1]));
    // "experts" has the gate but no routing: the gate is the second concept's best, the first's is experts'
    // or the gate's, whichever is higher.
    const expertsAlone = scores(concept([["experts"], 1])).get("experts")!;
    expect(twice.get("experts")).toBeCloseTo(Math.max(expertsAlone, gate.get("experts")!) + gate.get("experts")!, 5);
    for (let i = 0; i < 3; i++) expect(scores(concept([["gate"], 1]))).toEqual(gate);
  });
});
