import { z } from "zod";
import { parseArxivId } from "../core/paper.ts";
import { defineCommand } from "./command.ts";
import { UserError } from "./errors.ts";
import { toCard, type Reply } from "./reply.ts";

const Input = z.object({
  id: z.string({ error: "Give a paper's arXiv id or link, like /papers paper 2403.07816." }).trim()
    .min(1, "Give a paper's arXiv id or link, like /papers paper 2403.07816.").max(300, "That is too long for a paper id or link."),
});

export const paperCommand = defineCommand({
  name: "paper",
  description: "One paper in full: title, authors, abstract, links",
  usage: "paper <arXiv id or link>",
  options: [{ name: "id", description: "arXiv id or link, e.g. 2403.07816", type: "string", required: true, autocomplete: "paper" }],
  input: Input,
  async execute(ctx, { id }): Promise<Reply> {
    const paper = ctx.services.catalog.get(parseArxivId(id) ?? id) ?? (await ctx.services.papers.get(parseArxivId(id) ?? id));
    if (!paper) throw new UserError("unknown_paper", `I don't know a paper "${id.slice(0, 60)}". Search for it with /papers <words>.`);
    return { visibility: "ephemeral", text: paper.title, papers: [toCard(paper)], actions: ["bookmark", "share", "similar"] };
  },
});
