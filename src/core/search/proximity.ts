// Words typed next to each other mean more when a paper also has them next to each other
// ("world model" vs a paper about models of the world). Positions are not in the postings (too much
// memory at 100k papers), so this runs only on the few best candidates: titles from the stored title
// terms, abstracts by reading the abstract again.
import type { Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";
import { foldLatex } from "../latex.ts";
import { tokenize } from "./tokenize.ts";

const TITLE_BONUS = 0.3;
const BODY_BONUS = 0.15;
// Up to two words may sit between neighbours: stopwords ("mixture of experts") and hyphen parts.
const MAX_GAP = 3;

/** A multiplier ≥ 1 for `doc`: 1 + a bonus per pair of neighbouring query concepts found adjacent. */
export function proximityBoost(corpus: Corpus, concepts: Concept[], doc: number): number {
  const pairs = concepts.length - 1;
  if (pairs < 1) return 1;
  const title: number[][] = concepts.map(() => []);
  const start = corpus.titleStart[doc]!, count = corpus.titleCount[doc]!;
  for (let i = start; i < start + count; i++) record(concepts, title, corpus.titleTerms[i]!, corpus.titlePositions[i]!);
  const inTitle = adjacentPairs(title);
  if (inTitle === pairs) return 1 + TITLE_BONUS;

  const body: number[][] = concepts.map(() => []);
  const paper = corpus.papers[doc];
  if (paper) {
    tokenize(foldLatex(paper.summary), (surface, position) => {
      const term = corpus.vocab.lookup(surface);
      if (term >= 0) record(concepts, body, term, position);
    });
  }
  return 1 + (TITLE_BONUS * inTitle + BODY_BONUS * adjacentPairs(body)) / pairs;
}

function record(concepts: Concept[], positions: number[][], term: number, position: number): void {
  for (let c = 0; c < concepts.length; c++) if (concepts[c]!.termSet.has(term)) positions[c]!.push(position);
}

function adjacentPairs(positions: number[][]): number {
  let found = 0;
  for (let c = 0; c + 1 < positions.length; c++) {
    const here = positions[c]!, next = positions[c + 1]!;
    if (here.some((p) => next.some((q) => q > p && q - p <= MAX_GAP))) found++;
  }
  return found;
}
