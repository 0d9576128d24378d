import { z } from "zod";
import { option } from "./options.ts";
import { example } from "./usage.ts";

/** What to say when no paper is named: the same sentence from every command about one paper, naming it. */
export function whichPaperHint(command: string, option = "id"): string {
  return `Say which paper: its number in the last list, like ${example(command, [[option, "2"]])}, or its id or link.`;
}

/** The options of commands about one paper: a number from the last list, an id or a link, with a hint naming the command. */
export function paperIdOptions(command: string, suggest: "paper" | "bookmark" = "paper") {
  const hint = whichPaperHint(command);
  return z.object({
    id: option(z.string({ error: hint }).trim().min(1, hint).max(300, "That is too long for a paper id or link."),
      { description: "Number in your last list, or the paper's id or arXiv link", autocomplete: suggest }),
  });
}
