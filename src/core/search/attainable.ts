// The score a query's words could reach at best: every concept matched by its strongest alternative so
// often that BM25 saturates. Search scores are only comparable within one query; measured against this
// ceiling they say how well a paper matches in absolute terms, which a relevance floor needs when even the
// best match is an incidental mention (a "starcraft" search that only finds "star" in an abstract).
import type { Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";
import { K1 } from "./score.ts";

export function attainableScore(concepts: Concept[], corpus: Corpus): number {
  let sum = 0;
  for (const concept of concepts) {
    let best = 0;
    for (const alt of concept.alternatives) {
      let idf = 0;
      for (const term of alt.terms) if (term >= 0) idf += corpus.idf(term);
      best = Math.max(best, idf * alt.weight * (K1 + 1));
    }
    sum += best;
  }
  return sum;
}
