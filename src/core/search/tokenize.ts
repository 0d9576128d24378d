// Splits text into lower-case, accent-free word tokens with positions. A raw token is a run of letters and
// digits, possibly joined by single hyphens; we need its original case to split compounds the way people
// remember them:
//   "PokéChamp"          → pokechamp, poke, champ
//   "OpenMoE"            → openmoe, open, moe
//   "MM-RLHF"            → mm, rlhf, mmrlhf
//   "Mixture-of-Experts" → mixture, of, experts, mixtureofexperts
// English clitics after a word and an apostrophe ("DeepSeek's", "don't", "we're", "it'll") are dropped, so
// "OpenAI's o1" reads as "OpenAI o1": a query's "s" is no word of the paper's, and the two stay adjacent.
// The joined form is emitted at the position of the first part and flagged, so the parts stay adjacent
// for phrase checks and a query may use either spelling.
//
// Two layers: `scanRaw` finds raw tokens with a hand-written character loop (measured ~4x faster than a
// /[\p{L}\p{N}]+/gu match plus a Map lookup per token on 100k abstracts) and hashes them on the way, so
// indexing can look up a cached analysis without slicing; `analyzeRaw` turns one raw token into its
// terms, and is what indexing caches per distinct raw token (analyzer.ts) and queries call directly.

import { codeUnits } from "./code-units.ts";

/** Called once per token; `joined` marks the joined form of a compound (or of a piece of one) whose parts were also emitted. */
export type TokenSink = (term: string, position: number, joined: boolean) => void;

const OTHER = 1, DIGIT = 2, LOWER = 3, UPPER = 4;
// Lazily filled class of every UTF-16 code unit; surrogates (emoji, rare scripts) count as separators.
const charClass = new Uint8Array(65536);
const LETTER = /\p{L}/u, NUMBER = /\p{N}/u;

function classify(code: number): number {
  let cls = charClass[code]!;
  if (cls !== 0) return cls;
  if (code >= 0xd800 && code <= 0xdfff) cls = OTHER;
  else {
    const ch = String.fromCharCode(code);
    if (LETTER.test(ch)) cls = ch !== ch.toLowerCase() ? UPPER : LOWER;
    else cls = NUMBER.test(ch) ? DIGIT : OTHER;
  }
  charClass[code] = cls;
  return cls;
}

const ASCII_CLASS = new Uint8Array(128).map((_, code) => classify(code));
const isWordChar = (code: number): boolean => (code < 128 ? ASCII_CLASS[code]! : classify(code)) !== OTHER;
const ASCII_WORD = ASCII_CLASS.map((cls) => (cls === OTHER ? 0 : 1));

const NON_ASCII = /[^\x00-\x7f]/;
// Combining marks (accents) and format characters: soft hyphens, zero-width spaces and joiners, byte-order
// and direction marks. The latter are invisible and sit inside words copied from PDFs and web pages.
const MARKS_AND_INVISIBLES = /[\p{M}\p{Cf}]+/gu;
// ™ and ℠ decompose to the letters "TM" and "SM", which would join the name they follow ("ChatGPT™").
const TRADEMARKS = /[\u2120\u2122]/g;

// Greek and Cyrillic letters drawn as Latin ones (not α or β, which papers use as themselves), by what they look like.
const LOOKALIKES = new Map([..."АаВЕеКкМНОоРрСсТуХхІіЈјЅѕԁһΑΒΕΖΗΙΚΜΝΟοΡΤΥΧ"].map((c, i) => [c, "AaBEeKkMHOoPpCcTyXxIiJjSsdhABEZHIKMNOoPTYX"[i]!]));
const GREEK_OR_CYRILLIC = /[\u0370-\u03ff\u0400-\u052f]/;
// A word of Latin letters with such a letter in it ("mοe" with an omicron, "рokemon" with a Cyrillic er), as a
// keyboard layout left on or text pasted from a page that swapped letters types them.
const MIXED_SCRIPT_WORD = /\p{L}*(?:\p{Script=Latin}[\p{Script=Greek}\p{Script=Cyrillic}]|[\p{Script=Greek}\p{Script=Cyrillic}]\p{Script=Latin})\p{L}*/gu;
const latinLookalikes = (word: string): string => word.replace(/./gu, (c) => LOOKALIKES.get(c) ?? c);

/**
 * Folds what readers see as the same letters into one spelling: accents dropped ("Pokémon" is "pokemon"),
 * compatibility forms written as the letters they look like (the ligature in "ﬁne-tuning", full-width
 * "ＭｏＥ" typed on CJK keyboards), Greek and Cyrillic letters inside a Latin word as the Latin ones they look
 * like ("mοe"), letters without a decomposition as typed without them ("Łukasz" is "lukasz"), and invisible
 * characters removed ("trans\u00ADformer" is "transformer").
 * Papers and queries both pass through it, so they meet whatever either was typed with.
 */
// Letters Unicode does not decompose into a base letter and an accent, written as readers type them without
// the key ("Łukasz" as lukasz, "Søren" as soren, "Straße" as strasse).
const UNDECOMPOSED = new Map(Object.entries({ ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D", ð: "d", Ð: "D", ß: "ss", ẞ: "SS",
  æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", þ: "th", Þ: "Th", ı: "i", ħ: "h", Ħ: "H" }));
const UNDECOMPOSED_LETTER = new RegExp(`[${[...UNDECOMPOSED.keys()].join("")}]`, "g");

// Greek letters by the names LaTeX gives them, as arXiv titles write them ("$\alpha$-Flow" is "alpha-Flow")
// and as people type them without a Greek keyboard ("tau-bench" for "τ-bench").
const GREEK_NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
  "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"];
const GREEK_LETTER = /[\u0391-\u03a9\u03b1-\u03c9]/g;
// α is U+03B1 and Α U+0391; ς (U+03C2, final sigma) sits between ρ and σ, hence sigma twice.
const greekName = (c: string): string => {
  const code = c.charCodeAt(0), name = GREEK_NAMES[code >= 0x3b1 ? code - 0x3b1 : code - 0x391];
  return name === undefined ? c : code >= 0x3b1 ? name : name[0]!.toUpperCase() + name.slice(1);
};

export function foldAccents(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let folded = text.replace(TRADEMARKS, " ").normalize("NFKD").replace(MARKS_AND_INVISIBLES, "")
    .replace(UNDECOMPOSED_LETTER, (c) => UNDECOMPOSED.get(c)!);
  if (GREEK_OR_CYRILLIC.test(folded)) folded = folded.replace(MIXED_SCRIPT_WORD, latinLookalikes).replace(GREEK_LETTER, greekName);
  return folded;
}

const RAW_WIDTH = 7;

/**
 * The raw tokens one scan found (scanRaw), `width` ints each: start, end, hashChars (strings.ts) of its
 * characters, and — when it has at most 16 characters all below 256 — those characters packed one byte
 * each into four ints, low byte first, as StringTable packs short keys (strings.ts); otherwise four 0s.
 * Hashed and packed while the scan reads the characters anyway, so the analyzer's lookups need not read
 * them again. A buffer, not a callback per token: indexing reads ~25M tokens per 100k abstracts, and a
 * call out of the scan loop for each (the analyzer is too large to inline) cost more than the scan.
 */
export class RawTokens {
  readonly width = RAW_WIDTH;
  ints = new Int32Array(RAW_WIDTH * 512);
  count = 0;

  /** Room for one more token; the caller writes its ints at the returned offset. */
  next(): number {
    const at = this.count++ * RAW_WIDTH;
    if (at + RAW_WIDTH > this.ints.length) {
      const grown = new Int32Array(this.ints.length * 2);
      grown.set(this.ints);
      this.ints = grown;
    }
    return at;
  }
}

/**
 * Finds the raw tokens of accent-folded text, replacing what `out` held. With `stopAtNonAscii` the text
 * need not be folded yet: the scan stops before the first token (or gap) holding a non-ASCII character and
 * returns where, so the caller folds only the rest (see Analyzer.run) — most abstracts are pure ASCII and
 * skip folding. Since ASCII characters are starters that NFD leaves alone, foldAccents(s) = s[0, stop) +
 * foldAccents(s[stop…]). Returns -1 when the whole text was scanned. `afterApostrophe`: the text scanned
 * continues one that ended in a word and an apostrophe (afterWordApostrophe), so a clitic may open it.
 */
export function scanRaw(s: string, out: RawTokens, stopAtNonAscii = false, afterApostrophe = false): number {
  const n = s.length, units = codeUnits(s);
  out.count = 0;
  let i = 0;
  // ASCII characters take the table path (one load, one branch a character: this loop reads ~150M
  // characters per 100k abstracts); others are classified, or end the scan when the caller folds later.
  while (i < n) {
    let code = units[i]!;
    if (code < 128) { if (ASCII_WORD[code] === 0) { i++; continue; } }
    else if (stopAtNonAscii) return i;
    else if (!isWordChar(code)) { i++; continue; }
    const start = i;
    // FNV-1a, as hashChars computes it: the analyzer looks the token up without slicing it out.
    let hash = 0x811c9dc5, w0 = 0, w1 = 0, w2 = 0, w3 = 0, wide = 0;
    for (;;) {
      hash = Math.imul(hash ^ code, 0x01000193);
      const k = i - start;
      if (k < 4) w0 |= code << (k << 3);
      else if (k < 8) w1 |= code << ((k - 4) << 3);
      else if (k < 12) w2 |= code << ((k - 8) << 3);
      else if (k < 16) w3 |= code << ((k - 12) << 3);
      wide |= code;
      if (++i >= n) break;
      code = units[i]!;
      if (code < 128) {
        if (ASCII_WORD[code] === 1) continue;
        // A single hyphen between word characters joins a compound ("Mixture-of-Experts").
        if (code !== 45 /* - */ || i + 1 >= n) break;
        const next = units[i + 1]!;
        if (next < 128) { if (ASCII_WORD[next] === 0) break; }
        else if (stopAtNonAscii) return start;
        else if (!isWordChar(next)) break;
        continue;
      }
      if (stopAtNonAscii) return start;
      if (!isWordChar(code)) break;
    }
    if (i - start <= 2 && isClitic(units, start, i, afterApostrophe)) continue;
    const at = out.next(), ints = out.ints;
    ints[at] = start; ints[at + 1] = i; ints[at + 2] = hash;
    const packed = i - start <= 16 && wide < 256;
    ints[at + 3] = packed ? w0 : 0; ints[at + 4] = packed ? w1 : 0; ints[at + 5] = packed ? w2 : 0; ints[at + 6] = packed ? w3 : 0;
  }
  return -1;
}

const APOSTROPHE = 39, RIGHT_QUOTE = 0x2019; // ' and ’ (what phones and word processors type)
const S = 115, T = 116, D = 100, M = 109, R = 114, E = 101, L = 108, V = 118;

/** Whether a word character then `mark` are where a clitic may follow. */
const wordThenApostrophe = (word: number, mark: number): boolean =>
  (mark === APOSTROPHE || mark === RIGHT_QUOTE) && isWordChar(word);

/** Whether s[0, end) ends in a word character and an apostrophe: a clitic may follow. */
export const afterWordApostrophe = (s: string, end: number): boolean =>
  end >= 2 && wordThenApostrophe(s.charCodeAt(end - 2), s.charCodeAt(end - 1));

/** Whether units[start, end) (one or two characters) is a clitic: 's, 't, 'd, 'm, 're, 'll or 've (any
 * case) right after a word; at start 0, `afterApostrophe` tells what came before (scanRaw). */
function isClitic(units: Uint16Array, start: number, end: number, afterApostrophe: boolean): boolean {
  if (!(start === 0 ? afterApostrophe : start >= 2 && wordThenApostrophe(units[start - 2]!, units[start - 1]!))) return false;
  const a = units[start]! | 32; // ASCII letters to lower case; no other code unit becomes one of these
  if (end - start === 1) return a === S || a === T || a === D || a === M;
  const b = units[start + 1]! | 32;
  return (a === R && b === E) || (a === L && b === L) || (a === V && b === E);
}

// Where a camel-case word splits: before an upper-case letter that follows at least three letters
// ("PokeChamp", "OpenMoE"), and inside an upper-case run before its last letter when a part of three or
// more letters follows ("MMFactory", "SCMoE"). So "MoE", "MoErging", "ChEF", "OLMo" and "LLMs" stay whole,
// and so does a word whose last letter alone is a capital ("MLaaS", "SaaS"): a lone "s" is no part.
function camelCuts(piece: string, classes: number[]): number[] {
  const cuts: number[] = [];
  let start = 0;
  for (let i = 1; i < piece.length; i++) {
    const prev = classes[i - 1], cur = classes[i];
    const afterLower = prev === LOWER && cur === UPPER && i - start >= 3 && i + 1 < piece.length;
    const runEnd = prev === UPPER && cur === UPPER && classes[i + 1] === LOWER && i - start >= 2 && piece.length - i >= 3;
    if (afterLower || runEnd) { cuts.push(i); start = i; }
  }
  return cuts;
}

/**
 * The terms of one raw token. Usually one word; a compound gives its joined form first, then its parts,
 * which take consecutive positions starting at the joined form's. A hyphenated piece that camel case
 * splits again also gives its own joined form, at its first part's position: "DeepSeek-R1-Zero" →
 * deepseekr1zero, deepseek, deep, seek, r1, zero, so "deepseek" finds it. `joined[i]` marks a joined
 * form: it shares the next term's position instead of taking its own.
 */
export function analyzeRaw(word: string): { terms: string[]; joined: boolean[] } {
  let upper = false, compound = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 45) compound = true;
    else if ((code < 128 ? ASCII_CLASS[code]! : classify(code)) === UPPER) { upper = true; if (i > 0) compound = true; }
  }
  if (!compound) return { terms: [upper ? word.toLowerCase() : word], joined: [false] };
  const pieces: string[][] = [];
  let from = 0;
  for (let h = 0; h <= word.length; h++) {
    if (h < word.length && word.charCodeAt(h) !== 45) continue;
    const piece = word.slice(from, h);
    const classes: number[] = [];
    for (let i = 0; i < piece.length; i++) classes.push(classify(piece.charCodeAt(i)));
    const parts: string[] = [];
    let at = 0;
    for (const cut of camelCuts(piece, classes)) { parts.push(piece.slice(at, cut)); at = cut; }
    parts.push(at ? piece.slice(at) : piece);
    pieces.push(parts.map((p) => p.toLowerCase()));
    from = h + 1;
  }
  const all = pieces.flat();
  if (all.length === 1) return { terms: [all[0]!], joined: [false] };
  const terms = [all.join("")], joined = [true];
  for (const parts of pieces) {
    if (parts.length > 1 && pieces.length > 1) { terms.push(parts.join("")); joined.push(true); }
    for (const part of parts) { terms.push(part); joined.push(false); }
  }
  return { terms, joined };
}

/** Emits the tokens of `text` in order; never throws. Returns the next position. */
export function tokenize(text: string, emit: TokenSink, startPosition = 0): number {
  let position = startPosition;
  const folded = foldAccents(text), raw = new RawTokens();
  scanRaw(folded, raw);
  for (let r = 0; r < raw.count; r++) {
    const { terms, joined } = analyzeRaw(folded.slice(raw.ints[r * raw.width]!, raw.ints[r * raw.width + 1]!));
    for (let i = 0; i < terms.length; i++) emit(terms[i]!, joined[i] ? position : position++, joined[i]!);
  }
  return position;
}

/** The tokens of a short text as an array, for queries and tests. */
export function tokens(text: string): { term: string; position: number; joined: boolean }[] {
  const out: { term: string; position: number; joined: boolean }[] = [];
  tokenize(text, (term, position, joined) => out.push({ term, position, joined }));
  return out;
}
