// How to type a command where the person is. Slack and the terminal take words after /papers, as each
// command's usage line shows them; Discord takes a subcommand and named options, so there the line is
// built from the options themselves: /papers subscribe [who:channel|me] [time:…] … .
import type { Platform } from "../core/channel.ts";
import type { Command } from "./command.ts";
import { describeOptions } from "./options.ts";

export function usageOn(command: Command, platform: Platform): string {
  if (platform !== "discord") return `/papers ${command.data.usage}`;
  const options = describeOptions(command.data.options).map((o) => {
    const value = o.choices ? o.choices.join("|") : o.min !== undefined && o.max !== undefined ? `${o.min}-${o.max}` : "…";
    return o.required ? `${o.name}:${value}` : `[${o.name}:${value}]`;
  });
  return ["/papers", command.data.name, ...options].join(" ");
}

/** How to search: "/papers <words>", or on Discord "/papers search query:<words>". */
export function searchExample(platform: Platform): string {
  return platform === "discord" ? "/papers search query:<words>" : "/papers <words>";
}

/**
 * One way of typing a command, for a hint: its words after /papers in Slack and the terminal, its named
 * options on Discord. `options` lists them in the order a person would fill them in.
 */
export function exampleOn(platform: Platform, command: string, options: [name: string, value: string][]): string {
  const parts = platform === "discord" ? options.map(([name, value]) => `${name}:${value}`) : options.map(([, value]) => value);
  return ["/papers", command, ...parts].join(" ");
}
