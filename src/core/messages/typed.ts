// What a person typed, quoted back ("No papers are about "…"", a digest's topic). Each platform shows it
// as typed, not as the markup it may hold: "*bold*" in Slack, "<#123>", "<t:1700000000:R>" or "~~x~~" in
// Discord. The commands that build a reply do not know the platform, so they mark the span (quoted()) and
// each renderer escapes it its own way (mapTyped). The marks are invisible characters: a renderer that
// left them would still show the right words.
const OPEN = "\u2063", CLOSE = "\u2064";
const SPAN = /\u2063([^\u2063\u2064]*)\u2064/g;
const MARKS = /[\u2063\u2064]/g;

/** `text` in double quotes, marked as typed by a person. */
export function quoted(text: string): string {
  return `"${OPEN}${text.replace(MARKS, "")}${CLOSE}"`;
}

/** `text` with its typed spans passed through `typed` and everything else through `other` (marks dropped). */
export function mapTyped(text: string, typed: (span: string) => string, other: (rest: string) => string): string {
  let out = "", at = 0;
  for (const match of text.matchAll(SPAN)) {
    out += other(text.slice(at, match.index)) + typed(match[1]!);
    at = match.index + match[0].length;
  }
  // A cut reply may end inside a span: its open mark goes, and the rest is escaped as typed text.
  const rest = text.slice(at);
  const open = rest.indexOf(OPEN);
  return open < 0 ? out + other(rest.replace(MARKS, "")) : out + other(rest.slice(0, open).replace(MARKS, "")) + typed(rest.slice(open + 1).replace(MARKS, ""));
}

/** `text` without the marks, for plain-text output (the terminal, logs). */
export function plainTyped(text: string): string {
  return text.replace(MARKS, "");
}
