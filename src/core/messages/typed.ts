// What a person typed, quoted back ("No papers are about "…"", a digest's topic). Each platform shows it
// as typed, not as the markup it may hold: "*bold*" in Slack, "<#123>", "<t:1700000000:R>" or "~~x~~" in
// Discord. The commands that build a reply do not know the platform, so they mark the span (quoted()) and
// each renderer escapes it its own way (mapTyped). The marks are invisible characters: a renderer that
// left them would still show the right words.
//
// The marks carry a key drawn when the process starts. Text from outside (a paper's title or abstract)
// could hold the invisible characters too; without the key they mark nothing, and they are dropped, so
// such text cannot split a link or a mention in two to slip it past the escaping around it.
import { randomInt } from "node:crypto";

const ZERO = "\u2063", ONE = "\u2064";
const MARKS = /[\u2063\u2064]/g;
const KEY = Array.from({ length: 16 }, () => (randomInt(2) ? ONE : ZERO)).join("");
const OPEN = `${ZERO}${KEY}${ZERO}`, CLOSE = `${ONE}${KEY}${ONE}`;
const SPAN = new RegExp(`${OPEN}([^\\u2063\\u2064]*)${CLOSE}`, "g");

/** `text` marked as typed by a person, where it stands (a value in an example command). */
export function typed(text: string): string {
  return `${OPEN}${text.replace(MARKS, "")}${CLOSE}`;
}

/** `text` in double quotes, marked as typed by a person. */
export function quoted(text: string): string {
  // Typed in quotes already ("mixture of experts" searched as a phrase): one pair of quotes, not two. With
  // quotes inside ('"world model" -survey'), curly ones around, so the pair around tells from those inside.
  const inner = unquoted(text);
  return DOUBLE_QUOTE.test(inner) ? `“${typed(inner)}”` : `"${typed(inner)}"`;
}

/** The words inside the quotes a text was typed in ("mixture of experts", “…”, '…', «…»), or the text: not
 * when quotes stand inside too ('"world model" "agents"' is two quoted phrases, not one). */
export function unquoted(text: string): string {
  const inner = QUOTED.exec(text)?.[1];
  return inner !== undefined && !DOUBLE_QUOTE.test(inner) ? inner.trim() : text;
}
const QUOTED = /^["“”'‘’«»](.*)["“”'‘’«»]$/s;
const DOUBLE_QUOTE = /["“”„«»]/;

/** `text` with its typed spans passed through `typed` and everything else through `other` (marks dropped). */
export function mapTyped(text: string, typed: (span: string) => string, other: (rest: string) => string): string {
  let out = "", at = 0;
  for (const match of text.matchAll(SPAN)) {
    out += other(text.slice(at, match.index).replace(MARKS, "")) + typed(match[1]!);
    at = match.index + match[0].length;
  }
  // A reply cut short may end inside a span: what follows its opening mark is escaped as typed text.
  const rest = text.slice(at);
  const open = rest.indexOf(OPEN);
  return open < 0 ? out + other(rest.replace(MARKS, ""))
    : out + other(rest.slice(0, open).replace(MARKS, "")) + typed(rest.slice(open + OPEN.length).replace(MARKS, ""));
}

/** `text` without the marks, for plain-text output (the terminal, logs). */
export function plainTyped(text: string): string {
  return text.replace(MARKS, "");
}

/** A paper's title in curly quotes, shown as written: a title's own * _ ~ ` (V*, snake_case, a `code` name)
 * format nothing, as on its card. */
export function titled(title: string): string {
  return `“${typed(title)}”`;
}

/** Alternatives as a sentence lists them: "a", "a or b", "a, b or c". */
export function orList(items: string[]): string {
  return items.length <= 2 ? items.join(" or ") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** What was typed, cut to `max` characters for echoing in a sentence, with an ellipsis saying so. */
export function lineWorth(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3).trimEnd()}…` : text;
}
