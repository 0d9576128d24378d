// Splits text into lower-case, accent-free word tokens with positions. A hand-written character loop
// rather than a regex: indexing 100k abstracts must take well under a second, and we need to see each
// word's original case to split compounds the way people remember them:
//   "PokéChamp"          → pokechamp, poke, champ
//   "OpenMoE"            → openmoe, open, moe
//   "MM-RLHF"            → mm, rlhf, mmrlhf
//   "Mixture-of-Experts" → mixture, of, experts, mixtureofexperts
// The joined form is emitted at the position of the first part and flagged, so the parts stay adjacent
// for phrase checks and a query may use either spelling.

/** Called once per token; `joined` marks the whole of a compound whose parts were also emitted. */
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

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/** NFD and drop combining marks, so "Pokémon" and "pokemon" are one word. */
export function foldAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFD").replace(MARKS, "") : text;
}

// Where a camel-case word splits: before an upper-case letter that follows at least three letters
// ("PokeChamp", "OpenMoE"), and inside an upper-case run before its last letter when a part of three or
// more letters follows ("MMFactory", "SCMoE"). So "MoE", "MoErging", "ChEF", "OLMo" and "LLMs" stay whole.
function camelCuts(piece: string, classes: number[]): number[] {
  const cuts: number[] = [];
  let start = 0;
  for (let i = 1; i < piece.length; i++) {
    const prev = classes[i - 1], cur = classes[i];
    const afterLower = prev === LOWER && cur === UPPER && i - start >= 3;
    const runEnd = prev === UPPER && cur === UPPER && classes[i + 1] === LOWER && i - start >= 2 && piece.length - i >= 3;
    if (afterLower || runEnd) { cuts.push(i); start = i; }
  }
  return cuts;
}

/** A plain word is s[start, end); `upper` says it has capitals to lower. Compounds come as strings. */
export interface WordSink {
  /** h1, h2: two FNV-1a hashes of the lower-cased word (0 when it has non-ASCII capitals). */
  word(s: string, start: number, end: number, upper: boolean, position: number, h1: number, h2: number): void;
  compound: TokenSink;
}

/**
 * The scanner under `tokenize`. Indexing calls it directly so a plain word — nearly every word — is
 * looked up without first being copied into a string of its own. Returns the next position.
 */
export function scanWords(text: string, sink: WordSink, startPosition = 0): number {
  const s = foldAccents(text);
  let position = startPosition;
  let i = 0;
  const n = s.length;
  while (i < n) {
    let code = s.charCodeAt(i);
    let cls = code < 128 ? ASCII_CLASS[code]! : classify(code);
    if (cls === OTHER) { i++; continue; }
    // One compound: word characters, possibly joined by single hyphens. Case and hyphens are only
    // noted here and examined again for the rare compound.
    // Hashing here, while each character is at hand anyway, lets indexing skip a second pass.
    const start = i;
    let upper = false, innerUpper = false, hyphen = false, wideUpper = false;
    let h1 = 0x811c9dc5, h2 = 0x01234567;
    for (; i < n; i++) {
      if (i > start) { code = s.charCodeAt(i); cls = code < 128 ? ASCII_CLASS[code]! : classify(code); }
      if (cls === UPPER) {
        if (i > start) innerUpper = true;
        upper = true;
        if (code < 128) code |= 32; else wideUpper = true;
      }
      if (cls !== OTHER) {
        h1 = Math.imul(h1 ^ code, 0x01000193);
        h2 = (Math.imul(h2, 31) + code) | 0;
        continue;
      }
      if (code !== 45 /* - */ || i + 1 >= n) break;
      const next = s.charCodeAt(i + 1);
      if ((next < 128 ? ASCII_CLASS[next]! : classify(next)) === OTHER) break;
      hyphen = true;
    }
    if (!hyphen && !innerUpper) sink.word(s, start, i, upper, position++, wideUpper ? 0 : h1, wideUpper ? 0 : h2);
    else position = emitCompound(s.slice(start, i), position, sink);
  }
  return position;
}

/** Emits the tokens of `text` in order; never throws. */
export function tokenize(text: string, emit: TokenSink, startPosition = 0): number {
  return scanWords(text, {
    word: (s, start, end, upper, position) => {
      const w = s.slice(start, end);
      emit(upper ? w.toLowerCase() : w, position, false);
    },
    compound: emit,
  }, startPosition);
}

function emitCompound(word: string, position: number, sink: WordSink): number {
  const parts: string[] = [];
  let from = 0;
  for (let h = 0; h <= word.length; h++) {
    if (h < word.length && word.charCodeAt(h) !== 45) continue;
    const piece = word.slice(from, h);
    const classes: number[] = [];
    for (let i = 0; i < piece.length; i++) classes.push(classify(piece.charCodeAt(i)));
    let at = 0;
    for (const cut of camelCuts(piece, classes)) { parts.push(piece.slice(at, cut)); at = cut; }
    parts.push(at ? piece.slice(at) : piece);
    from = h + 1;
  }
  if (parts.length === 1) { sink.compound(word.toLowerCase(), position, false); return position + 1; }
  sink.compound(parts.join("").toLowerCase(), position, true);
  for (const part of parts) sink.compound(part.toLowerCase(), position++, false);
  return position;
}

/** The tokens of a short text as an array, for queries and tests. */
export function tokens(text: string): { term: string; position: number; joined: boolean }[] {
  const out: { term: string; position: number; joined: boolean }[] = [];
  tokenize(text, (term, position, joined) => out.push({ term, position, joined }));
  return out;
}
