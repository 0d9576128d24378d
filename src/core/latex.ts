// arXiv abstracts keep LaTeX: accents (Pok\'emon), escaped symbols (4.83\%), ties (w.r.t.~the) and \url{…}.
// Shown to people and indexed for search, they should read as the author meant: Pokémon, 4.83%, w.r.t. the.
// Commands we do not know (\method) are left as written rather than guessed at.

const ACCENTS: Record<string, string> = {
  "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
  "=": "\u0304", ".": "\u0307", u: "\u0306", v: "\u030C", H: "\u030B", c: "\u0327", k: "\u0328",
};

const SYMBOLS: Record<string, string> = {
  "%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}",
  ss: "ß", o: "ø", O: "Ø", aa: "å", AA: "Å", ae: "æ", AE: "Æ", l: "ł", L: "Ł", i: "ı",
};

// Commands that only style their argument (\textbf{model}, \emph{not}): the argument, as it reads.
const STYLE_RE = /\\(?:text(?:bf|it|tt|sc|sf|rm|up|sl|md)|emph|mathrm|mathbf|mathit|mathsf|mathtt|underline)\s*\{([^{}]*)\}/g;

// \'e  \'{e}  {\'e}  \"{u}  \c{c}  \v s
const ACCENT_RE = /\{?\\(['`^"~=.]|[uvHck](?=[{\s]))\s*(?:\{\s*([A-Za-z]|\\i)\s*\}|([A-Za-z]))\}?/g;
const SYMBOL_RE = /\\([%&_#${}]|(?:ss|aa|AA|ae|AE|[oOlLi])(?![A-Za-z]))(?:\{\})?/g;

export function foldLatex(text: string): string {
  if (!text.includes("\\") && !text.includes("~") && !text.includes("``")) return text;
  return text
    .replace(/\\url\{([^}]*)\}/g, " $1")
    .replace(STYLE_RE, "$1")
    // TeX's quotes: ``a quote'' is “a quote”.
    .replace(/``([^`']*?)''/g, "\u201c$1\u201d")
    .replace(ACCENT_RE, (whole, accent: string, braced?: string, bare?: string) => {
      const letter = (braced ?? bare ?? "").replace("\\i", "i");
      const mark = ACCENTS[accent];
      return mark && letter ? (letter + mark).normalize("NFC") : whole;
    })
    .replace(SYMBOL_RE, (_whole, name: string) => SYMBOLS[name] ?? name)
    // A tie (~) between words is a non-breaking space; a lone "~5%" means "about", keep it, and so a home
    // folder in a link ("toronto.edu/~kriz") and a doubled one ("~~").
    .replace(/([^\s/~])~(?=[A-Za-z])/g, "$1 ");
}
