// Terms interned to small integers, so postings, accumulators and vectors are typed arrays, not Maps.
// A term is a stem; many surface spellings ("models", "modeling") map to one id. Every token the analyzer
// meets (as written: "OpenMoE", "Mixture-of-Experts", "Model") is stored once with its analysis — one
// term id, or a compound's several — so indexing analyses each distinct token once and then only looks
// it up. Surface words (lower-case, unstemmed: "models") live in the same table, marked, so a query word
// is one exact lookup. All strings sit in StringTables: exact, compact, and invisible to the collector.
import { SurfacePrefixes } from "./prefixes.ts";
import { stem } from "./stem.ts";
import { hashChars as hashOf, MISSING, StringTable } from "./strings.ts";
import { analyzeRaw } from "./tokenize.ts";
import { oneEditAway } from "./typos.ts";

export class Vocabulary {
  // Every token, with its code (a term id, or ~k for compound k) times two, plus one for a surface word.
  private readonly tokens = new StringTable();
  /** Term id = the value of its stem's entry here; stemHandles maps ids back to entries. */
  private readonly stems = new StringTable(false);
  private stemHandles = new Uint32Array(1024);
  /** Compound k's terms are compoundTerms[compoundStart[k], compoundStart[k + 1]): id · 2, + 1 for a joined form. */
  compoundStart = new Int32Array(256);
  compoundTerms = new Int32Array(1024);
  private compounds = 0;
  private compoundUsed = 0;
  private readonly prefixes = new SurfacePrefixes(this.tokens);

  /** How many terms (stems) there are; term ids are 0 … size - 1. */
  get size(): number { return this.stems.size; }

  private codeOf(entry: number): number { return this.tokens.value(entry) >> 1; }

  /** The code of the token s[start, end) (hash: hashChars of it), or MISSING: one slot read for most tokens. */
  findCode(s: string, start: number, end: number, hash: number): number {
    const value = this.tokens.findValue(s, start, end, hash);
    return value === MISSING ? MISSING : value >> 1;
  }

  /** findCode for a token scanRaw packed (RawTokens in tokenize.ts; w0 ≠ 0). */
  findPackedCode(hash: number, w0: number, w1: number, w2: number, w3: number): number {
    const value = this.tokens.findPacked(hash, w0, w1, w2, w3);
    return value === MISSING ? MISSING : value >> 1;
  }

  /** Analyses a token seen for the first time (see findCode) and stores it; returns its code. */
  learn(raw: string, hash: number): number {
    // Most new tokens are a plain lower-case word: its own surface, known to be absent (no analysis needed).
    if (isPlain(raw)) return this.addSurface(raw, hash);
    const { terms, joined } = analyzeRaw(raw);
    if (terms.length === 1 && raw === terms[0]) return this.addSurface(raw, hash);
    let code = this.intern(terms[0]!);
    if (terms.length > 1) {
      // Compound k's terms, each as id · 2 + 1 when it is a joined form (shares the next term's position).
      const k = this.compounds++;
      this.compoundStart = grown(this.compoundStart, k + 2);
      this.compoundTerms = grown(this.compoundTerms, this.compoundUsed + terms.length);
      terms.forEach((t, i) => { this.compoundTerms[this.compoundUsed + i] = this.intern(t) * 2 + (joined[i] ? 1 : 0); });
      this.compoundUsed += terms.length;
      this.compoundStart[k + 1] = this.compoundUsed;
      code = ~k;
    }
    // A surface word has no capitals or hyphens, so no other token can equal one.
    if (terms.length > 1 || raw !== terms[0]) this.tokens.add(raw, 0, raw.length, hash, code * 2);
    return code;
  }

  /** The id of a surface word from a document, creating the term if it is new. */
  intern(surface: string): number {
    const known = this.tokens.lookup(surface);
    return known >= 0 ? this.codeOf(known) : this.addSurface(surface, hashOf(surface));
  }

  private addSurface(surface: string, hash: number): number {
    const root = stem(surface);
    let handle = this.stems.lookup(root);
    if (handle < 0) {
      const id = this.stems.size;
      handle = this.stems.add(root, 0, root.length, hashOf(root), id);
      this.stemHandles = grown(this.stemHandles, id + 1);
      this.stemHandles[id] = handle;
    }
    const id = this.stems.value(handle);
    this.prefixes.added(this.tokens.add(surface, 0, surface.length, hash, id * 2 + 1), surface);
    return id;
  }

  /** The id of a surface word from a query, or -1; queries never grow the vocabulary. */
  lookup(surface: string): number {
    if (this.writes(surface)) return this.codeOf(this.tokens.lookup(surface));
    return this.idOfStem(stem(surface));
  }

  /** Whether some paper writes `surface` as it is, not only a word stemmed to it ("compete" is written, "compet" not). */
  writes(surface: string): boolean {
    const entry = this.tokens.lookup(surface);
    return entry >= 0 && (this.tokens.value(entry) & 1) === 1;
  }

  idOfStem(root: string): number {
    const handle = this.stems.lookup(root);
    return handle < 0 ? -1 : this.stems.value(handle);
  }

  stemOf(id: number): string {
    return this.stems.get(this.stemHandles[id]!);
  }

  /**
   * After a bulk build: readies prefix lookups, so the first partial word typed does not pay for it, and
   * sheds what only the build needed — the tokens' packed keys, empty slots, and the arrays' spare room
   * (at 100k realistic papers ~73 -> ~36 MB). Lookups from here on are rare: query words and live upserts.
   */
  prepare(): void {
    this.prefixes.sort();
    this.tokens.compact();
    this.stems.compact();
    this.stemHandles = this.stemHandles.slice(0, this.stems.size);
    this.compoundStart = this.compoundStart.slice(0, this.compounds + 1);
    this.compoundTerms = this.compoundTerms.slice(0, this.compoundUsed);
  }

  /** Ids of every term with a surface form starting with `prefix`, at most `maxLength` long (distinct, unordered). */
  withPrefix(prefix: string, maxLength = Infinity): number[] {
    return this.prefixes.terms(prefix, maxLength);
  }

  /**
   * Ids of terms with a surface form one edit (insert, delete, substitute, swap neighbours) from `word`
   * (those `accept` says yes to, when given), each also given to `found` with the spelling that reached it.
   * Bounded work: it looks up the word's edits, never scans the vocabulary (typos.ts).
   */
  withinOneEdit(word: string, accept?: (candidate: string) => boolean, found?: (id: number, candidate: string) => void): number[] {
    const out = new Set<number>();
    oneEditAway(word, (candidate) => {
      if (accept && !accept(candidate)) return;
      const entry = this.tokens.lookup(candidate);
      if (entry >= 0 && this.tokens.value(entry) & 1) { out.add(this.codeOf(entry)); found?.(this.codeOf(entry), candidate); }
    });
    return [...out];
  }

  /** Bytes held by the strings and their codes, for memory reports. */
  get bytes(): number {
    return this.tokens.bytes + this.stems.bytes + this.stemHandles.byteLength + this.compoundStart.byteLength +
      this.compoundTerms.byteLength + this.prefixes.bytes;
  }
}

function grown<T extends Int32Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  // An eighth more, not double: after prepare() trims them, a live upsert should not double these arrays
  // (still a geometric growth, so a build copies each element a bounded number of times).
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length + (a.length >> 3) + 64));
  next.set(a);
  return next;
}

/** Whether a token is its own only term: no hyphen, no capital (ASCII, or a character with a distinct lower case). */
function isPlain(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 45 || (c >= 65 && c <= 90)) return false;
    if (c >= 128) return raw === raw.toLowerCase() && !raw.includes("-");
  }
  return true;
}
