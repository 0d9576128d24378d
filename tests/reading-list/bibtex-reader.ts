// A small BibTeX reader for the tests, strict where reference managers are: every entry is
// @type{key, name = {value}, …}, braces balance inside each value (counted as BibTeX counts them: all of them), and an unescaped special character
// (% & $ # _) outside a URL is an error. `decode` turns escapes back into text to compare with the source.

export interface BibEntry { type: string; key: string; fields: Record<string, string> }

export function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const fail = (why: string): never => { throw new Error(`${why} at ${i}: ${JSON.stringify(text.slice(i, i + 40))}`); };
  const skipSpace = () => { while (i < text.length && /\s/.test(text[i]!)) i++; };
  const braced = (): string => {
    if (text[i] !== "{") fail("expected {");
    let depth = 0; const start = i + 1;
    for (; i < text.length; i++) {
      // As BibTeX counts: every brace, escaped or not ("\\}" still closes a group).
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) return text.slice(start, i++);
    }
    return fail("unbalanced braces");
  };
  skipSpace();
  while (i < text.length) {
    const head = /^@([a-zA-Z]+)\{([^,\s{}]+),/.exec(text.slice(i));
    if (!head) fail("expected @type{key,");
    i += head![0].length;
    const fields: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (text[i] === "}") { i++; break; }
      const name = /^([a-zA-Z]+)\s*=\s*/.exec(text.slice(i));
      if (!name) fail("expected a field");
      i += name![0].length;
      const value = braced();
      if (name![1]!.toLowerCase() !== "url" && /(?<!\\)[%&$#_]/.test(value)) fail(`unescaped special in ${name![1]}`);
      fields[name![1]!.toLowerCase()] = value;
      skipSpace();
      if (text[i] === ",") i++;
    }
    entries.push({ type: head![1]!.toLowerCase(), key: head![2]!, fields });
    skipSpace();
  }
  return entries;
}

const ACCENT: Record<string, string> = { "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", c: "\u0327", v: "\u030C", r: "\u030A", u: "\u0306", H: "\u030B", "=": "\u0304", ".": "\u0307", k: "\u0328" };
const LETTER: Record<string, string> = { ss: "ß", o: "ø", O: "Ø", ae: "æ", AE: "Æ", oe: "œ", l: "ł", L: "Ł", aa: "å", AA: "Å", i: "ı", j: "ȷ" };

/** BibTeX value → plain text, as a reference manager shows it. */
export function decode(value: string): string {
  return value
    .replace(/\\textbackslash\{\}/g, "\u0000B").replace(/\\textasciitilde\{\}/g, "~").replace(/\\textasciicircum\{\}/g, "^")
    .replace(/\\textless\{\}/g, "<").replace(/\\textgreater\{\}/g, ">").replace(/\\textbar\{\}/g, "|")
    .replace(/\{?\\([`'^"~=.]|[cvruHk](?=\{))\{?(\\[ij]|[A-Za-z])\}?\}?/g, (_m, a: string, l: string) =>
      ((l === "\\i" ? "i" : l === "\\j" ? "j" : l) + ACCENT[a]!).normalize("NFC"))
    .replace(/\{\\(ss|o|O|ae|AE|oe|l|L|aa|AA)\}/g, (_m, n: string) => LETTER[n]!)
    .replace(/\\textbraceleft\{\}/g, "\u0000L").replace(/\\textbraceright\{\}/g, "\u0000R")
    .replace(/\\([%&$#_])/g, "$1")
    .replace(/[{}]/g, "") // grouping braces, which print nothing
    .replace(/\u0000L/g, "{").replace(/\u0000R/g, "}").replace(/\u0000B/g, "\\");
}
