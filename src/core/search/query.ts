// Turns what a person typed into concepts. A concept is one thing they asked for ("moe", "state space
// models", "mamb") with the ways a paper can say it, each weighted: the exact word, its acronym or
// expansion, words it is the start of, and — only when nothing else matches — words one typo away.
// A paper scores a concept by its best alternative, so saying a thing two ways is not counted twice.
import { foldLatex } from "../latex.ts";
import type { Corpus } from "./corpus.ts";
import { stem } from "./stem.ts";
import { isEverydayWord } from "./everyday.ts";
import { ACRONYMS, COMPARABLE, RELATED, SAID_PLAINLY } from "./synonyms.ts";
import { tokens } from "./tokenize.ts";
import { isSwap, plausibleTypo } from "./typos.ts";

export interface Alternative {
  /** One term, or several that a paper should contain together (scored softly when it has only some). */
  terms: number[];
  weight: number;
}

export interface Concept {
  alternatives: Alternative[];
  /** How much matching this concept says about a paper: the idf of its best alternative. */
  importance: number;
  /** Every term id that counts as this concept in phrase and proximity checks. */
  termSet: Set<number>;
  /** Where its word starts and ends in the query as the tokenizer counts (stopwords and a compound's
   * parts take a position each), so proximity knows how far apart neighbouring words were typed. */
  start: number;
  end: number;
  /** The word as typed (folded): what a person is told when no paper has it in any form (`alternatives` empty). */
  word: string;
  /** The word this one and its neighbour make written together ("multimodal" for "multi modal"), if papers have it. */
  joined?: number;
  /** An everyday word of a sentence, or the field's name (quieten): no paper need have it to be about the query. */
  quiet?: boolean;
  /** The word papers write that it was read as, a typo for it (only when no paper has it in any other form):
   * the person is told, since the papers shown say that word, not the one typed. */
  readAs?: string;
}

const EXPANSION_WEIGHT = 0.8;   // "mixture of experts" for moe, and moe for "mixture of experts"
const RELATED_WEIGHT = 0.5;     // "image" for "pictures": another word for it, not the word typed
const COMPOUND_PARTS_WEIGHT = 0.9; // "pokechamp" typed, "Poké Champ" written; "llama3" typed, "Llama 3" written
const PREFIX_OF_WORD_WEIGHT = 0.7; // "align" also finds "alignment" (a word built on it), below "align" itself
const PREFIX_OF_PARTIAL_WEIGHT = 0.8; // "mamb" is not a word: it must be the start of one
const BASE_OF_UNKNOWN_WEIGHT = 0.8; // "causality" typed, only "causal" written
const MIN_BASE_LENGTH = 4;
// A stem this long is a word's own start, not a syllable: "reproduc", "teach", not "mak" or "us".
const MIN_STEM_PREFIX = 5;
// The fewest letters read as the start of a longer word when no paper has them as one: "mamb", "lyri".
const MIN_PARTIAL = 4;
// Endings (of stems) that keep a word's meaning when stripped: "causality" is about "causal", but
// "graphics" is not about "graph", so not -ic, -al, -er and the like.
const MEANING_KEEPING = ["ism", "ist", "iti", "ness", "ment", "li", "ful", "ize", "ion"];
// A word no paper writes that names who does a thing ("reasoners", "learners", "bidders") or says a word
// of it more ("smarter"): it is about that thing, where papers write it ("reasoning", "bidding", "smart").
// Only for words no paper has, since a written "-er" word is often another thing ("router", "driver").
const DOER_WEIGHT = 0.7;
const TYPO_WEIGHT = 0.5;
// The shortest word guessed as a typo of any kind; one a letter shorter only as a slip of a common word (typos()).
const MIN_TYPO = 5;
// How many papers must have a word for a four-letter one to be read as it: a slip is of a word people use.
const MIN_SHORT_TYPO_PAPERS = 3;
// Typo candidates at least 1/8 as common as the commonest are kept.
const TYPO_RARITY = 8;
// A partial word's completions less than half as common as the commonest count no more than it
// (ConceptBuilder.prefix): "optim" is "optimization" (17 papers) far more often than "optimal" (5).
const COMPLETION_RARITY = 2;
const MAX_PREFIX_TERMS = 24;
// How much longer than a whole word typed a word built on it may be: inflections and derivations.
const MAX_WORD_EXTENSION = 4;
// What a word built on a whole word adds to its stem (after stemming, so "-ity" is "-iti", "-ly" "-li"):
// "agent" → "agentic", "robot" → "robotics", "plan" → "planner". Anything else merely starts with the
// word: "vit" → "vitamin", "gan" → "ganglion" say nothing about ViT or GAN.
const DERIVATIONS = new Set(("ic ical al ial ize ise ist ism iti ive iv ti ment ness er or li abl ibl ion ian an ish ful ous " +
  "ship hood i").split(" "));
const builtOn = (root: string, derived: string): boolean => {
  if (!derived.startsWith(root)) return false;
  const rest = derived.slice(root.length);
  // The stemmer undoubles before -ing and -ed but not -er: "planner".
  // "-ual" on a word of four letters or more: "textual" is about text, "conceptual" concepts; "actual" no act.
  return DERIVATIONS.has(rest) || (rest.length === 3 && rest[0] === root[root.length - 1] && rest.endsWith("er"))
    || (rest === "ual" && root.length >= 4);
};
/** The "-ic" and "-ical" words of a "-y" word ("strategy": "strategic", "strategical"), the "-y" word of either. */
function yAndIc(word: string): string[] {
  if (word.endsWith("y")) return [`${word.slice(0, -1)}ic`, `${word.slice(0, -1)}ical`];
  const base = word.endsWith("ical") ? word.slice(0, -4) : word.endsWith("ic") ? word.slice(0, -2) : null;
  return base ? [`${base}y`] : [];
}
// A guard, not a user-facing limit: past this many concepts extra words only cost time.
const MAX_CONCEPTS = 32;

export const STOPWORDS = new Set(("a an and are as at be by can do does for from has have how in into is it its " +
  "of on or our the their this that to towards toward via vs was we what when which while why with without").split(" "));
// Words of a question typed in plain words ("how do you keep a robot from falling over") that say
// nothing about its topic: dropped from queries like the stopwords above, which (being also what the
// bench's generated corpus leaves out of titles) stay as they are.
const QUESTION_FILLER = new Set(("about across after all also any before been being between did each every get gets " +
  "he her his i if me my not only over she so than then there these they those through under until us very " +
  "were where who whom whose will would you your them whats got anyone anybody " +
  // The other modal verbs, as "will" and "would" ("which model should answer", "how could agents cooperate").
  "should could might must shall " +
  // Reflexives ("research by itself", "agents that teach themselves"): rare in abstracts, and never the topic.
  "itself themselves himself herself myself yourself ourselves " +
  // Vague and judging words of plain questions ("picking the right model", "a good way to", "some kind of"):
  // rare in abstracts, so left in they outweigh the topic. Not "best", which names a method before "of" (judging, below).
  "right good better way ways thing things something someone kind lot really just actually make makes making " +
  // Asking for papers in chat ("show me moe papers please", "anything on rlhf", "latest work on ssms"):
  // the request, not its topic ("what should I read on moe"). Not "research" or "search" (deep research, tree
  // search), nor "reading" (reading comprehension).
  "please pls show find give tell papers paper article articles anything stuff latest newest recent looking want read " +
  // Greeting the bot and dating the request ("hi, moe papers today"): the bot searches what it has. Not "bot"
  // (bot detection).
  "hey hi hello thanks thank today tonight yesterday " +
  // Citing a paper by its first author, as papers cite each other ("Karten et al."): the name is what to look for.
  "et al " +
  // Joining and hedging words of a sentence ("since it works, however slowly", "basically whether or not"): never a topic.
  "some such because since although though however whether versus etc yes ok okay cannot basically literally " +
  "generally typically mostly currently recently").split(" "));
// The field's own name: every paper here is about AI, so "ai alignment" asks for alignment papers, not
// for the papers that say "AI" most. Next to other words it counts a little (a paper with "AI feedback"
// still comes before one with "human feedback" for "ai feedback"), and it neither decides how much of a
// query a paper covers nor raises the bar for what counts as about it (relevance.ts). Alone it is searched
// as any word.
const FIELD_WORDS = new Set(["ai"]);
const FIELD_WORD_WEIGHT = 0.25;

// A query of this many words or more is a sentence: its everyday words (everyday.ts) count as the field's
// name does.
const SENTENCE_CONCEPTS = 3;

/** Whether a paper about the query has `concept` in some form: one papers have, not an everyday word of a sentence. */
export function isTopicConcept(concept: Concept): boolean {
  return !concept.quiet && concept.alternatives.length > 0;
}

function quieten(concept: Concept): void {
  concept.quiet = true;
  for (const alt of concept.alternatives) alt.weight *= FIELD_WORD_WEIGHT;
  concept.importance *= FIELD_WORD_WEIGHT;
}

// "best" judges in a question ("which llm is best at math") but names a method before "of" ("best of n",
// typed apart; "best-of-n" is a compound and kept whole).
const judging = (units: Unit[], i: number): boolean => units[i]!.surface === "best" && units[i + 1]?.surface !== "of";

/** A word queries drop when they have others. */
export const isStopword = (word: string): boolean => STOPWORDS.has(word) || QUESTION_FILLER.has(word);

// A name run into its version ("llama3", "qwen2", "gpt4"): papers also write them apart. Three letters at
// least, so "s4", "r1" and "t5" stay names of their own.
const NAME_AND_NUMBER = /^([a-z]{3,})(\d+)$/;

const wordsOf = (text: string): string[] => tokens(text).filter((t) => !t.joined).map((t) => t.term);
// A Map, not the object itself: a query word like "constructor" must not find Object.prototype.
const EXPANSIONS = new Map(Object.entries(ACRONYMS));

// "mixtur of expert" → "moe": expansions keyed by their stems, so any inflection of a phrase matches.
const ACRONYMS_OF_PHRASE = new Map<string, string[]>();
// "graphic card" → gpu, accelerator, …; "pictur" → photo, image, …: every member of a ring by its stems.
const RELATED_OF_PHRASE = new Map<string, string[]>();
let longestPhrase = 1;
const keyOf = (phrase: string): string[] => wordsOf(phrase).map(stem);
const note = (map: Map<string, string[]>, key: string[], values: string[]) => {
  longestPhrase = Math.max(longestPhrase, key.length);
  map.set(key.join(" "), [...new Set([...(map.get(key.join(" ")) ?? []), ...values])]);
};
for (const [acronym, phrases] of Object.entries(ACRONYMS)) for (const phrase of phrases) note(ACRONYMS_OF_PHRASE, keyOf(phrase), [acronym]);
// "human feedback" → rlhf, "tree search" → mcts, "low rank" → lora: two words or more of an expansion, in a
// row and not all of it, are what a paper saying the acronym is about too (a paper on RLHF is about human
// feedback), below the words themselves. Not runs that start or end on a stopword ("of experts").
const ACRONYMS_OF_PART = new Map<string, string[]>();
for (const [acronym, phrases] of Object.entries(ACRONYMS)) {
  for (const key of phrases.map(keyOf)) {
    for (let from = 0; from < key.length; from++) {
      for (let to = from + 2; to <= key.length; to++) {
        const part = key.slice(from, to);
        if (part.length === key.length || STOPWORDS.has(part[0]!) || STOPWORDS.has(part[part.length - 1]!)) continue;
        if (!ACRONYMS_OF_PHRASE.has(part.join(" "))) note(ACRONYMS_OF_PART, part, [acronym]);
      }
    }
  }
}
// Each member's stems once per ring (this runs at every start, so not once per pair of members).
for (const ring of RELATED) {
  const keys = ring.map(keyOf), joined = keys.map((k) => k.join(" "));
  ring.forEach((_, i) => note(RELATED_OF_PHRASE, keys[i]!, ring.filter((__, j) => joined[j] !== joined[i])));
}
for (const [plain, field] of Object.entries(SAID_PLAINLY)) note(RELATED_OF_PHRASE, keyOf(plain), field);
// "cheaper" → cheap, "safest" → safe, "tinier" → tiny, by stem (stemming keeps -er and -est).
const ADJECTIVE_OF_FORM = new Map(COMPARABLE.flatMap((adjective) => {
  const root = adjective.replace(/e$/, "").replace(/y$/, "i");
  return [`${root}er`, `${root}est`].map((form) => [stem(form), adjective] as const);
}));

// "moe -survey": a word typed with a minus in front leaves out the papers that use it, as in web search. A
// letter must follow the minus (or a number and a letter: "-3d"), so "temperature -1" keeps its number; a
// hyphen inside a word joins it as ever.
const EXCLUDED_WORD = /(?<=^|\s)-(\p{L}\S*|\d+\p{L}\S*)/gu;
// "moe NOT survey": a NOT in capitals before a word or a quoted phrase is that minus, as boolean search boxes
// read it (and as OR in capitals is either side); a lower-case "not" stays a word of the question.
const NOT_BEFORE = /(?<=^|\s)NOT\s+(?=["“„«]|\p{L})/gu;
const minusForNot = (query: string): string => query.replace(NOT_BEFORE, "-");
// '"world model"': words in quotes must stand together, in that order (phrase.ts); '-"survey paper"' leaves
// out the papers that have them so. Straight, curly and angle quotes, as phones and keyboards type them.
const QUOTED = /((?<=^|\s)-)?["“”„«»]([^"“”„«»]*)["“”„«»]/gu;

// "author:karten", "title:moe": the field syntax of other search boxes. Every field is searched anyway, so
// the name of one is dropped rather than searched for as a word no paper has.
const FIELD_NAME = /(?<=^|\s)(?:authors?|title|abstract):/giu;

/** A query read as search boxes read one: what it looks for (`rest`, field names dropped and quoted words
 * kept), its quoted phrases, and the words and phrases it was given with a minus. */
export interface SplitQuery { rest: string; phrases: string[]; excluded: string[]; excludedPhrases: string[] }

// A quote opening a word with none after it to close it ('"world model', the closing one forgotten or cut
// off): a phrase to the end of the query, as search boxes read one. Not a LaTeX accent (G\"odel).
const OPEN_QUOTE = /(?<=^|\s|-)["“„«][^"“”„«»]*$/u;

export function splitQuery(query: string): SplitQuery {
  const phrases: string[] = [], excluded: string[] = [], excludedPhrases: string[] = [];
  if (OPEN_QUOTE.test(query)) query = `${query}"`;
  const rest = minusForNot(query).replace(FIELD_NAME, " ")
    .replace(QUOTED, (_, minus: string | undefined, inner: string) => {
      if (minus) { excludedPhrases.push(inner); return " "; }
      phrases.push(inner);
      // Inside quotes a minus leaves nothing out ('"-moe"' asks for moe).
      return ` ${inner.replace(/(?<=^|\s)-+/g, " ")} `;
    })
    .replace(EXCLUDED_WORD, (_, word: string) => { excluded.push(word); return " "; });
  return { rest, phrases, excluded, excludedPhrases };
}

/** What a query leaves out, as typed ("survey", '"a survey"'): empty quotes leave out nothing. */
export function leavesOut(split: SplitQuery): string[] {
  return [...split.excluded, ...split.excludedPhrases.filter((p) => p.trim()).map((p) => `"${p.trim()}"`)];
}

/** What a query of only words to leave out leaves out (leavesOut), or null when it also looks for something.
 * "-moe OR -mamba" looks for nothing. */
export function onlyLeftOut(split: SplitQuery): string[] | null {
  const leftOut = leavesOut(split);
  return leftOut.length > 0 && split.rest.replace(/(?<=^|\s)OR(?=\s|$)|\|/g, " ").trim() === "" ? leftOut : null;
}

/** `query` without the words and phrases it leaves out ("moe -survey" → "moe"), quotes and all else kept. */
export function withoutExclusions(query: string): string {
  return exclusionsApart(query).kept;
}

/** `query` split into what it keeps (as withoutExclusions) and its exclusions as typed ("-survey", '-"a b"'). */
function exclusionsApart(query: string): { kept: string; out: string[] } {
  const out: string[] = [];
  const kept = minusForNot(query).replace(QUOTED, (whole, minus: string | undefined) => { if (!minus) return whole; out.push(whole); return " "; })
    .replace(EXCLUDED_WORD, (whole) => { out.push(whole.trim()); return " "; })
    .replace(/\s+/g, " ").trim();
  return { kept, out };
}

// "diffusion OR gan": papers about either side, as web search reads an OR in capitals (a lower-case "or"
// stays a stopword of the question it is in), and a bar between words ("pokemon | starcraft", "moe|mamba"),
// which search engines read as OR too.
const EITHER = /\s+OR\s+|\s*\|+\s*/;
export const MAX_SIDES = 8;

/** The sides of a query with OR in it, each with the query's words and phrases left out (they apply to every
 * side: "moe OR diffusion -survey"); null when it has fewer than two sides with words to search for. */
export function sidesOf(query: string): string[] | null {
  if (!EITHER.test(query)) return null;
  const { kept, out } = exclusionsApart(query);
  // A guard, as MAX_CONCEPTS is: each side is a search of its own.
  const sides = kept.split(EITHER).filter((side) => !onlyCommonWords(side)).slice(0, MAX_SIDES);
  return sides.length >= 2 ? sides.map((side) => [side, ...out].join(" ")) : null;
}

// Ways of writing a quoted phrase checked at most: each is one more run to follow through a paper's terms.
const MAX_PHRASE_FORMS = 4;
// The shortest word read as two run together ("multimodal" as multi + modal): shorter ones are seldom compounds.
const MIN_RUN_TOGETHER = 6;

/**
 * The ways papers may write `text`'s words in order, each as terms (a compound by its parts, as the phrase
 * check reads them; -1 for a word no paper has), the words as typed first. A compound typed with a hyphen
 * is also its words run together, and a word typed whole also two words papers have, as a compound's parts:
 * '"multi-modal large language models"' is in papers writing "Multimodal Large Language Models", and
 * '"multimodal large language model"' in those writing "Multi-Modal Large Language Model", as the same
 * words unquoted are. A phrase of one word alone (no form of several) asks for nothing more than the word.
 */
export function phraseForms(text: string, corpus: Corpus): number[][] {
  const units = unitsOf(latexFolded(text));
  // Each unit's ways of being written: as typed, then its parts run together or its whole split in two.
  const ways = units.map((unit) => {
    const own = [unit.parts.map((part) => writtenTerm(part, corpus))];
    if (unit.parts.length === 1) return [...own, ...runTogether(unit.surface, corpus)];
    const joined = writtenTerm(unit.surface, corpus);
    return joined >= 0 ? [...own, [joined]] : own;
  });
  // Two words typed apart that papers write as one ("multi modal" as multimodal), as an unquoted search reads them.
  const together = units.map((unit, i) => {
    const next = units[i + 1];
    return next && unit.parts.length === 1 && next.parts.length === 1 ? writtenTerm(unit.surface + next.surface, corpus) : -1;
  });
  // The forms of the words from i on, built from the last word back, so each is made once.
  const from: number[][][] = [];
  from[units.length] = [[]];
  for (let i = units.length - 1; i >= 0; i--) {
    const forms = ways[i]!.flatMap((way) => from[i + 1]!.map((rest) => [...way, ...rest]));
    if (together[i]! >= 0) forms.push(...from[i + 2]!.map((rest) => [together[i]!, ...rest]));
    from[i] = forms.slice(0, MAX_PHRASE_FORMS);
  }
  return from[0]!.filter((form) => form.length > 0);
}

/** A word as two words papers have, run together ("multimodal": multi, modal), each split that has them. */
function runTogether(word: string, corpus: Corpus): number[][] {
  if (word.length < MIN_RUN_TOGETHER || !/^\p{L}+$/u.test(word)) return [];
  const splits: number[][] = [];
  for (let at = 2; at <= word.length - 2; at++) {
    const head = writtenTerm(word.slice(0, at), corpus), tail = head >= 0 ? writtenTerm(word.slice(at), corpus) : -1;
    if (tail >= 0) splits.push([head, tail]);
  }
  return splits;
}

/** The terms of excluded words papers have (a compound by its joined form, as its papers write it whole).
 * Not stopwords: "-the" would leave out every paper, which nobody asks for. */
export function excludedTerms(words: string[], corpus: Corpus): number[] {
  const ids = words.filter((word) => !isStopword(word.toLowerCase())).map((word) => {
    const first = tokens(latexFolded(word))[0];
    return first ? writtenTerm(first.term, corpus) : -1;
  });
  return [...new Set(ids.filter((id) => id >= 0))];
}

/** `text` with its LaTeX escapes folded ("Pok\'emon"), or as it is where they do not parse. */
function latexFolded(text: string): string {
  try { return foldLatex(text); } catch { return text; }
}

/** A word as typed; a compound ("MM-RLHF") keeps its parts. */
interface Unit { surface: string; parts: string[] }

function unitsOf(query: string): Unit[] {
  const text = latexFolded(query);
  const units: Unit[] = [];
  let open: Unit | null = null;
  let remaining = 0;
  for (const token of tokens(text)) {
    if (token.joined && open && remaining > 0) continue; // a piece's own joined form, inside a compound
    if (token.joined) { open = { surface: token.term, parts: [] }; remaining = token.term.length; units.push(open); continue; }
    if (open && remaining > 0) { open.parts.push(token.term); remaining -= token.term.length; if (remaining <= 0) open = null; continue; }
    units.push({ surface: token.term, parts: [token.term] });
  }
  return units;
}

/** Whether every word of `query` is one searches drop ("the of and", "show me papers"), or it has no word at
 * all ("🚀", "?!"): it names no topic, and searching its words would list nearly every paper, or none. */
export function onlyCommonWords(query: string): boolean {
  return unitsOf(query).every((u) => u.parts.length === 1 && isStopword(u.surface));
}

/** The words of `query` that together with their neighbours name one thing of the field, an acronym's
 * expansion or another word's ("retrieval augmented generation", "graphics cards"): without one of them
 * the rest names something else. */
export function termWords(query: string): Set<string> {
  const units = unitsOf(query), keys = units.map((u) => u.parts.map(stem)), words = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const span = matchPhraseSpan(units, keys, i, ACRONYMS_OF_PHRASE) ?? matchPhraseSpan(units, keys, i, RELATED_OF_PHRASE);
    if (span && span.length > 1) for (const unit of units.slice(i, i + span.length)) words.add(unit.surface);
  }
  return words;
}

export function planQuery(query: string, corpus: Corpus): Concept[] {
  // A compound of words no paper writes as one ("text-to-music") is those words typed apart: one concept for
  // all would need every part in a paper, where papers say the same in other words ("lyrics-to-song" music).
  // Not a name with a version ("gpt-5"), whose number counts only right after its name (proximity.ts).
  const apart = (unit: Unit) => unit.parts.length > 1 && unit.parts.every((p) => /^\p{L}+$/u.test(p)) && writtenTerm(unit.surface, corpus) < 0;
  // Compatibility forms ("ｍｏｅ", "ﬁne-tuning") and invisible characters are folded as papers' are (foldAccents).
  const units = unitsOf(query)
    .flatMap((u) => (apart(u) ? u.parts.map((part) => ({ surface: part, parts: [part] })) : [u]))
    .slice(0, MAX_CONCEPTS * 2);
  const keys = units.map((u) => u.parts.map(stem));
  const typed = new Set(keys.flat());
  const concepts: { concept: Concept; stopword: boolean }[] = [];
  // Each unit's position as the tokenizer counts them: a compound's parts take one each.
  const positions: number[] = [];
  units.reduce((at, unit) => { positions.push(at); return at + unit.parts.length; }, 0);
  for (let i = 0; i < units.length; ) {
    // Words that spell out an acronym ("state space models") each also accept the acronym, so a paper
    // that only says "SSM" still covers all of them, and one that spells it out matches word by word.
    // The acronym's credit is shared among the words: saying "SSM" once is not worth three rare words.
    // Words with a related term ("graphics cards" → gpu) each accept it, its credit shared the same way.
    // Two words typed apart that papers write as one ("multi modal", "pre training", "llama 3") each
    // accept the joined word (for each, as much as that word itself counts: below).
    const whole = matchPhraseSpan(units, keys, i, ACRONYMS_OF_PHRASE);
    // Part of an expansion ("human feedback" of RLHF) keeps its related words: the acronym is one more way.
    const span = whole ?? matchPhraseSpan(units, keys, i, ACRONYMS_OF_PART);
    const related = whole ? null : relatedSpan(units, keys, i, typed);
    // Not when the next word starts an acronym's phrase: "hyper graph neural networks" keeps GNN.
    // A stopword and the word after it written as one ("in context" → "incontext") may start an acronym's
    // phrase too ("in context learning": ICL).
    const joined = (whole && !isStopword(units[i]!.surface)) || matchPhraseSpan(units, keys, i + 1, ACRONYMS_OF_PHRASE) ? null : joinedWord(units, i, corpus);
    const end = i + Math.max(span?.length ?? 1, related?.length ?? 1, joined ? 2 : 1);
    const content = units.slice(i, end).filter((u) => !isStopword(u.surface));
    const contentWords = Math.max(1, content.length);
    // Another way of saying the words is not rarer than the words themselves: "lm" (in three papers'
    // "WizardLM" or "Megatron-LM") must not outrank "language models" written out, nor "thought" (rare)
    // outrank "reasoning" (common). So each alternative's rarity is capped at the typed words' together.
    const typedIdf = content.reduce((sum, u) => sum + idfOfTyped(u.surface, corpus), 0);
    for (const from = i; i < end; i++) {
      const unit = units[i]!;
      const concept = wordConcept(unit, corpus, {
        acronyms: span && i < from + span.length ? span.values : [], acronymWeight: EXPANSION_WEIGHT / contentWords,
        related: related && i < from + related.length ? related.values : [], relatedWeight: RELATED_WEIGHT / contentWords,
        maxIdf: typedIdf,
        // The joined word is the words themselves: for each of them it counts what that word counts, so a
        // paper writing "multimodal" scores as one writing "multi modal", and "multi-modal" (both) no more.
        // After a stopword ("in context") the joined word is the two as one, as "in-context" typed would be.
        joined: joined && i < from + 2 ? { surface: joined.surface, weight: isStopword(units[from]!.surface) ? 1 : idfOfTyped(unit.surface, corpus) / joined.idf } : null,
      });
      concept.start = positions[i]!;
      concept.end = positions[i]! + unit.parts.length - 1;
      concept.word = unit.surface;
      if (joined && i < from + 2) concept.joined = joined.id;
      // A question's word that papers write joined to its neighbour is part of the topic ("decision making").
      const joinedHere = joined !== null && i < from + 2 && !STOPWORDS.has(unit.surface);
      concepts.push({ concept, stopword: unit.parts.length === 1 && !joinedHere && (isStopword(unit.surface) || judging(units, i)) });
    }
  }
  // Stopwords add nothing next to real words, but a query of only stopwords still searches for them.
  const content = concepts.filter((c) => !c.stopword);
  const sentence = content.length >= SENTENCE_CONCEPTS;
  if (content.length > 1) for (const { concept } of content) if (FIELD_WORDS.has(concept.word) || (sentence && isEverydayWord(concept.word))) quieten(concept);
  return (content.length ? content : concepts).slice(0, MAX_CONCEPTS).map((c) => c.concept);
}

/**
 * The longest run of whole units starting at `start` whose stems are a key of `map` (an acronym's
 * expansion, or a member of a ring of related words), with what it maps to. Single words count only
 * with `singleWords` (an acronym typed alone is handled as a word of its own).
 */
function matchPhraseSpan(units: Unit[], keys: string[][], start: number, map: Map<string, string[]>, singleWords = false): { length: number; values: string[] } | null {
  let best: { length: number; values: string[] } | null = null;
  const stems: string[] = [];
  for (let end = start; end < units.length && stems.length < longestPhrase; end++) {
    stems.push(...keys[end]!);
    const values = singleWords || end > start || units[end]!.parts.length > 1 ? map.get(stems.join(" ")) : undefined;
    if (values) best = { length: end - start + 1, values };
  }
  return best;
}

/** The word two neighbouring units make written together, when papers have it: "multi modal" → multimodal,
 * "in context" → incontext (a stopword may lead, as in "in-context" and "on-device"; the joined word then
 * counts for the word after it). */
function joinedWord(units: Unit[], start: number, corpus: Corpus): { surface: string; id: number; idf: number } | null {
  const a = units[start], b = units[start + 1];
  // A word of a question ("making") joins too where papers write the two as one ("decision-making").
  if (!a || !b || a.parts.length > 1 || b.parts.length > 1 || STOPWORDS.has(b.surface)) return null;
  const joined = a.surface + b.surface;
  // Not a word queries drop ("o n" of O(n) is no "on", "with out" no "without"): it says nothing about the topic.
  if (isStopword(joined)) return null;
  const id = writtenTerm(joined, corpus);
  return id >= 0 ? { surface: joined, id, idf: corpus.idf(id) } : null;
}

/** Related terms for the run at `start`, leaving out those the query already says itself. */
function relatedSpan(units: Unit[], keys: string[][], start: number, typed: Set<string>): { length: number; values: string[] } | null {
  // A comparative or superlative ("cheaper llms") also finds the adjective and its ring (efficient ones).
  const adjective = keys[start]!.length === 1 ? ADJECTIVE_OF_FORM.get(keys[start]![0]!) : undefined;
  const span = matchPhraseSpan(units, keys, start, RELATED_OF_PHRASE, true) ??
    (adjective ? { length: 1, values: RELATED_OF_PHRASE.get(stem(adjective)) ?? [] } : null);
  if (!span) return null;
  const values = span.values.filter((v) => !keyOf(v).every((s) => typed.has(s)));
  return values.length ? { length: span.length, values } : null;
}

/** The acronym we know that a typed word is ("ssms" → ssm), or a two-letter one's plural, which is too
 * short to stem ("lms" → lm), unless papers use the word as it is; else null. ("mass" is no plural of MAS.) */
function acronymOf(surface: string, aWord: boolean): string | null {
  // As typed first: "mcts" is an acronym, and its stem "mct" none.
  if (EXPANSIONS.has(surface)) return surface;
  const root = stem(surface);
  if (EXPANSIONS.has(root)) return root;
  const singular = surface.slice(0, -1);
  return !aWord && surface.length === 3 && surface.endsWith("s") && EXPANSIONS.has(singular) ? singular : null;
}

/** The term of a surface word some live paper has, or -1 (none has it, or only papers since removed). */
function writtenTerm(surface: string, corpus: Corpus): number {
  const id = corpus.vocab.lookup(surface);
  return id >= 0 && corpus.df[id]! > 0 ? id : -1;
}

/** The idf of a word as typed, or the highest idf there is when no paper has it (nothing to cap at). */
function idfOfTyped(surface: string, corpus: Corpus): number {
  const id = writtenTerm(surface, corpus);
  return id >= 0 ? corpus.idf(id) : Math.log(1 + corpus.liveCount);
}

/** What else may say one typed word, from the words around it (planQuery). */
interface OtherWays {
  /** The acronym the run of words it is in spells out, and what each gets for it. */
  acronyms: string[];
  acronymWeight: number;
  /** Words related to that run, and what each gets for them. */
  related: string[];
  relatedWeight: number;
  /** Acronyms and related words count at most as a word of this idf: the run's typed words together. */
  maxIdf: number;
  /** The word it makes with its neighbour, counting as the typed word (not capped). */
  joined: { surface: string; weight: number } | null;
}

// Versions 2 to 20 (not 1: "i" is a word). Enough for games, sequels and model generations.
const ROMAN = ["ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"];
const DIGITS_OF_ROMAN = new Map(ROMAN.map((r, i) => [r, String(i + 2)]));

/** "2" ↔ "ii": the same number in the other way of writing it, or null. */
function otherNumeral(word: string): string | null {
  return /^\d{1,2}$/.test(word) ? ROMAN[Number(word) - 2] ?? null : DIGITS_OF_ROMAN.get(word) ?? null;
}

function wordConcept(unit: Unit, corpus: Corpus, other: OtherWays): Concept {
  const builder = new ConceptBuilder(corpus);
  // A word no paper writes whose stem is it less a last "e" ("infe", "mixe") may be the start of another word
  // ("inference"): its stem ("inf") counts as little as a typo's reading, not as the word typed.
  const eDropped = unit.surface.length >= MIN_PARTIAL && `${stem(unit.surface)}e` === unit.surface && !corpus.vocab.writes(unit.surface);
  const known = builder.word(unit.surface, eDropped ? TYPO_WEIGHT : 1);
  // A comparative is its adjective asked for more ("cheaper" is "cheap"): the adjective counts as the word.
  const adjective = ADJECTIVE_OF_FORM.get(stem(unit.surface));
  if (adjective) builder.word(adjective, 1);
  for (const acronym of other.acronyms) builder.word(acronym, other.acronymWeight, other.maxIdf);
  if (other.joined) builder.word(other.joined.surface, other.joined.weight);
  for (const phrase of other.related) builder.phrase(wordsOf(phrase).filter((w) => !STOPWORDS.has(w)), other.relatedWeight, other.maxIdf);
  // A compound papers also write as one word ("multi-modal", "multimodal") counts its parts, written apart,
  // as that word: no more, or the parts' summed rarity would outrank the papers writing it as one word.
  // (phrase() caps its words' mean rarity, and a paper with them all scores their sum.)
  const parts = unit.parts.filter((w) => !STOPWORDS.has(w));
  // A stopword part counts for nothing ("in-context" is its "context"), but the compound still has its parts.
  if (unit.parts.length > 1) {
    const cap = known >= 0 ? corpus.idf(known) / Math.max(1, parts.length) : Infinity;
    builder.phrase(parts, COMPOUND_PARTS_WEIGHT, cap);
    // A name and its version in the other numerals too ("starcraft-2" is StarCraft II; "StarCraft-II" may be
    // written "StarCraft 2"), as typed apart or run together. The name as one word, as papers write it.
    const version = otherNumeral(unit.parts[unit.parts.length - 1]!), name = unit.parts.slice(0, -1).join("");
    if (version && writtenTerm(name, corpus) >= 0 && writtenTerm(version, corpus) >= 0) builder.phrase([name, version], COMPOUND_PARTS_WEIGHT, cap);
  }
  const versioned = NAME_AND_NUMBER.exec(unit.surface);
  // Only where papers have the name: "phi3" where none says "phi" is a missing word, not any paper with a 3.
  if (versioned && unit.parts.length === 1 && corpus.vocab.lookup(versioned[1]!) >= 0) {
    builder.phrase([versioned[1]!, versioned[2]!], COMPOUND_PARTS_WEIGHT);
    const roman = otherNumeral(versioned[2]!);
    if (roman) builder.phrase([versioned[1]!, roman], COMPOUND_PARTS_WEIGHT);
  }
  // A version is one in digits or Roman numerals ("starcraft 2" is StarCraft II), and no rarer for it.
  const numeral = unit.parts.length === 1 ? otherNumeral(unit.surface) : null;
  if (numeral) builder.word(numeral, 1, idfOfTyped(unit.surface, corpus));
  const acronym = acronymOf(unit.surface, known >= 0);
  if (acronym !== null && acronym !== unit.surface) builder.word(acronym, 1);
  for (const phrase of EXPANSIONS.get(acronym ?? "") ?? []) {
    builder.phrase(wordsOf(phrase).filter((w) => !STOPWORDS.has(w)), EXPANSION_WEIGHT, idfOfTyped(unit.surface, corpus));
  }
  let prefixed = 0;
  // An acronym we know is a whole word even where no paper writes it ("mdp" for Markov decision processes),
  // and so is a word we know others for ("gui" is an interface, not the start of "guidance").
  const acronymIdf = known < 0 && (acronym !== null || other.related.length > 0) ? builder.done().importance : 0;
  if (unit.surface.length >= 3 && !isStopword(unit.surface)) {
    // A whole word also finds the words built on it ("agent" → "agentic", "robot" → "robotics"), but not
    // longer words that merely start with it ("model" → "ModelScope"), and never above itself: a rare
    // word that starts with a common one says less, not more, about the common one.
    const wordIdf = known >= 0 ? corpus.idf(known) : acronymIdf;
    // A word papers have only as the stem of others ("compet" of "compete", "cooper" of "cooperation"), never
    // written so, is a word still being typed: it goes on as any of its completions ("competition",
    // "cooperative"), as a partial word does, not only as the words built on it.
    // So is one the stemmer only took a last "e" off ("infe" of "inference", read as "inf" otherwise).
    const root = stem(unit.surface);
    const unfinished = known >= 0 && unit.surface.length >= MIN_PARTIAL && (root === unit.surface || `${root}e` === unit.surface)
      && !corpus.vocab.writes(unit.surface);
    // Three letters no paper has as a word are a name or an acronym ("sam", "mcp"), too short to say which
    // longer word they might start: not "same" or "sample".
    prefixed = wordIdf > 0 && !unfinished ? builder.prefix(unit.surface, PREFIX_OF_WORD_WEIGHT, unit.surface.length + MAX_WORD_EXTENSION, wordIdf, stem(unit.surface))
      : unit.surface.length >= MIN_PARTIAL ? builder.prefix(unit.surface, PREFIX_OF_PARTIAL_WEIGHT) : 0;
  }
  // "-y" and "-ic" name one thing ("strategy" games, "strategic" reasoning), but as stems neither is built on
  // the other ("strategi", "strateg"): each finds the other as a word built on it would, where papers write it.
  if (unit.surface.length >= MIN_STEM_PREFIX) {
    const wordIdf = known >= 0 ? corpus.idf(known) : Infinity;
    for (const sibling of yAndIc(unit.surface)) builder.word(sibling, PREFIX_OF_WORD_WEIGHT, wordIdf);
  }
  // A word no paper writes may still be built on one they do: "causality" on "causal"; or share its stem
  // with words they do: "reproducing" with "reproducibility" and "reproducible".
  if (known < 0 && prefixed === 0 && acronymIdf === 0) prefixed = builder.base(stem(unit.surface), BASE_OF_UNKNOWN_WEIGHT);
  const root = stem(unit.surface);
  if (known < 0 && prefixed === 0 && acronymIdf === 0 && root !== unit.surface && root.length >= MIN_STEM_PREFIX) {
    prefixed = builder.prefix(root, BASE_OF_UNKNOWN_WEIGHT);
  }
  if (known < 0 && prefixed === 0 && acronymIdf === 0) prefixed = builder.doerOf(root, DOER_WEIGHT);
  // An everyday word ("wrong", "huge") is no typo of a rarer one ("wong", an author), whatever papers lack it.
  if (known < 0 && prefixed === 0 && unit.surface.length >= MIN_TYPO && !isEverydayWord(unit.surface)) builder.typos(unit.surface, TYPO_WEIGHT);
  // Four letters are too few to guess a word from in general ("bard" is no "bird"), but a letter left out or two
  // swapped in a word several papers have is a slip ("lama" is llama, "cdoe" code): never for an acronym we
  // know, nor for a word that is its start ("mamb"), since those are read as such above.
  else if (known < 0 && prefixed === 0 && acronymIdf === 0 && unit.surface.length === MIN_TYPO - 1 && !isEverydayWord(unit.surface)) builder.typos(unit.surface, TYPO_WEIGHT, true);
  return builder.done();
}

class ConceptBuilder {
  private readonly alternatives: Alternative[] = [];
  private readonly termSet = new Set<number>();
  private readAs: string | undefined;
  constructor(private readonly corpus: Corpus) {}

  /** Adds the word as a term if the corpus has it, counting at most as much as a word of idf `maxIdf`;
   * returns its id, or -1. */
  word(surface: string, weight: number, maxIdf = Infinity): number {
    const id = writtenTerm(surface, this.corpus);
    if (id < 0) return -1;
    this.add([id], weight * Math.min(1, maxIdf / this.corpus.idf(id)));
    return id;
  }

  /** Adds words a paper should have together, counting at most as much as a word of idf `maxIdf`. */
  phrase(words: string[], weight: number, maxIdf = Infinity): void {
    if (words.length === 0) return;
    if (words.length === 1) { this.word(words[0]!, weight, maxIdf); return; }
    // A word the corpus lacks can never be matched; it still counts in the phrase's length (-1).
    const terms = [...new Set(words.map((w) => this.corpus.vocab.lookup(w)))];
    // The cap reads a phrase's rarity as its words' mean, as a concept's importance does (done()); a paper
    // with every word scores their sum (Scorer.scorePhrase), so a spelled-out phrase may still outscore a
    // rare acronym. Capping the sum instead measured worse (nDCG@10 dev 0.935, against 0.938).
    this.add(terms, weight * Math.min(1, maxIdf / this.meanIdf(terms)));
  }

  /** The mean idf of a phrase's terms, a term no paper has counting 0 (as done() scores it). */
  private meanIdf(terms: number[]): number {
    return terms.reduce((sum, t) => sum + (t >= 0 ? this.corpus.idf(t) : 0), 0) / terms.length;
  }

  /** The word `root` is built on (a derivation stripped), if the corpus has it; returns 1 if added, else 0. */
  base(root: string, weight: number): number {
    for (const ending of MEANING_KEEPING) {
      const base = root.slice(0, root.length - ending.length);
      if (!root.endsWith(ending) || base.length < MIN_BASE_LENGTH) continue;
      const id = this.corpus.vocab.idOfStem(base);
      if (id >= 0 && this.corpus.df[id]! > 0 && !this.termSet.has(id)) { this.add([id], weight); return 1; }
    }
    return 0;
  }

  /** The word an "-er" stem is the doer of ("reasoner" → "reason", "bidder" → "bid"), where papers write it
   * or its "-ing" ("reasoning", "bidding"); returns 1 if added, else 0. Not a word that only shares the
   * letters ("poker" is no doer of "poke"). */
  doerOf(root: string, weight: number): number {
    if (!root.endsWith("er")) return 0;
    const base = root.slice(0, -2), { vocab } = this.corpus;
    const undoubled = base.length > 2 && base.at(-1) === base.at(-2) ? base.slice(0, -1) : base;
    if (undoubled.length < 3 || !(vocab.writes(undoubled) || vocab.writes(`${base}ing`))) return 0;
    const id = vocab.idOfStem(stem(undoubled));
    if (id < 0 || this.corpus.df[id]! === 0 || this.termSet.has(id)) return 0;
    this.add([id], weight);
    return 1;
  }

  /** Words starting with `surface` (up to `maxLength` long, and with `root` given, built on that stem),
   * each counting at most as much as a word of idf `maxIdf`. */
  prefix(surface: string, weight: number, maxLength = Infinity, maxIdf = Infinity, root?: string): number {
    const { vocab, df } = this.corpus;
    const ids = vocab.withPrefix(surface, maxLength)
      .filter((id) => !this.alone(id, weight) && df[id]! > 0 && (root === undefined || builtOn(root, vocab.stemOf(id))));
    ids.sort((a, b) => df[b]! - df[a]!);
    // Unfinished, a word most likely goes on as one of its common completions ("multimod" → "multimodal"): one
    // far rarer than the commonest ("multimodel", once) counts no more than it, or the rare slip would
    // outrank what was meant, nor a rarer word in an abstract ("optimal") the common one in titles
    // ("Optimization"). (Completions about as common, "evolution" and "evolving", keep their own rarity.)
    const commonest = ids.length > 0 ? df[ids[0]!]! : 0;
    const rareCap = maxIdf === Infinity && commonest > 0 ? this.corpus.idf(ids[0]!) : Infinity;
    for (const id of ids.slice(0, MAX_PREFIX_TERMS)) {
      const cap = df[id]! * COMPLETION_RARITY < commonest ? Math.min(maxIdf, rareCap) : maxIdf;
      this.add([id], weight * Math.min(1, cap / this.corpus.idf(id)));
    }
    return Math.min(ids.length, MAX_PREFIX_TERMS);
  }

  /**
   * Words one edit from the typed word, or from its stem ("lernings" → "learn"). A typo is most likely of
   * a common word: candidates far rarer than the commonest one ("leaning" beside "learning") are dropped.
   */
  typos(surface: string, weight: number, short = false): void {
    const { vocab, df } = this.corpus;
    const root = stem(surface);
    // People rarely mistype a word's first letter (they may leave it out: "einforcement"), and a stopword is
    // never what they meant: "teaching" is not a typo of "each" or "reach". A short stem is too little to
    // guess from: "letting" is not a typo of "lee" by way of "let".
    // A letter replaced must be one a finger or a speller would confuse ("poker" is not "power"). And a stem
    // is corrected only by adding a letter it lacks ("lern" → "learn"): taking one out of a long word's stem
    // finds a shorter, common, different word ("contamination" is not "contain").
    // A short word is read only as one with a letter it left out or two of its letters swapped ("lama": llama).
    // A letter too many at the end is another word far more often than a slip ("poker" is no "poke", "later" no
    // "late"), unless it doubles the one before ("learningg").
    const likely = (typed: string, fromStem = false) => (candidate: string) =>
      (candidate[0] === typed[0] || candidate.slice(1) === typed) && !isStopword(candidate) && plausibleTypo(typed, candidate)
      && (!fromStem || candidate.length > typed.length) && (!short || candidate.length > typed.length || isSwap(typed, candidate))
      && (candidate !== typed.slice(0, -1) || typed.at(-1) === typed.at(-2));
    // The first spelling met of each candidate term, to name what the typed word was read as.
    const spellings = new Map<number, string>();
    const spelt = (id: number, candidate: string) => { if (!spellings.has(id)) spellings.set(id, candidate); };
    const ids = vocab.withinOneEdit(surface, likely(surface), spelt);
    if (root !== surface && root.length > MIN_STEM_PREFIX) ids.push(...vocab.withinOneEdit(root, likely(root, true), spelt));
    const found = [...new Set(ids)].filter((id) => df[id]! >= (short ? MIN_SHORT_TYPO_PAPERS : 1) && !this.termSet.has(id));
    const commonest = Math.max(0, ...found.map((id) => df[id]!));
    for (const id of found) if (df[id]! * TYPO_RARITY >= commonest) this.add([id], weight);
    // Named as the commonest candidate's spelling; the others are told apart by it ("reinforcement").
    if (found.length > 0) this.readAs = spellings.get(found.find((id) => df[id] === commonest)!);
  }

  /** Whether `id` is already an alternative by itself at `weight` or more (a word related to what was typed,
   * "cooperative" for "cooper", may also be what it starts, and then counts as that). */
  private alone(id: number, weight: number): boolean {
    return this.alternatives.some((alt) => alt.terms.length === 1 && alt.terms[0] === id && alt.weight >= weight);
  }

  private add(terms: number[], weight: number): boolean {
    if (terms.every((t) => t < 0)) return false;
    // The same terms reached two ways ("llms" as written, and as the plural of the acronym "llm") are one
    // alternative at the higher weight: a paper scores a concept by its best alternative, so the other could
    // never count, and scoring it would be one more pass over the same (often very long) postings.
    const same = this.alternatives.find((alt) => alt.terms.length === terms.length && alt.terms.every((t, i) => t === terms[i]));
    if (same) { same.weight = Math.max(same.weight, weight); return true; }
    this.alternatives.push({ terms, weight });
    for (const t of terms) if (t >= 0) this.termSet.add(t);
    return true;
  }

  done(): Concept {
    let importance = 0;
    for (const alt of this.alternatives) importance = Math.max(importance, alt.weight * this.meanIdf(alt.terms));
    // A word found nowhere still counts, so papers matching the other words are not all tied at 100%.
    if (this.alternatives.length === 0) importance = Math.log(1 + this.corpus.liveCount);
    return { alternatives: this.alternatives, importance, termSet: this.termSet, start: 0, end: 0, word: "",
      ...(this.readAs !== undefined ? { readAs: this.readAs } : {}) };
  }
}
