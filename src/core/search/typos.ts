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
