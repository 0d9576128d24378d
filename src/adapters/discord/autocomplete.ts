// Choices Discord shows while someone types an option: paper titles from the search index, or IANA
// time zones. Discord allows 25 choices of at most 100 characters each.
import type { OptionSpec } from "../../command-kit/options.ts";
import type { Services } from "../../core/services.ts";
import { zoneNames } from "../../core/time.ts";

export interface Choice { name: string; value: string }

const MAX_CHOICES = 25;

function cut(text: string): string {
  return text.length <= 100 ? text : text.slice(0, 99) + "…";
}

export function timeZoneChoices(typed: string): Choice[] {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, "_");
  const starts: string[] = [], contains: string[] = [];
  for (const zone of zoneNames()) {
    const z = zone.toLowerCase();
    if (!needle || z.startsWith(needle) || z.split("/").some((part) => part.startsWith(needle))) starts.push(zone);
    else if (z.includes(needle)) contains.push(zone);
  }
  return [...starts, ...contains].slice(0, MAX_CHOICES).map((zone) => ({ name: zone, value: zone }));
}

/**
 * Titles that start with what was typed. A free-text option (search's query) takes the title itself; an
 * id option (paper) shows the title and takes the paper's id.
 */
export function paperChoices(services: Services, spec: OptionSpec, typed: string): Choice[] {
  if (!typed.trim()) return [];
  const papers = services.catalog.papers(services.catalog.index.suggest(typed, MAX_CHOICES));
  const choices = papers.map((p) => ({ name: cut(p.title), value: spec.rest ? cut(p.title) : p.arxivId ?? p.id }));
  // Discord rejects duplicate values; two papers can share a title.
  return choices.filter((c, i) => choices.findIndex((d) => d.value === c.value) === i);
}

export function suggestChoices(services: Services, spec: OptionSpec | undefined, typed: string): Choice[] {
  if (spec?.autocomplete === "paper") return paperChoices(services, spec, typed);
  if (spec?.autocomplete === "timezone") return timeZoneChoices(typed);
  return [];
}
