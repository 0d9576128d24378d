// Links inside text from outside (an abstract's "Code: https://github.com/org/my_repo", "github.com/a/b"):
// chat clients link an address only when it is whole, so a renderer escaping the text around it must leave
// the address itself untouched (a backslash or zero-width space in it would be part of it, or end it).

// An address with its scheme, one starting "www.", or a bare "domain.tld/path" as abstracts write them.
const LINK = /(?:\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)[^\s<>]*/gi;

/** `text` with its links passed through `link` and everything between them through `other`. */
export function mapLinks(text: string, other: (words: string) => string, link: (address: string) => string): string {
  let out = "", at = 0;
  for (const match of text.matchAll(LINK)) {
    out += other(text.slice(at, match.index)) + link(match[0]);
    at = match.index + match[0].length;
  }
  return out + other(text.slice(at));
}
