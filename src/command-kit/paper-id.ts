import { z } from "zod";
import { option } from "./options.ts";
import { example } from "./usage.ts";

/** What to say when no paper is named: the same sentence from every command about one paper, naming it;
 * `words` for a command that also takes words about the paper (similar). */
export function whichPaperHint(command: string, option = "id", words = false): string {
  return `Say which paper: its number in the last list, like ${example(command, [[option, "2"]])}, ${words ? "its id or link, or words about it" : "or its id or link"}.`;
}

/** The options of commands about one paper: a number from the last list, an id or a link (or, with `words`,
 * words about it), with a hint naming the command. */
export function paperIdOptions(command: string, suggest: "paper" | "bookmark" = "paper", words = false) {
  const hint = whichPaperHint(command, "id", words);
  return z.object({
    id: option(z.string({ error: hint }).trim().min(1, hint).max(300, "That is too long for a paper id or link."),
      { description: `Number in your last list, ${words ? "the paper's id or arXiv link, or words about it" : "or the paper's id or arXiv link"}`, autocomplete: suggest }),
  });
}
