import { z } from "zod";
import { option } from "./options.ts";

/** The options of commands about one paper: its arXiv id or link, with a hint naming the command. */
export function paperIdOptions(command: string) {
  const hint = `Give a paper's arXiv id or link, like /papers ${command} 2403.07816.`;
  return z.object({
    id: option(z.string({ error: hint }).trim().min(1, hint).max(300, "That is too long for a paper id or link."),
      { description: "arXiv id or link, e.g. 2403.07816", autocomplete: "paper" }),
  });
}
