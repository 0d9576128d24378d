// Full-text search over papers, in memory: built from the store at start-up, kept current by upserts.
// Fielded BM25F with acronym expansion, prefix and typo fallbacks (query.ts, score.ts), a proximity
// re-rank of the best candidates (proximity.ts), quoted phrases and words left out ("world model" -survey:
// query.ts splitQuery, phrase.ts), "more like this" (similar.ts) and autocomplete (suggest.ts).
import type { Paper } from "../paper.ts";
import { Corpus } from "./corpus.ts";
import { Proximity } from "./proximity.ts";
import { excludedTerms, isTopicConcept, phraseForms, planQuery, sidesOf, splitQuery, type Concept, type SplitQuery } from "./query.ts";
import { PhraseCheck, type Phrase } from "./phrase.ts";
import { Scorer } from "./score.ts";
import { Similarity } from "./similar.ts";
import { attainableScore } from "./attainable.ts";
import { suggestTitles } from "./suggest.ts";
import { TopK } from "./topk.ts";
import { relevanceFloor } from "../relevance.ts";

/** `whole`: the paper has every word asked for in some form (score.ts), where the search says (SearchIndex.search). */
export interface SearchHit { id: string; score: number; whole?: boolean }
export interface SearchResult { hits: SearchHit[]; total: number }
export interface SearchOptions { limit?: number; offset?: number; filter?: (id: string) => boolean }
interface Plan {
  query: string;
  concepts: Concept[];
  /** Quoted phrases (each the ways of writing it, term ids in order) a paper must have, and words and phrases it
   * must not (query.ts splitQuery). */
  phrases: Phrase[];
  excluded: number[];
  excludedPhrases: Phrase[];
  /** Docs with an excluded word, marked at the plan's first search (null: none excluded). */
  excludedDocs?: Uint8Array | null;
}

// How many of the best BM25F candidates get the (slower) proximity check.
const RERANK_DEPTH = 100;
// How many of the best candidates are checked for a query's quoted phrases (phrase.ts): a read of each
// paper's terms, ~10 µs, so a quoted search stays within tens of milliseconds at any corpus size. A paper
// with the phrase below this many others with its words is no paper about it.
const PHRASE_CANDIDATES = 2000;
// Quoted phrases a query may have: more only cost time.
const MAX_PHRASES = 8;
// Replaced and removed papers linger in the postings; past this share of them, rebuild.
const MAX_DEAD_SHARE = 0.3;

/** A mark for each doc with one of `terms`, or null when there are none. */
function docsWithAny(corpus: Corpus, terms: number[]): Uint8Array | null {
  if (terms.length === 0) return null;
  const { postings } = corpus, marked = new Uint8Array(corpus.docCount);
  for (const term of terms) {
    const n = postings.read(term), docs = postings.docs;
    for (let i = 0; i < n; i++) marked[docs[i]!] = 1;
  }
  return marked;
}

const count = (n: number | undefined, fallback: number): number =>
  n !== undefined && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : fallback;

export class SearchIndex {
  private corpus = new Corpus();
  private scorer = new Scorer(this.corpus);
  private similarity = new Similarity(this.corpus);
  private proximity = new Proximity(this.corpus);
  // The last query's plan. /papers search asks search(), attainable() and missingWords() of one query in a
  // row (a topic digest too): planning it once (its prefix and typo lookups) serves all three. Forgotten
  // whenever the corpus changes, since a plan reads its vocabulary and document frequencies.
  private planned: Plan | null = null;

  static build(papers: Iterable<Paper>): SearchIndex {
    const index = new SearchIndex();
    index.load(papers);
    return index;
  }

  private load(papers: Iterable<Paper>): void {
    const seen = new Map<string, Paper>();
    for (const paper of papers) seen.set(paper.id, paper); // the last of duplicate ids wins, as with upsert
    const corpus = new Corpus();
    corpus.addAll(seen.values(), seen.size);
    this.use(corpus);
  }

  /**
   * Replaces the contents with the papers of `pages` (about `count` of them), read as they arrive: a start-up
   * holds one page of paper text at a time, not every abstract at once. `collect`, when given: the process's
   * garbage collector, run between the build's last steps (Corpus.endBulkCollecting).
   */
  async loadPages(pages: AsyncIterable<Paper[]>, count: number, collect?: () => Promise<void>): Promise<void> {
    const corpus = new Corpus();
    corpus.beginBulk(count);
    for await (const page of pages) {
      for (const paper of page) {
        const old = corpus.docNo.get(paper.id);
        if (old !== undefined) corpus.kill(old); // the last of duplicate ids wins, as with upsert
        corpus.add(paper);
      }
    }
    if (collect) await corpus.endBulkCollecting(collect);
    else corpus.endBulk();
    this.use(corpus);
  }

  /** The concepts of what `query` looks for, its quoted phrases, and what it leaves out ("-survey"). */
  private plan(query: unknown): Plan {
    const text = typeof query === "string" ? query : "";
    if (this.planned?.query !== text) {
      const split = splitQuery(text), corpus = this.corpus;
      this.planned = {
        query: text,
        concepts: planQuery(split.rest, corpus),
        // A quoted word alone is only that word, which the search asks for anyway.
        phrases: split.phrases.map((p) => phraseForms(p, corpus)).filter((forms) => (forms[0]?.length ?? 0) > 1).slice(0, MAX_PHRASES),
        ...this.exclusionsOf(split),
      };
    }
    return this.planned;
  }

  /** What `split` leaves out, as terms: its words, and its phrases (a quoted word alone is an excluded word). */
  private exclusionsOf(split: SplitQuery): { excluded: number[]; excludedPhrases: Phrase[] } {
    const corpus = this.corpus, out = split.excludedPhrases.map((p) => phraseForms(p, corpus));
    // A quoted word alone is that word left out, as it would be without its quotes.
    const word = (forms: Phrase) => forms[0]?.length === 1;
    return {
      excluded: [...new Set([...excludedTerms(split.excluded, corpus), ...out.filter((f) => word(f) && f[0]![0]! >= 0).map((f) => f[0]![0]!)])],
      excludedPhrases: out.filter((f) => !word(f)).map((f) => f.filter((form) => !form.includes(-1))).filter((f) => f.length > 0).slice(0, MAX_PHRASES),
    };
  }

  /** A mark for each doc with one of the plan's excluded words, or null when it has none. */
  private excludedDocs(plan: Plan): Uint8Array | null {
    if (plan.excludedDocs === undefined) plan.excludedDocs = docsWithAny(this.corpus, plan.excluded);
    return plan.excludedDocs;
  }

  private use(corpus: Corpus): void {
    this.planned = null;
    if (corpus !== this.corpus) this.corpus.close(); // its forward terms' file: nothing reads it after
    this.corpus = corpus;
    this.scorer = new Scorer(corpus);
    this.similarity = new Similarity(corpus);
    this.proximity = new Proximity(corpus);
  }

  /** Adds a paper, or replaces the one with its id. */
  upsert(paper: Paper): void {
    this.planned = null;
    const old = this.corpus.docNo.get(paper.id);
    if (old !== undefined) this.corpus.kill(old);
    this.similarity.added(this.corpus.add(paper));
    this.compactIfNeeded();
  }

  remove(id: string): void {
    this.planned = null;
    const doc = this.corpus.docNo.get(id);
    if (doc === undefined) return;
    this.corpus.kill(doc);
    this.compactIfNeeded();
  }

  get size(): number {
    return this.corpus.liveCount;
  }

  /** Bytes held in typed arrays, by part: for the bench's memory report. */
  memory(): Record<string, number> {
    return this.corpus.memory();
  }

  /** Bytes kept in a temporary file instead of memory, by part (forward.ts). */
  disk(): Record<string, number> {
    return this.corpus.disk();
  }

  /** Gives back the index's temporary file; the index must not be used after. */
  close(): void {
    this.corpus.close();
  }

  private compactIfNeeded(): void {
    const { deadCount, docCount } = this.corpus;
    if (deadCount > 64 && deadCount > docCount * MAX_DEAD_SHARE) {
      this.use(Corpus.compacted(this.corpus));
    }
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const sides = typeof query === "string" ? sidesOf(query) : null;
    return sides ? this.searchEither(sides, options) : this.searchOne(query, options);
  }

  /**
   * Papers about any of `sides` ("diffusion OR gan"). Each side is searched alone and drawn at its own
   * relevance floor (relevance.ts): scores compare within one query only, and a side whose best match is a
   * passing mention has no papers about it. What passes is scored as a share of its side's best, so the
   * sides interleave; a paper found by several keeps its best share. What does not pass is counted in
   * `total`, as the weak matches of a plain search are.
   */
  private searchEither(sides: string[], options: SearchOptions): SearchResult {
    const limit = count(options.limit, 10), offset = count(options.offset, 0);
    const best = new Map<string, number>();
    let weak = 0;
    for (const side of sides) {
      const found = this.searchOne(side, { ...options, limit: offset + limit, offset: 0 });
      const top = found.hits[0]?.score ?? 0;
      const floor = relevanceFloor(top, attainableScore(this.plan(side).concepts, this.corpus));
      const strong = found.hits.filter((hit) => hit.score >= floor);
      weak += found.total - strong.length;
      for (const { id, score } of strong) best.set(id, Math.max(best.get(id) ?? 0, score / top));
    }
    const hits = [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return { hits: hits.slice(offset, offset + limit), total: hits.length + weak };
  }

  private searchOne(query: string, options: SearchOptions): SearchResult {
    const limit = count(options.limit, 10), offset = count(options.offset, 0);
    const plan = this.plan(query), { concepts } = plan;
    if (concepts.length === 0) return { hits: [], total: 0 };
    const { ids } = this.corpus;
    const filter = options.filter;
    const out = this.excludedDocs(plan);
    const keep = out ? (doc: number) => out[doc] === 0 && (!filter || filter(ids[doc]!)) : filter && ((doc: number) => filter(ids[doc]!));
    const phrased = plan.phrases.length > 0 || plan.excludedPhrases.length > 0;
    const top = new TopK(Math.max(offset + limit, RERANK_DEPTH, phrased ? PHRASE_CANDIDATES : 0));
    let total = this.scorer.run(concepts, top, keep);
    let ranked = top.sorted();
    if (phrased) {
      const check = new PhraseCheck(this.corpus), { phrases, excludedPhrases } = plan;
      const candidates = ranked.length;
      ranked = ranked.filter(({ doc }) => (phrases.length === 0 || check.hasAll(doc, phrases)) && !check.hasAny(doc, excludedPhrases));
      // A phrase asked for: its papers among the best PHRASE_CANDIDATES (further down, it is no paper's topic).
      // Phrases left out only: the matches less the candidates left out.
      total = phrases.length > 0 ? ranked.length : total - (candidates - ranked.length);
    }
    this.proximity.start(concepts);
    for (const hit of ranked.slice(0, RERANK_DEPTH)) hit.score *= this.proximity.boost(hit.doc);
    this.proximity.done();
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const hits = ranked.slice(offset, offset + limit).map(({ doc, score, whole }) => ({ id: ids[doc]!, score, whole }));
    return { hits, total };
  }

  /** The best score `query` could reach (attainable.ts); 0 when it has no searchable words. */
  attainable(query: string): number {
    // An OR query's scores are shares of each side's best, past each side's floor (searchEither).
    if (typeof query === "string" && sidesOf(query)) return 1;
    return attainableScore(this.plan(query).concepts, this.corpus);
  }

  /** How many concepts a paper about `query` has in some form (a hit's `whole` says whether it has them all): those
   * papers have, its everyday words aside; none for an OR query, whose sides are searched apart. */
  topicSize(query: string): number {
    return typeof query === "string" && !sidesOf(query) ? this.plan(query).concepts.filter(isTopicConcept).length : 0;
  }

  /** The words of `query` that no paper has in any form (not as written, stemmed, expanded, prefixed or one typo
   * away): the hits match the other words only, and a person should be told so. Not a sentence's everyday words
   * ("enough", "figuring"): no paper need have them to be about the question, so none is missing. */
  missingWords(query: string): string[] {
    return this.plan(query).concepts.filter((c) => c.alternatives.length === 0 && !c.quiet).map((c) => c.word);
  }

  /** The words of `query` no paper has in any form that were read as a word one typo away ("reinforcment" as
   * "reinforcement"), with that word: the papers found say it, not what was typed. */
  typoReadings(query: string): { word: string; readAs: string }[] {
    return this.plan(query).concepts.flatMap((c) => (c.readAs !== undefined ? [{ word: c.word, readAs: c.readAs }] : []));
  }

  /** The words of `query` no paper writes as such, stemming aside, though papers may have what they stand
   * for or start with ("rag" where papers only say "retrieval" and "generation"). */
  unwrittenWords(query: string): string[] {
    const { vocab, df } = this.corpus;
    return this.plan(query).concepts.filter((c) => { const id = vocab.lookup(c.word); return id < 0 || df[id] === 0; }).map((c) => c.word);
  }

  /** Papers most like `id` (none if it is not indexed). */
  similar(id: string, limit = 10, options: { exclude?: Set<string> } = {}): SearchHit[] {
    return this.recommend([id], limit, options);
  }

  /** Papers most like the profile of several seed papers; unknown seeds are ignored, seeds never returned. */
  recommend(seedIds: string[], limit = 10, options: { exclude?: Set<string> } = {}): SearchHit[] {
    const seeds = [...new Set(seedIds)].map((id) => this.corpus.docNo.get(id)).filter((d): d is number => d !== undefined);
    if (seeds.length === 0) return [];
    const seedSet = new Set(seeds);
    const { ids } = this.corpus;
    const exclude = options.exclude;
    return this.similarity
      .rank(seeds, count(limit, 10), (doc) => seedSet.has(doc) || (exclude?.has(ids[doc]!) ?? false))
      .map(({ doc, score }) => ({ id: ids[doc]!, score }));
  }

  /** For each pick, the seed it is most like, or null (unknown ids, or nothing in common). */
  closestSeeds(pickIds: string[], seedIds: string[]): (string | null)[] {
    const { docNo, ids } = this.corpus;
    const seeds = [...new Set(seedIds)].map((id) => docNo.get(id)).filter((d): d is number => d !== undefined);
    const picks = pickIds.map((id) => docNo.get(id) ?? -1);
    const closest = this.similarity.closest(picks.filter((d) => d >= 0), seeds);
    let next = 0;
    return picks.map((d) => { if (d < 0) return null; const seed = closest[next++]!; return seed >= 0 ? ids[seed]! : null; });
  }

  /** Titles for autocomplete: every typed word in the title, the last one possibly unfinished. */
  suggest(prefix: string, limit = 10): SearchHit[] {
    if (typeof prefix !== "string") return [];
    // Titles of papers a search of the words would leave out are none to offer: the same exclusions as search.
    const leftOut = (split: SplitQuery) => {
      const { excluded, excludedPhrases } = this.exclusionsOf(split);
      return { docs: docsWithAny(this.corpus, excluded), phrases: excludedPhrases };
    };
    return suggestTitles(this.corpus, prefix, count(limit, 10), leftOut).map(({ doc, score }) => ({ id: this.corpus.ids[doc]!, score }));
  }
}
