// Text from outside — a paper's title or abstract from Hugging Face, a topic or query someone typed —
// inside what the bot says. Discord would draw a user or role chip from "<@…>", hide words behind
// "||spoilers||", put a link behind other words ("[docs](https://…)") and make "# text" a heading. Nobody
// is pinged (allowed_mentions is empty), but a public message must show what it quotes, not what the
// quoted text turns into. The bot's own markup (**bold**, *topic*, "<#channel>") stays as it is. What a
// person typed, quoted back (core/messages/typed.ts), is shown as typed: no markup in it works at all.
import { mapTyped, plainTyped } from "../../core/messages/typed.ts";
import { mapLinks } from "../../core/messages/links.ts";

export function inert(text: string): string {
  return mapTyped(text, asTyped, quotedText);
}

/** What a person typed (or a title) shown as written: every character Discord's markdown reads within a line
 * escaped (bold, italics, strikes, code, spoilers, chips such as "<#123>" or "<t:1700000000:R>", masked links,
 * a bare link's "https\\://"), and a heading's, list's or quote's mark where a line starts. A hyphen or colon
 * inside a line formats nothing, so "Model-Based: …" keeps no backslashes a notification would show. */
function asTyped(text: string): string {
  return lineMarks(inLine(text).replace(/:(?=\/\/)/g, "\\:"));
}

const inLine = (text: string): string => text.replace(/[\\*_~`|<[\]]/g, "\\$&");
const lineMarks = (text: string): string => text.replace(/(^|\n)([ \t]*)([#>-])/g, "$1$2\\$3");

/** Text from outside (an abstract, an AI summary, author names) as written, as typed text is: "A$^*$ … Q$^*$" or
 * "x_{t} … y_{t}" in an abstract would otherwise italicize what lies between, "Smith*, Jones*" the names. Its links
 * stay whole and working (a backslash in one would be part of its address). */
export function written(text: string): string {
  return lineMarks(mapLinks(plainTyped(text), inLine, (address) => address));
}

function quotedText(text: string): string {
  return text
    // A backslash of the text's own would otherwise cancel the escapes below ("[a\](…)" → "[a\\](…)").
    .replace(/\\/g, "\\\\")
    .replace(/<(@[!&]?\d+)>/g, "\\<$1>")
    // A link needs "](" right after its text: escaped, no link forms however the brackets nest ("[[a]](…)").
    .replace(/\]\(/g, "\\](")
    .replace(/\|\|/g, "\\|\\|")
    .replace(/^(#{1,3}|-#)(?=\s)/gm, "\\$1");
}

/** A paper's title as an embed's title, where Discord draws markdown too: its own * _ ~ ` and | escaped, so
 * "Q* Meets A*" is not half in italics; cut to `max` with the escapes counted, never between one and its character. */
export function embedTitle(title: string, max = 256): string {
  const escaped = (text: string) => text.replace(/[\\*_~`|]/g, "\\$&");
  if (escaped(title).length <= max) return escaped(title);
  let kept = title.slice(0, max - 1);
  while (escaped(kept).length > max - 1) kept = kept.slice(0, -1);
  return `${escaped(kept)}…`;
}
