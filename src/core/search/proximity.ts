// Words typed together mean more when a paper has them together: "world model" vs a paper about models
// of the world, "image generation" vs a paper that generates text about images. Positions are not in the
// postings (too much memory at 100k papers), so this runs only on the best candidates: titles from the
// stored title terms, abstracts from their stored term ids (forward.ts).
//   - The query's phrase: each pair of neighbouring concepts found next to each other (stopwords and
//     hyphen parts may sit between) earns a bonus, most in the title, where the whole phrase means the
//     paper is about it, less per occurrence in the abstract.
//   - Spelled-out expansions: a concept matched only through a multi-word alternative ("state space
//     model" for "ssm") whose words are scattered ("state of the art", "parameter space", "models") did
//     not really match; that concept's share of the score is mostly taken back.
//   - Versions: a number typed after a name ("llama 4", "gpt-5") is that name's version, so it counts only
//     right after the name ("Llama 4", "GPT-5"); the "5" of "GPT-3.5" or the "4" of "GPT-4" beside a
//     "Llama" is another model's, and taken back like a scattered expansion.
import type { TermSink } from "./analyzer.ts";
import { Field, type Corpus } from "./corpus.ts";
import type { Concept } from "./query.ts";

const TITLE_PHRASE = 0.6;  // the whole query phrase in the title: ×1.6
// Every word asked for in the title, in any order ("Generating … Videos" for "video generation"): the
// title names what the paper is about, so it comes before one that repeats the words in its abstract.
const TITLE_WORDS = 0.2;
const BODY_PHRASE = 0.5;   // every neighbouring pair at least twice in the abstract: ×1.5
const BODY_OCCURRENCES = 2;
const SCATTERED_KEEPS = 0.3;
// A name without the version typed after it is another model ("Llama 2" for "llama 4"): the paper keeps
// this much of its score, whatever the name's share, so a mere mention of the name is a weak match.
const WRONG_VERSION_KEEPS = 0.25;
// Neighbours count as together when the paper has them as close as the query did ("language agents"
// is not "language via agents"; "bag of words" may keep its "of"), or, after a compound whose parts
// take positions of their own ("Multi-Task Learning" for "multitask learning"), up to
// MAX_GAP apart. Spelled-out expansions, typed with their stopwords dropped, always get MAX_GAP.
const MAX_GAP = 3;
// A pair with a word more between them than typed ("graph neural networks" for "graph networks")
// still counts, for less.
const LOOSE = 0.5;

/** `versions[i]`: term i is a version, to be found right after term i - 1. */
interface Phrase { concept: number; terms: number[]; versions: boolean[] }

// A version: a number of one or two digits ("3", "25" of "2.5"), or GPT's "4o". Not a size ("7b", "70b",
// which may stand apart from the name: "Llama-2-7B"), a unit ("4x", "3d") or a year ("2024").
const VERSION = /^\d{1,2}o?$/;

/** Re-ranks candidates of one query. */
export class Proximity implements TermSink {
  // term id → bit c set when the term counts as concept c (queries have at most 32 concepts).
  private masks = new Uint32Array(0);
  private marked: number[] = [];
  private concepts: Concept[] = [];
  private shares: number[] = [];
  private phrases: Phrase[] = [];
  // Concepts typed as a version right after another concept's word ("llama 4": the "4").
  private versions = 0;
  // term id → bit c set when the term alone is an alternative of concept c; which concepts the doc has so.
  private singleOf = new Map<number, number>();
  private present = 0;
  // While reading one doc: positions of each concept's one-word alternatives ("gpt3" of "gpt-3.5").
  private singlePositions: number[][] = [];
  // While reading one doc: positions of each concept, and of each term in a phrase alternative.
  private positions: number[][] = [];
  private termPositions = new Map<number, number[]>();
  // How far apart each concept and the next were typed; positions where a compound starts in the text read.
  private gaps: number[] = [];
  private compoundStarts: number[] = [];
  // Positions of a word typed apart and written joined: "multimodal" for "multi modal" is both, together.
  private joined = new Set<number>();
  private sharedPositions: number[] = [];
  private lastPosition = -1;

  constructor(private readonly corpus: Corpus) {}

  /** Prepares for `concepts`; call done() after the last boost(). */
  start(concepts: Concept[]): void {
    if (this.masks.length < this.corpus.vocab.size) this.masks = new Uint32Array(Math.max(this.corpus.vocab.size, this.masks.length * 2));
    this.concepts = concepts.slice(0, 32);
    const total = this.concepts.reduce((sum, c) => sum + c.importance, 0) || 1;
    this.shares = this.concepts.map((c) => c.importance / total);
    this.phrases = [];
    this.singleOf.clear();
    this.termPositions.clear();
    this.joined = new Set(this.concepts.flatMap((c) => (c.joined === undefined ? [] : [c.joined])));
    this.concepts.forEach((concept, c) => {
      for (const term of concept.termSet) {
        if (this.masks[term] === 0) this.marked.push(term);
        this.masks[term]! |= 1 << c;
      }
      for (const alt of concept.alternatives) {
        const single = alt.terms[0]!;
        if (alt.terms.length === 1) this.singleOf.set(single, (this.singleOf.get(single) ?? 0) | (1 << c));
        else if (alt.terms.every((t) => t >= 0)) {
          const versions = alt.terms.map((t, i) => i > 0 && VERSION.test(this.corpus.vocab.stemOf(t)));
          this.phrases.push({ concept: c, terms: alt.terms, versions });
          for (const t of alt.terms) this.termPositions.set(t, []);
        } else {
          // A word of it no paper has ("proximal" of "proximal policy optimization" for "ppo"): no paper has
          // the phrase, and the words it does have ("policy", "optimization") are scattered by definition.
          this.phrases.push({ concept: c, terms: [], versions: [] });
        }
      }
    });
    this.positions = this.concepts.map(() => []);
    this.singlePositions = this.concepts.map(() => []);
    this.versions = 0;
    this.concepts.forEach((concept, c) => {
      const before = this.concepts[c - 1];
      // After a name, or after a version's first number ("gemini 2.5": the 5 after the 2).
      const afterName = before && (!VERSION.test(before.word) || (this.versions & (1 << (c - 1))) !== 0);
      if (afterName && VERSION.test(concept.word) && concept.start === before.end + 1) this.versions |= 1 << c;
    });
    this.gaps = this.concepts.map((c, i) => Math.max(1, (this.concepts[i + 1]?.start ?? c.end + 1) - c.end));
  }

  done(): void {
    for (const term of this.marked) this.masks[term] = 0;
    this.marked.length = 0;
  }

  /** A multiplier for `doc`: above 1 for the query's phrase found together, below for scattered expansions. */
  boost(doc: number): number {
    const { corpus } = this;
    const pairs = this.positions.length - 1;
    this.clear();
    const start = corpus.titleStart[doc]!, count = corpus.titleCount[doc]!;
    for (let i = start; i < start + count; i++) this.term(corpus.titleTerms[i]!, corpus.titlePositions[i]!);
    const inTitle = pairs > 0 ? this.adjacentPairs(this.positions, this.gaps) : 0;
    let titleShare = 0;
    for (let c = 0; c <= pairs; c++) if (this.positions[c]!.length > 0) titleShare += this.shares[c]!;
    let matched = this.present | this.adjacentExpansions();
    let versioned = this.versionsAfterNames();
    // The abstract is read only when it can change the answer.
    const unsure = this.phrases.some((p) => (matched & (1 << p.concept)) === 0) || (this.versions & ~versioned) !== 0;
    let body = 0;
    if ((pairs > 0 && inTitle < pairs) || unsure) {
      this.clear(false);
      corpus.replay(doc, 1, this);
      if (pairs > 0) body = this.occurrencesShare();
      matched |= this.present | this.adjacentExpansions();
      versioned |= this.versionsAfterNames();
    }
    // A name typed with its hyphen ("nunez-muller") is found in the author list, not scattered in the text.
    if (this.phrases.some((p) => (matched & (1 << p.concept)) === 0)) {
      this.clear(false);
      corpus.replay(doc, Field.Authors, this);
      matched |= this.present | this.adjacentExpansions();
    }
    let boost = 1;
    if (pairs > 0) boost *= 1 + TITLE_PHRASE * (inTitle / pairs) ** 2 + TITLE_WORDS * titleShare ** 2 + BODY_PHRASE * body;
    const scattered = new Set(this.phrases.map((p) => p.concept).filter((c) => (matched & (1 << c)) === 0));
    for (const c of scattered) boost *= 1 - this.shares[c]! * (1 - SCATTERED_KEEPS);
    if ((this.versions & ~versioned) !== 0) boost *= WRONG_VERSION_KEEPS;
    return boost;
  }

  term(term: number, position: number): void {
    // A joined form shares its first part's position: two terms at one position open a compound.
    if (position === this.lastPosition) this.compoundStarts.push(position);
    this.lastPosition = position;
    let mask = this.masks[term]!;
    if (mask === 0) return;
    if (this.joined.has(term)) this.sharedPositions.push(position);
    for (let c = 0; mask !== 0; c++, mask >>>= 1) {
      // Once per position: a joined form and its first part ("open-source": opensource, open) are one word.
      const list = this.positions[c]!;
      if ((mask & 1) !== 0 && list[list.length - 1] !== position) list.push(position);
    }
    this.termPositions.get(term)?.push(position);
    const single = this.singleOf.get(term) ?? 0;
    this.present |= single;
    for (let c = 0, m = single; m !== 0; c++, m >>>= 1) if ((m & 1) !== 0) this.singlePositions[c]!.push(position);
  }

  /** Bit c set for each concept one of whose multi-word alternatives appears with its words in order, close
   * together; a version among them ("gpt" "5" for "gpt-5") right after the word before it. */
  private adjacentExpansions(): number {
    let out = 0;
    for (const phrase of this.phrases) {
      if (phrase.terms.length === 0) continue;
      const positions = phrase.terms.map((t) => this.termPositions.get(t)!);
      const together = phrase.versions.every((version, i) => !version || positions[i - 1]!.some((p) => positions[i]!.includes(p + 1)));
      if (together && this.adjacentPairs(positions, positions.map(() => MAX_GAP)) >= phrase.terms.length - 1) out |= 1 << phrase.concept;
    }
    return out;
  }

  /** Bit c set for each version concept found right after the concept before it (or written joined to it:
   * "Llama3" for "llama 3", which the joined form's shared position says; or after a name of two parts,
   * "StarCraft II", whose joined form stands at its first part's position); a version's later number only
   * after its first found so ("gemini 2.5": the 5 of "Qwen 2.5" follows a 2, but not Gemini's). */
  private versionsAfterNames(): number {
    let out = 0;
    let after: number[] = [];
    for (let c = 1; c < this.positions.length; c++) {
      if ((this.versions & (1 << c)) === 0) continue;
      const before = (this.versions & (1 << (c - 1))) !== 0 ? after : this.nameEnds(c - 1);
      after = this.positions[c]!.filter((q) => before.includes(q - 1) || (before.includes(q) && this.sharedPositions.includes(q)) ||
        (before.includes(q - 2) && this.compoundStarts.includes(q - 2)));
      if (after.length > 0) out |= 1 << c;
    }
    return out;
  }

  /** Where concept c's word ends, for a version typed after it. A name typed with its version ("gpt-3" of
   * "gpt-3.5") ends where it is written whole ("GPT3") or where its version follows its name: not at any
   * "3" (Claude-3.5's), or "gpt-3.5" would take another model's "3.5" beside a GPT-4o for GPT-3.5. */
  private nameEnds(c: number): number[] {
    const versioned = this.phrases.filter((p) => p.concept === c && p.versions.some(Boolean));
    if (versioned.length === 0) return this.positions[c]!;
    const ends = [...this.singlePositions[c]!];
    for (const phrase of versioned) {
      let run = this.termPositions.get(phrase.terms[0]!)!;
      for (const term of phrase.terms.slice(1)) run = this.termPositions.get(term)!.filter((q) => run.includes(q - 1));
      ends.push(...run);
    }
    return ends;
  }

  /** Forgets the positions read (title and abstract positions are never compared); `all` also forgets what was present. */
  private clear(all = true): void {
    for (const p of this.positions) p.length = 0;
    for (const p of this.singlePositions) p.length = 0;
    for (const p of this.termPositions.values()) p.length = 0;
    this.compoundStarts.length = 0;
    this.sharedPositions.length = 0;
    this.lastPosition = -1;
    if (all) this.present = 0;
  }

  /** How close q follows p, for neighbours typed `gap` apart: 1 as close as typed (or just past a
   * compound's parts, or one word that is both), LOOSE within MAX_GAP, else 0. */
  private closeness(p: number, q: number, gap: number): number {
    if (q === p) return this.sharedPositions.includes(p) ? 1 : 0;
    if (q < p || q - p > MAX_GAP) return 0;
    return q - p <= gap || this.compoundStarts.includes(p) ? 1 : LOOSE;
  }

  /** The best closeness of any position in `next` to `p` (1 at best). */
  private closestAfter(p: number, next: number[], gap: number): number {
    let best = 0;
    for (const q of next) if (best < 1) best = Math.max(best, this.closeness(p, q, gap));
    return best;
  }

  /** Over neighbouring lists, how close the closest positions of each pair are (closeness), summed. */
  private adjacentPairs(positions: number[][], gaps: number[]): number {
    let found = 0;
    for (let c = 0; c + 1 < positions.length; c++) {
      const next = positions[c + 1]!, gap = gaps[c]!;
      let best = 0;
      for (const p of positions[c]!) if (best < 1) best = Math.max(best, this.closestAfter(p, next, gap));
      found += best;
    }
    return found;
  }

  /** Per neighbouring pair of concepts, its close occurrences (up to BODY_OCCURRENCES) as a share, averaged. */
  private occurrencesShare(): number {
    const positions = this.positions;
    let sum = 0;
    for (let c = 0; c + 1 < positions.length; c++) {
      const here = positions[c]!, next = positions[c + 1]!, gap = this.gaps[c]!;
      let n = 0;
      for (const p of here) {
        if ((n += this.closestAfter(p, next, gap)) >= BODY_OCCURRENCES) { n = BODY_OCCURRENCES; break; }
      }
      sum += n / BODY_OCCURRENCES;
    }
    return sum / (positions.length - 1);
  }
}
