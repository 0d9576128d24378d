import { z } from "zod";
import { defineCommand, type Command, type CommandContext } from "../command-kit/command.ts";
import { aboutAnything, meantCommand } from "../command-kit/dispatch.ts";
import type { CommandRegistry } from "../command-kit/registry.ts";
import { describeOptions, option } from "../command-kit/options.ts";
import { UserError } from "../command-kit/errors.ts";
import { bookmarkingHelp } from "../command-kit/hints.ts";
import { exampleOn, searchExample, usageOn } from "../command-kit/usage.ts";
import type { Platform } from "../core/channel.ts";
import type { Reply } from "../core/messages/reply.ts";
import { typed } from "../core/messages/typed.ts";
import { isStopword } from "../core/search/query.ts";

const Options = z.object({
  command: option(z.string().trim().max(60, "That is too long for a command name.").optional(),
    { description: "A command to explain, like subscribe", autocomplete: "command" }),
});

/** One command's help: how to type it, what it does, and each of its options. */
function commandHelp(command: Command, platform: Platform): Reply {
  const options = describeOptions(command.data.options).map((o) => {
    const range = o.min !== undefined && o.max !== undefined ? `${o.min}–${o.max}` : "";
    // Only what the description does not say already ("Papers per digest (1–20, default 5)").
    const said = (words: readonly string[]) => words.every((w) => new RegExp(`\\b${w}\\b`, "i").test(o.description));
    const values = o.choices ? (said(o.choices) ? "" : ` (${o.choices.join(", ")})`) : range && !o.description.includes(range) ? ` (${range})` : "";
    // One pair of brackets: "Which page (5 per page; 1–10000)", not "(5 per page) (1–10000)".
    const described = values && o.description.endsWith(")") ? `${o.description.slice(0, -1)}; ${values.slice(2)}` : `${o.description}${values}`;
    return `• ${o.name}${o.required ? "" : " (optional)"}: ${described}`;
  });
  return { visibility: "ephemeral", tone: "info",
    text: [usageOn(command, platform), command.data.description + ".", ...(options.length ? ["Options:", ...options] : [])].join("\n") };
}

/**
 * What to say of "help <words>" that name no command: the command one typo away ("help subscrbe"), or how to
 * search for what was asked in plain words ("help me find moe papers", "help moe"), or where the list is.
 */
function noSuchCommand(ctx: CommandContext, registry: CommandRegistry, words: string[]): string {
  const name = typed(words[0]!.toLowerCase().slice(0, 40));
  const meant = meantCommand(registry, words[0]!);
  if (meant && !meant.includes(" ")) return `There is no /papers ${name} command; did you mean ${exampleOn(ctx.user.platform, "help", [["command", meant]])}?`;
  // The words less the asking around them ("me find … papers"); "of" inside "mixture of experts" stays.
  const asking = (w: string) => !/\p{L}/u.test(w) || isStopword(w.toLowerCase());
  let from = 0, to = words.length;
  while (from < to && asking(words[from]!)) from++;
  while (to > from && asking(words[to - 1]!)) to--;
  const topic = words.slice(from, to).join(" ").slice(0, 40);
  // A lone word is a topic only where papers are about it; else it is more likely a command misremembered.
  const searchable = topic !== "" && (words.length > 1 || aboutAnything(ctx.services.catalog.index, topic));
  const search = searchable ? ` To find papers, type the topic after /papers, like ${exampleOn(ctx.user.platform, "search", [["query", typed(topic)]])}.` : "";
  return `There is no /papers ${name} command; /papers help lists them all.${search}`;
}

/** Help is built from the registered commands, so it never lists one that does not exist. */
export function helpCommand(registry: () => CommandRegistry) {
  return defineCommand({
    data: {
      name: "help",
      description: "What papers-bot can do, or how to use one command",
      usage: "help [command]",
      options: Options,
    },
    async execute(ctx, { command }): Promise<Reply> {
      if (command) {
        // Read as dispatch reads typed words ("not interested" is not-interested).
        const words = command.replace(/^\/?papers\s+/i, "").split(/\s+/);
        const [found] = registry().lookup(words);
        if (!found) throw new UserError("unknown_command", noSuchCommand(ctx, registry(), words));
        return commandHelp(found, ctx.user.platform);
      }
      const platform = ctx.user.platform;
      const lines = registry().visible().map((c) => `• ${usageOn(c, platform)} — ${c.data.description}`);
      return {
        visibility: "ephemeral", tone: "info",
        text: [`papers-bot keeps your team on top of trending ML papers. Type ${searchExample(platform)} to search, or:`, ...lines,
          `Lists are numbered: ${exampleOn(platform, "bookmark", [["id", "2"]])} saves paper 2 of the last list you saw here (similar, paper and unbookmark take a number too).`,
          bookmarkingHelp(platform),
          `${platform === "discord" ? "/papers help command:<name>" : "/papers help <command>"} explains one command.`].filter(Boolean).join("\n"),
      };
    },
  });
}
