// Searching inside one person's reading list: the same analyzer, ranking and relevance floor as
// /papers search (the catalog's index, restricted to the person's papers by its filter), plus the papers
// whose note has every word, which the index does not know about.
import type { UserRef } from "../channel.ts";
import { foldLatex } from "../latex.ts";
import { splitByRelevance } from "../relevance.ts";
import { isStopword, sidesOf, splitQuery } from "../search/query.ts";
import { stem } from "../search/stem.ts";
import { tokens } from "../search/tokenize.ts";
import type { Services } from "../services.ts";
import { readingList, type ReadingListItem } from "./reading-list.ts";

/** A note as note search reads it: its words as the index reads a paper's (accents and look-alike letters
 * folded, lower case, compounds split, stemmed), each position holding the stems found there (a compound's
 * joined form shares its first part's). */
type NoteWords = Set<string>[];

function noteWords(note: string): NoteWords {
  const at: NoteWords = [];
  // LaTeX escapes folded as in papers and queries ("Pok\\'emon" is "Pokémon").
  for (const { term, position } of tokens(foldLatex(note))) (at[position] ??= new Set()).add(stem(term));
  return at;
}

/** What one typed word or phrase must find: its parts in order, or, typed as one compound, its joined form anywhere. */
interface Wanted { parts: string[]; joined: string | null; common: boolean }

function wanted(text: string, asPhrase: boolean): Wanted {
  const found = tokens(foldLatex(text));
  const terms = found.filter((t) => !t.joined).map((t) => t.term);
  // "moe-style" finds a note saying "MoEstyle"; a phrase is its words in order, nothing else.
  const joined = !asPhrase && found[0]?.joined ? stem(found[0].term) : null;
  return { parts: terms.map(stem), joined, common: terms.every(isStopword) };
}

function has(note: NoteWords, { parts, joined }: Wanted): boolean {
  if (joined && note.some((stems) => stems?.has(joined))) return true;
  if (parts.length === 0) return false;
  for (let start = 0; start + parts.length <= note.length; start++) {
    if (parts.every((part, i) => note[start + i]?.has(part))) return true;
  }
  return false;
}

/** The words of `text` as separately typed (whitespace apart), without the common ones when others are there,
 * as paper search drops them. */
function typedWords(text: string): Wanted[] {
  const words = text.split(/\s+/).map((word) => wanted(word, false)).filter((w) => w.parts.length > 0);
  const specific = words.filter((w) => !w.common);
  return specific.length > 0 ? specific : words;
}

/** Whether a note has `word` as a word of its own, as note search reads one ("vo" is no word of "favourite"). */
export function noteHasWord(note: string | null, word: string): boolean {
  return note ? has(noteWords(note), wanted(word, false)) : false;
}

/** A note matches a query as search reads it: every word and quoted phrase (words together, in order) of one
 * side of an OR ("fid OR section"), and none of the words or phrases typed with a minus. Whole words only,
 * stemmed as papers are: "tables" finds "table", "vo" does not find "favourite". */
function noteMatcher(query: string): (note: string | null) => boolean {
  const sides = (sidesOf(query) ?? [query]).map((side) => {
    const split = splitQuery(side);
    return [...typedWords(split.rest), ...split.phrases.map((p) => wanted(p, true)).filter((w) => w.parts.length > 0)];
  }).filter((side) => side.length > 0);
  return (note) => {
    if (!note) return false;
    const words = noteWords(note);
    return sides.some((side) => side.every((w) => has(words, w)));
  };
}

/** Whether a bookmark has a word or phrase typed with a minus, in its paper or in its note: a match in one
 * and the word left out in the other is still left out ("reread -survey" with the survey's note "reread"). */
function leftOutBy(query: string): (item: ReadingListItem) => boolean {
  const split = splitQuery(query);
  const out = [...split.excluded.map((w) => wanted(w, false)), ...split.excludedPhrases.map((p) => wanted(p, true))]
    .filter((w) => w.parts.length > 0);
  if (out.length === 0) return () => false;
  return ({ paper, note }) => {
    const texts = [note ?? "", `${paper.title}. ${paper.summary}. ${paper.authors.join(", ")}. ${paper.keywords.join(", ")}`];
    return texts.some((text) => { const words = noteWords(text); return out.some((w) => has(words, w)); });
  };
}

/** A match and its number in the whole list (newest first, from 1), which /papers note takes. */
export interface FoundBookmark extends ReadingListItem { position: number }

/** Every matching bookmark, best first. `notesOnly`: the papers are not searched, only the notes (words too
 * common to pick a paper, "the" or "to do", may still be a person's own label for theirs). */
export async function searchReadingList(services: Pick<Services, "bookmarks" | "catalog" | "papers">, user: UserRef, query: string,
  { notesOnly = false }: { notesOnly?: boolean } = {}): Promise<FoundBookmark[]> {
  const { items: listed } = await readingList(services, user);
  if (listed.length === 0) return [];
  const items = listed.map((item, i) => ({ ...item, position: i + 1 }));
  const byId = new Map(items.map((item) => [item.paper.id, item]));
  const { hits } = notesOnly ? { hits: [] } : services.catalog.index.search(query, { limit: items.length, filter: (id) => byId.has(id) });
  // Only papers about what was asked, by the line /papers search draws (relevance.ts): "moe" must not
  // list the one saved paper whose title says "Expert-level".
  const { strong } = splitByRelevance(services.catalog.index, query, hits);
  const found = strong.map((h) => byId.get(h.id)!).filter(Boolean);
  const seen = new Set(found.map((item) => item.paper.id));
  const noteMatches = noteMatcher(query);
  for (const item of items) if (!seen.has(item.paper.id) && noteMatches(item.note)) found.push(item);
  const leftOut = leftOutBy(query);
  return found.filter((item) => !leftOut(item));
}
