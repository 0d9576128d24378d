// Choices Discord shows while someone types an option: paper titles from the search index, or IANA
// time zones. Discord allows 25 choices of at most 100 characters each.
import type { OptionSpec } from "../../command-kit/options.ts";
import type { Services } from "../../core/services.ts";
import type { UserRef } from "../../core/channel.ts";
import type { CommandRegistry } from "../../command-kit/registry.ts";
import { citiesStartingWith, zoneNames } from "../../core/time.ts";
import { foldAccents } from "../../core/search/tokenize.ts";
import { normalizeZone } from "../../command-kit/subscription-words.ts";
import { offsetLabel, offsetTyped, zonesAtOffset } from "../../command-kit/offset-zones.ts";
import { listNumber, MAX_REMEMBERED } from "../../command-kit/paper-ref.ts";

export interface Choice { name: string; value: string }

const MAX_CHOICES = 25;

function cut(text: string): string {
  return text.length <= 100 ? text : text.slice(0, 99) + "…";
}

export function timeZoneChoices(typed: string, now: Date = new Date()): Choice[] {
  const offset = offsetTyped(typed);
  if (offset !== null) return zonesAt(offset, now);
  // What subscribe itself would take the text as, first: a city no zone is named after ("mumbai"), an
  // abbreviation ("pst"), GMT.
  let meant: string | null = null;
  try { meant = typed.trim() ? normalizeZone(typed) : null; } catch { /* no zone: the names that contain it */ }
  const needle = foldAccents(typed.trim()).toLowerCase().replace(/\s+/g, "_");
  const starts: string[] = meant ? [meant] : [], contains: string[] = [];
  for (const zone of zoneNames()) {
    const z = zone.toLowerCase();
    if (zone === meant) continue;
    if (!needle || z.startsWith(needle) || z.split("/").some((part) => part.startsWith(needle))) starts.push(zone);
    else if (z.includes(needle)) contains.push(zone);
  }
  // A listed city still being typed ("mum", "san fr"): its zone, named with the city so the pick is clear.
  const cities: Choice[] = citiesStartingWith(typed).map(([city, zone]) => ({ name: `${zone} (${titleCase(city)})`, value: zone }));
  const named = (zones: string[]): Choice[] => zones.map((zone) => ({ name: zone, value: zone }));
  const choices = [...named(starts), ...cities, ...named(contains)];
  // Discord rejects two choices with one value: a zone comes once, the first way it was found.
  return choices.filter((c, i) => choices.findIndex((d) => d.value === c.value) === i).slice(0, MAX_CHOICES);
}

function zonesAt(offset: number, now: Date): Choice[] {
  return zonesAtOffset(offset, now).slice(0, MAX_CHOICES).map((zone) => ({ name: `${zone} (${offsetLabel(offset)} now)`, value: zone }));
}

const titleCase = (words: string): string => words.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());

/**
 * A number typed (or, with `whenEmpty`, nothing yet): the last list seen here, by number with its titles, so
 * the pick is seen before it is made (a number past the list's end shows the list, not a choice the command
 * will refuse). A number is never a title that starts with the digit; longer digits start an arXiv id
 * ("2403.0…"). Null when the text is no list number.
 */
async function numberedChoices(services: Services, text: string, lastList: () => Promise<(string | null)[] | null>,
  whenEmpty: boolean): Promise<Choice[] | null> {
  const n = listNumber(text);
  if (!((whenEmpty && !text) || (n !== null && n <= MAX_REMEMBERED))) return null;
  const numbered = ((await lastList()) ?? []).flatMap((id, i) => {
    const paper = id ? services.catalog.get(id) : undefined;
    return paper ? [{ name: cut(`${i + 1}. ${paper.title}`), value: String(i + 1) }] : [];
  });
  const picked = numbered.filter((c) => c.value === String(n));
  if (picked.length > 0) return picked;
  if (numbered.length > 0) return numbered.slice(0, MAX_CHOICES);
  return n !== null ? [{ name: `${n}: number ${n} of the last list you saw here`, value: text }] : null;
}

/**
 * Titles that start with what was typed. A free-text option (search's query) takes the title itself; an
 * id option (paper) shows the title and takes the paper's id.
 */
export async function paperChoices(services: Services, spec: OptionSpec, typed: string,
  lastList: () => Promise<(string | null)[] | null> = async () => null): Promise<Choice[]> {
  const text = typed.trim();
  const numbered = spec.rest ? null : await numberedChoices(services, text, lastList, true);
  if (numbered) return numbered;
  if (!text) return [];
  // A card's id typed ("t-9e3f…"): its paper first.
  const byId = spec.rest ? [] : services.catalog.withIdPrefix(text.toLowerCase(), 5);
  const papers = [...byId, ...services.catalog.papers(services.catalog.index.suggest(typed, MAX_CHOICES))];
  // A search takes the words as typed first, so Enter searches for them rather than for a title.
  const choices = [...(spec.rest && text.length <= 100 ? [{ name: text, value: text }] : []),
    ...papers.map((p) => ({ name: cut(p.title), value: spec.rest ? cut(p.title) : p.arxivId ?? p.id }))];
  // Discord rejects duplicate values; two papers can share a title.
  return choices.filter((c, i) => choices.findIndex((d) => d.value === c.value) === i).slice(0, MAX_CHOICES);
}

// A reading list longer than this is searched with /papers bookmarks query:…, not picked from a menu.
const MAX_BOOKMARKS_READ = 500;

/**
 * The person's own bookmarks whose title has the typed words (newest first; all of them, newest first,
 * before anything is typed): a note or an unbookmark names one of those, not any paper. A number is the
 * paper of that number in the last list seen here, as the command takes it (help: "its number in your last
 * list"), not the bookmarks whose id has the digit.
 */
export async function bookmarkChoices(services: Services, user: UserRef, typed: string,
  lastList: () => Promise<(string | null)[] | null> = async () => null): Promise<Choice[]> {
  const numbered = await numberedChoices(services, typed.trim(), lastList, false);
  if (numbered) return numbered;
  const { entries } = await services.bookmarks.list(user, { limit: MAX_BOOKMARKS_READ });
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const choices: Choice[] = [];
  for (const { paperId } of entries) {
    const paper = services.catalog.get(paperId);
    const title = paper?.title ?? paperId, value = paper?.arxivId ?? paperId;
    const text = `${title} ${value}`.toLowerCase();
    if (words.every((w) => text.includes(w))) choices.push({ name: cut(title), value });
    if (choices.length === MAX_CHOICES) break;
  }
  return choices;
}

/** The commands whose names start with what was typed (help's command option), in help's order. */
export function commandChoices(registry: CommandRegistry, typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  return registry.visible().map((c) => c.data.name).filter((name) => name.startsWith(needle)).slice(0, MAX_CHOICES)
    .map((name) => ({ name, value: name }));
}

/** `user`: who is typing, needed (and given) for bookmark choices only; `lastList`: the numbered list they saw here last. */
export async function suggestChoices(services: Services, user: UserRef | null, spec: OptionSpec | undefined, typed: string,
  registry?: CommandRegistry, lastList?: () => Promise<(string | null)[] | null>): Promise<Choice[]> {
  if (spec?.autocomplete === "command") return registry ? commandChoices(registry, typed) : [];
  if (spec?.autocomplete === "paper") return paperChoices(services, spec, typed, lastList);
  if (spec?.autocomplete === "bookmark") return user ? bookmarkChoices(services, user, typed, lastList) : [];
  if (spec?.autocomplete === "timezone") return timeZoneChoices(typed, services.clock());
  return [];
}
