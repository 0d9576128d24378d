// The score a query's words could reach at best: every concept matched by its strongest alternative so
// often that BM25 saturates. Search scores are only comparable within one query; measured against this
// ceiling they say how well a paper matches in absolute terms, which a relevance floor needs when even the
// best match is an incidental mention (a "starcraft" search that only finds "star" in an abstract).
import type { Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";
import { K1 } from "./score.ts";

// A name is in a paper's author list once, never in its title or abstract: its ceiling is one mention in
// the authors (BM25's tf/(K1+tf) at tf 1, times K1+1, is 1), or searching for an author would find their
// papers and then hide them all as weak matches.
const ONCE = 1;

// A question typed as a sentence ("stopping big models from doing harmful things") names more than any
// paper about it says: such a paper covers about this many of its words, so past them the ceiling is
// that many words' share of the whole. A topic of a few words must be covered whole.
const WORDS_A_PAPER_COVERS = 3;

export function attainableScore(concepts: Concept[], corpus: Corpus): number {
  return everyConcept(concepts, corpus) * Math.min(1, WORDS_A_PAPER_COVERS / Math.max(1, concepts.length));
}

function everyConcept(concepts: Concept[], corpus: Corpus): number {
  let sum = 0;
  for (const concept of concepts) {
    let best = 0;
    for (const alt of concept.alternatives) {
      let idf = 0, names = 0;
      for (const term of alt.terms) {
        if (term < 0) continue;
        idf += corpus.idf(term);
        if (corpus.onlyAsAuthor(term)) names++;
      }
      const ceiling = names > 0 && names === alt.terms.length ? ONCE : K1 + 1;
      best = Math.max(best, idf * alt.weight * ceiling);
    }
    sum += best;
  }
  return sum;
}
