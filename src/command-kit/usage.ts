// How to type a command where the person is. Slack and the terminal take words after /papers, as each
// command's usage line shows them; Discord takes a subcommand and named options, so there the line is
// built from the options themselves: /papers subscribe [who:channel|me] [time:…] … .
import type { Platform } from "../core/channel.ts";
import type { Command } from "./command.ts";
import { describeOptions } from "./options.ts";
import { typed } from "../core/messages/typed.ts";

export function usageOn(command: Command, platform: Platform): string {
  if (platform !== "discord") return `/papers ${command.data.usage}`;
  const options = describeOptions(command.data.options).map((o) => {
    const value = o.choices ? o.choices.join("|") : o.type === "boolean" ? "true|false"
      : o.min !== undefined && o.max !== undefined ? `${o.min}-${o.max}` : "…";
    return o.required ? `${o.name}:${value}` : `[${o.name}:${value}]`;
  });
  return ["/papers", command.data.name, ...options].join(" ");
}

/** How to search: "/papers <words>", or on Discord "/papers search query:<words>". */
export function searchExample(platform: Platform): string {
  return exampleOn(platform, "search", [["query", "<words>"]]);
}

/** How to search for what was typed where a paper was wanted ("bookmark moe"): "/papers search moe",
 * spelled out with "search" so that words starting like a command ("trending robots") stay a search; the
 * placeholder when it has no words to search for (a number, an id, a link). */
export function searchFor(platform: Platform, words: string): string {
  const trimmed = words.trim().slice(0, 60);
  if (!/\p{L}{3}/u.test(trimmed) || /^<?https?:/i.test(trimmed)) return searchExample(platform);
  return platform === "discord" ? exampleOn(platform, "search", [["query", typed(trimmed)]]) : `/papers search ${typed(trimmed)}`;
}

/** One option of an example: its name, its value, and its value on Discord where that differs ("undo" is undo:true there). */
export type ExampleOption = [name: string, value: string, onDiscord?: string];

/**
 * One way of typing a command, for a hint: its words after /papers in Slack and the terminal, its named
 * options on Discord. `options` lists them in the order a person would fill them in. A search needs no
 * command name where text is typed: "/papers mixture of experts".
 */
export function exampleOn(platform: Platform, command: string, options: ExampleOption[]): string {
  if (platform === "discord") return ["/papers", command, ...options.map(([name, value, onDiscord]) => `${name}:${onDiscord ?? value}`)].join(" ");
  return ["/papers", ...(command === "search" ? [] : [command]), ...options.map(([, value]) => value)].join(" ");
}

// An example inside a message written before anyone knows where it will be read (a zod option's error, a
// fixed UserError) is a placeholder, which dispatch writes out for the reader (examplesFor). JSON inside
// brackets no text of ours uses, so a value may hold spaces.
const PLACEHOLDER = /⟦(\[.*?\])⟧/g;

/** A placeholder for exampleOn(platform, command, options), for a message that does not know the platform. */
export function example(command: string, options: ExampleOption[] = []): string {
  return `⟦${JSON.stringify([command, options])}⟧`;
}

/** How to search, in a message that does not know the platform. */
export const SEARCH_EXAMPLE = example("search", [["query", "<words>"]]);

/** `text` with its example placeholders written out for `platform`. */
export function examplesFor(text: string, platform: Platform): string {
  return text.replace(PLACEHOLDER, (whole, json: string) => {
    // Only ours: dispatch drops the brackets from what people type, and anything else stays as it was.
    let parsed: unknown;
    try { parsed = JSON.parse(json); } catch { return whole; }
    if (!Array.isArray(parsed) || typeof parsed[0] !== "string" || !Array.isArray(parsed[1])
      || !parsed[1].every((o: unknown) => Array.isArray(o) && o.every((part) => typeof part === "string"))) return whole;
    return exampleOn(platform, parsed[0], parsed[1] as ExampleOption[]);
  });
}
