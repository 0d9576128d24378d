// A reading list as BibTeX that Zotero, JabRef, Mendeley and plain bibtex/biber all import. Accented
// letters become LaTeX accent commands so classic 8-bit bibtex sorts and prints them too; BibTeX's
// special characters are escaped; acronyms are braced so styles that lower-case titles keep "MoE".
import { foldLatex } from "../latex.ts";
import type { Paper } from "../paper.ts";

// Combining mark → LaTeX accent command.
const ACCENT_COMMANDS: Record<string, string> = {
  "\u0301": "'", "\u0300": "`", "\u0302": "^", "\u0308": '"', "\u0303": "~", "\u0304": "=", "\u0307": ".",
  "\u0306": "u", "\u030C": "v", "\u030B": "H", "\u0327": "c", "\u0328": "k", "\u030A": "r",
};
const LETTER_COMMANDS: Record<string, string> = {
  "ß": "\\ss", "ø": "\\o", "Ø": "\\O", "æ": "\\ae", "Æ": "\\AE", "œ": "\\oe", "Œ": "\\OE", "ł": "\\l", "Ł": "\\L",
  "ı": "\\i", "å": "\\aa", "Å": "\\AA", "đ": "\\dj", "Đ": "\\DJ",
};
// Braces as commands, not \{ and \}: BibTeX counts every brace to find a field's end, escaped or not, so a
// note with one "}" would end the field early.
// < > | are no specials to BibTeX, but LaTeX's default font encoding (OT1) prints them as ¡ ¿ and a dash.
const SPECIALS: Record<string, string> = {
  "{": "\\textbraceleft{}", "}": "\\textbraceright{}", "%": "\\%", "&": "\\&", "$": "\\$", "#": "\\#", "_": "\\_",
  "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
  "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}",
};

/** A person's text as typed, not as TeX's ligatures would set it: "--" is two hyphens, not a dash; ``, '' and
 * ?` ` are the characters, not quotes or an inverted question mark. For notes; a title's "--" means a dash. */
function withoutLigatures(escaped: string): string {
  return escaped.replace(/-(?=-)/g, "-{}").replace(/([`'])(?=\1)/g, "$1{}").replace(/([?!])(?=`)/g, "$1{}");
}

/** Plain (already LaTeX-folded) text → a BibTeX field value with nothing left for TeX to misread. */
export function escapeBibtex(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    if (SPECIALS[char]) { out += SPECIALS[char]; continue; }
    if (LETTER_COMMANDS[char]) { out += `{${LETTER_COMMANDS[char]}}`; continue; }
    const [base = "", ...marks] = char.normalize("NFD");
    const command = marks.length === 1 ? ACCENT_COMMANDS[marks[0]!] : undefined;
    if (command && /^[A-Za-z]$/.test(base)) {
      // {\'e}; a letter command (\c, \v…) needs a space or braces before its letter; i and j lose their dot.
      const letter = base === "i" ? "\\i" : base === "j" ? "\\j" : base;
      out += /[A-Za-z]/.test(command) ? `{\\${command}{${letter}}}` : `{\\${command}${letter}}`;
      continue;
    }
    out += char;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Braces around the word only: "(MoE):" → "({MoE}):", so a style's punctuation rules still see the colon. */
function protect(word: string): string {
  const [, before = "", core = "", after = ""] = /^([("'`\[]*)(.*?)([.,:;!?)"'\]]*)$/.exec(word) ?? [];
  return core ? `${before}{${core}}${after}` : word;
}

// Inline math of an arXiv title ("$\alpha$-Flow", "$O(n^2)$ attention", "$k$-means", "$\{x\}$"): TeX already,
// which reference managers and LaTeX render; escaped it would print as its source. Found in the title as
// written, before LaTeX folding, which would turn its "\{" into a bare brace. A span counts as math when its
// dollars are not escaped ("\$5") and have no space just inside them (a price, "$5 and $10", does), its braces
// balance as TeX reads them and as BibTeX counts them (every brace, escaped or not), and it holds no bare
// % # & (a comment or an error in TeX).
const MATH = /(?<!\\)\$([^$\s](?:[^$]*[^$\s\\])?)\$/g;
// Stands for math span i while the rest of the title is folded and escaped: a private-use character both keep.
const MATH_MARK = 0xe000;

function balanced(tex: string): boolean {
  let depth = 0;
  for (const char of tex) if ((depth += char === "{" ? 1 : char === "}" ? -1 : 0) < 0) return false;
  return depth === 0;
}

const mathSafe = (span: string): boolean => balanced(span) && balanced(span.replace(/\\[{}]/g, "")) && !/(?<!\\)[%#&]/.test(span);

/** A word a style that lower-cases titles would spoil: a capital after its first letter (MoE, LLMs, GPT-4o,
 * PokéChamp, R&D), judged on the word as it reads, before escaping gives it braces and backslashes. */
const keepsCapitals = (word: string): boolean => /\p{L}.*\p{Lu}/u.test(word);

/** Titles: escaped, with words that carry capitals after their first letter braced, and inline math kept as math. */
export function bibtexTitle(title: string): string {
  const math: string[] = [];
  // Braced, as for acronyms: a style that lower-cases titles would otherwise change "$\Delta$" to "$\delta$".
  const marked = foldLatex(title.replace(/[\ue000-\ue0ff]/g, "")
    .replace(MATH, (span) => (mathSafe(span) && math.length < 256 ? String.fromCharCode(MATH_MARK + math.push(span) - 1) : span)));
  return marked.normalize("NFC").split(/\s+/).filter(Boolean)
    .map((word) => (keepsCapitals(word) ? protect(escapeBibtex(word)) : escapeBibtex(word)))
    .join(" ")
    .replace(/[\ue000-\ue0ff]/g, (mark) => `{${math[mark.charCodeAt(0) - MATH_MARK]}}`);
}

// Letters no accent-stripping reaches, lower case: keyPart lower-cases first, so "Æ", "Ł" and "Œ" come here too.
const KEY_LETTERS: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", ı: "i", đ: "d", ð: "d", þ: "th" };

/** ASCII letters only, for citation keys: "Müller-Lüdenscheidt" → "mullerludenscheidt", "Ærø" → "aero". */
function keyPart(text: string): string {
  return foldLatex(text).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/[ßøæœłıđðþ]/g, (c) => KEY_LETTERS[c] ?? "")
    .replace(/[^a-z0-9]/g, "");
}

const KEY_STOPWORDS = new Set(["a", "an", "the", "on", "of", "in", "for", "to", "and", "is", "are", "do", "does", "how", "what", "why", "when", "towards", "toward"]);

// A team credited as an author ("Qwen Team", "Gemini Team", "BigScience Workshop"), as arXiv and Hugging Face
// list them: unbraced, BibTeX reads its last word as a surname and prints "Q. Team".
const CORPORATE = /\s(team|lab|labs|group|consortium|collaboration|workshop|project)$/i;

// A generation after the surname ("Martin Luther King Jr."): BibTeX reads the last word as the surname unless
// the name is written "King, Jr., Martin Luther".
const GENERATION = /^(jr|sr|ii|iii|iv)\.?$/i;

/** A name written first name first with a generation at its end, as BibTeX's "Last, Jr., First" form; else null. */
function withGeneration(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (name.includes(",") || words.length < 3 || !GENERATION.test(words[words.length - 1]!)) return null;
  return `${words[words.length - 2]}, ${words[words.length - 1]}, ${words.slice(0, -2).join(" ")}`;
}

/** The surname a key starts with; a team's whole name ("qwenteam"), which has none. */
function lastName(author: string): string {
  const name = withGeneration(author) ?? author.trim();
  if (CORPORATE.test(name)) return name;
  if (name.includes(",")) return name.split(",")[0]!;
  const words = name.split(/\s+/);
  return words[words.length - 1] ?? "";
}

/** The year a paper appeared: its publication date, else the arXiv id's YYMM prefix. */
export function paperYear(paper: Pick<Paper, "publishedAt" | "arxivId">): number | null {
  if (paper.publishedAt) return paper.publishedAt.getUTCFullYear();
  const match = paper.arxivId ? /^(\d{2})\d{2}\./.exec(paper.arxivId) : null;
  return match ? 2000 + Number(match[1]) : null;
}

/** firstauthorlastname + year + first significant title word, like Google Scholar's keys. */
export function citationKey(paper: Paper): string {
  const author = paper.authors[0] ? keyPart(lastName(paper.authors[0])) : "";
  const words = foldLatex(paper.title).split(/[\s\-:/]+/).map(keyPart).filter(Boolean);
  const word = words.find((w) => !KEY_STOPWORDS.has(w)) ?? words[0] ?? "paper";
  return `${author || "anon"}${paperYear(paper) ?? ""}${word}`;
}

/** Suffixes a, b, … (then aa, ab, …) on keys already taken, so every key in a file is unique. */
function suffix(n: number): string {
  let s = "";
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) s = String.fromCharCode(97 + (i % 26)) + s;
  return s;
}

/**
 * Keys for the papers that have none yet, each its base key or, when taken, the base key with the first free
 * suffix. `taken`: every key handed out before, to papers still listed or not. New papers claim in the order
 * given (oldest bookmark first), which is the order keys were handed out before they were remembered.
 */
export function newKeys(papers: Paper[], taken: Iterable<string>): Map<string, string> {
  const used = new Set(taken);
  const keys = new Map<string, string>();
  for (const paper of papers) {
    if (keys.has(paper.id)) continue;
    const key = citationKey(paper);
    let candidate = key;
    for (let n = 0; used.has(candidate); n++) candidate = key + suffix(n);
    used.add(candidate);
    keys.set(paper.id, candidate);
  }
  return keys;
}

export function bibtexEntry(paper: Paper, key: string, url: string, note?: string | null): string {
  const fields: [string, string][] = [["title", `{${bibtexTitle(paper.title)}}`]];
  // A name with a literal " and " in it would split into two authors, and a team's would print as a person's
  // initials and surname: braces keep either whole, as written.
  if (paper.authors.length) fields.push(["author", `{${paper.authors.map((a) => {
    const escaped = escapeBibtex(foldLatex(withGeneration(a) ?? a));
    return /\band\b/i.test(escaped) || CORPORATE.test(escaped) ? `{${escaped}}` : escaped;
  }).join(" and ")}}`]);
  const year = paperYear(paper);
  if (year) fields.push(["year", `{${year}}`]);
  if (paper.arxivId) fields.push(["eprint", `{${paper.arxivId}}`], ["archivePrefix", "{arXiv}"]);
  // URLs go verbatim: the url field is read by \url, which copes with % and #; braces cannot occur after encoding.
  fields.push(["url", `{${url.replace(/[{}]/g, encodeURIComponent)}}`]);
  // The person's own words: every BibTeX special escaped, so "50% faster }" cannot end the field early.
  if (note?.trim()) fields.push(["note", `{${withoutLigatures(escapeBibtex(note))}}`]);
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n")}\n}`;
}

export interface BibtexItem { paper: Paper; note: string | null }

/** The entries in the order given (the reading list's, newest first), each under its key from `keys`. */
export function toBibtex(items: BibtexItem[], keys: Map<string, string>, urlOf: (paper: Paper) => string): string {
  return items.map((item) => bibtexEntry(item.paper, keys.get(item.paper.id) ?? citationKey(item.paper), urlOf(item.paper), item.note))
    .join("\n\n") + "\n";
}
