// A light English stemmer: Porter's steps 1 and 5, a few of step 2's nominalisations and step 4's -ate.
// Full Porter merges too much for paper titles ("general", "generative", "generalization" → "gener";
// "experiment", "experience" → "experi"); plurals, -ed/-ing and -ization/-ation are what people vary
// when they type a topic. Words we cannot reason about (digits, very short words) are left alone.

// Character codes, not one-character strings: a one-shot command stems its ~6k words in V8's interpreter
// (bin/papers.js keeps short runs unoptimised), where every w[i] and for-of iterator is paid in full.
const A = 97, E = 101, I = 105, O = 111, U = 117, Y = 121;

const isConsonant = (w: string, i: number): boolean => {
  const c = w.charCodeAt(i);
  if (c === A || c === E || c === I || c === O || c === U) return false;
  if (c === Y) return i === 0 || !isConsonant(w, i - 1);
  return true;
};

/** Porter's m: the number of vowel-consonant sequences in `w`. */
function measure(w: string): number {
  let m = 0, i = 0;
  const n = w.length;
  while (i < n && isConsonant(w, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(w, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(w, i)) i++;
    m++;
  }
  return m;
}

const hasVowel = (w: string): boolean => {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
};

const endsDoubleConsonant = (w: string): boolean =>
  w.length > 1 && w[w.length - 1] === w[w.length - 2] && isConsonant(w, w.length - 1);

// consonant-vowel-consonant ending, the last not w, x or y ("hop", not "snow")
const endsCvc = (w: string): boolean => {
  const n = w.length;
  if (n < 3) return false;
  const last = w.charCodeAt(n - 1);
  return isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) && last !== 119 && last !== 120 && last !== Y; // w, x, y
};

const endsLsz = (w: string): boolean => {
  const c = w.charCodeAt(w.length - 1);
  return c === 108 || c === 115 || c === 122; // l, s, z
};

function step1(w: string): string {
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  // -us and -is are Latin singulars ("corpus", "analysis"), unless no vowel comes before: "gpus" is GPUs.
  else if (w.endsWith("s") && !w.endsWith("ss") && ((!w.endsWith("us") && !w.endsWith("is")) || !hasVowel(w.slice(0, -2)))) w = w.slice(0, -1);

  if (w.endsWith("eed")) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith("ed") ? 2 : w.endsWith("ing") ? 3 : 0;
    if (suffix && hasVowel(w.slice(0, -suffix))) {
      w = w.slice(0, -suffix);
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
      // Not below three letters: "added" stays "add", as "add" itself does (short words are not stemmed).
      else if (endsDoubleConsonant(w) && !endsLsz(w) && w.length > 3) w = w.slice(0, -1);
      else if (measure(w) === 1 && endsCvc(w)) w += "e";
    }
  }
  // Porter2's y → i: only after a consonant that is not the first letter ("studies", "study" → "studi"),
  // so "keys", "days" and "paying" keep the "key", "day" and "pay" that are too short to stem.
  const n = w.length;
  if (n > 2 && w.endsWith("y") && isConsonant(w, n - 2)) w = w.slice(0, -1) + "i";
  return w;
}

const STEP2: [string, string][] = [
  ["ization", "ize"], ["isation", "ize"], ["ational", "ate"], ["ation", "ate"], ["ator", "ate"], ["izer", "ize"],
];

function step2(w: string): string {
  for (let i = 0; i < STEP2.length; i++) {
    const suffix = STEP2[i]![0], replacement = STEP2[i]![1];
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length);
      return measure(stem) > 0 ? stem + replacement : w;
    }
  }
  return w;
}

// Porter's step 4 for -ate only, so "distillation", "distilled" and "distill" meet at "distil".
function step4Ate(w: string): string {
  return w.endsWith("ate") && measure(w.slice(0, -3)) > 1 ? w.slice(0, -3) : w;
}

function step5(w: string): string {
  if (w.endsWith("e")) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
  }
  if (w.endsWith("ll") && measure(w) > 1) w = w.slice(0, -1);
  return w;
}

const PLAIN_WORD = /^[a-z]+$/;

// Words the rules would cut wrongly, as Porter2 lists its own exceptions: a base word that looks
// inflected ("bias" is no plural of "bia", "news" none of "new", "embed" no past tense of "emb"), so
// that every form of it meets the others ("biases", "embeddings"). Keyed by the word as typed, and by
// its plural for the -ed ones.
const EXCEPTIONS = new Map<string, string>([
  ["bias", "bias"], ["news", "news"], ["lens", "lens"], ["atlas", "atlas"], ["cosmos", "cosmos"],
  ["embed", "embed"], ["embeds", "embed"],
]);

// British spellings meet American ones before stemming, so "quantised" finds "quantized", "behaviour"
// "behavior" and "dialogue" "dialog". Only where the ending is the spelling's own: -ise after a consonant
// ("optimise", not "noise"), -our after the letters that take it ("colour", "behaviour", not "contour" or
// "four"). Words that only look like it ("precise" → "precize") are rewritten everywhere alike, so they
// still match themselves.
const BRITISH: [RegExp, string][] = [
  [/(?<=[a-z]{2}[^aeiou])is(e|ed|es|ing|er|ers|ation|ations)$/, "iz$1"],
  [/(?<=[a-z]{2})ys(e|ed|es|ing|er|ers)$/, "yz$1"],
  [/(?<=[a-z]{2}[bdglmnpv]|[a-z]{2}i)our(s|ed|ing|al|ally|ite|ites|ful|less|able)?$/, "or$1"],
  [/(?<=[a-z]{3})ogu(e|es|ed|ing)$/, "og$1"],
];

function americanize(word: string): string {
  // Most words have none of the spellings: substring checks instead of the patterns (this runs for
  // each of the ~650k distinct words of a 100k-paper build).
  const n = word.length;
  if (!word.includes("is", n - 8) && !word.includes("ys", n - 6) && !word.includes("our", n - 10) && !word.includes("ogu", n - 6)) return word;
  for (const [pattern, replacement] of BRITISH) if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}

/** The stem of one lower-case, accent-free word. */
export function stem(word: string): string {
  if (word.length < 4 || !PLAIN_WORD.test(word)) return word;
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  return step5(step4Ate(step2(step1(word.length >= 6 ? americanize(word) : word))));
}
