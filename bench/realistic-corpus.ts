// A deterministic corpus with a real vocabulary, generated at bench time. The seed-recombined corpus
// (corpus.ts) holds the 89 bundled papers' ~3,400 words however large it grows; real abstracts at 100k
// papers hold hundreds of thousands of distinct words (Heaps' law): the long tail of English, model
// names, versions, numbers, author names. Here:
//   - abstracts keep the seed's sentences (so ML phrasing and the domain words' frequencies stay real),
//     but about a third of their content words are redrawn Zipf-style from a ranked vocabulary: the
//     seed's words by frequency, then the npm package word-list (274k English words) in a seeded order;
//   - each abstract names a few generated entities (models like "Vexa-7B", versions like "v2.3",
//     benchmarks like "MedRoute-Bench", percentages and counts), themselves drawn Zipf-style from a
//     space of millions, so a few are everywhere and most are seen once;
//   - titles recombine seed title words with some redrawn, often after a "Name:" as real titles do;
//     each paper has 2–8 authors and 2–5 keyword phrases, as the Hugging Face API gives them.
// The same seed gives the same papers on any machine with the repository installed (npm ci).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bundledCapture } from "../src/core/bundled.ts";
import type { Paper } from "../src/core/paper.ts";
import { STOPWORDS } from "../src/core/search/query.ts";
import { foldAccents } from "../src/core/search/tokenize.ts";
import { seededRandom } from "./corpus.ts";

/** The word list's path; a clear message if the dev dependency is missing (npm ci installs it). */
export function wordListPath(): string {
  let path: string;
  try {
    path = join(dirname(createRequire(import.meta.url).resolve("word-list")), "words.txt");
  } catch {
    throw new Error("The realistic bench corpus needs the word-list package (a devDependency): run `npm ci` first.");
  }
  if (!existsSync(path)) throw new Error(`word-list is installed but ${path} is missing: run \`npm ci\` again.`);
  return path;
}

/**
 * Draws ranks 0..n-1 with density ∝ 1 / (r + offset)^exponent: the continuous power law's inverse
 * distribution function, floored. O(1) a draw and no tables, for millions of draws over millions of ranks.
 */
export class Zipf {
  private readonly lo: number;
  private readonly span: number;
  private readonly power: number;
  constructor(n: number, exponent: number, private readonly offset: number, private readonly random: () => number) {
    this.power = 1 - exponent;
    const f = (x: number) => (this.power === 0 ? Math.log(x) : Math.pow(x, this.power));
    this.lo = f(offset);
    this.span = f(n + offset) - this.lo;
  }
  next(): number {
    const y = this.lo + this.random() * this.span;
    const x = this.power === 0 ? Math.exp(y) : Math.pow(y, 1 / this.power);
    return Math.floor(x - this.offset);
  }
}

// Pieces that generated names are built from, so they look like the field's names and split the way
// ours do (camel case, hyphens, digits).
const NAME_HEADS = ["Vexa", "Orion", "Flash", "Deep", "Mega", "Tiny", "Open", "Hyper", "Nano", "Quant", "Sparse", "Omni",
  "Meta", "Auto", "Lumi", "Astra", "Nova", "Kite", "Zephyr", "Pico", "Turbo", "Cogni", "Vista", "Echo", "Sora", "Mira"];
const NAME_TAILS = ["Net", "Former", "Route", "Mix", "GPT", "LM", "Diff", "Gen", "Bench", "Agent", "Mamba", "Vision",
  "Coder", "Math", "Med", "RL", "Seg", "Flow", "Chat", "Voice", "Graph", "Edit", "Judge", "Eval"];
const SIZES = ["1B", "3B", "7B", "8B", "13B", "14B", "32B", "70B", "405B", "0.5B", "1.8B", "MoE"];
const SYLLABLES = ["ka", "ro", "mi", "ta", "ne", "lu", "so", "vi", "da", "ze", "po", "ri", "sha", "qui", "len", "mar",
  "tor", "bel", "ix", "on", "ar", "el", "us", "en", "ya", "wo", "hu", "gi", "fe", "cy"];
const FIRST_NAMES = ["Wei", "Li", "Anna", "James", "Maria", "Yuki", "Omar", "Priya", "Chen", "Lucas", "Sara", "Ivan",
  "Fatima", "Kenji", "Elena", "David", "Min", "Ahmed", "Sofia", "Raj", "Jun", "Laura", "Tom", "Hao", "Nora", "Ali"];

/** A deterministic name for entity rank `r`: a coined word, sometimes with a model size or version. */
function entityName(r: number): string {
  const random = seededRandom(r * 2654435761 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const kind = r % 5;
  const coined = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join("");
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  if (kind === 0) return `${pick(NAME_HEADS)}${pick(NAME_TAILS)}-${pick(SIZES)}`;
  if (kind === 1) return `${cap(coined())}-${pick(SIZES)}`;
  if (kind === 2) return `${cap(coined())}${pick(NAME_TAILS)}`;
  if (kind === 3) return `${cap(coined())} v${1 + Math.floor(random() * 4)}.${Math.floor(random() * 10)}`;
  return `${cap(coined())}-${pick(NAME_TAILS)}`;
}

function surname(r: number): string {
  const random = seededRandom(r * 40503 + 91);
  const parts = 2 + Math.floor(random() * 2);
  const s = Array.from({ length: parts }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]!).join("");
  return s[0]!.toUpperCase() + s.slice(1);
}

export interface RealisticCorpusOptions { size?: number; seed?: number }

const REDRAW_SHARE = 0.35;
const ENTITY_SHARE = 0.6;
const ENTITY_SPACE = 4_000_000;
const SURNAME_SPACE = 2_000_000;

/** `size` papers with a realistic vocabulary (see the top of this file). */
export function realisticPapers({ size = 100_000, seed = 42 }: RealisticCorpusOptions = {}): Paper[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const seedPapers = bundledCapture().papers;
  const titleWords = seedPapers.flatMap((p) => p.title.split(/\s+/));
  const sentences = seedPapers.flatMap((p) => p.summary.split(/(?<=[.!?])\s+(?=[A-Z])/)).map((s) => s.split(" "));

  // The ranked vocabulary: the seed's content words by frequency, then the word list in a seeded order.
  const seedCounts = new Map<string, number>();
  for (const s of sentences) for (const w of s) {
    const word = w.toLowerCase().replace(/[^a-z-]/g, "");
    if (word.length > 2 && !STOPWORDS.has(word)) seedCounts.set(word, (seedCounts.get(word) ?? 0) + 1);
  }
  const seedRanked = [...seedCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const known = new Set(seedRanked);
  const english = readFileSync(wordListPath(), "utf8").split("\n").filter((w) => w.length > 1 && !known.has(w));
  for (let i = english.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [english[i], english[j]] = [english[j]!, english[i]!];
  }
  const vocabulary = [...seedRanked, ...english];
  const words = new Zipf(vocabulary.length, 0.95, 2, random);
  const entities = new Zipf(ENTITY_SPACE, 0.8, 5, random);
  const surnames = new Zipf(SURNAME_SPACE, 0.8, 10, random);

  // Each seed sentence as words, each word split into what may be redrawn and the punctuation after it.
  const prepared = sentences.map((words) => words.map((word) => {
    const core = word.replace(/[.,;:)]+$/, "");
    return { word, trail: word.slice(core.length), redrawable: core.length >= 3 && !STOPWORDS.has(core.toLowerCase()) };
  }));
  const preparedTitleWords = titleWords.filter((w) => w.length >= 3 && !STOPWORDS.has(w.toLowerCase()));
  const number = () => (random() < 0.5 ? `${(random() * 100).toFixed(random() < 0.5 ? 1 : 2)}%`
    : String(Math.floor(Math.exp(random() * 12))).replace(/\B(?=(\d{3})+(?!\d))/g, ","));

  const papers: Paper[] = [];
  for (let i = 0; i < size; i++) {
    const titleLength = 5 + Math.floor(random() * 10);
    const titleParts: string[] = [];
    for (let w = 0; w < titleLength; w++) {
      titleParts.push(random() < REDRAW_SHARE ? vocabulary[words.next()]! : pick(random() < 0.6 ? preparedTitleWords : titleWords));
    }
    // Joined, not concatenated: papers read from JSON or a database hold flat strings, and V8 keeps `${a}${b}`
    // as a rope whose every character read follows a pointer (a 100k build on ropes ran ~20% slower).
    if (random() < 0.4) titleParts.unshift(`${entityName(entities.next())}:`);
    const title = titleParts.join(" ");

    const sentenceCount = 6 + Math.floor(random() * 6);
    const out: string[] = [];
    for (let s = 0; s < sentenceCount; s++) {
      const sentence = pick(prepared);
      // Real abstracts name models and report numbers in about every other sentence.
      const entityAt = random() < ENTITY_SHARE ? 1 + Math.floor(random() * sentence.length) : -1;
      const numberAt = random() < 0.35 ? 1 + Math.floor(random() * sentence.length) : -1;
      for (let w = 0; w < sentence.length; w++) {
        const { word, trail, redrawable } = sentence[w]!;
        if (w === entityAt) out.push(entityName(entities.next()));
        if (w === numberAt) out.push(number());
        out.push(redrawable && random() < REDRAW_SHARE ? vocabulary[words.next()]! + trail : word);
      }
    }
    const summary = out.join(" ");
    const authors = Array.from({ length: 2 + Math.floor(random() * 7) }, () => [pick(FIRST_NAMES), surname(surnames.next())].join(" "));
    const keywords = Array.from({ length: 2 + Math.floor(random() * 4) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => vocabulary[words.next()]!).join(" "));
    papers.push({
      id: `real-${String(i).padStart(7, "0")}`, arxivId: null, title, summary, authors, keywords,
      githubRepo: null, publishedAt: null, upvotes: Math.floor(random() * 100),
    });
  }
  return papers;
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Distinct lower-case words (runs of letters and digits, accents folded) in all four fields. */
export function distinctWords(papers: Iterable<Paper>): number {
  const seen = new Set<string>();
  for (const p of papers) {
    for (const text of [p.title, p.summary, ...p.keywords, ...p.authors]) {
      for (const word of foldAccents(text).toLowerCase().split(NOT_WORD)) seen.add(word);
    }
  }
  seen.delete("");
  return seen.size;
}
