import { z } from "zod";
import { option } from "./options.ts";
import { example } from "./usage.ts";

/** The options of commands about one paper: a number from the last list, an id or a link, with a hint naming the command. */
export function paperIdOptions(command: string, suggest: "paper" | "bookmark" = "paper") {
  const hint = `Say which paper: its number in the last list, like ${example(command, [["id", "2"]])}, or its id or link.`;
  return z.object({
    id: option(z.string({ error: hint }).trim().min(1, hint).max(300, "That is too long for a paper id or link."),
      { description: "Number in your last list, or the paper's id or arXiv link", autocomplete: suggest }),
  });
}
