// The typo fallback's candidates: every string one edit from a word — each character deleted, each pair
// of neighbours swapped, each character replaced and each gap filled with a letter or digit. A 10-letter
// word has ~760 of them; each is one exact lookup, so the work depends on the word's length alone, never
// on how large the vocabulary has grown (scanning 400k terms for near matches took tens of milliseconds).

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
/** Longer words are not corrected: people rarely mistype them past recognition, and the work grows with length. */
export const MAX_TYPO_LENGTH = 32;

/** Calls `visit` with each string one edit from `word` (some more than once); returns how many it made. */
export function oneEditAway(word: string, visit: (candidate: string) => void): number {
  const n = word.length;
  if (n === 0 || n > MAX_TYPO_LENGTH) return 0;
  let made = 0;
  const emit = (candidate: string) => { made++; visit(candidate); };
  for (let i = 0; i < n; i++) emit(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < n; i++) if (word[i] !== word[i + 1]) emit(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i <= n; i++) {
    const head = word.slice(0, i), tail = word.slice(i), rest = word.slice(i + 1);
    for (const c of ALPHABET) {
      emit(head + c + tail);
      if (i < n && c !== word[i]) emit(head + c + rest);
    }
  }
  return made;
}

// Where each letter sits on a QWERTY keyboard (rows staggered as the keys are), for telling a slip of a
// finger from a different word: "poker" is not a typo of "power" (k and w are far apart), "modle" and
// "lerning" are typos, and so is a vowel for a vowel ("seperate"), the commonest misspelling.
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"], STAGGER = [0, 0.25, 0.75];
const KEYS = new Map(ROWS.flatMap((row, y) => [...row].map((c, x) => [c, { x: x + STAGGER[y]!, y }] as const)));
const VOWELS = new Set("aeiouy");

function mistakable(typed: string, meant: string): boolean {
  if (VOWELS.has(typed) && VOWELS.has(meant)) return true;
  const a = KEYS.get(typed), b = KEYS.get(meant);
  if (!a || !b) return true; // a digit or another script: no keyboard to judge by
  const dx = Math.abs(a.x - b.x), dy = Math.abs(a.y - b.y);
  return dy === 0 ? dx <= 1 : dy === 1 && dx <= 0.75;
}

/** Whether `typed` is a plausible slip for `meant`, one edit away: any letter left out, doubled or swapped
 * with its neighbour, but one replaced by another only where a finger or a speller would confuse them. */
export function plausibleTypo(typed: string, meant: string): boolean {
  if (typed.length !== meant.length) return true;
  const differ: number[] = [];
  for (let i = 0; i < typed.length && differ.length < 3; i++) if (typed[i] !== meant[i]) differ.push(i);
  return differ.length !== 1 || mistakable(typed[differ[0]!]!, meant[differ[0]!]!);
}

/** Whether `b` is `a` with two neighbouring letters swapped ("lroa", "lora"). */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
