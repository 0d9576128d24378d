import { z } from "zod";

/** The `id` option of commands about one paper: an arXiv id or link, with a hint naming the command. */
export function paperIdInput(command: string) {
  const hint = `Give a paper's arXiv id or link, like /papers ${command} 2403.07816.`;
  return z.object({ id: z.string({ error: hint }).trim().min(1, hint).max(300, "That is too long for a paper id or link.") });
}

export const paperIdOption = { name: "id", description: "arXiv id or link, e.g. 2403.07816", type: "string", required: true, autocomplete: "paper" } as const;
